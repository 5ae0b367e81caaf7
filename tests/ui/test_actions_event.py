"""Events in the workbench: the type-ahead picker, arguments by pick and by form, refused
roles, attributes, one journal entry per operation."""


from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.schema import default_schema_path, load_schema
from annotator.ui.panels.event_picker import EventTypePicker
from annotator.ui.qt import Qt
from annotator.ui.session.event_search import (
    RANK_DESCRIPTION,
    RANK_NAME,
    RANK_SUBTYPE_PREFIX,
    RANK_TYPE_PREFIX,
    match_rank,
    type_matches,
)
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

ARGS = "SELECT role, entity_id FROM event_arguments ORDER BY id"
# The offscreen platform cannot raise the picker dialog nor let the role menu grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def _event_by_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select_text(window, "هجوماً")
    shortcut(qtbot, window, "Ctrl+Shift+E")
    picker = window.link_wiring.event_picker
    assert picker is not None
    assert picker.isVisible()
    qtbot.keyClicks(picker.field, "attack")
    assert picker.visible_types() == ["Conflict:Attack"]
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)


def test_picker_filters_by_name_and_arabic_gloss(qtbot) -> None:  # type: ignore[no-untyped-def]
    schema = load_schema(default_schema_path())
    picker = EventTypePicker(schema)
    qtbot.addWidget(picker)
    picker.filter("هجوم")
    assert picker.visible_types() == ["Conflict:Attack"]
    picker.filter("justice:sent")
    assert picker.visible_types() == ["Justice:Sentence"]
    picker.filter("")
    assert len(picker.visible_types()) == len(schema.event_types)
    assert type_matches("meet", "Contact:Meet", "")
    assert not type_matches("zzz", "Contact:Meet", "")
    chosen: list[str] = []
    picker.typeChosen.connect(chosen.append)
    picker.filter("transport")
    assert picker.choose_current() == "Movement:Transport"
    assert chosen == ["Movement:Transport"]


def test_picker_ranks_best_matches_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    schema = load_schema(default_schema_path())
    picker = EventTypePicker(schema)
    qtbot.addWidget(picker)
    # A subtype beginning with the query (Convict) before types beginning with it, then the
    # description ("conviction"); ties keep the schema's order.
    picker.filter("con")
    assert picker.visible_types() == [
        "Justice:Convict", "Conflict:Attack", "Conflict:Demonstrate", "Contact:Meet",
        "Contact:Phone-Write", "Justice:Acquit"]
    # No prefix: names containing the query before descriptions ("organization").
    picker.filter("org")
    assert picker.visible_types() == [
        "Business:Start-Org", "Business:Merge-Org", "Business:End-Org",
        "Transaction:Transfer-Ownership", "Business:Declare-Bankruptcy",
        "Personnel:Start-Position", "Personnel:End-Position"]
    # The Arabic gloss, folded (سجن in «اعتقال أو سجن»).
    picker.filter("سجن")
    assert picker.visible_types() == ["Justice:Arrest-Jail"]
    assert match_rank("att", "Conflict:Attack", "") == RANK_SUBTYPE_PREFIX
    assert match_rank("conf", "Conflict:Attack", "") == RANK_TYPE_PREFIX
    assert match_rank("justice:sent", "Justice:Sentence", "") == RANK_TYPE_PREFIX
    assert match_rank("tack", "Conflict:Attack", "") == RANK_NAME
    assert match_rank("هجوم", "Conflict:Attack", "A violent act — هجوم") == RANK_DESCRIPTION
    assert match_rank("zzz", "Conflict:Attack", "") is None
    # Typing and Enter take the best match; Down goes to the next one.
    chosen: list[str] = []
    picker.typeChosen.connect(chosen.append)
    picker.field.clear()
    qtbot.keyClicks(picker.field, "con")
    qtbot.keyClick(picker.field, Qt.Key.Key_Down)
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert chosen == ["Conflict:Attack"]


def test_event_by_keyboard_with_arguments_and_attributes(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                         links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    _event_by_keyboard(qtbot, window)
    trigger = find(text, "هجوماً")
    assert rows(links_project, "SELECT type, trigger_start, trigger_end FROM events") == [
        ("Conflict:Attack", *trigger)]
    assert window.workbench.session.selected == "v1"
    # Add an argument: pick mode, Enter with the cursor on an entity. A DATE can only be the
    # Time of an attack, so it is added at once.
    shortcut(qtbot, window, "Ctrl+Shift+R")
    position = find(text, "يوم الأحد")[0] + 1
    window.editor.set_selection_codepoints(position, position)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    sunday = int(entity_id(window, "يوم الأحد"))
    assert rows(links_project, ARGS) == [("Time", sunday)]
    # An ORG may be Attacker or Target: the role menu asks.
    window.menu_actions.add_argument.trigger()
    click_span(window, entity_id(window, "التحالف الدولي"))
    menu = window.link_wiring.role_menu
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Attacker", "Target"]
    menu.actions()[0].trigger()
    coalition = int(entity_id(window, "التحالف الدولي"))
    assert rows(links_project, ARGS) == [("Time", sunday), ("Attacker", coalition)]
    # Attributes: Ctrl+Alt+P cycles polarity from its default.
    shortcut(qtbot, window, "Ctrl+Alt+P")
    assert rows(links_project, "SELECT attrs FROM events") == [('{"polarity":"Negative"}',)]
    assert journal_actions(links_project) == [
        "Add Conflict:Attack event", "Add Time argument", "Add Attacker argument",
        "Set Conflict:Attack attributes"]
    window.menu_actions.undo.trigger()
    assert rows(links_project, "SELECT attrs FROM events") == [("{}",)]


def test_forbidden_roles_are_refused_with_a_message(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                    links_project: Path) -> None:
    window = links_window
    _event_by_keyboard(qtbot, window)
    panel = window.links_panel
    assert panel.details.currentWidget() is panel.event_page
    # (Every entity of this paragraph now fills some role of an attack: OCC is a Target since
    # issue 11, so the "no role accepts" message needs a fixture entity of another label.)
    # The form lists every role of the type; a role that does not accept the entity's label
    # is refused by the store.
    panel.event_page.role_combo.setCurrentIndex(panel.event_page.role_combo.findData("Place"))
    panel.event_page.argument_combo.setCurrentIndex(
        panel.event_page.argument_combo.findData(entity_id(window, "يوم الأحد")))
    qtbot.mouseClick(panel.event_page.add_argument, Qt.MouseButton.LeftButton)
    assert "does not accept a DATE" in window.statusBar().currentMessage()
    assert rows(links_project, ARGS) == []
    # The right role through the form (mouse path) is stored, and removed again.
    panel.event_page.role_combo.setCurrentIndex(panel.event_page.role_combo.findData("Time"))
    qtbot.mouseClick(panel.event_page.add_argument, Qt.MouseButton.LeftButton)
    assert rows(links_project, ARGS) == [("Time", int(entity_id(window, "يوم الأحد")))]
    assert panel.event_page.arguments.rowCount() == 1
    panel.event_page.argument_list.setCurrentIndex(panel.event_page.arguments.index(0))
    qtbot.mouseClick(panel.event_page.remove_argument, Qt.MouseButton.LeftButton)
    assert rows(links_project, ARGS) == []
    # Attributes through the form.
    combo = panel.event_page.event_attr_combos["modality"]
    combo.setCurrentIndex(combo.findData("Other"))
    combo.activated.emit(combo.currentIndex())
    assert rows(links_project, "SELECT attrs FROM events") == [('{"modality":"Other"}',)]


def test_event_needs_a_selection_and_delete_removes_arguments(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                               links_project: Path) -> None:
    window = links_window
    window.editor.set_selection_codepoints(0, 0)
    window.menu_actions.mark_event.trigger()
    assert "Select the words" in window.statusBar().currentMessage()
    _event_by_keyboard(qtbot, window)
    window.workbench.actions.event.add_argument("Place", entity_id(window, "الرقة"))
    window.workbench.select_annotation("v1")
    window.menu_actions.delete_annotation.trigger()
    assert rows(links_project, "SELECT count(*) FROM events") == [(0,)]
    assert rows(links_project, ARGS) == []
    window.menu_actions.undo.trigger()  # one step brings back the event and its argument
    assert rows(links_project, ARGS) == [("Place", int(entity_id(window, "الرقة")))]
