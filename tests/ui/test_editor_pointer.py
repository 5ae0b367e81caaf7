"""SpanPointer: a click is a left-button release near its press; hovering reports changes only."""

from __future__ import annotations

from annotator.ui.editor.layers import SpanItem
from annotator.ui.editor.pointer import SpanPointer
from annotator.ui.qt import Qt, QtCore, QtWidgets

_SPAN = SpanItem("k", 0, 4, "PERS", "#d62728")


def _spans_at(point: QtCore.QPointF) -> list[SpanItem]:
    """One span to the left of x = 100, none to the right."""
    return [_SPAN] if point.x() < 100 else []


def test_a_click_names_the_span_and_a_drag_does_not(qapp) -> None:  # type: ignore[no-untyped-def]
    pointer = SpanPointer(_spans_at)
    left = Qt.MouseButton.LeftButton
    pointer.pressed(QtCore.QPointF(10, 10))
    assert pointer.clicked(QtCore.QPointF(11, 10), left) == "k"
    assert pointer.clicked(QtCore.QPointF(11, 10), left) is None  # no press before
    far = 10 + QtWidgets.QApplication.startDragDistance()
    pointer.pressed(QtCore.QPointF(10, 10))
    assert pointer.clicked(QtCore.QPointF(far, 10), left) is None
    pointer.pressed(QtCore.QPointF(10, 10))
    assert pointer.clicked(QtCore.QPointF(10, 10), Qt.MouseButton.RightButton) is None
    pointer.pressed(QtCore.QPointF(150, 10))
    assert pointer.clicked(QtCore.QPointF(150, 10), left) is None  # no span there


def test_hovering_reports_each_change_once(qapp) -> None:  # type: ignore[no-untyped-def]
    pointer = SpanPointer(_spans_at)
    assert pointer.moved(QtCore.QPointF(10, 10))
    assert pointer.hovered == "k"
    assert not pointer.moved(QtCore.QPointF(20, 10))
    assert pointer.moved(QtCore.QPointF(150, 10))
    assert pointer.hovered == ""
    pointer.moved(QtCore.QPointF(10, 10))
    assert pointer.moved(None)  # the pointer left the view
    assert pointer.hovered == ""
