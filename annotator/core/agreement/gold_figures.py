"""Agreement figures for a curated export's dataset card: the hook of
:data:`annotator.core.curation.gold.AGREEMENT_HOOK`.

:func:`gold_agreement` measures the annotators the gold was curated from on the documents of
the gold (those whose curated layer is marked done), as ``annotator agreement`` would on
those documents alone: per pair the exact entity span F1 (micro, the first annotator as the
reference) and the token-level Cohen's kappa of the first nesting level, with Fleiss' kappa
for three or more annotators. :func:`register_gold_agreement` plugs it in; the caller (the
curated export) registers it, so the curation package never imports this one and the
package graph stays acyclic (``tests/test_import_cycles.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from annotator.core.agreement.compute import compute_agreement
from annotator.core.agreement.loader import AgreementSource
from annotator.core.model import DocumentRecord
from annotator.core.store import CURATED, Project, ProjectError

DECIMALS = 3


class _GoldDocuments:
    """An :class:`AgreementSource` that sees only the documents of the gold."""

    def __init__(self, project: Project) -> None:
        self.project = project
        try:
            self.gold = set(project.external_ids(status="done", layer=CURATED))
        except ProjectError:  # nobody ever wrote the curated layer
            self.gold = set()

    def external_ids(self, status: str | None = None) -> Iterator[str]:
        return (i for i in self.project.external_ids(status) if i in self.gold)

    def iter_records(self, status: str | None = None,
                     annotator: str | None = None) -> Iterator[DocumentRecord]:
        return (r for r in self.project.iter_records(status, annotator) if r.id in self.gold)

    def annotator_names(self) -> dict[int, str]:
        return self.project.annotator_names()


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def gold_agreement(project: Project, annotators: Sequence[str]) -> dict[str, Any]:
    """``{"documents": n, "entity F1 exact A~B": f, "token kappa A~B": k, ...,
    "token Fleiss kappa": k}`` (values rounded to three decimals, None when undefined);
    empty when fewer than two annotators made the gold. Pairs are named in name order
    (``alice~bob``), as ``annotator agreement`` names them by default."""
    names = sorted(name for name in set(annotators) if name != CURATED)
    if len(names) < 2:
        return {}
    source: AgreementSource = _GoldDocuments(project)
    data = compute_agreement(source, names, layers=("entities",)).to_dict()
    entities = data["layers"]["entities"]
    figures: dict[str, Any] = {"documents": data["documents"]}
    for pair, found in entities["pairs"].items():
        figures[f"entity F1 exact {pair}"] = _rounded(found["exact"]["micro"]["f1"])
    if entities["token_levels"]:
        first = entities["token_levels"][0]
        for pair, kappa in first["cohen_kappa"].items():
            figures[f"token kappa {pair}"] = _rounded(kappa["value"])
        if len(names) > 2 and first["fleiss_kappa"] is not None:
            figures["token Fleiss kappa"] = _rounded(first["fleiss_kappa"]["value"])
    return figures


def register_gold_agreement() -> None:
    """Plug :func:`gold_agreement` into the curation's dataset card (unless a hook is
    there already)."""
    from annotator.core.curation.gold import AGREEMENT_HOOK

    if not AGREEMENT_HOOK:
        AGREEMENT_HOOK.append(gold_agreement)
