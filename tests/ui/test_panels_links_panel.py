"""The links panel and the drawn links: listing, choosing, highlighting, and screenshots of a
quote with its speaker, an event with two arguments and a stance (tests/_artifacts/)."""


from __future__ import annotations

from pathlib import Path

from annotator.core.model import AUTHOR, Span, StanceTarget
from annotator.ui.qt import Qt, QtGui
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import ARTIFACTS, entity_id, find, select_text

QUOTED = "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج"


def _quote(window: MainWindow) -> None:
    wb = window.workbench
    select_text(window, QUOTED)
    wb.actions.quote.mark_quote()
    select_text(window, "وقال")
    wb.actions.quote.mark_cue()
    wb.actions.quote.set_speaker(entity_id(window, "سيرغي لافروف"))


def _event(window: MainWindow) -> None:
    wb = window.workbench
    select_text(window, "هجوماً")
    wb.actions.event.add_event("Conflict:Attack")
    wb.actions.event.add_argument("Attacker", entity_id(window, "التحالف الدولي"))
    wb.actions.event.add_argument("Place", entity_id(window, "الرقة"))


def _shot(qtbot, window: MainWindow, name: str) -> QtGui.QImage:  # type: ignore[no-untyped-def]
    window.editor.clearFocus()
    window.editor.set_selection_codepoints(0, 0)
    window.editor.viewport().repaint()
    qtbot.wait(10)
    image = window.editor.grab().toImage()
    ARTIFACTS.mkdir(exist_ok=True)
    assert image.save(str(ARTIFACTS / name))
    colours = {image.pixel(x, y) for y in range(0, image.height(), 3)
               for x in range(0, image.width(), 3)}
    assert len(colours) > 50
    return image


def test_panel_lists_links_and_choosing_selects_and_scrolls(qtbot, links_window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window = links_window
    _quote(window)
    _event(window)
    window.workbench.actions.stance.add_stance(AUTHOR, StanceTarget(topic="anti-isis-coalition"),
                                               "FAVOR")
    panel = window.links_panel
    counts = {kind: panel.model.rowCount(panel.model.group_index(kind)) for kind in "qvsg"}
    assert counts == {"q": 1, "v": 1, "s": 1, "g": 0}
    assert panel.model.group_index("q").data() == "Quotes (1)"
    item = panel.index_for("v1")
    assert item.isValid()
    assert "Conflict:Attack" in item.data()
    # Choosing a row (keyboard: the list's activation) selects the event...
    window.workbench.select_annotation(None)
    panel.tree.setCurrentIndex(item)
    panel.tree.activated.emit(item)
    assert window.workbench.session.selected == "v1"
    assert panel.details.currentWidget() is panel.event_page
    # ...and highlights what it connects: the trigger is selected, its arguments highlighted.
    assert window.editor.selected_span() == "v1"
    assert window.editor.highlighted_spans() == {entity_id(window, "التحالف الدولي"),
                                                 entity_id(window, "الرقة")}
    # Clicking the quote row selects the quote; its cue and speaker are highlighted.
    quote_item = panel.index_for("q1")
    assert quote_item.isValid()
    rect = panel.tree.visualRect(quote_item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workbench.session.selected == "q1"
    assert window.editor.highlighted_spans() == {"k1", entity_id(window, "سيرغي لافروف")}
    # A selected entity shows the links it takes part in; Escape clears.
    window.workbench.select_annotation(entity_id(window, "الرقة"))
    assert window.editor.highlighted_spans() == frozenset()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.workbench.session.selected is None


def test_links_scroll_into_view_on_a_long_document(qtbot, links_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = links_window
    _event(window)
    window.editor.verticalScrollBar().setValue(0)
    window.workbench.reveal("v1")
    assert window.editor.frame().fragments  # the trigger is on screen


def test_screenshot_quote_and_speaker(qtbot, links_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = links_window
    window.resize(1760, 640)
    _quote(window)
    window.workbench.select_annotation("q1")
    _shot(qtbot, window, "links_quote.png")
    assert window.editor.links_drawn == 1


def test_screenshot_event_with_two_arguments(qtbot, links_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = links_window
    window.resize(1760, 640)
    _event(window)
    window.workbench.select_annotation("v1")
    _shot(qtbot, window, "links_event.png")
    assert window.editor.links_drawn == 2


def test_screenshot_stance(qtbot, links_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = links_window
    window.resize(1760, 640)
    _event(window)
    wb = window.workbench
    text = window.workbench.session.text
    government = entity_id(window, "الحكومة الفرنسية")
    select_text(window, "رحبت")
    wb.actions.stance.add_stance(government, StanceTarget(event="1"), "FAVOR",
                                 Span(*find(text, "رحبت")))
    wb.actions.stance.add_stance(government, StanceTarget(topic="anti-isis-coalition"), "FAVOR")
    window.workbench.select_annotation("s1")
    image = _shot(qtbot, window, "links_stance.png")
    assert window.editor.links_drawn >= 3
    assert QtGui.QImage(str(ARTIFACTS / "links_stance.png")).size() == image.size()
    assert Path(ARTIFACTS / "links_stance.png").stat().st_size > 0
