"""Editing annotations by keys, undo/redo across documents and across reopening the project,
document status and navigation, and find on folded text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.store import Project
from annotator.ui.qt import QApplication, Qt
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import TEXT_A, TEXT_B, document_status, entity_rows, type_text_key

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(Project.open(path, annotator="tester"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, project_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = _open(qtbot, project_path)
    yield win
    win.close()


def _label(qtbot, window: MainWindow, text: str, word: str, key: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = text.index(word)
    window.editor.set_selection_codepoints(start, start + len(word))
    window.editor.setFocus()
    qtbot.keyClick(window.editor, key)
    return start, start + len(word)


def test_label_key_relabels_and_delete_key_deletes(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                   project_path: Path) -> None:
    doc = window.workbench.session.doc_id
    start, end = _label(qtbot, window, TEXT_A, "موسكو", "l")
    assert entity_rows(project_path) == [(doc, start, end, "LOC")]
    assert window.editor.selection_codepoints() is None  # the new annotation is selected
    qtbot.keyClick(window.editor, "g")
    assert entity_rows(project_path) == [(doc, start, end, "GPE")]
    assert [s.label for s in window.editor.spans()] == ["GPE"]
    assert window.menu_actions.undo.text() == "Undo Relabel LOC → GPE"
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert entity_rows(project_path) == []
    assert window.editor.spans() == []
    assert window.workbench.session.selected is None
    assert window.inspector.empty_label.isVisibleTo(window.inspector)


def test_backspace_deletes_too(qtbot, window: MainWindow, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    _label(qtbot, window, TEXT_A, "موسكو", "g")
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert entity_rows(project_path) == []


def test_edge_keys_resize_in_logical_order(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                           project_path: Path) -> None:
    doc = window.workbench.session.doc_id
    start, end = _label(qtbot, window, TEXT_A, "وزيرُ الخارجيّة", "j")
    assert entity_rows(project_path) == [(doc, start, end, "OCC")]
    # Alt+Left: the start edge one grapheme towards the reading end (the span shrinks).
    qtbot.keyClick(window.editor, Qt.Key.Key_Left, ALT)
    assert entity_rows(project_path) == [(doc, start + 1, end, "OCC")]
    # Alt+Right: back towards the reading start.
    qtbot.keyClick(window.editor, Qt.Key.Key_Right, ALT)
    assert entity_rows(project_path) == [(doc, start, end, "OCC")]
    # Alt+Shift+Right: the end edge one grapheme towards the reading start. The last
    # cluster is "ة" after "ّ" on the ي: one code point.
    qtbot.keyClick(window.editor, Qt.Key.Key_Right, ALT | SHIFT)
    assert entity_rows(project_path) == [(doc, start, end - 1, "OCC")]
    # Ctrl+Alt+Shift+Right: the end edge one word back, to the end of "وزيرُ".
    qtbot.keyClick(window.editor, Qt.Key.Key_Right, CTRL | ALT | SHIFT)
    assert entity_rows(project_path) == [(doc, start, start + len("وزيرُ"), "OCC")]
    # Ctrl+Alt+Shift+Left: forward one word, back to the end of "الخارجيّة".
    qtbot.keyClick(window.editor, Qt.Key.Key_Left, CTRL | ALT | SHIFT)
    assert entity_rows(project_path) == [(doc, start, end, "OCC")]
    # A grapheme step never splits a letter from its mark: the start edge moving one
    # grapheme past "و" then "ز" then "ي" lands before "رُ", never between ر and its damma.
    for _ in range(3):
        qtbot.keyClick(window.editor, Qt.Key.Key_BracketLeft, CTRL)
    assert entity_rows(project_path) == [(doc, start + 3, end, "OCC")]
    qtbot.keyClick(window.editor, Qt.Key.Key_Left, ALT)
    # After "رُ" comes a space: the edge skips it to the next word (docs/ARABIC.md, Span edges).
    assert entity_rows(project_path) == [(doc, start + len("وزيرُ "), end, "OCC")]
    assert window.menu_actions.undo.text() == "Undo Resize OCC entity"
    assert window.inspector.text_label.text() == "الخارجيّة"


def test_inspector_sets_attribute_and_note(qtbot, window: MainWindow, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    _label(qtbot, window, TEXT_A, "موسكو", "g")
    combo = window.inspector.attr_combos["mention"]
    combo.setCurrentIndex(combo.findData("NOM"))
    combo.activated.emit(combo.currentIndex())
    entity = window.workbench.session.selected_entity()
    assert entity is not None
    assert entity.attrs == {"mention": "NOM"}
    window.inspector.note_edit.setPlainText("عاصمة روسيا")
    window.inspector.note_edit.committed.emit(window.inspector.note_edit.toPlainText())
    entity = window.workbench.session.selected_entity()
    assert entity is not None
    assert entity.note == "عاصمة روسيا"
    window.inspector.edge_buttons[("start", 1, "grapheme")].click()
    entity = window.workbench.session.selected_entity()
    start = TEXT_A.index("موسكو")
    assert entity is not None
    assert (entity.start, entity.end) == (start + 1, start + 5)


def test_undo_switches_to_the_document_of_the_action(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                     project_path: Path) -> None:
    doc_a = window.workbench.session.doc_id
    _label(qtbot, window, TEXT_A, "موسكو", "g")
    window.navigator.list_view.setFocus()
    qtbot.keyClick(window.navigator.list_view, Qt.Key.Key_Down)  # keyboard navigation
    doc_b = window.workbench.session.doc_id
    assert doc_b != doc_a
    assert window.editor.text() == TEXT_B
    _label(qtbot, window, TEXT_B, "باريس", "g")
    assert len(entity_rows(project_path)) == 2
    window.menu_actions.undo.trigger()
    assert window.workbench.session.doc_id == doc_b
    assert [row[0] for row in entity_rows(project_path)] == [doc_a]
    assert window.menu_actions.undo.text() == "Undo Add GPE entity"
    window.menu_actions.undo.trigger()  # the remaining action is in document A: go there
    assert window.workbench.session.doc_id == doc_a
    assert window.editor.text() == TEXT_A
    assert window.navigator.current_document == doc_a
    assert entity_rows(project_path) == []
    assert not window.menu_actions.undo.isEnabled()
    assert not window.workbench.undo()  # nothing left: no error, a message
    window.menu_actions.redo.trigger()
    assert window.workbench.session.doc_id == doc_a
    assert [(s.start, s.label) for s in window.editor.spans()] == [(TEXT_A.index("موسكو"),
                                                                    "GPE")]
    assert window.workbench.session.selected == window.editor.spans()[0].id


def test_undo_survives_closing_and_reopening(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _open(qtbot, project_path)
    first.navigator.select_document(2)
    start, end = _label(qtbot, first, TEXT_B, "كيري", "p")
    cursor = TEXT_B.index("القاهرة")
    first.editor.set_selection_codepoints(cursor, cursor)
    first.close()
    assert entity_rows(project_path) == [(2, start, end, "PERS")]

    second = _open(qtbot, project_path)
    assert second.workbench.session.doc_id == 2  # the last document
    assert second.workbench.cursor_codepoint() == cursor  # and the cursor in it
    assert second.menu_actions.undo.text() == "Undo Add PERS entity"
    second.menu_actions.undo.trigger()
    assert entity_rows(project_path) == []
    assert second.editor.spans() == []
    second.close()


def test_mark_done_and_next_unfinished(qtbot, window: MainWindow, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc_a = window.workbench.session.doc_id
    assert doc_a == 1
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, CTRL)
    assert document_status(project_path, doc_a) == "done"
    assert window.header.status_chip.text() == "Done"
    assert window.status_line.project_label.text() == "Project: 1 / 3 done"
    window.navigator.set_status_filter("done")
    assert window.navigator.model.rowCount() == 1
    window.navigator.set_status_filter(None)
    qtbot.keyClick(window.editor, Qt.Key.Key_PageDown, CTRL)
    assert window.workbench.session.doc_id == 2
    window.menu_actions.mark_skipped.trigger()
    assert document_status(project_path, 2) == "skipped"
    qtbot.keyClick(window.editor, Qt.Key.Key_Down, ALT)
    assert window.workbench.session.doc_id == 3
    window.menu_actions.mark_done.trigger()
    window.menu_actions.next_unfinished.trigger()  # nothing left to do: stays
    assert window.workbench.session.doc_id == 3
    assert "done or skipped" in window.statusBar().currentMessage()


def test_find_matches_folded_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    for letter in "احمد":  # typed without hamza
        type_text_key(window.find_bar.query_edit, letter)
    first = TEXT_A.index("أحمد")
    second = TEXT_A.index("أحمد", first + 1)
    assert window.find_bar.matches == [(first, first + 4), (second, second + 4)]
    assert window.editor.selection_codepoints() == (first, first + 4)
    assert window.find_bar.count_label.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.query_edit, Qt.Key.Key_Return)
    assert window.editor.selection_codepoints() == (second, second + 4)
    qtbot.keyClick(window.find_bar.query_edit, Qt.Key.Key_Return, SHIFT)
    assert window.editor.selection_codepoints() == (first, first + 4)
    qtbot.keyClick(window.find_bar.query_edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    qtbot.keyClick(window.editor, "p")  # the found name can be labelled at once
    assert window.workbench.session.selected_entity() is not None


def test_the_lexicon_waits_for_the_first_paint(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Start-up (issue 12): the snapping lexicon (0.1 s) is read after the window's first
    paint, not in the event-loop pass before it; a label key still builds it at once."""
    window = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(window)
    session = window.workbench.session
    QApplication.processEvents()
    assert session.doc_id is not None
    assert session.lexicon is None  # not painted yet: nothing read
    window.show()
    qtbot.waitUntil(lambda: session.lexicon is not None)
    window.close()
