"""Labelling in the workbench window: mouse and keyboard selection, hotkeys, the palette,
then the offsets as stored in the project file (code points, with an emoji and tashkeel
before every span so that UTF-16 offsets differ)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.store import Project
from annotator.ui.qt import Qt
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import TEXT_A, caret_point, drag, entity_rows, type_text_key, utf16_offset


@pytest.fixture
def window(qtbot, project_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _select_by_keyboard(qtbot, window: MainWindow, start: int, graphemes: int) -> None:  # type: ignore[no-untyped-def]
    """Caret at ``start``, then Shift+Left ``graphemes`` times: in right-to-left text the
    Left key moves towards the reading end, one grapheme cluster at a time."""
    window.editor.set_selection_codepoints(start, start)
    window.editor.setFocus()
    for _ in range(graphemes):
        qtbot.keyClick(window.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)


def test_mouse_drag_and_hotkey_store_code_point_offsets(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                        project_path: Path) -> None:
    doc_id = window.workbench.session.doc_id
    start = TEXT_A.index("أحمد")
    end = start + len("أحمد")
    assert utf16_offset(TEXT_A, start) == start + 1  # the emoji: offsets really differ
    viewport = window.editor.viewport()
    drag(viewport, caret_point(window.editor, TEXT_A, start),
         caret_point(window.editor, TEXT_A, end))
    assert window.editor.selection_codepoints() == (start, end)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, "p")
    assert entity_rows(project_path) == [(doc_id, start, end, "PERS")]
    assert [(s.start, s.end, s.label) for s in window.editor.spans()] == [(start, end, "PERS")]
    assert window.status_line.save_label.text().startswith("Saved")
    assert window.inspector.text_label.text() == "أحمد"


def test_keyboard_selection_is_snapped_past_the_proclitic(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                          project_path: Path) -> None:
    word = TEXT_A.index("ولافروف")
    _select_by_keyboard(qtbot, window, word, len("ولافروف"))
    assert window.editor.selection_codepoints() == (word, word + len("ولافروف"))
    qtbot.keyClick(window.editor, "p")
    # و is a conjunction; لافروف is a known name (gazetteer) and keeps its ل.
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, word + 1,
                                          word + len("ولافروف"), "PERS")]


def test_selection_over_tashkeel_keeps_marks_with_their_letters(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                project_path: Path) -> None:
    word = TEXT_A.index("وزيرُ")
    _select_by_keyboard(qtbot, window, word, 4)  # four clusters: و ز ي رُ
    assert window.editor.selection_codepoints() == (word, word + len("وزيرُ"))
    window.menu_actions.character_mode.setChecked(True)
    qtbot.keyClick(window.editor, "j")
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, word, word + 5, "OCC")]


def test_palette_click_labels_the_selection(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                            project_path: Path) -> None:
    word = TEXT_A.index("والعراق")
    _select_by_keyboard(qtbot, window, word, len("والعراق"))
    list_widget = window.label_palette.list_view
    rect = window.label_palette.item_rect("GPE")
    qtbot.mouseClick(list_widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, word + 1,
                                          word + len("والعراق"), "GPE")]


def test_character_mode_keeps_the_selection_as_is(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                  project_path: Path) -> None:
    word = TEXT_A.index("والعراق")
    window.menu_actions.character_mode.trigger()
    assert window.workbench.session.character_mode
    assert window.status_line.mode_label.isVisibleTo(window)
    _select_by_keyboard(qtbot, window, word - 1, len("والعراق") + 1)  # with the space before
    qtbot.keyClick(window.editor, "g")
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, word,
                                          word + len("والعراق"), "GPE")]


def test_hotkeys_work_with_the_arabic_layout_and_not_in_text_fields(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, project_path: Path) -> None:
    start = TEXT_A.index("موسكو")
    window.editor.set_selection_codepoints(start, start + len("موسكو"))
    window.navigator.filter_edit.setFocus()
    qtbot.keyClicks(window.navigator.filter_edit, "g")
    assert entity_rows(project_path) == []
    window.navigator.filter_edit.clear()
    window.editor.setFocus()
    type_text_key(window.editor, "ل")  # the G key on the Arabic (101) layout
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, start,
                                          start + len("موسكو"), "GPE")]


def test_clicking_a_span_selects_it_in_the_inspector(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    start = TEXT_A.index("موسكو")
    window.workbench.project.add_entity(window.workbench.session.doc_id, start, start + 5, "GPE")
    assert window.workbench.session.selected is None
    point = caret_point(window.editor, TEXT_A, start + 2)
    qtbot.mouseClick(window.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.workbench.session.selected is not None
    assert window.inspector.label_combo.currentText() == "GPE"
    assert window.inspector.text_label.text() == "موسكو"
    assert window.menu_actions.delete_annotation.isEnabled()


def test_a_rejected_action_is_reported_not_saved(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                 project_path: Path) -> None:
    start = TEXT_A.index("موسكو")
    window.editor.set_selection_codepoints(start, start + 5)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, "g")
    assert window.status_line.save_label.text().startswith("Saved")
    assert not window.workbench.actions.entity.relabel("NO-SUCH-LABEL")  # the store refuses it
    assert window.status_line.save_label.text() == "Not saved"
    assert "NO-SUCH-LABEL" in window.status_line.save_label.toolTip()
    assert entity_rows(project_path) == [(window.workbench.session.doc_id, start, start + 5, "GPE")]


def test_the_view_follows_store_events_without_rereading_the_document(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch) -> None:
    project = window.workbench.project

    def no_reread(doc_id: int) -> None:
        raise AssertionError(f"document {doc_id} was read again")

    monkeypatch.setattr(project, "get_record", no_reread)
    start = TEXT_A.index("موسكو")
    new_id = project.add_entity(window.workbench.session.doc_id, start, start + 5, "GPE",
                                {"mention": "NAM"})
    assert [(s.id, s.start, s.label) for s in window.editor.spans()] == [(str(new_id), start,
                                                                           "GPE")]
    project.relabel_entity(new_id, "LOC")
    assert window.workbench.session.entities[str(new_id)].label == "LOC"
    assert window.workbench.session.entities[str(new_id)].attrs == {"mention": "NAM"}
    project.undo()
    project.undo()
    assert window.editor.spans() == []
