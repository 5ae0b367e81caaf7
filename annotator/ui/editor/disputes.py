"""Marks of the curation view in the text: where the annotators' layers disagree.

Drawn behind the text and the span tints, for the visible lines only: an amber band behind a
span still open, a pale green one behind a decided one, and a dashed orange frame round the
current one (what F8 moved to and Alt+1/2/3 decide). The text itself is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.ui.editor.geometry import VisibleLine, span_segments
from annotator.ui.qt import Qt, QtCore, QtGui
from annotator.ui.session.curation import DisputeMark

OPEN_COLOR = (255, 179, 0, 95)
DECIDED_COLOR = (46, 157, 91, 45)
CURRENT_COLOR = "#e8590c"


def paint_disputes(painter: QtGui.QPainter, lines: Sequence[VisibleLine],
                   marks: Sequence[DisputeMark], to_qt: Callable[[int], int]) -> int:
    """Paint the marks over ``lines``; returns how many line pieces were painted."""
    painted = 0
    if not marks or not lines:
        return painted
    first, last = lines[0].start, lines[-1].end
    for mark in marks:
        start, end = to_qt(mark.start), to_qt(mark.end)
        if end <= first or start >= last:
            continue
        fill = QtGui.QColor(*(DECIDED_COLOR if mark.decided else OPEN_COLOR))
        for line in lines:
            for left, right in span_segments(line, start, end):
                rect = QtCore.QRectF(left - 2.0, line.top, right - left + 4.0, line.height)
                painter.fillRect(rect, fill)
                if mark.current:
                    pen = QtGui.QPen(QtGui.QColor(CURRENT_COLOR), 2.0, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(1.0, 1.0, -1.0, -1.0), 3.0, 3.0)
                    painter.setPen(Qt.PenStyle.NoPen)
                painted += 1
    return painted
