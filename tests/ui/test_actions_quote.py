"""Quotes in the workbench: keyboard and mouse paths, speakers, suggestions, undo, refusals."""


from __future__ import annotations

from pathlib import Path

from annotator.ui.qt import Qt
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import (
    click_span,
    entity_id,
    find,
    journal_actions,
    rows,
    select_text,
    shortcut,
)

QUOTED = "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج"
QUOTE_ROWS = ("SELECT content_start, content_end, cue_start, cue_end, speaker_entity_id,"
              " speaker_author, kind FROM quotes ORDER BY id")


def test_keyboard_quote_cue_and_speaker(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                        links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    # The selection may include the guillemets: they are left out of the content.
    start, end = find(text, f"«{QUOTED}»")
    window.editor.set_selection_codepoints(start, end)
    shortcut(qtbot, window, "Ctrl+Shift+Q")
    content = find(text, QUOTED)
    assert rows(links_project, QUOTE_ROWS) == [(*content, None, None, None, 0, "direct")]
    assert window.workbench.session.selected == "q1"
    select_text(window, "وقال")  # the whole word: the و stays out of the cue
    shortcut(qtbot, window, "Ctrl+Shift+C")
    cue = find(text, "قال")
    assert rows(links_project, "SELECT cue_start, cue_end FROM quotes") == [cue]
    # Link the speaker: pick mode, then Enter with the text cursor on the entity.
    shortcut(qtbot, window, "Ctrl+Shift+S")
    assert window.workbench.session.picking == "speaker"
    assert window.status_line.mode_label.text() == "Picking: speaker"
    lavrov = entity_id(window, "سيرغي لافروف")
    position = find(text, "لافروف")[0]
    window.editor.set_selection_codepoints(position, position)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert rows(links_project, "SELECT speaker_entity_id FROM quotes") == [(int(lavrov),)]
    shortcut(qtbot, window, "Ctrl+Alt+Q")  # kind: direct -> indirect
    assert rows(links_project, "SELECT kind FROM quotes") == [("indirect",)]
    window.workbench.select_annotation("q1")
    shortcut(qtbot, window, "Ctrl+Shift+A")
    assert rows(links_project, "SELECT speaker_entity_id, speaker_author FROM quotes") == [
        (None, 1)]
    assert journal_actions(links_project) == ["Add quote"] + ["Edit quote"] * 4


def test_mouse_pick_speaker_and_refusals(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                         links_project: Path) -> None:
    window = links_window
    select_text(window, QUOTED)
    window.menu_actions.mark_quote.trigger()
    panel = window.links_panel
    assert panel.details.currentWidget() is panel.quote_page
    qtbot.mouseClick(panel.quote_page.pick_speaker, Qt.MouseButton.LeftButton)
    click_span(window, entity_id(window, "سيرغي لافروف"))
    assert rows(links_project, "SELECT speaker_entity_id FROM quotes") == [
        (int(entity_id(window, "سيرغي لافروف")),)]
    # A click on something that is not an entity is refused with a clear message.
    window.workbench.select_annotation("q1")
    window.menu_actions.link_speaker.trigger()
    click_span(window, "q1")
    assert "must be an annotated entity" in window.statusBar().currentMessage()
    # A label the schema does not let speak (a DATE) is refused by the store.
    window.workbench.select_annotation("q1")
    assert not window.workbench.actions.quote.set_speaker(entity_id(window, "يوم الأحد"))
    assert "cannot be a quote speaker" in window.statusBar().currentMessage()
    assert rows(links_project, "SELECT speaker_entity_id FROM quotes") == [
        (int(entity_id(window, "سيرغي لافروف")),)]
    # The speaker combo box (mouse or keyboard) offers AUTHOR and nearby speakers.
    combo = panel.quote_page.speaker_combo
    window.workbench.select_annotation("q1")
    index = combo.findData("AUTHOR")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert rows(links_project, "SELECT speaker_author FROM quotes") == [(1,)]


def test_suggestions_are_stored_only_when_accepted(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                   links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    shortcut(qtbot, window, "Ctrl+Shift+G")
    wb = window.workbench
    assert len(wb.session.suggestions) == 2
    assert rows(links_project, "SELECT count(*) FROM quotes") == [(0,)]
    shown = {s.id: s for s in window.editor.spans()}
    assert shown["g0"].style == "suggested"
    assert shown["h0"].style == "suggested"
    assert window.workbench.session.selected == "g0"
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # accept the first
    lavrov = int(entity_id(window, "سيرغي لافروف"))
    assert rows(links_project, QUOTE_ROWS) == [
        (*find(text, QUOTED), *find(text, "قال"), lavrov, 0, "direct")]
    assert window.workbench.session.selected == "g0"  # the next suggestion is selected
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)  # reject it
    assert wb.session.suggestions == []
    assert rows(links_project, "SELECT count(*) FROM quotes") == [(1,)]
    assert journal_actions(links_project) == ["Add quote"]
    assert not any(s.id.startswith("g") for s in window.editor.spans())


def test_dropped_subject_suggestion_and_mouse_accept(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                     links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    wb = window.workbench
    wb.actions.suggestion.suggest()
    second = wb.session.suggestions[1]
    assert text[second.cue.start:second.cue.end] == "أضاف"  # inside وأضاف
    assert second.speaker == entity_id(window, "سيرغي لافروف")
    window.workbench.reveal("g1")
    panel = window.links_panel
    assert panel.details.currentWidget() is panel.suggestion_page
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert rows(links_project, "SELECT content_start, speaker_entity_id FROM quotes") == [
        (find(text, "الحوار هو الطريق الوحيد لإنهاء الأزمة")[0],
         int(entity_id(window, "سيرغي لافروف")))]


def test_quote_undo_is_one_step_and_delete(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                          links_project: Path) -> None:
    window = links_window
    select_text(window, QUOTED)
    shortcut(qtbot, window, "Ctrl+Shift+Q")
    window.workbench.select_annotation("q1")
    shortcut(qtbot, window, "Ctrl+Shift+L")  # nearest plausible speaker
    assert rows(links_project, "SELECT speaker_entity_id FROM quotes") == [
        (int(entity_id(window, "سيرغي لافروف")),)]
    window.menu_actions.undo.trigger()
    assert rows(links_project, "SELECT speaker_entity_id FROM quotes") == [(None,)]
    window.workbench.select_annotation("q1")
    window.menu_actions.delete_annotation.trigger()
    assert rows(links_project, "SELECT count(*) FROM quotes") == [(0,)]
    assert not window.editor.has_span("q1")
    window.menu_actions.undo.trigger()
    assert rows(links_project, "SELECT count(*) FROM quotes") == [(1,)]
    assert window.editor.has_span("q1")
