"""The rough edges found by using the app as a new user: right-to-left rows, the stance
form, the default layout, focus after the event picker, stale hints, the selection after an
action, and how stance and speaker links are drawn. Screenshots go to ``tests/_artifacts``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Entity, Span, StanceTarget
from annotator.core.store import Project
from annotator.ui.editor.link_spans import link_items
from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.qt import QtCore, QtWidgets
from annotator.ui.row_text import FSI, LRM, PDI, isolate
from annotator.ui.rows import RowDelegate
from annotator.ui.session.choices import Choice
from annotator.ui.session.session import PICK_PROMPTS
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import ARTIFACTS, entity_id, find, select_text, shortcut

TEXT = ("وصل وزير الخارجية الألماني إلى برلين مساء الثلاثاء.\n"
        "وقال الوزير في مؤتمر صحفي: «نرفض أي حل لا يضمن أمن المدنيين».\n"
        "وفي برلين أيضا، تظاهر مئات الطلاب أمام البرلمان.\n"
        "وانتقد رئيس البلدية تنظيم داعش وقال إن التنظيم يهدد استقرار المنطقة كلها.")
NAMES = [("وزير الخارجية الألماني", "OCC", 0), ("برلين", "GPE", 0), ("برلين", "GPE", 1),
         ("رئيس البلدية", "OCC", 0), ("داعش", "ORG", 0)]


def _shot(widget: QtWidgets.QWidget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(ARTIFACTS / name))


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window at its default size on a short article with five entities."""
    path = tmp_path / "edges.annotator"
    entities = [Entity(f"e{n}", *find(TEXT, s, nth), label)
                for n, (s, label, nth) in enumerate(NAMES)]
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([DocumentRecord(id="n", text=TEXT, title="خبر برلين",
                                               entities=entities)])
    shown = MainWindow(Project.open(path, annotator="tester"))
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.editor.setFocus()
    yield shown
    shown.close()


def test_the_text_gets_most_of_the_window_and_every_label_shows(window: MainWindow) -> None:
    assert window.width() == 1280
    assert window.editor.width() >= 0.55 * 1280
    palette = window.label_palette
    view = palette.list_view
    assert len(palette.labels()) >= 20  # the default schema
    for label in palette.labels():
        rect = palette.item_rect(label)
        assert view.viewport().rect().contains(rect), label
    assert view.verticalScrollBar().maximum() == 0
    assert not view.verticalScrollBar().isVisible()
    assert palette.rows_needed() <= 12  # a grid of two columns, not one long list
    _shot(window, "edges_layout.png")


def test_opening_the_stance_form_changes_no_other_panel(qtbot: Any, window: MainWindow) -> None:
    def geometry() -> dict[str, QtCore.QRect]:
        found = {key: dock.geometry() for key, dock in window.docks.items()}
        found["editor"] = window.editor.geometry()
        found["window"] = window.geometry()
        return found

    QtWidgets.QApplication.processEvents()
    before = geometry()
    window.links_panel.open_stance_form()
    qtbot.wait(50)
    assert window.links_panel.stance_form.isVisible()
    assert geometry() == before
    form = window.links_panel.stance_form
    assert form.visibleRegion().boundingRect().height() > form.height() // 2  # scrolled to
    _shot(window, "edges_stance_form.png")


def test_stance_form_defaults_and_shows_the_stored_stance_after_add(
        qtbot: Any, window: MainWindow) -> None:
    wb, form = window.workbench, window.links_panel.stance_form
    evidence = select_text(window, "يهدد استقرار المنطقة")
    window.links_panel.open_stance_form()
    assert form.target_combo.currentData() is None  # no topic chosen for the user
    assert form.evidence_combo.currentData() == f"span:{evidence[0]}:{evidence[1]}"
    mayor, isis = entity_id(window, "رئيس البلدية"), entity_id(window, "داعش")
    form.holder_combo.setCurrentIndex(form.holders.row_of(mayor))
    form.target_combo.setCurrentIndex(form.targets.row_of(f"entity:{isis}"))
    form.stance_label_combo.setCurrentIndex(form.labels.row_of("AGAINST"))
    assert form.add_stance_button.isEnabled()
    form.add_stance_button.click()
    assert len(wb.session.links.stances) == 1
    assert form.title() == "Selected stance"
    assert not form.add_stance_button.isEnabled()
    assert form.holder_combo.currentData() == mayor
    assert form.target_combo.currentData() == f"entity:{isis}"
    assert form.stance_label_combo.currentData() == "AGAINST"
    assert form.evidence_combo.currentData() == f"span:{evidence[0]}:{evidence[1]}"
    # A fresh form after the stored one starts empty again, not with its values.
    wb.select_annotation(None)
    window.editor.set_selection_codepoints(0, 0)
    window.links_panel.open_stance_form()
    assert form.target_combo.currentData() is None
    assert form.evidence_combo.currentData() is None
    assert form.title() == "Stance"


def test_choices_name_entities_with_their_context(window: MainWindow) -> None:
    wb = window.workbench
    select_text(window, "«نرفض أي حل لا يضمن أمن المدنيين»")
    assert wb.actions.quote.mark_quote()
    combo = window.links_panel.quote_page.speaker_combo
    texts = [combo.itemText(n).lstrip(LRM) for n in range(combo.count())]
    berlins = [t for t in texts if t.startswith(f"{FSI}برلين{PDI} (GPE)")]
    assert len(berlins) == 2
    assert berlins[0] != berlins[1]
    assert "مساء" in berlins[0]
    assert "تظاهر" in berlins[1]
    assert isinstance(combo.itemDelegate(), RowDelegate)
    popup = QtWidgets.QListView()  # what the popup shows (a real popup warns offscreen)
    popup.setModel(combo.model())
    popup.setItemDelegate(RowDelegate(popup))
    popup.resize(420, 200)
    _shot(popup, "edges_speaker_choices.png")


def test_rows_of_document_text_take_their_own_direction(window: MainWindow) -> None:
    wb, tree = window.workbench, window.links_panel.tree
    select_text(window, "«نرفض أي حل لا يضمن أمن المدنيين»")
    assert wb.actions.quote.mark_quote()
    assert wb.actions.quote.set_speaker(entity_id(window, "وزير الخارجية الألماني"))
    index = window.links_panel.model.index_of("q1" if "1" in wb.session.links.quotes
                                              else f"q{next(iter(wb.session.links.quotes))}")
    text = index.data().lstrip(LRM)
    assert text.startswith(f"{FSI}«نرفض")
    assert f"»{PDI} — {FSI}وزير" in text
    delegate = tree.itemDelegate()
    assert isinstance(delegate, RowDelegate)
    option = QtWidgets.QStyleOptionViewItem()
    option.initFrom(tree)
    delegate.initStyleOption(option, index)
    # An English row (the speaker's label is outside the isolates) laid out left to right...
    assert option.direction == QtCore.Qt.LayoutDirection.LeftToRight
    # ...a row of Arabic only in its own direction, at the list's leading edge all the same.
    model = ChoiceListModel([Choice(isolate("«نرفض أي حل»"), "a"), Choice("خبر برلين", "b")])
    for row in range(2):
        option = QtWidgets.QStyleOptionViewItem()
        option.initFrom(tree)
        delegate.initStyleOption(option, model.index(row))
        assert option.direction == QtCore.Qt.LayoutDirection.RightToLeft
        assert option.displayAlignment & QtCore.Qt.AlignmentFlag.AlignLeft
    _shot(window.links_panel, "edges_links_rows.png")


def test_focus_returns_to_the_text_after_the_event_picker(qtbot: Any, window: MainWindow) -> None:
    wb = window.workbench
    select_text(window, "تظاهر")
    shortcut(qtbot, window, "Ctrl+Shift+E")
    picker = window.link_wiring.event_picker
    assert picker is not None
    rows = [picker.model.index(n).data().lstrip(LRM) for n in range(picker.model.rowCount())]
    assert any(r.startswith("Conflict:Demonstrate") and "تظاهر" in r for r in rows)
    picker.field.setText("demonstrate")
    _shot(picker, "edges_event_picker.png")
    assert picker.choose_current() == "Conflict:Demonstrate"
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is window.editor, timeout=2000)
    assert not window.editor.textCursor().hasSelection()  # the trigger's colour shows
    shortcut(qtbot, window, "Ctrl+Shift+R")
    assert wb.session.picking == "argument"
    assert window.statusBar().currentMessage() == PICK_PROMPTS["argument"]
    wb.actions.pick.complete(entity_id(window, "برلين"))
    # The hint is gone once the pick is done; the list says "1 argument".
    assert window.statusBar().currentMessage() != PICK_PROMPTS["argument"]
    rows = [window.links_panel.model.index(0, 0, window.links_panel.model.group_index("v"))]
    assert rows[0].data().endswith("(1 argument)")


def test_labelling_clears_the_selection_highlight(window: MainWindow) -> None:
    select_text(window, "البرلمان")
    assert window.workbench.actions.entity.label("FAC")
    assert not window.editor.textCursor().hasSelection()
    _shot(window.editor, "edges_after_label.png")


def test_links_join_speaker_to_quote_and_holder_to_target(window: MainWindow) -> None:
    wb = window.workbench
    doc_id = wb.session.doc_id
    assert doc_id is not None
    content = find(TEXT, "نرفض أي حل لا يضمن أمن المدنيين")
    speaker = entity_id(window, "وزير الخارجية الألماني")
    quote = wb.project.add_quote(doc_id, Span(*content), Span(*find(TEXT, "وقال")), speaker)
    mayor, isis = entity_id(window, "رئيس البلدية"), entity_id(window, "داعش")
    stance = wb.project.add_stance(doc_id, mayor, StanceTarget(entity=isis), "AGAINST",
                                   Span(*find(TEXT, "يهدد استقرار المنطقة كلها")))
    items = {i.owner: i for i in link_items(wb.session.links, [], {})}
    assert (items[f"q{quote}"].source, items[f"q{quote}"].target) == (speaker, f"q{quote}")
    assert (items[f"s{stance}"].source, items[f"s{stance}"].target) == (mayor, isis)
    wb.reveal(f"s{stance}")
    _shot(window.editor, "edges_stance_link.png")
    wb.reveal(f"q{quote}")
    _shot(window.editor, "edges_speaker_link.png")


def test_selecting_and_marking_never_resize_the_panels(qtbot: Any, window: MainWindow) -> None:
    QtWidgets.QApplication.processEvents()
    before = {key: dock.geometry() for key, dock in window.docks.items()}
    editor = window.editor.geometry()
    window.workbench.select_annotation(entity_id(window, "برلين"))  # the inspector's form
    select_text(window, "«نرفض أي حل لا يضمن أمن المدنيين»")
    assert window.workbench.actions.quote.mark_quote()  # the quote page
    qtbot.wait(50)
    assert {key: dock.geometry() for key, dock in window.docks.items()} == before
    assert window.editor.geometry() == editor
