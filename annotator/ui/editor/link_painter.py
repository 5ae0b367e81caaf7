"""Painting the links between spans: quote speakers, event arguments, stance holders/targets.

A :class:`LinkItem` joins two spans of the editor by id (``target`` None: a link to something
with no span, such as a stance topic, drawn as a labelled stub). Links are drawn after the
spans, for the visible part only, with thin strokes that never cover a glyph for long:

* both ends on the **same line**: a low arc above the text, from the middle of the source's
  first piece to the middle of the target's, with an arrow head at the target;
* ends on **different lines** (a wrap, another paragraph) or **off screen**: a connector that
  leaves each end upwards into the gap above its line, runs to the *link gutter* kept free
  at the right edge of the text (the reading-start side of the right-to-left text, where
  every line begins) and joins there vertically. An end above or below the viewport makes
  the gutter run leave the viewport at the top or bottom edge, so the link still shows
  which way to scroll.

Positions come from the frame's fragments (first piece of a span, on the line where it
starts), so right-to-left lines and mixed lines are handled where the span geometry is.
Links of the selected annotation are drawn stronger and carry their label (role, "speaker",
stance label) in a small pill; the others are faint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator.ui.editor.document import LINK_GUTTER
from annotator.ui.editor.painter import Fragment, Frame, Metrics
from annotator.ui.qt import Qt, QtCore, QtGui

FAINT_ALPHA = 120
_SLOTS = 5


@dataclass(frozen=True, slots=True)
class LinkItem:
    """A link drawn from span ``source`` to span ``target`` (or a stub when None).

    ``owner`` is the annotation the link belongs to (``q12`` a quote, ``v3`` an event...):
    links whose owner is emphasized are drawn strong with their ``label``.
    """

    owner: str
    source: str
    target: str | None
    label: str
    color: str
    dashed: bool = False


@dataclass(slots=True)
class _Anchor:
    x: float
    top: float
    height: float


def _anchors(frame: Frame, wanted: set[str]) -> dict[str, _Anchor]:
    """The anchor of each wanted span visible in ``frame``: the middle of its first piece on
    the line where it starts (or its first visible line when it started above)."""
    found: dict[str, _Anchor] = {}
    for fragment in frame.fragments:
        span_id = fragment.item.id
        if span_id not in wanted:
            continue
        if span_id in found and not fragment.starts_here:
            continue
        found[span_id] = _anchor(fragment)
    return found


def _anchor(fragment: Fragment) -> _Anchor:
    left, right = max(fragment.segments, key=lambda s: s[1])  # the reading-start piece
    return _Anchor((left + right) / 2.0, fragment.line.top, fragment.line.height)


def paint_links(painter: QtGui.QPainter, frame: Frame, links: Iterable[LinkItem],
                emphasized: frozenset[str], metrics: Metrics, viewport: QtCore.QRectF,
                visible: tuple[int, int], position: Callable[[str], int | None],
                color: Callable[[str], QtGui.QColor], base: QtGui.QColor) -> int:
    """Draw ``links`` over ``frame`` (which must cover the whole viewport); returns how many
    were drawn (for tests).

    ``visible`` is the code point range of the frame's lines; ``position(span_id)`` a span's
    start offset (None when the editor has no such span), which tells whether an end off
    screen is above or below the viewport.
    """
    links = list(links)
    if not links or not frame.lines:
        return 0
    wanted = {link.source for link in links} | {link.target for link in links if link.target}
    anchors = _anchors(frame, wanted)
    first, last = visible
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setFont(metrics.tag_font)
    drawn = 0
    slot = 0
    gutter = viewport.right() - LINK_GUTTER + 6.0
    labels: list[tuple[QtCore.QPointF, str, QtGui.QColor]] = []
    for link in links:
        strong = link.owner in emphasized
        pen_color = QtGui.QColor(color(link.color).darker(135))
        pen_color.setAlpha(255 if strong else FAINT_ALPHA)
        pen = QtGui.QPen(pen_color, 2.0 if strong else 1.2,
                         Qt.PenStyle.DashLine if link.dashed else Qt.PenStyle.SolidLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        source = anchors.get(link.source)
        target = anchors.get(link.target) if link.target else None
        if link.target is None:
            if source is None:
                continue
            tip = QtCore.QPointF(source.x, source.top - 2.0)
            painter.setPen(pen)
            painter.drawLine(tip, QtCore.QPointF(source.x, source.top - 8.0))
            if strong:
                labels.append((QtCore.QPointF(source.x, source.top - 10.0), link.label,
                               pen_color))
            drawn += 1
            continue
        if source is None and target is None:
            continue  # neither end on screen (a link across the viewport is rare: skip it)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if source is not None and target is not None and abs(source.top - target.top) < 1.0:
            mid = _arc(painter, source, target)
            drawn += 1
            _arrow(painter, QtCore.QPointF(target.x, target.top - 1.0), pen_color)
            if strong:
                labels.append((mid, link.label, pen_color))
            continue
        x = gutter + (slot % _SLOTS) * 4.5
        slot += 1
        ends: list[tuple[float, float, bool]] = []  # (x, y, is_target)
        for anchor, span_id, is_target in ((source, link.source, False),
                                           (target, link.target, True)):
            if anchor is not None:
                ends.append((anchor.x, anchor.top, is_target))
                continue
            start = position(span_id) if span_id else None
            above = start is not None and start < first
            below = start is not None and start >= last
            if not (above or below):
                ends = []
                break
            ends.append((x, viewport.top() if above else viewport.bottom(), is_target))
        if len(ends) != 2:
            continue
        label_at = _gutter_route(painter, ends, x)
        drawn += 1
        if ends[1][1] not in (viewport.top(), viewport.bottom()):
            _arrow(painter, QtCore.QPointF(ends[1][0], ends[1][1] - 1.0), pen_color)
        if strong and label_at is not None:
            labels.append((label_at, link.label, pen_color))
    for point, text, pen_color in labels:
        _pill(painter, point, text, pen_color, base)
    painter.restore()
    return drawn


def _arc(painter: QtGui.QPainter, source: _Anchor, target: _Anchor) -> QtCore.QPointF:
    """A low arc above one line; returns its apex (where the label goes)."""
    rise = min(max(source.height * 0.42, 8.0), 18.0)
    y = source.top - 1.0
    path = QtGui.QPainterPath(QtCore.QPointF(source.x, y))
    path.cubicTo(QtCore.QPointF(source.x, y - rise), QtCore.QPointF(target.x, y - rise),
                 QtCore.QPointF(target.x, y))
    painter.drawPath(path)
    return QtCore.QPointF((source.x + target.x) / 2.0, y - rise * 0.75)


def _gutter_route(painter: QtGui.QPainter, ends: list[tuple[float, float, bool]],
                  gutter_x: float) -> QtCore.QPointF | None:
    """Up from each end into the gap above its line, across to the gutter, and join there.
    Returns a point on the target's horizontal run for the label."""
    path = QtGui.QPainterPath()
    label_at: QtCore.QPointF | None = None
    (sx, sy, _), (tx, ty, _) = ends
    lift = 5.0
    in_gutter_s = abs(sx - gutter_x) < 0.5
    in_gutter_t = abs(tx - gutter_x) < 0.5
    path.moveTo(sx, sy - (0.0 if in_gutter_s else 1.0))
    if not in_gutter_s:
        path.lineTo(sx, sy - lift)
        path.lineTo(gutter_x, sy - lift)
    path.lineTo(gutter_x, ty - (0.0 if in_gutter_t else lift))
    if not in_gutter_t:
        path.lineTo(tx, ty - lift)
        path.lineTo(tx, ty - 1.0)
        label_at = QtCore.QPointF((tx + gutter_x) / 2.0, ty - lift - 1.0)
    elif not in_gutter_s:
        label_at = QtCore.QPointF((sx + gutter_x) / 2.0, sy - lift - 1.0)
    painter.drawPath(path)
    return label_at


def _arrow(painter: QtGui.QPainter, tip: QtCore.QPointF, color: QtGui.QColor) -> None:
    """A small filled arrow head pointing down at ``tip``."""
    head = QtGui.QPolygonF([tip, QtCore.QPointF(tip.x() - 3.5, tip.y() - 5.5),
                            QtCore.QPointF(tip.x() + 3.5, tip.y() - 5.5)])
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(head)
    painter.restore()


def _pill(painter: QtGui.QPainter, centre: QtCore.QPointF, text: str, color: QtGui.QColor,
          base: QtGui.QColor) -> None:
    """The link's label in a rounded box centred above ``centre``."""
    metrics = QtGui.QFontMetricsF(painter.font())
    width = metrics.horizontalAdvance(text) + 10.0
    height = metrics.height() + 2.0
    rect = QtCore.QRectF(centre.x() - width / 2.0, centre.y() - height + 2.0, width, height)
    painter.save()
    fill = QtGui.QColor(base)
    fill.setAlpha(235)
    painter.setPen(QtGui.QPen(color, 1.0))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, height / 2.0, height / 2.0)
    painter.setPen(color)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
