"""TextAppearance: sizes and line heights stay within their limits; which keys and wheel turns
zoom."""

from __future__ import annotations

from annotator.ui.editor.appearance import (
    DEFAULT_POINT_SIZE,
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    TextAppearance,
    wheel_zoom_steps,
    zoom_key_steps,
)
from annotator.ui.qt import Qt, QtCore, QtGui


def test_zoom_stops_at_the_limits(qapp) -> None:  # type: ignore[no-untyped-def]
    look = TextAppearance()
    assert look.point_size == DEFAULT_POINT_SIZE
    assert look.zoom(100)
    assert look.point_size == MAX_POINT_SIZE
    assert look.font.pointSize() == MAX_POINT_SIZE
    assert not look.zoom(1)
    assert look.zoom(-100)
    assert look.point_size == MIN_POINT_SIZE
    assert not look.zoom(0)


def test_a_font_gives_its_family_and_size_within_limits(qapp) -> None:  # type: ignore[no-untyped-def]
    look = TextAppearance()
    look.use_font(QtGui.QFont("Serif", 200))
    assert look.family == "Serif"
    assert look.point_size == MAX_POINT_SIZE
    look.use_font(QtGui.QFont(""))
    assert look.family is None  # the best installed Naskh face
    assert look.font.family()


def test_line_height_is_clamped_and_reports_a_change(qapp) -> None:  # type: ignore[no-untyped-def]
    look = TextAppearance()
    assert look.use_line_height(900)
    assert look.line_height == 300
    assert not look.use_line_height(301)
    assert look.use_line_height(10)
    assert look.line_height == 100


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> QtGui.QKeyEvent:
    return QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, key, modifiers)


def test_zoom_keys(qapp) -> None:  # type: ignore[no-untyped-def]
    control = Qt.KeyboardModifier.ControlModifier
    assert zoom_key_steps(_key(Qt.Key.Key_Equal, control), 16) == 1
    assert zoom_key_steps(_key(Qt.Key.Key_Minus, control), 16) == -1
    assert zoom_key_steps(_key(Qt.Key.Key_0, control), 20) == DEFAULT_POINT_SIZE - 20
    assert zoom_key_steps(_key(Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier), 20) is None
    assert zoom_key_steps(_key(Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier), 16) is None


def _wheel(dy: int, modifiers: Qt.KeyboardModifier) -> QtGui.QWheelEvent:
    point = QtCore.QPointF(5, 5)
    return QtGui.QWheelEvent(point, point, QtCore.QPoint(), QtCore.QPoint(0, dy),
                             Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase,
                             False)


def test_ctrl_wheel_zooms_and_the_plain_wheel_scrolls(qapp) -> None:  # type: ignore[no-untyped-def]
    control = Qt.KeyboardModifier.ControlModifier
    assert wheel_zoom_steps(_wheel(120, control)) == 1
    assert wheel_zoom_steps(_wheel(-120, control)) == -1
    assert wheel_zoom_steps(_wheel(0, control)) == 0
    assert wheel_zoom_steps(_wheel(120, Qt.KeyboardModifier.NoModifier)) is None
