"""Agreement on entities: span F1 (exact, overlap) per label for each pair of annotators,
and token-level Cohen's kappa (pairs), Fleiss' kappa (three or more) and Krippendorff's alpha
over the tokens of the exports' shared tokenizer, one figure per nesting level.

Tokens: :func:`annotator.core.exports.tokens.tokenize` (proclitics on the word, as the token
exports write by default); an entity covers the tokens it overlaps, and nesting levels are
the exports' (:func:`annotator.core.exports.tagging.assign_levels`: level 1 holds the outermost
entities). A token takes the label of the entity covering it at that level, ``O`` for none.
Level 1 counts every token of every shared document; a deeper level counts the tokens of the
documents where at least one annotator has an entity at that level (elsewhere every token is
``O`` for everyone and would only inflate the agreement). An annotator who did not mark the
document done gives no value (missing, for alpha); Cohen's kappa of a pair counts the
documents both did, Fleiss' kappa the documents every chosen annotator did.

A pair's spans are also paired on position alone (overlap, one to one) for the label
confusion matrix (``O`` for a span the other annotator does not have) and the list of
disagreements shown in reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.agreement.figures import (
    Pair,
    alpha_statistic,
    fleiss_statistic,
    kappa_statistic,
    pair_name,
    pairs_of,
)
from annotator.core.agreement.loader import SharedDocument
from annotator.core.agreement.matching import (
    MODES,
    Counts,
    LabelScores,
    Mode,
    SpanItem,
    items,
    match_spans,
    modes_dict,
    score_spans,
    scores_by_mode,
)
from annotator.core.agreement.stats import pair_tally
from annotator.core.exports.tagging import OUTSIDE, TokenSpan, assign_levels
from annotator.core.exports.tokens import Tokens, tokenize
from annotator.core.model import DocumentRecord

DISAGREEMENTS_KEPT = 500
"""Disagreements kept per pair for reports (every one is counted)."""
CONTEXT = 40
"""Code points of text shown on each side of a disagreement."""


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two annotators' views of one place: ``kind`` is ``label`` (same place, another
    label), ``boundary`` (same label, other edges), ``only-a`` or ``only-b``."""

    doc_id: str
    kind: str
    start: int
    end: int
    label_a: str
    label_b: str
    before: str
    surface: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "kind": self.kind, "start": self.start,
                "end": self.end, "label_a": self.label_a, "label_b": self.label_b,
                "before": self.before, "text": self.surface, "after": self.after}


def disagreement(doc: SharedDocument, kind: str, start: int, end: int, label_a: str,
                 label_b: str) -> Disagreement:
    text = doc.text
    return Disagreement(doc.doc_id, kind, start, end, label_a, label_b,
                        text[max(0, start - CONTEXT):start], text[start:end],
                        text[end:end + CONTEXT])


@dataclass(slots=True)
class EntityPair:
    """What one pair of annotators agreed on, with the counts."""

    documents: int = 0
    scores: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_document: list[tuple[str, float | None, int, int]] = field(default_factory=list)
    """``(doc id, overlap F1, spans of A, spans of B)`` per shared document."""
    disagreements: list[Disagreement] = field(default_factory=list)
    disagreement_count: int = 0

    def note(self, found: Disagreement) -> None:
        self.disagreement_count += 1
        if len(self.disagreements) < DISAGREEMENTS_KEPT:
            self.disagreements.append(found)


def entity_items(record: DocumentRecord) -> list[SpanItem]:
    return items((e.start, e.end, e.label) for e in record.entities)


def token_levels(tokens: Tokens, record: DocumentRecord) -> list[dict[int, str]]:
    """The labelled tokens at each nesting level (level 1 first): token index to label;
    a token missing from a level is ``O`` there."""
    placed: list[TokenSpan] = []
    seen: set[tuple[int, int, str]] = set()
    for entity in record.entities:
        covered = tokens.cover(entity.start, entity.end)
        if covered is None or (*covered, entity.label) in seen:
            continue
        seen.add((*covered, entity.label))
        placed.append(TokenSpan(entity, *covered))
    out: list[dict[int, str]] = [{} for _ in range(assign_levels(placed))]
    for span in placed:
        out[span.level - 1].update(dict.fromkeys(range(span.first, span.last),
                                                 span.entity.label))
    return out


def token_labels(tokens: Tokens, record: DocumentRecord) -> list[list[str]]:
    """The label of every token at each nesting level (level 1 first), ``O`` for none."""
    out: list[list[str]] = []
    for level in token_levels(tokens, record):
        row = [OUTSIDE] * len(tokens)
        for index, label in level.items():
            row[index] = label
        out.append(row)
    return out


class EntityAgreement:
    """Accumulates entity agreement over shared documents (:meth:`add`)."""

    layer = "entities"

    def __init__(self, annotators: Sequence[str]) -> None:
        self.annotators = list(annotators)
        self.pairs: dict[Pair, EntityPair] = {p: EntityPair() for p in pairs_of(len(annotators))}
        self.levels: list[Counter[tuple[Hashable | None, ...]]] = []
        self.tokens = 0

    def add(self, doc: SharedDocument) -> None:
        spans = {i: entity_items(r) for i, r in enumerate(doc.records) if r is not None}
        for (i, j), pair in self.pairs.items():
            if i in spans and j in spans:
                self._add_pair(doc, pair, spans[i], spans[j])
        self._add_tokens(doc)

    def _add_pair(self, doc: SharedDocument, pair: EntityPair, a: list[SpanItem],
                  b: list[SpanItem]) -> None:
        pair.documents += 1
        for mode in MODES:
            matched = len(score_spans(a, b, mode, pair.scores[mode]))
            if mode == "overlap":
                pair.per_document.append((doc.doc_id, Counts(
                    matched, len(b) - matched, len(a) - matched).f1, len(a), len(b)))
        placed = [(s, e, None) for s, e, _ in a], [(s, e, None) for s, e, _ in b]
        matches = match_spans(placed[0], placed[1], "overlap")
        matched_a = {i for i, _ in matches}
        matched_b = {j for _, j in matches}
        for i, j in matches:
            (s1, e1, l1), (s2, e2, l2) = a[i], b[j]
            la, lb = str(l1), str(l2)
            pair.confusion[la, lb] += 1
            if la != lb:
                pair.note(disagreement(doc, "label", min(s1, s2), max(e1, e2), la, lb))
            elif (s1, e1) != (s2, e2):
                pair.note(disagreement(doc, "boundary", min(s1, s2), max(e1, e2), la, lb))
        for i, (s, e, label) in enumerate(a):
            if i not in matched_a:
                pair.confusion[str(label), OUTSIDE] += 1
                pair.note(disagreement(doc, "only-a", s, e, str(label), OUTSIDE))
        for j, (s, e, label) in enumerate(b):
            if j not in matched_b:
                pair.confusion[OUTSIDE, str(label)] += 1
                pair.note(disagreement(doc, "only-b", s, e, OUTSIDE, str(label)))

    def _add_tokens(self, doc: SharedDocument) -> None:
        """Tally the tokens' label tuples, level by level. Only the tokens someone labelled
        are visited; the others add to the all-``O`` tuple in one step."""
        tokens = tokenize(doc.text)
        count = len(tokens)
        if not count:
            return
        self.tokens += count
        per_rater = [None if r is None else token_levels(tokens, r) for r in doc.records]
        depth = max([1, *(len(levels) for levels in per_rater if levels is not None)])
        while len(self.levels) < depth:
            self.levels.append(Counter())
        background = tuple(None if levels is None else OUTSIDE for levels in per_rater)
        for level in range(depth):
            rows = [None if levels is None else levels[level] if level < len(levels) else {}
                    for levels in per_rater]
            covered: set[int] = set()
            for row in rows:
                if row:
                    covered.update(row)
            tally = self.levels[level]
            for index in covered:
                tally[tuple(None if row is None else row.get(index, OUTSIDE)
                            for row in rows)] += 1
            if count > len(covered):
                tally[background] += count - len(covered)

    def to_dict(self) -> dict[str, Any]:
        names = self.annotators
        raters = len(names)
        levels: list[dict[str, Any]] = []
        for number, units in enumerate(self.levels, start=1):
            fleiss = fleiss_statistic(units, raters)
            levels.append({
                "level": number,
                "cohen_kappa": {pair_name(names, p): kappa_statistic(
                    pair_tally(units, *p)).to_dict() for p in self.pairs},
                "fleiss_kappa": None if fleiss is None else fleiss.to_dict(),
                "krippendorff_alpha": alpha_statistic(units, raters).to_dict(),
            })
        return {
            "tokens": self.tokens,
            "token_levels": levels,
            "pairs": {pair_name(names, p): {
                "documents": pair.documents,
                **modes_dict(pair.scores),
                "disagreements": pair.disagreement_count,
                "per_document": [{"doc_id": doc, "f1_overlap": f1, "spans_a": n_a,
                                  "spans_b": n_b} for doc, f1, n_a, n_b in pair.per_document],
            } for p, pair in self.pairs.items()},
        }

