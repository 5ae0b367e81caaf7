"""How the gold was made: what a curated export's dataset card and report say.

``gold_description`` gathers the annotators and policies the documents were curated from,
how many decisions the auto-merge and the curators made, and the agreement figures when an
agreement function is available. The agreement package (issue 13) plugs in through
:data:`AGREEMENT_HOOK`: a function ``(project, annotators) -> dict`` of figures; until it is
set, the card says the figures were not computed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from annotator.core.store import CURATED, Project
from annotator.core.store.curation_state import names_of

AgreementFigures = Callable[[Project, Sequence[str]], dict[str, Any]]
AGREEMENT_HOOK: list[AgreementFigures] = []
"""At most one function computing agreement figures (the agreement package appends it)."""


def agreement_figures(project: Project, annotators: Sequence[str]) -> dict[str, Any] | None:
    """The agreement figures of the hook, or None when none is plugged in."""
    return AGREEMENT_HOOK[0](project, annotators) if AGREEMENT_HOOK else None


def uncurated_documents(project: Project) -> list[str]:
    """External ids of the documents in curation (auto-merged, or holding a curated layer)
    that the curator has not marked curated (done) yet."""
    if not project.curation_state_table():
        return []
    rows = project.conn.execute(
        "SELECT d.external_id FROM documents d WHERE (d.id IN (SELECT doc_id FROM"
        " curation_documents) OR d.id IN (SELECT doc_id FROM entities e JOIN annotators a"
        " ON a.id = e.annotator_id WHERE a.name = ?)) AND d.id NOT IN (SELECT s.doc_id FROM"
        " document_status s JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ?"
        " AND s.status = 'done') ORDER BY d.id", (CURATED, CURATED))
    return [str(r[0]) for r in rows]


def gold_description(project: Project) -> dict[str, Any]:
    """``{"layer", "annotators", "policies", "documents", "decisions", "curators",
    "agreement"}`` for the report's ``gold`` key and the dataset card (its section:
    ``exports/report.gold_card_lines``)."""
    annotators: list[str] = []
    if not project.curation_state_table():
        return {"layer": CURATED, "annotators": [], "policies": {}, "documents": 0,
                "decisions": {}, "curators": [], "agreement": None}
    policies: Counter[str] = Counter()
    for names, policy in project.conn.execute(
            "SELECT annotators, policy FROM curation_documents"):
        policies[str(policy)] += 1
        for name in names_of(names):
            if name not in annotators:
                annotators.append(name)
    decisions = Counter(str(d) for (d,) in project.conn.execute(
        "SELECT decision FROM curation_decisions"))
    curators = [str(n) for (n,) in project.conn.execute(
        "SELECT DISTINCT a.name FROM curation_decisions c JOIN annotators a"
        " ON a.id = c.curator_id ORDER BY a.name")]
    return {"layer": CURATED, "annotators": annotators, "policies": dict(policies),
            "documents": project.curation_progress().curated,
            "decisions": dict(sorted(decisions.items())), "curators": curators,
            "agreement": agreement_figures(project, annotators)}
