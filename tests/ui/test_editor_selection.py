"""Selecting by mouse and keyboard in the read-only view gives code point offsets.

Every text here has an emoji (two UTF-16 units, one code point) and tashkeel before the
selected word, so a Qt position used as a code point would be off by one.
"""

from __future__ import annotations

import pytest

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.qt import Qt, QtCore, QtGui

TEXT = "😀 قالَ مُحَمَّدٌ إنّ كيري وصل إلى Genève يوم ١٢ مارس."
NAME = "كيري"
VOWELLED = "مُحَمَّدٌ"


@pytest.fixture
def view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    widget = AnnotationView()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    start = TEXT.index(NAME)
    widget.set_document(TEXT, [SpanItem("k", start, start + len(NAME), "PERS", "#d62728")])
    widget.show()
    qtbot.waitUntil(lambda: widget.windowHandle().isExposed())
    widget.setFocus()
    return widget


def caret_point(view: AnnotationView, codepoint: int) -> QtCore.QPoint:
    """Viewport point of the caret before ``codepoint`` (vertically centred on the line)."""
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(codepoint))
    return view.cursorRect(cursor).center()


def test_mouse_drag_selects_code_points(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index(NAME)
    end = start + len(NAME)
    assert view.offsets.to_qt(start) == start + 1  # the emoji takes two units in Qt
    with qtbot.waitSignal(view.selectionChangedCp, timeout=2000) as blocker:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=caret_point(view, start))
        qtbot.mouseMove(view.viewport(), caret_point(view, start + 2))
        qtbot.mouseMove(view.viewport(), caret_point(view, end))
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                           pos=caret_point(view, end))
    selection = view.selection_codepoints()
    assert selection == (start, end)
    assert TEXT[selection[0]:selection[1]] == NAME
    assert blocker.args is not None
    assert blocker.args[0] == start


def test_double_click_selects_a_vowelled_word(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index(VOWELLED)
    inside = caret_point(view, start + 3)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert view.selection_codepoints() == (start, start + len(VOWELLED))


def forward_key(view: AnnotationView) -> Qt.Key:
    """The arrow that moves forward in logical order: Left in a right-to-left paragraph."""
    direction = view.document().firstBlock().textDirection()
    return Qt.Key.Key_Left if direction == Qt.LayoutDirection.RightToLeft else Qt.Key.Key_Right


def test_shift_arrows_select_by_grapheme(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index(VOWELLED)
    view.set_selection_codepoints(start, start)
    assert view.selection_codepoints() is None
    key = forward_key(view)
    qtbot.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier)
    # One press takes the letter and its damma: one grapheme cluster, two code points.
    assert view.selection_codepoints() == (start, start + 2)
    for _ in range(3):  # حَ مَّ دٌ
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_codepoints() == (start, start + len(VOWELLED))


def test_shift_arrow_steps_over_the_emoji_whole(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    view.set_selection_codepoints(0, 0)
    qtbot.keyClick(view, forward_key(view), Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_codepoints() == (0, 1)


def test_ctrl_shift_arrows_select_by_word(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index(NAME)
    view.set_selection_codepoints(start, start)
    modifiers = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, forward_key(view), modifiers)
    selection = view.selection_codepoints()
    assert selection is not None
    assert selection[0] == start
    assert TEXT[selection[0]:selection[1]].strip() == NAME  # Qt stops at the next word


def test_set_selection_round_trips_and_signals(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("Genève")
    with qtbot.waitSignal(view.selectionChangedCp, timeout=1000) as blocker:
        view.set_selection_codepoints(start, start + 6)
    assert blocker.args == [start, start + 6]
    assert view.textCursor().selectedText() == "Genève"
    assert view.selection_codepoints() == (start, start + 6)
