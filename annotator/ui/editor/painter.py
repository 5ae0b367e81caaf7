"""Painting spans and invisible characters over the text, for the visible lines only.

A paint pass has three steps, all on the viewport:

1. :meth:`SpanPainter.prepare` lists the visible lines of the dirty band, asks the span layers
   for the spans overlapping those lines (an interval-index query, so the cost follows what is
   on screen, not the document) and cuts each span into :class:`Fragment` pieces, one per line
   it covers, with their x extents.
2. :meth:`SpanPainter.paint_under` runs *before* Qt draws the text: a translucent tint behind
   each character in the colour of its innermost span (a sweep over the span edges of each line
   finds the innermost span of every stretch), stronger for the selected span.
3. :meth:`SpanPainter.paint_over` runs after: one underline per span in its lane below the text
   (lane 0 nearest the text), a small tag with the label at the span's start edge (the right end
   for right-to-left text) on the line where it starts, an outline for the selected span, and
   with ``show_invisibles`` small marks for ZWJ, ZWNJ, LRM, RLM, ALM and tatweel. Another
   annotator's span (``STYLE_OTHER``) gets no tint: a thin outline round its text, a dotted
   underline in its lane and a tag ``LABEL·name``, all in that annotator's colour (no tag
   where your layer has the same span and label: ``STYLE_OTHER_AGREEING``).

The text itself is never touched: marks are drawn over it.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from annotator.ui.editor.geometry import (
    VisibleLine,
    lines_overlapping,
    span_segments,
    visible_lines,
)
from annotator.ui.editor.layers import (
    OTHER_STYLES,
    STYLE_OTHER,
    STYLE_SOLID,
    STYLE_SUGGESTED,
    SpanItem,
    SpanLayers,
)
from annotator.ui.editor.line_memo import LineMemos
from annotator.ui.qt import QFont, Qt, QtCore, QtGui

INVISIBLE_MARKS = {
    "\u200d": "ZWJ",
    "\u200c": "ZWNJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
    "\u0640": "ـ",
}
"""Characters marked when invisibles are shown, with the short name drawn for each."""
_INVISIBLE = regex.compile("[" + "".join(INVISIBLE_MARKS) + "]")
_INVISIBLE_COLOR = QtGui.QColor("#7a5cc7")
_FALLBACK_COLOR = "#808080"

TINT_ALPHA = 52
MAX_RENDERED_TAGS = 512
"""Rendered label tags kept (labels x colours: a few dozen in practice)."""
SELECTED_TINT_ALPHA = 110
SUGGESTION_WASH_ALPHA = 70
"""The wash behind the selected suggestion (over the text: light enough to read through)."""


@dataclass(slots=True)
class Fragment:
    """The part of one span on one visible line."""

    item: SpanItem
    lane: int
    line: VisibleLine
    segments: list[tuple[float, float]]
    starts_here: bool


@dataclass(slots=True)
class Frame:
    """What one paint pass draws: the visible lines and the span fragments on them."""

    lines: list[VisibleLine]
    fragments: list[Fragment] = field(default_factory=list)
    span_ids: set[str] = field(default_factory=set)


@dataclass(slots=True)
class PaintStats:
    """Figures of the last paint pass, for tests and the benchmark."""

    spans: int = 0
    fragments: int = 0
    lines: int = 0
    milliseconds: float = 0.0
    tags: int = 0
    """Label tags drawn."""
    tags_rendered: int = 0
    """Label tags rendered anew (the others came from the cache of rendered tags)."""
    ahead: bool = False
    """Whether the pass drew a page painted ahead (:mod:`.page_ahead`), its figures those
    of the page's paint but for the time."""


@dataclass(slots=True)
class Metrics:
    """Sizes derived from the text font: where lanes and tags go."""

    tag_font: QFont
    tag_height: float
    lane_pitch: float
    underline_width: float


def make_metrics(text_font: QFont) -> Metrics:
    """Tag font about 45% of the text size (at least 7 px), lanes one tag apart."""
    pixels = QtGui.QFontInfo(text_font).pixelSize()
    tag_font = QFont(text_font)
    tag_font.setFamilies(["DejaVu Sans", "Noto Sans", *text_font.families()])
    tag_font.setPixelSize(max(7, round(pixels * 0.45)))
    tag_font.setBold(True)
    tag_height = float(QtGui.QFontMetricsF(tag_font).height()) + 1.0
    underline = max(2.0, round(pixels / 10))
    return Metrics(tag_font, tag_height, tag_height + underline + 2.0, underline)


class SpanPainter:
    """Computes and draws the span marks of the visible part of a document."""

    def __init__(self, layers: SpanLayers, to_qt: Callable[[int], int]) -> None:
        self.layers = layers
        self.to_qt = to_qt
        """Code point offset to Qt position (the view's offset map)."""
        self.selected_id: str | None = None
        self.hovered_id: str | None = None
        self.highlighted: frozenset[str] = frozenset()
        """Spans connected to the selected quote, event or stance: drawn like the selected one."""
        self.show_invisibles = False
        self.stats = PaintStats()
        self._colors: dict[str, QtGui.QColor] = {}
        self._tags: dict[tuple[object, ...], tuple[QtGui.QPixmap, float]] = {}
        self._tags_drawn = 0
        self._tags_rendered = 0
        self.memos = LineMemos()
        """What Qt answered about the lines painted lately (:mod:`.line_memo`)."""

    def color(self, name: str) -> QtGui.QColor:
        """The QColor of a span colour string (grey when Qt cannot parse it), cached."""
        found = self._colors.get(name)
        if found is None:
            found = QtGui.QColor(name)
            if not found.isValid():
                found = QtGui.QColor(_FALLBACK_COLOR)
            self._colors[name] = found
        return found

    # ----------------------------------------------------------------- geometry of one pass

    def prepare(self, document: QtGui.QTextDocument, x_offset: float, y_offset: float,
                band: QtCore.QRectF, line_height_percent: float,
                to_cp: Callable[[int], int]) -> Frame:
        """Lines meeting ``band`` (viewport pixels) and the fragments of the spans on them."""
        lines = visible_lines(document, x_offset, y_offset, band.top(), band.bottom(),
                              line_height_percent, self.memos)
        frame = Frame(lines)
        if not lines or not self.layers.items:
            return frame
        starts = [line.start for line in lines]
        first_cp = to_cp(lines[0].start)
        last_cp = to_cp(lines[-1].end)
        for item in self.layers.overlapping(first_cp, last_cp):
            q_start, q_end = self.to_qt(item.start), self.to_qt(item.end)
            lane = self.layers.lanes.get(item.id, 0)
            for line in lines_overlapping(lines, starts, q_start, q_end):
                segments = span_segments(line, q_start, q_end)
                if segments:
                    starts_here = line.start <= q_start < line.end
                    frame.fragments.append(Fragment(item, lane, line, segments, starts_here))
                    frame.span_ids.add(item.id)
        return frame

    def lane_y(self, line: VisibleLine, lane: int, metrics: Metrics) -> float:
        """Viewport y of the underline of ``lane`` under ``line``."""
        baseline = line.top + line.ascent
        return baseline + line.descent * 0.55 + 1.0 + lane * metrics.lane_pitch

    def fragment_rects(self, fragment: Fragment, metrics: Metrics) -> list[QtCore.QRectF]:
        """Hit rectangles of a fragment: its text and the lane area down to its underline."""
        bottom = self.lane_y(fragment.line, fragment.lane, metrics) + metrics.underline_width
        if fragment.starts_here:
            bottom += metrics.tag_height + 1.0
        return [QtCore.QRectF(left, fragment.line.top, right - left, bottom - fragment.line.top)
                for left, right in fragment.segments]

    # ----------------------------------------------------------------- drawing

    def tints(self, frame: Frame) -> list[tuple[SpanItem, VisibleLine,
                                                list[tuple[float, float]]]]:
        """The tinted stretches of ``frame``: on each line, the innermost solid span of each
        stretch of text with the x extents of the stretch."""
        by_line: dict[int, list[Fragment]] = {}
        for fragment in frame.fragments:
            by_line.setdefault(id(fragment.line), []).append(fragment)
        found: list[tuple[SpanItem, VisibleLine, list[tuple[float, float]]]] = []
        for fragments in by_line.values():
            line = fragments[0].line
            ranges = [(self.to_qt(f.item.start), self.to_qt(f.item.end), f.item) for f in fragments
                      if f.item.style == STYLE_SOLID]
            for item, start, end in _innermost_stretches(ranges):
                found.append((item, line, span_segments(line, start, end)))
        return found

    def paint_under(self, painter: QtGui.QPainter, frame: Frame) -> None:
        """Tints behind the text: the innermost span of each stretch, the selected one darker."""
        painter.setPen(Qt.PenStyle.NoPen)
        for item, line, segments in self.tints(frame):
            color = QtGui.QColor(self.color(item.color))
            selected = item.id == self.selected_id or item.id in self.highlighted
            color.setAlpha(SELECTED_TINT_ALPHA if selected else TINT_ALPHA)
            for left, right in segments:
                painter.fillRect(QtCore.QRectF(left, line.top, right - left, line.height),
                                 color)

    def paint_over(self, painter: QtGui.QPainter, frame: Frame, metrics: Metrics,
                   base: QtGui.QColor) -> None:
        """Underlines, label tags, the selected span's outline and the invisible marks."""
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        tags: list[Fragment] = []
        for fragment in frame.fragments:
            color = self.color(fragment.item.color)
            item_id = fragment.item.id
            selected = item_id == self.selected_id or item_id in self.highlighted
            emphasized = selected or item_id == self.hovered_id
            width = metrics.underline_width + (1.0 if emphasized else 0.0)
            y = self.lane_y(fragment.line, fragment.lane, metrics)
            if fragment.item.style == STYLE_SUGGESTED:
                self._paint_suggested(painter, fragment, color, y, width, selected)
                if fragment.starts_here:
                    tags.append(fragment)
                continue
            if fragment.item.style in OTHER_STYLES:
                self._paint_other(painter, fragment, color, y, width)
                if fragment.starts_here and fragment.item.style == STYLE_OTHER:
                    tags.append(fragment)
                continue
            for left, right in fragment.segments:
                painter.fillRect(QtCore.QRectF(left + 1.0, y, right - left - 2.0, width), color)
            # A box marks the selected span and the spans its link connects; a long outline
            # span (a stance's evidence, a quote shown for its stance) only gets the
            # stronger underline: a box round whole lines would hide the connector.
            boxed = item_id == self.selected_id or (
                item_id in self.highlighted and fragment.item.style == STYLE_SOLID)
            if selected and boxed:
                painter.setPen(QtGui.QPen(color.darker(115), 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for left, right in fragment.segments:
                    painter.drawRoundedRect(QtCore.QRectF(left - 1.0, fragment.line.top,
                                                          right - left + 2.0,
                                                          fragment.line.height), 3.0, 3.0)
                painter.setPen(Qt.PenStyle.NoPen)
            if fragment.starts_here:
                tags.append(fragment)
        # Tags last, so that no underline crosses a label.
        painter.setFont(metrics.tag_font)
        font_metrics = QtGui.QFontMetricsF(metrics.tag_font)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        look = (base.rgba(), metrics.tag_font.key(), metrics.tag_height, ratio)
        for fragment in tags:
            self._paint_tag(painter, fragment, metrics, font_metrics, base, look)
        if self.show_invisibles:
            self.paint_invisibles(painter, frame, metrics)

    def _paint_suggested(self, painter: QtGui.QPainter, fragment: Fragment, color: QtGui.QColor,
                         y: float, width: float, selected: bool = False) -> None:
        """A suggestion: dashed outline round the text and a dashed underline, no tint. The
        selected one (what Enter accepts) gets a light wash of its label's colour and a
        thicker outline: a thicker underline alone was hard to tell from the others."""
        dark = color.darker(140)
        outline = QtGui.QPen(dark, 2.2 if selected else 1.3, Qt.PenStyle.DashLine)
        outline.setDashPattern([4.0, 3.0] if not selected else [3.0, 1.5])
        wash = QtGui.QColor(color)
        wash.setAlpha(SUGGESTION_WASH_ALPHA)
        for left, right in fragment.segments:
            box = QtCore.QRectF(left - 1.0, fragment.line.top + 0.5, right - left + 2.0,
                                fragment.line.height - 1.0)
            painter.setBrush(wash if selected else Qt.BrushStyle.NoBrush)
            painter.setPen(outline)
            painter.drawRoundedRect(box, 3.0, 3.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            underline = QtGui.QPen(dark, width, Qt.PenStyle.DashLine)
            underline.setDashPattern([2.0, 1.5])
            painter.setPen(underline)
            painter.drawLine(QtCore.QPointF(left + 1.0, y + width / 2),
                             QtCore.QPointF(right - 1.0, y + width / 2))
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_other(self, painter: QtGui.QPainter, fragment: Fragment, color: QtGui.QColor,
                     y: float, width: float) -> None:
        """Another layer's span: a thin solid outline round the text and a dotted
        underline, in the annotator's colour; no tint (the text keeps the user's own)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outline = QtGui.QPen(color, 1.4)
        underline = QtGui.QPen(color, width, Qt.PenStyle.DotLine)
        for left, right in fragment.segments:
            painter.setPen(outline)
            painter.drawRoundedRect(QtCore.QRectF(left - 1.5, fragment.line.top + 1.0,
                                                  right - left + 3.0,
                                                  fragment.line.height - 2.0), 4.0, 4.0)
            painter.setPen(underline)
            painter.drawLine(QtCore.QPointF(left + 1.0, y + width / 2),
                             QtCore.QPointF(right - 1.0, y + width / 2))
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_tag(self, painter: QtGui.QPainter, fragment: Fragment, metrics: Metrics,
                   font_metrics: QtGui.QFontMetricsF, base: QtGui.QColor,
                   look: tuple[int, str, float, float]) -> None:
        pixmap, width = self._tag_pixmap(fragment.item, metrics, font_metrics, base, look)
        right = max(right for _, right in fragment.segments)
        top = self.lane_y(fragment.line, fragment.lane, metrics) + metrics.underline_width
        painter.drawPixmap(QtCore.QPointF(right - width, top), pixmap)
        self._tags_drawn += 1

    def _tag_pixmap(self, item: SpanItem, metrics: Metrics, font_metrics: QtGui.QFontMetricsF,
                    base: QtGui.QColor, look: tuple[int, str, float, float]
                    ) -> tuple[QtGui.QPixmap, float]:
        """The tag of ``item``'s label in its colour (a rounded box of the colour blended
        into ``base``, the label in a readable shade), rendered once per label, colour and
        ``look`` (base, tag font, tag height and pixel ratio, taken once per paint pass), and
        its width."""
        ratio = look[3]
        label = tag_text(item)
        key = (label, item.color, *look)
        found = self._tags.get(key)
        if found is not None:
            return found
        color = self.color(item.color)
        width = font_metrics.horizontalAdvance(label) + 8.0
        pixmap = QtGui.QPixmap(math.ceil(width * ratio), math.ceil(metrics.tag_height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        rect = QtCore.QRectF(0.0, 0.0, width, metrics.tag_height)
        tag = QtGui.QPainter(pixmap)
        tag.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        tag.setPen(Qt.PenStyle.NoPen)
        tag.setBrush(_blend(base, color, 0.16))
        tag.drawRoundedRect(rect, 3.0, 3.0)
        tag.setFont(metrics.tag_font)
        tag.setPen(_readable(color, base))
        tag.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
        tag.end()
        if len(self._tags) >= MAX_RENDERED_TAGS:
            self._tags.clear()
        self._tags[key] = (pixmap, width)
        self._tags_rendered += 1
        return pixmap, width

    def paint_invisibles(self, painter: QtGui.QPainter, frame: Frame, metrics: Metrics) -> None:
        """A small named box above each ZWJ, ZWNJ, LRM, RLM, ALM; a dotted box on tatweel."""
        painter.setFont(metrics.tag_font)
        font_metrics = QtGui.QFontMetricsF(metrics.tag_font)
        for line in frame.lines:
            for match in _INVISIBLE.finditer(line.text):
                position = line.start + match.start()
                name = INVISIBLE_MARKS[match.group()]
                x1, x2 = line.x(position), line.x(position + 1)
                if name == "ـ":
                    pen = QtGui.QPen(_INVISIBLE_COLOR, 1.0, Qt.PenStyle.DotLine)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    baseline = line.top + line.ascent
                    painter.drawRect(QtCore.QRectF(min(x1, x2), baseline - line.ascent * 0.35,
                                                   max(abs(x2 - x1), 2.0), line.ascent * 0.45))
                    continue
                width = font_metrics.horizontalAdvance(name) + 4.0
                rect = QtCore.QRectF(x1 - width / 2, line.top, width, metrics.tag_height - 1.0)
                painter.setPen(QtGui.QPen(_INVISIBLE_COLOR, 1.0))
                painter.setBrush(QtGui.QColor(255, 255, 255, 220))
                painter.drawRect(rect)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), name)
                painter.drawLine(QtCore.QPointF(x1, rect.bottom()),
                                 QtCore.QPointF(x1, line.top + line.height))

    def record(self, frame: Frame, started: float) -> None:
        """Keep the figures of a finished pass in :attr:`stats`."""
        self.stats = self.figures(frame, started)

    def figures(self, frame: Frame, started: float) -> PaintStats:
        """The figures of a finished pass (its tags counted from zero again)."""
        figures = PaintStats(len(frame.span_ids), len(frame.fragments), len(frame.lines),
                             (time.perf_counter() - started) * 1000.0,
                             self._tags_drawn, self._tags_rendered)
        self._tags_drawn = self._tags_rendered = 0
        return figures


def tag_text(item: SpanItem) -> str:
    """The text of a span's tag: its label, with the annotator's name (shortened) for
    another layer's span."""
    if not item.owner:
        return item.label
    owner = item.owner if len(item.owner) <= 10 else item.owner[:9] + "…"
    return f"{item.label}·{owner}"


def _innermost_stretches(spans: list[tuple[int, int, SpanItem]]
                         ) -> list[tuple[SpanItem, int, int]]:
    """Cut the union of ``spans`` (Qt ranges) into stretches owned by their innermost span."""
    edges = sorted({edge for start, end, _ in spans for edge in (start, end)})
    by_length = sorted(spans, key=lambda s: (s[1] - s[0], s[0]))
    stretches: list[tuple[SpanItem, int, int]] = []
    for left, right in itertools.pairwise(edges):
        owner = next((item for start, end, item in by_length if start <= left and end >= right),
                     None)
        if owner is None:
            continue
        if stretches and stretches[-1][0] is owner and stretches[-1][2] == left:
            stretches[-1] = (owner, stretches[-1][1], right)
        else:
            stretches.append((owner, left, right))
    return stretches


def _blend(base: QtGui.QColor, color: QtGui.QColor, amount: float) -> QtGui.QColor:
    """``amount`` of ``color`` over ``base``, opaque."""
    return QtGui.QColor(
        round(base.red() + (color.red() - base.red()) * amount),
        round(base.green() + (color.green() - base.green()) * amount),
        round(base.blue() + (color.blue() - base.blue()) * amount),
    )


def _readable(color: QtGui.QColor, base: QtGui.QColor) -> QtGui.QColor:
    """``color`` darkened until it reads on a light ``base`` (lightened on a dark one)."""
    result = QtGui.QColor(color)
    light_base = base.lightness() > 128
    for _ in range(4):
        if light_base and result.lightness() > 110:
            result = result.darker(130)
        elif not light_base and result.lightness() < 150:
            result = result.lighter(130)
        else:
            break
    return result


__all__ = ["Fragment", "Frame", "Metrics", "PaintStats", "SpanPainter", "make_metrics",
           "tag_text"]
