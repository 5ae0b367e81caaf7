"""The spans shown by the editor: an interval index and the underline lanes.

Plain Python (no Qt), so it is cheap to test and to reason about. Offsets are the core's
end-exclusive code points.

:class:`SpanIndex` answers "which spans overlap ``[a, b)``" without looking at every span. Short
spans (the usual entity: a few words) sit in a list sorted by start; a query bisects to the
first start that could still reach ``a`` (``a - LONG_SPAN``) and scans forward to ``b``. The few
long spans (a quote over a paragraph, a section) sit in a small dictionary scanned whole. Adding
or removing a span is one ``bisect.insort`` or ``list.pop`` (a memmove, microseconds for 20,000
spans): the index is updated in place, never rebuilt.

:class:`SpanLayers` holds the items, the index and a lane for each span. Lanes are the rows of
stacked underlines under a line of text. Two spans that overlap never share a lane; the lanes of
one *cluster* (a maximal group of transitively overlapping spans) are assigned together, shortest
span first, each taking the lowest lane none of its already placed neighbours uses. Shortest
first puts the innermost span nearest the text and its enclosing spans below it, which reads as
a bracket. Because a lane depends only on its cluster, adding or removing a span recomputes the
lanes of one cluster, not of the document, and lanes never change while scrolling.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass

LONG_SPAN = 1024
"""Spans at least this long (in code points) go to the separate long-span table."""


@dataclass(frozen=True, slots=True)
class SpanItem:
    """One highlighted span: ``[start, end)`` in code points, its label and its colour.

    ``style`` is how it is drawn: :data:`STYLE_SOLID` (tint, underline and tag: entities,
    cues, event triggers), :data:`STYLE_OUTLINE` (underline and tag, no tint: a quote's
    content, which may cover a paragraph full of entities) or :data:`STYLE_SUGGESTED`
    (dashed underline and dashed outline, no tint: a suggestion not stored yet) or
    :data:`STYLE_OTHER` (another annotator's span, read-only: an outline, a dotted underline
    and a tag in that annotator's colour, no tint; ``owner`` names the annotator) or
    :data:`STYLE_OTHER_AGREEING` (the same, without the tag: your layer has the same span and
    label, whose tag already says it).
    """

    id: str
    start: int
    end: int
    label: str
    color: str
    style: str = "solid"
    owner: str = ""


STYLE_SOLID = "solid"
STYLE_OUTLINE = "outline"
STYLE_SUGGESTED = "suggested"
STYLE_OTHER = "other"
STYLE_OTHER_AGREEING = "other-agreeing"
OTHER_STYLES = frozenset({STYLE_OTHER, STYLE_OTHER_AGREEING})


class SpanIndex:
    """Interval index over ``(start, end, id)`` triples; see the module docstring."""

    __slots__ = ("_long", "_short")

    def __init__(self) -> None:
        self._short: list[tuple[int, int, str]] = []
        self._long: dict[str, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def clear(self) -> None:
        """Forget every span."""
        self._short.clear()
        self._long.clear()

    def bulk_load(self, spans: Iterable[tuple[int, int, str]]) -> None:
        """Replace the contents with ``spans`` in one sort (faster than many :meth:`add`)."""
        self.clear()
        for start, end, span_id in spans:
            if end - start >= LONG_SPAN:
                self._long[span_id] = (start, end)
            else:
                self._short.append((start, end, span_id))
        self._short.sort()

    def add(self, start: int, end: int, span_id: str) -> None:
        """Index one span (the caller keeps ids unique)."""
        if end - start >= LONG_SPAN:
            self._long[span_id] = (start, end)
        else:
            insort(self._short, (start, end, span_id))

    def remove(self, start: int, end: int, span_id: str) -> None:
        """Drop a span added with the same ``start``, ``end`` and ``span_id``."""
        if end - start >= LONG_SPAN:
            del self._long[span_id]
            return
        key = (start, end, span_id)
        position = bisect_left(self._short, key)
        if position == len(self._short) or self._short[position] != key:
            raise KeyError(span_id)
        self._short.pop(position)

    def overlapping(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """Spans with ``start < b`` and ``end > a``, short ones in start order, then long ones."""
        short = self._short
        first = bisect_left(short, (a - LONG_SPAN + 1,))
        last = bisect_left(short, (b,), lo=first)
        found = [entry for entry in short[first:last] if entry[1] > a]
        found.extend((s, e, i) for i, (s, e) in self._long.items() if s < b and e > a)
        return found


def _clusters(spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split spans sorted by start into groups of transitively overlapping spans."""
    groups: list[list[tuple[int, int, str]]] = []
    reach = -1
    for span in spans:
        if span[0] < reach:
            groups[-1].append(span)
            reach = max(reach, span[1])
        else:
            groups.append([span])
            reach = span[1]
    return groups


def assign_lanes(spans: Iterable[tuple[int, int, str]]) -> dict[str, int]:
    """Lane of every span: overlapping spans differ, inner spans get the lower lanes."""
    lanes: dict[str, int] = {}
    for group in _clusters(sorted(spans)):
        if len(group) == 1:
            lanes[group[0][2]] = 0
            continue
        if len(group) == 2:  # the usual pair (a nested span, or another layer's same span)
            inner, outer = sorted(group, key=lambda s: (s[1] - s[0], s[0], s[2]))
            lanes[inner[2]] = 0
            lanes[outer[2]] = 1
            continue
        placed: list[tuple[int, int, int]] = []  # (start, end, lane) of spans already placed
        for start, end, span_id in sorted(group, key=lambda s: (s[1] - s[0], s[0], s[2])):
            used = {lane for s, e, lane in placed if s < end and e > start}
            lane = 0
            while lane in used:
                lane += 1
            lanes[span_id] = lane
            placed.append((start, end, lane))
    return lanes


class SpanLayers:
    """The span items of one document with their index and lanes."""

    def __init__(self) -> None:
        self.items: dict[str, SpanItem] = {}
        self.index = SpanIndex()
        self.lanes: dict[str, int] = {}
        self.version = 0
        """Changed by every change of the spans (what a page painted ahead depends on)."""

    def __len__(self) -> int:
        return len(self.items)

    def reset(self, items: Iterable[SpanItem]) -> None:
        """Replace every span; ValueError for a duplicate id or an empty or negative span."""
        self.version += 1
        self.items = {}
        for item in items:
            _check(item)
            if item.id in self.items:
                raise ValueError(f"duplicate span id {item.id!r}")
            self.items[item.id] = item
        triples = [(item.start, item.end, item.id) for item in self.items.values()]
        self.index.bulk_load(triples)
        self.lanes = assign_lanes(triples)

    def add(self, item: SpanItem) -> tuple[int, int, int]:
        """Add one span and re-lane its cluster; ValueError if the id is taken. Returns what
        may look different now: the cluster's extent and the deepest lane any of its spans
        had or has."""
        _check(item)
        if item.id in self.items:
            raise ValueError(f"duplicate span id {item.id!r}")
        self.version += 1
        self.items[item.id] = item
        self.index.add(item.start, item.end, item.id)
        return self._relane(item.start, item.end)


    def remove(self, span_id: str) -> SpanItem:
        """Remove one span (KeyError if unknown), re-lane what was its cluster; returns it."""
        item = self.items.pop(span_id)
        self.version += 1
        low, high = self._cluster_range(item.start, item.end)
        self.index.remove(item.start, item.end, item.id)
        del self.lanes[span_id]
        self._relane(low, high)
        return item

    def update(self, item: SpanItem) -> SpanItem:
        """Replace the span with the same id (KeyError if unknown); returns the old item."""
        old = self.items[item.id]
        _check(item)
        self.version += 1
        if (old.start, old.end) == (item.start, item.end):
            self.items[item.id] = item  # label or colour only: lanes are unchanged
            return old
        self.remove(item.id)
        self.add(item)
        return old

    def overlapping(self, a: int, b: int) -> list[SpanItem]:
        """Items overlapping ``[a, b)``."""
        items = self.items
        return [items[span_id] for _, _, span_id in self.index.overlapping(a, b)]

    def at(self, cp: int) -> list[SpanItem]:
        """Items containing the character at ``cp``, innermost (shortest) first."""
        found = self.overlapping(cp, cp + 1)
        found.sort(key=lambda item: (item.end - item.start, item.start, item.id))
        return found

    def _cluster_range(self, start: int, end: int) -> tuple[int, int]:
        """The extent of the cluster that ``[start, end)`` belongs to (or would belong to)."""
        low, high = start, end
        while True:
            found = self.index.overlapping(low, high)
            new_low = min([low, *(s for s, _, _ in found)])
            new_high = max([high, *(e for _, e, _ in found)])
            if (new_low, new_high) == (low, high):
                return low, high
            low, high = new_low, new_high

    def _relane(self, start: int, end: int) -> tuple[int, int, int]:
        """Recompute the lanes of every cluster that touches ``[start, end)``; returns their
        extent and the deepest lane there, before or after."""
        low, high = self._cluster_range(start, end)
        fresh = assign_lanes(self.index.overlapping(low, high))
        deepest = max([*fresh.values(), *(self.lanes.get(i, 0) for i in fresh)], default=0)
        self.lanes.update(fresh)
        return low, high, deepest


def _check(item: SpanItem) -> None:
    if not 0 <= item.start < item.end:
        raise ValueError(
            f"span {item.id!r} has an empty or negative range {item.start}..{item.end}"
        )
