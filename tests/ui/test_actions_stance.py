"""Stances and document labels in the workbench: the stance form (keyboard and mouse),
picking holder and target, changing a label as one journal entry, the document panel."""


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

STANCES = ("SELECT holder_entity_id, holder_author, target_entity_id, target_event_id,"
           " target_topic, label, evidence_quote_id, evidence_start, evidence_end FROM stances"
           " ORDER BY id")


def _choose(combo, value: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_stance_from_a_quote_by_keyboard(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                         links_project: Path) -> None:
    window, wb = links_window, links_window.workbench
    lavrov = entity_id(window, "سيرغي لافروف")
    select_text(window, "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج")
    wb.actions.quote.mark_quote()
    wb.actions.quote.set_speaker(lavrov)
    window.workbench.select_annotation("q1")
    shortcut(qtbot, window, "Ctrl+Shift+T")  # the form takes the quote's speaker and the quote
    panel = window.links_panel
    assert panel.stance_form.isVisible()
    assert panel.stance_form.holder_combo.currentData() == lavrov
    assert panel.stance_form.evidence_combo.currentData() == "quote:1"
    _choose(panel.stance_form.target_combo, "topic:syria-political-solution")
    _choose(panel.stance_form.stance_label_combo, "FAVOR")
    panel.stance_form.add_stance_button.setFocus()
    qtbot.keyClick(panel.stance_form.add_stance_button, Qt.Key.Key_Space)
    assert rows(links_project, STANCES) == [
        (int(lavrov), 0, None, None, "syria-political-solution", "FAVOR", 1, None, None)]
    assert window.workbench.session.selected == "s1"
    # Changing the label of the selected stance: one journal entry, undone in one step.
    _choose(panel.stance_form.stance_label_combo, "AGAINST")
    panel.stance_form.stance_label_combo.activated.emit(panel.stance_form.stance_label_combo.currentIndex())
    assert [r[5] for r in rows(links_project, STANCES)] == ["AGAINST"]
    assert journal_actions(links_project)[-1] == "Set stance AGAINST"
    window.menu_actions.undo.trigger()
    assert [r[5] for r in rows(links_project, STANCES)] == ["FAVOR"]


def test_stance_by_mouse_picks_holder_and_event_target(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                       links_project: Path) -> None:
    window, wb = links_window, links_window.workbench
    select_text(window, "هجوماً")
    wb.actions.event.add_event("Conflict:Attack")
    window.editor.set_selection_codepoints(*find(window.workbench.session.text, "رحبت"))
    window.menu_actions.new_stance.trigger()
    panel = window.links_panel
    qtbot.mouseClick(panel.stance_form.pick_holder, Qt.MouseButton.LeftButton)
    click_span(window, entity_id(window, "الحكومة الفرنسية"))
    assert panel.stance_form.holder_combo.currentData() == entity_id(window, "الحكومة الفرنسية")
    qtbot.mouseClick(panel.stance_form.pick_target, Qt.MouseButton.LeftButton)
    click_span(window, "v1")
    assert panel.stance_form.target_combo.currentData() == "event:1"
    welcomed = find(window.workbench.session.text, "رحبت")
    _choose(panel.stance_form.evidence_combo, "span:{}:{}".format(*welcomed))
    qtbot.mouseClick(panel.stance_form.add_stance_button, Qt.MouseButton.LeftButton)
    start, end = find(window.workbench.session.text, "رحبت")
    assert rows(links_project, STANCES) == [
        (int(entity_id(window, "الحكومة الفرنسية")), 0, None, 1, None, "FAVOR", None, start,
         end)]
    assert window.editor.has_span("x1")  # the evidence span is shown
    # A holder that is not an entity is refused.
    qtbot.mouseClick(panel.stance_form.pick_holder, Qt.MouseButton.LeftButton)
    click_span(window, "v1")
    assert "holder must be an entity" in window.statusBar().currentMessage()
    # Deleting the event deletes the stance aimed at it.
    window.workbench.select_annotation("v1")
    window.menu_actions.delete_annotation.trigger()
    assert rows(links_project, STANCES) == []


def test_document_panel_sets_topic_and_overall_stance(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                                      links_project: Path) -> None:
    window = links_window
    panel = window.document_panel
    topic = panel.fields["topic"]
    _choose(topic, "politics")
    topic.activated.emit(topic.currentIndex())
    combo = panel.topic_combos[("overall_stance", "anti-isis-coalition")]
    _choose(combo, "FAVOR")
    combo.activated.emit(combo.currentIndex())
    other = panel.topic_combos[("overall_stance", "refugee-reception")]
    _choose(other, "NONE")
    other.activated.emit(other.currentIndex())
    stored = dict(rows(links_project, "SELECT key, value FROM document_labels"))
    assert stored == {"topic": '"politics"',
                      "overall_stance": '{"anti-isis-coalition":"FAVOR",'
                                        '"refugee-reception":"NONE"}'}
    assert journal_actions(links_project) == ["Set label topic", "Set label overall_stance",
                                              "Set label overall_stance"]
    window.menu_actions.undo.trigger()
    assert other.currentData() is None  # the panel follows the store
    assert combo.currentData() == "FAVOR"
