"""Span matching between two annotators and precision/recall/F1 counts.

A *span item* is ``(start, end, key)``: offsets in code points (end-exclusive) and the value
that must be equal for a match (a label, a role; ``None`` to match on the span alone).

* ``exact``: same start, same end, same key.
* ``overlap``: same key and at least one code point in common. Matching is one to one: exact
  matches first, then the remaining pairs by the number of code points they share (largest
  first, ties by position), so a span is never counted twice.

F1 is symmetric: annotator A is taken as the reference, B as the prediction (swapping them
swaps precision and recall only).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["exact", "overlap"]
MODES: tuple[Mode, ...] = ("exact", "overlap")
SpanItem = tuple[int, int, Hashable]


def match_spans(a: Sequence[SpanItem], b: Sequence[SpanItem],
                mode: Mode) -> list[tuple[int, int]]:
    """One-to-one matches ``(index in a, index in b)`` between two lists of span items."""
    pairs: list[tuple[int, int]] = []
    by_span: dict[SpanItem, list[int]] = {}
    for j, item in enumerate(b):
        by_span.setdefault(item, []).append(j)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, item in enumerate(a):
        free = by_span.get(item)
        if free:
            j = free.pop(0)
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    if mode == "exact" or len(used_a) == len(a) or len(used_b) == len(b):
        return pairs
    candidates: list[tuple[int, int, int]] = []
    rest_b = [j for j in range(len(b)) if j not in used_b]
    for i, (s1, e1, k1) in enumerate(a):
        if i in used_a:
            continue
        for j in rest_b:
            s2, e2, k2 = b[j]
            shared = min(e1, e2) - max(s1, s2)
            if shared > 0 and k1 == k2:
                candidates.append((-shared, i, j))
    candidates.sort()
    for _shared, i, j in candidates:
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return pairs


@dataclass(slots=True)
class Counts:
    """True positives, false positives (in B only) and false negatives (in A only)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2 tp / (2 tp + fp + fn); None when neither side has anything."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class LabelScores:
    """Counts per label, with micro (summed counts) and macro (mean of per-label F1)."""

    per_label: dict[str, Counts] = field(default_factory=dict)

    def label(self, name: str) -> Counts:
        found = self.per_label.get(name)
        if found is None:
            found = self.per_label[name] = Counts()
        return found

    def add(self, other: LabelScores) -> None:
        for name, counts in other.per_label.items():
            self.label(name).add(counts)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.per_label.values():
            total.add(counts)
        return total

    @property
    def macro_f1(self) -> float | None:
        scores = [c.f1 for c in self.per_label.values() if c.f1 is not None]
        return sum(scores) / len(scores) if scores else None

    def to_dict(self) -> dict[str, Any]:
        return {"micro": self.micro.to_dict(), "macro_f1": self.macro_f1,
                "per_label": {name: self.per_label[name].to_dict()
                              for name in sorted(self.per_label)}}


def label_of(key: Hashable) -> str:
    """The name a key is counted under (``"*"`` when spans are matched on position only)."""
    return "*" if key is None else str(key)


def score_spans(a: Sequence[SpanItem], b: Sequence[SpanItem], mode: Mode,
                into: LabelScores) -> list[tuple[int, int]]:
    """Match ``a`` and ``b``, add the counts per label to ``into``; return the matches."""
    pairs = match_spans(a, b, mode)
    matched_a = {i for i, _ in pairs}
    matched_b = {j for _, j in pairs}
    for i, _j in pairs:
        into.label(label_of(a[i][2])).tp += 1
    for i, item in enumerate(a):
        if i not in matched_a:
            into.label(label_of(item[2])).fn += 1
    for j, item in enumerate(b):
        if j not in matched_b:
            into.label(label_of(item[2])).fp += 1
    return pairs


def scores_by_mode() -> dict[Mode, LabelScores]:
    """An empty :class:`LabelScores` per matching mode."""
    return {mode: LabelScores() for mode in MODES}


def modes_dict(scores: dict[Mode, LabelScores]) -> dict[str, Any]:
    return {mode: scores[mode].to_dict() for mode in MODES}


def items(spans: Iterable[tuple[int, int, Hashable]]) -> list[SpanItem]:
    """Span items sorted by position (the order matching breaks ties in)."""
    return sorted(spans, key=lambda s: (s[0], s[1], str(s[2])))
