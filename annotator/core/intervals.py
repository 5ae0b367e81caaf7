"""Interval containment in O(log n): "does an interval added so far contain [start, end)?".

Used by the gazetteer pre-annotation (a match inside a longer name already added is skipped),
where a document may hold hundreds of thousands of matches: a scan of every interval added so
far made that quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class ContainmentIndex:
    """Intervals ``[s, e)`` whose starts come from a set known in advance (``starts``).

    A Fenwick tree over the sorted distinct starts keeps the greatest end per prefix:
    ``[start, end)`` is contained in an added interval exactly when some added ``s <= start``
    has ``e >= end``. ``add`` and ``contains`` take O(log n) steps; ``steps`` counts the
    tree steps taken (for tests that bound the work).
    """

    __slots__ = ("_ends", "_starts", "steps")

    def __init__(self, starts: Iterable[int]) -> None:
        self._starts = sorted(set(starts))
        self._ends = [-1] * (len(self._starts) + 1)  # 1-based tree of prefix maxima
        self.steps = 0

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``; ``start`` must be one of the starts given at creation."""
        index = bisect_left(self._starts, start)
        if index == len(self._starts) or self._starts[index] != start:
            raise ValueError(f"start {start} was not announced")
        index += 1
        tree = self._ends
        while index < len(tree):
            self.steps += 1
            tree[index] = max(tree[index], end)
            index += index & -index

    def contains(self, start: int, end: int) -> bool:
        """True when an added interval ``[s, e)`` has ``s <= start`` and ``end <= e``."""
        index = bisect_right(self._starts, start)
        tree = self._ends
        while index > 0:
            self.steps += 1
            if tree[index] >= end:
                return True
            index -= index & -index
        return False
