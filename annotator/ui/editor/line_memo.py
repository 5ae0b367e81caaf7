"""What Qt told us about a laid-out line, kept from one paint pass to the next.

Measuring where a span edge sits on a line is a Qt call (``QTextLine.cursorToX``, about 40 µs
on a 100-character line; ``glyphRuns`` for a range of a mixed line, about 130 µs), and a page
of the editor asks for a few hundred of them. The answers depend only on the line's layout,
never on the spans, so they are kept per line in a :class:`LineMemo` and asked once for the
life of the layout: a page painted again (scrolled back to, a hover, a selection, an add) or
a page measured ahead in idle time (:meth:`.view.AnnotationView` after a scroll) asks Qt
nothing.

A line is found again by its key: where it starts, how long it is, its block's revision, its
width and natural width and its viewport x (what a horizontal scroll would move). The whole
store is dropped when the document's layout may have changed (another document, text width,
font or line height: :meth:`LineMemos.follow`), and holds at most :data:`MEMO_LINES` lines (the
oldest go first), so it costs at most about 8 MB whatever the document (about 2 KB a line on
the bench's document: 4.8 MB for the 2,563 lines of 200 pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEMO_LINES = 4096
"""Lines kept (a page is 15 to 40 lines: about a hundred pages)."""

LineKey = tuple[int, int, int, int, float, float, float]
"""block start, line start in the block, line length, block revision, line width, natural
width, viewport x of the layout."""


@dataclass(slots=True)
class Tally:
    """How often the lines asked Qt for a position or glyph runs (for tests and benches)."""

    qt_calls: int = 0


@dataclass(slots=True)
class LineMemo:
    """The answers of one laid-out line, in viewport pixels."""

    xs: dict[tuple[int, int], float] = field(default_factory=dict)
    """x of a cursor position (edge -1) or of a character's leading or trailing edge."""
    segments: dict[tuple[int, int], list[tuple[float, float]]] = field(default_factory=dict)
    """Visual pieces of a range of the line (Qt positions), as :func:`.geometry.span_segments`
    returns them."""
    tally: Tally = field(default_factory=Tally)


class LineMemos:
    """The memos of the lines seen lately; see the module docstring."""

    __slots__ = ("_layout", "_memos", "created", "tally")

    def __init__(self) -> None:
        self._memos: dict[LineKey, LineMemo] = {}
        self._layout: tuple[object, ...] | None = None
        self.tally = Tally()
        """Qt calls made by every memo of this store."""
        self.created = 0
        """Memos made (lines measured for the first time since their layout)."""

    def __len__(self) -> int:
        return len(self._memos)

    def follow(self, layout: tuple[object, ...]) -> None:
        """Drop every memo when ``layout`` (what the document's line breaks and x positions
        depend on) is not the one the memos were made under."""
        if layout != self._layout:
            self._memos.clear()
            self._layout = layout

    def clear(self) -> None:
        """Forget every line."""
        self._memos.clear()
        self._layout = None

    def memo(self, key: LineKey) -> LineMemo:
        """The memo of the line with ``key``, a new empty one the first time."""
        found = self._memos.get(key)
        if found is None:
            if len(self._memos) >= MEMO_LINES:
                del self._memos[next(iter(self._memos))]
            found = self._memos[key] = LineMemo(tally=self.tally)
            self.created += 1
        return found


__all__ = ["MEMO_LINES", "LineKey", "LineMemo", "LineMemos", "Tally"]
