"""Where text sits on screen: the visible lines and the on-screen pieces of a span.

Everything here works in Qt positions (UTF-16 units of the display text) and viewport pixels;
the view converts to and from code points at its edges.

:func:`visible_lines` walks the document's blocks from the first one under the top of the
viewport (a layout hit test) to the first one below its bottom, and lists the lines that fall
in a vertical band, typically 15 to 40 lines whatever the length of the document.

:func:`span_segments` gives the horizontal extents of a range of a line. A line with no
left-to-right character (no Latin letter, no digit, no LRE/LRO/LRI/FSI) is laid out in one
right-to-left run, so the extent is simply between ``cursorToX`` of both edges. A mixed line
may show a logical range as several visual pieces (an Arabic name between two Latin words, a
Latin name next to digits); there the extents come from ``QTextLine.glyphRuns(from, length)``,
which Qt splits by visual run, merged where they touch. A range of a mixed line whose characters
all take one bidi level (:func:`one_level`: an Arabic name with nothing left-to-right in it, the
usual entity) is one visual piece: its extent is between the leading edge of its first character
and the trailing edge of its last (two ``cursorToX`` with an edge, about 45 µs each on the
bench's lines against 130 µs for ``glyphRuns``), the same pixels.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from annotator.ui.editor.line_memo import LineMemo, LineMemos
from annotator.ui.qt import QtCore, QtGui

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LEFT_TO_RIGHT = regex.compile(
    r"[\p{Bidi_Class=L}\p{Bidi_Class=EN}\p{Bidi_Class=AN}\u202a\u202d\u2066\u2068]"
)
_NOT_ONE_LEVEL = regex.compile(
    r"[\p{Bidi_Class=L}\p{Bidi_Class=EN}\p{Bidi_Class=AN}\p{Bidi_Class=S}\p{Bidi_Class=B}"
    r"\u202a-\u202e\u2066-\u2069]"
)
"""A character that may sit at another bidi level than the right-to-left letters around it."""
_STRONG_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")


@dataclass(slots=True)
class VisibleLine:
    """One laid-out line on screen. Positions are absolute Qt positions; ``text`` is the line's
    text with one character per UTF-16 unit (see :func:`utf16_units`)."""

    start: int
    end: int
    block_start: int
    line: QtGui.QTextLine
    origin_x: float
    top: float
    height: float
    ascent: float
    descent: float
    pitch: float
    text: str
    pure_rtl: bool
    memo: LineMemo = field(default_factory=LineMemo)
    """What Qt answered about this line so far: a paint pass asks for the same span edges in
    its geometry, its tints and its outlines, and with :class:`.line_memo.LineMemos` the next
    passes over the same layout ask nothing again."""

    def x(self, position: int) -> float:
        """Viewport x of the cursor at absolute position ``position`` on this line."""
        xs = self.memo.xs
        found = xs.get((position, -1))
        if found is None:
            self.memo.tally.qt_calls += 1
            answer: tuple[float, int] = self.line.cursorToX(position - self.block_start)  # type: ignore[assignment]
            found = xs[position, -1] = self.origin_x + float(answer[0])
        return found

    def edge_x(self, position: int, edge: QtGui.QTextLine.Edge) -> float:
        """Viewport x of the leading or trailing edge of the character at ``position``."""
        key = (position, edge.value)
        xs = self.memo.xs
        found = xs.get(key)
        if found is None:
            self.memo.tally.qt_calls += 1
            answer: tuple[float, int] = self.line.cursorToX(position - self.block_start, edge)  # type: ignore[assignment]
            found = xs[key] = self.origin_x + float(answer[0])
        return found


def one_level(piece: str) -> bool:
    """Whether every character of ``piece`` (a range of a line) takes one bidi level, so that
    it is drawn as one visual piece even on a mixed line: right-to-left letters at both edges
    and nothing inside that may take another level (no left-to-right letter, digit, explicit
    embedding or isolate, tab or paragraph separator). Neutrals inside resolve to the letters
    around them (UAX #9, N1), weak types without a number near them likewise."""
    return (bool(piece) and _STRONG_RTL.match(piece[0]) is not None
            and _STRONG_RTL.match(piece[-1]) is not None
            and _NOT_ONE_LEVEL.search(piece) is None)


def utf16_units(text: str) -> str:
    """``text`` with each astral character replaced by two U+FFFC, so that indexes are UTF-16
    units like Qt positions. U+FFFC is a neutral (bidi class ON), as emoji are."""
    if _ASTRAL.search(text) is None:
        return text
    return _ASTRAL.sub("\ufffc\ufffc", text)


def _block_at(document: QtGui.QTextDocument, y: float) -> QtGui.QTextBlock:
    """The block at document height ``y``: a hit test, checked and corrected by walking.

    A fuzzy hit test may answer a position near the edge of what Qt's lazy layout has reached
    (or -1); the walk fixes that in a few steps without laying out the rest of the document.
    """
    layout = document.documentLayout()
    margin = document.documentMargin()
    probe = QtCore.QPointF(document.textWidth() / 2 if document.textWidth() > 0 else margin,
                           max(y, margin + 1.0))
    hit = layout.hitTest(probe, QtCore.Qt.HitTestAccuracy.FuzzyHit)
    block = document.findBlock(max(hit, 0))
    if not block.isValid():
        block = document.lastBlock()
    while block.previous().isValid() and layout.blockBoundingRect(block).top() > y:
        block = block.previous()
    while block.next().isValid() and layout.blockBoundingRect(block).bottom() < y:
        block = block.next()
    return block


def layout_key(document: QtGui.QTextDocument, line_height_percent: float) -> tuple[object, ...]:
    """What the line breaks and x positions of ``document`` depend on, beyond each line's
    own key: the document itself, its text width, its font and the line height."""
    return (id(document), document.textWidth(), document.defaultFont().key(),
            line_height_percent)


def visible_lines(document: QtGui.QTextDocument, x_offset: float, y_offset: float,
                  top: float, bottom: float, line_height_percent: float,
                  memos: LineMemos | None = None) -> list[VisibleLine]:
    """Lines of ``document`` whose box (text plus the lane area below it) meets the viewport
    band ``top..bottom`` (viewport pixels), with the view scrolled by the given offsets.
    With ``memos``, each line comes with what Qt answered about it in earlier passes."""
    layout = document.documentLayout()
    if memos is not None:
        memos.follow(layout_key(document, line_height_percent))
    block = _block_at(document, y_offset + top)
    # The lane area of the last line of the block above may reach into the band.
    previous = block.previous()
    if previous.isValid():
        block = previous
    lines: list[VisibleLine] = []
    scale = line_height_percent / 100.0
    while block.isValid():
        # blockBoundingRect lays the block out if Qt's lazy layout has not reached it yet.
        block_top = layout.blockBoundingRect(block).top() - y_offset
        text_layout = block.layout()
        origin = text_layout.position()
        if block_top > bottom:
            break
        block_start = block.position()
        revision = block.revision()
        block_text: str | None = None
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            line_top = block_top + line.y()
            pitch = line.height() * scale
            if line_top > bottom:
                break
            if line_top + pitch < top:
                continue
            if block_text is None:
                block_text = utf16_units(block.text())
            first = line.textStart()
            length = line.textLength()
            line_text = block_text[first:first + length]
            origin_x = origin.x() - x_offset
            memo = (LineMemo() if memos is None else
                    memos.memo((block_start, first, length, revision, line.width(),
                                line.naturalTextWidth(), origin_x)))
            lines.append(VisibleLine(
                start=block_start + first, end=block_start + first + length,
                block_start=block_start, line=line, origin_x=origin_x,
                top=line_top, height=line.height(), ascent=line.ascent(),
                descent=line.descent(), pitch=pitch, text=line_text,
                pure_rtl=_LEFT_TO_RIGHT.search(line_text) is None, memo=memo,
            ))
        block = block.next()
    return lines


def lines_band(document: QtGui.QTextDocument, start: int, end: int,
               y_offset: float) -> tuple[float, float] | None:
    """Viewport top and bottom of the lines holding Qt positions ``[start, end)`` (the view
    scrolled down by ``y_offset``); None when one of them is not laid out yet."""
    layout = document.documentLayout()
    edges: list[float] = []
    for position in (start, max(end - 1, start)):
        block = document.findBlock(position)
        if not block.isValid():
            return None
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return None
        top = layout.blockBoundingRect(block).top() - y_offset + line.y()
        edges += [top, top + line.height()]
    return min(edges), max(edges)


def lines_overlapping(lines: list[VisibleLine], starts: list[int], start: int,
                      end: int) -> list[VisibleLine]:
    """The lines of ``lines`` (with ``starts`` their start positions) meeting ``[start, end)``."""
    first = max(bisect_right(starts, start) - 1, 0)
    found: list[VisibleLine] = []
    for line in lines[first:]:
        if line.start >= end:
            break
        if line.end > start:
            found.append(line)
    return found


def span_segments(line: VisibleLine, start: int, end: int) -> list[tuple[float, float]]:
    """Viewport x extents (left, right) of ``[start, end)`` clipped to ``line``, without the
    whitespace that ends a wrapped line; empty when nothing visible is left. The list is the
    line's memo of that range: read it, never change it."""
    a = max(start, line.start)
    b = min(end, line.end)
    text = line.text
    if b == line.end:  # a wrapped range carries the line's trailing spaces: not drawn
        while b > a and text[b - 1 - line.start].isspace():
            b -= 1
    if a >= b:
        return []
    known = line.memo.segments
    found = known.get((a, b))
    if found is None:
        found = known[a, b] = _measure(line, a, b)
    return found


def _measure(line: VisibleLine, a: int, b: int) -> list[tuple[float, float]]:
    """The extents of the non-empty range ``[a, b)`` of ``line`` (see :func:`span_segments`)."""
    text = line.text
    if line.pure_rtl:
        x1, x2 = line.x(a), line.x(b)
        return [(min(x1, x2), max(x1, x2))]
    if one_level(text[a - line.start:b - line.start]):
        x1 = line.edge_x(a, QtGui.QTextLine.Edge.Leading)
        x2 = line.edge_x(b - 1, QtGui.QTextLine.Edge.Trailing)
        return [(min(x1, x2), max(x1, x2))]
    line.memo.tally.qt_calls += 1
    runs = line.line.glyphRuns(a - line.block_start, b - a)
    extents = sorted((run.boundingRect().left(), run.boundingRect().right()) for run in runs)
    merged: list[tuple[float, float]] = []
    for left, right in extents:
        if right <= left:
            continue
        if merged and left <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    if not merged:  # only zero-width characters: a caret-wide mark at the edge
        x = line.x(a)
        return [(x - 1.0, x + 1.0)]
    return [(line.origin_x + left, line.origin_x + right) for left, right in merged]
