"""Review: panels that must not show what the store refused, or another document's choices."""


from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import entity_id, rows, select_text

QUOTED = "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج"


def test_refused_relabel_leaves_the_inspector_on_the_stored_label(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow, links_project: Path) -> None:
    window, wb = links_window, links_window.workbench
    select_text(window, QUOTED)
    assert wb.actions.quote.mark_quote()
    lavrov = entity_id(window, "سيرغي لافروف")
    assert wb.actions.quote.set_speaker(lavrov)
    wb.select_annotation(lavrov)
    schema = wb.project.schema
    refused = next(n for n in schema.entity_types if n not in schema.speaker_types)
    combo = window.inspector.label_combo
    combo.setCurrentIndex(combo.findData(refused))
    combo.activated.emit(combo.currentIndex())
    # The store refused (a quote's speaker cannot take that label), with the reason shown...
    assert rows(links_project, "SELECT label FROM entities WHERE id = ?", int(lavrov)) == [
        ("PERS",)]
    assert "speaker" in window.statusBar().currentMessage().lower()
    # ...and the inspector shows the label the entity still has, not the refused one.
    assert combo.currentData() == "PERS"


def test_stance_form_does_not_carry_choices_into_another_document(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow, links_project: Path) -> None:
    window, wb = links_window, links_window.workbench
    first = wb.session.doc_id
    wb.project.import_records([DocumentRecord(id="second", title="ثانية",
                                              text="وثيقة ثانية قصيرة عن موضوع آخر تماما.")])
    other = next(d.doc_id for d in wb.project.list_documents(0, 10) if d.doc_id != first)
    start, end = select_text(window, "رحبت")
    window.menu_actions.new_stance.trigger()
    panel = window.links_panel
    assert panel.stance_form.isVisible()
    panel.stance_form.evidence_combo.setCurrentIndex(panel.stance_form.evidence_combo.findData(f"span:{start}:{end}"))
    panel.stance_form.target_combo.setCurrentIndex(panel.stance_form.target_combo.findData(
        "topic:syria-political-solution"))
    wb.open_document(other)
    # Nothing of the first document may be offered: its selection would be stored as
    # evidence offsets into the second document's text, its entities are refused.
    if panel.stance_form.isVisible():
        offered = [panel.stance_form.evidence_combo.itemData(i)
                   for i in range(panel.stance_form.evidence_combo.count())]
        assert f"span:{start}:{end}" not in offered
        holders = [choice.data for choice in panel.stance_form.holders.choices()]
        assert all(h == "AUTHOR" or h in wb.session.entities for h in holders)
        panel.stance_form.submit_stance()
    assert rows(links_project, "SELECT evidence_start, evidence_end FROM stances"
                " WHERE doc_id = ?", other) == []


def test_links_list_follows_a_relabelled_speaker(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow) -> None:
    window, wb = links_window, links_window.workbench
    select_text(window, QUOTED)
    assert wb.actions.quote.mark_quote()
    lavrov = entity_id(window, "سيرغي لافروف")
    assert wb.actions.quote.set_speaker(lavrov)
    row = window.links_panel.index_for("q1")
    assert row.isValid()
    assert "(PERS)" in row.data()
    other = next(t for t in wb.project.schema.speaker_types if t != "PERS")
    wb.select_annotation(lavrov)
    assert wb.actions.entity.relabel(other)
    row = window.links_panel.index_for("q1")
    assert row.isValid()
    assert f"({other})" in row.data()
    assert wb.undo()
    row = window.links_panel.index_for("q1")
    assert row.isValid()
    assert "(PERS)" in row.data()


def test_selected_text_evidence_is_trimmed_like_every_span(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow) -> None:
    window, wb = links_window, links_window.workbench
    start, end = select_text(window, "رحبت")
    window.editor.set_selection_codepoints(start - 1, end + 1)  # a space on both sides
    window.menu_actions.new_stance.trigger()
    panel = window.links_panel
    offered = [choice.data for choice in panel.stance_form.evidence.choices()]
    assert f"span:{start}:{end}" in offered
    assert wb.session.text[start - 1].isspace()
    assert wb.session.text[end].isspace()


def test_a_label_key_on_a_selected_quote_says_why_nothing_happens(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow) -> None:
    window, wb = links_window, links_window.workbench
    select_text(window, QUOTED)
    assert wb.actions.quote.mark_quote()
    wb.select_annotation("q1")
    window.editor.set_selection_codepoints(0, 0)
    with qtbot.waitSignal(wb.message, timeout=1000) as said:
        assert not wb.actions.entity.label("PERS")
    assert "Only an entity takes a label" in said.args[0]
