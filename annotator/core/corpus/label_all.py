"""Label all: an entity of one label on every whole-word occurrence of a text, as ONE action.

:func:`plan_label_all` lists what would be added (and what is skipped, with the reason);
:func:`apply_plan` adds it in one ``project.batch``, so one journal entry covers every document
and one ``undo`` removes them all. Each occurrence comes from the concordance search (folded,
whole word, after attached proclitics) and is then checked:

* proclitics stay outside the name; when a proclitic was found in front of the occurrence, the
  clitic rule (:func:`annotator.core.text.snap_to_name`, with the searched text and the names
  already annotated in the document as evidence) must agree that the letters are a proclitic:
  ``واشنطن`` stays whole when it is a known name, so label-all ``اشنطن`` does not cut it;
* never inside a longer word (whole-word search), never a duplicate of an entity with the same
  span and label, never crossing another entity; nested inside or around another entity only
  when the schema allows nesting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.corpus.concordance import Concordance, ConcordanceRow, SearchQuery
from annotator.core.corpus.matching import Mode
from annotator.core.store import Project
from annotator.core.text import NameLexicon, snap_to_name, span_problem


@dataclass(frozen=True, slots=True)
class PlannedEntity:
    """One entity label-all would add (or skipped, with ``reason``)."""

    doc_id: int
    external_id: str
    start: int
    end: int
    text: str
    reason: str = ""


@dataclass(slots=True)
class LabelAllPlan:
    text: str
    label: str
    add: list[PlannedEntity] = field(default_factory=list)
    skipped: list[PlannedEntity] = field(default_factory=list)

    def by_document(self) -> dict[str, list[PlannedEntity]]:
        """The additions grouped per document (external id), in document order."""
        groups: dict[str, list[PlannedEntity]] = {}
        for planned in self.add:
            groups.setdefault(planned.external_id, []).append(planned)
        return groups


Existing = list[tuple[int, int, str]]


def _overlap_problem(start: int, end: int, label: str, existing: Existing,
                     nesting: bool) -> str | None:
    for s, e, lab in existing:
        if (s, e) == (start, end):
            if lab == label:
                return f"already labelled {label}"
            if not nesting:
                return f"already an entity ({lab}) and the schema allows no nesting"
            continue
        if s < end and start < e:
            nested = (s <= start and end <= e) or (start <= s and e <= end)
            if not nested:
                return f"crosses the {lab} entity at {s}-{e}"
            if not nesting:
                return f"overlaps the {lab} entity at {s}-{e} and the schema allows no nesting"
    return None


def _clitic_problem(text: str, row: ConcordanceRow, lexicon: NameLexicon) -> str | None:
    if not row.proclitic:
        return None
    word_start = row.start - len(row.proclitic)
    snapped = snap_to_name(text, word_start, row.end, lexicon)
    if snapped[0] != row.start:
        whole = text[word_start:row.end]
        return f"the clitic rule keeps {whole!r} whole (a known name)"
    return None


def plan_label_all(project: Project, text: str, label: str, *,
                   statuses: Sequence[str] = (), names: Iterable[str] = ()) -> LabelAllPlan:
    """What labelling every occurrence of ``text`` with ``label`` would add.

    ``names``: further known names for the clitic rule (e.g. a gazetteer or lexicon). Raises
    ``ValueError`` for a label the schema does not have or an empty text."""
    schema = project.schema
    if not schema.has_entity_label(label):
        raise ValueError(f"label {label!r} is not in the project schema"
                         f" (labels: {', '.join(sorted(schema.entity_types))})")
    plan = LabelAllPlan(text, label)
    extra = list(names)
    query = SearchQuery(text, Mode.WORD, statuses=tuple(statuses))
    current: tuple[int, str, Existing, NameLexicon] | None = None
    for row in Concordance(project, query):
        if current is None or current[0] != row.doc_id:
            doc_text = project.get_text(row.doc_id)
            existing: Existing = [(e.start, e.end, e.label)
                                  for e in project.get_record(row.doc_id).entities]
            lexicon = NameLexicon(names=[text, *extra, *(doc_text[s:e] for s, e, _ in existing)])
            current = (row.doc_id, doc_text, existing, lexicon)
        _, doc_text, existing, lexicon = current
        reason = (span_problem(doc_text, row.start, row.end)
                  or _clitic_problem(doc_text, row, lexicon)
                  or _overlap_problem(row.start, row.end, label, existing, schema.nesting))
        planned = PlannedEntity(row.doc_id, row.external_id, row.start, row.end, row.match,
                                reason or "")
        (plan.skipped if reason else plan.add).append(planned)
    return plan


def apply_plan(project: Project, plan: LabelAllPlan) -> list[int]:
    """Add the planned entities as ONE undoable action; returns the new entity ids.

    A planned entity that meanwhile got an identical one (same span and label) is left out."""
    if not plan.add:
        return []
    added: list[int] = []
    with project.batch(f"Label all «{plan.text}» as {plan.label}"):
        doc_id = None
        taken: set[tuple[int, int]] = set()
        for planned in plan.add:
            if planned.doc_id != doc_id:
                doc_id = planned.doc_id
                taken = {(e.start, e.end) for e in project.get_record(doc_id).entities
                         if e.label == plan.label}
            if (planned.start, planned.end) in taken:
                continue
            added.append(project.add_entity(planned.doc_id, planned.start, planned.end,
                                            plan.label))
            taken.add((planned.start, planned.end))
    return added


def label_all(project: Project, text: str, label: str, *, statuses: Sequence[str] = (),
              dry_run: bool = False) -> LabelAllPlan:
    """Plan, and unless ``dry_run`` apply, labelling every occurrence of ``text``."""
    plan = plan_label_all(project, text, label, statuses=statuses)
    if not dry_run:
        apply_plan(project, plan)
    return plan
