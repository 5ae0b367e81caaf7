"""Pages painted ahead (counted and compared, never timed): a page step after an idle moment
draws the page painted ahead, with the same pixels as painting it then; a change of anything
the paint reads (spans, selection, hover, links, disputes, invisibles, zoom, width, a text
selection) is never drawn from a page painted before it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.link_painter import LinkItem
from annotator.ui.editor.view import AHEAD_PAUSE_MS
from annotator.ui.qt import QtCore, QtGui
from annotator.ui.session.curation import DisputeMark
from tests.ui.test_editor_line_memo import shown_view


@pytest.fixture
def view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    return shown_view(qtbot)

PAUSE = AHEAD_PAUSE_MS + 150
"""Long enough for the view's idle step after a paint."""


def step_and_grab(view: AnnotationView, pages: int = 1) -> QtGui.QImage:
    """Scroll by ``pages`` and paint the viewport at once (no idle moment between)."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + pages * bar.pageStep())
    return view.viewport().grab().toImage()


def painted_anew(view: AnnotationView) -> QtGui.QImage:
    """The viewport as a paint that uses no page painted ahead draws it."""
    image = view.viewport().grab().toImage()
    assert not view.last_paint().ahead
    return image


def test_a_page_step_draws_the_page_painted_ahead(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    pages = view._pages
    for _ in range(3):
        qtbot.wait(PAUSE)  # the idle step paints the next page
        painted = pages.painted
        image = step_and_grab(view)
        assert view.last_paint().ahead
        assert view.last_paint().spans > 10  # the figures of the page's paint
        assert image == painted_anew(view)
        assert pages.painted == painted  # nothing painted between the step and the grab
    step_and_grab(view, -1)  # back up a page: the page above is painted next
    qtbot.wait(PAUSE)
    image = step_and_grab(view, -1)
    assert view.last_paint().ahead
    assert image == painted_anew(view)


def test_a_focused_view_draws_its_caret_over_the_page(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    bar = view.verticalScrollBar()
    below = view.cursorForPosition(QtCore.QPoint(450, 2 * view.viewport().height() + 120))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setTextCursor(below)  # on the third page (the view scrolls to it)
    bar.setValue(0)
    step_and_grab(view)  # down to the second page: the third is painted ahead
    qtbot.waitUntil(lambda: view._pages.has(view._page_key(2 * bar.pageStep())), timeout=5000)
    image = step_and_grab(view)
    assert view.last_paint().ahead
    assert image == painted_anew(view)
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert painted_anew(view) != image  # the caret was drawn, and only with focus


CHANGES: dict[str, Callable[[AnnotationView], None]] = {
    "add a span": lambda v: v.add_span(SpanItem("new", *_on_next_page(v), "PERS", "#d62728")),
    "select a span": lambda v: v.set_selected_span(_span_on_next_page(v)),
    "highlight": lambda v: v.set_highlight({_span_on_next_page(v)}, set()),
    "links": lambda v: v.set_links([LinkItem("q1", _span_on_next_page(v), v.spans()[0].id,
                                             "speaker", "#444444")]),
    "disputes": lambda v: v.set_disputes([DisputeMark(*_on_next_page(v), False, True)]),
    "invisibles": lambda v: setattr(v, "show_invisibles", True),
    "zoom": lambda v: v.zoom(2),
    "line height": lambda v: v.set_line_height(v.line_height + 20),
    "text selection": lambda v: v.set_selection_codepoints(*_on_next_page(v)),
}


def _span_on_next_page(view: AnnotationView) -> str:
    start, end = _on_next_page(view)
    return next(item.id for item in view.spans_overlapping(start, end))


def _on_next_page(view: AnnotationView) -> tuple[int, int]:
    """A word with an entity, in the middle of the next page (code points)."""
    height = view.viewport().height()
    cursor = view.cursorForPosition(QtCore.QPoint(450, height + height // 2))
    start = view.offsets.to_cp(cursor.position())
    text = view.text()
    at = text.find("موسكو", start)
    return at, at + len("موسكو")


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_is_never_drawn_from_an_older_page(qtbot, view: AnnotationView,  # type: ignore[no-untyped-def]
                                                    change: str) -> None:
    qtbot.wait(PAUSE)
    assert view._pages.has(view._page_key(view.verticalScrollBar().pageStep()))
    CHANGES[change](view)
    image = step_and_grab(view)
    assert not view.last_paint().ahead
    assert image == painted_anew(view)


def test_an_add_paints_ahead_only_when_the_user_pauses(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    """A paint of a few lines (an add) leaves the next page for later: the event loop's next
    step paints the lines and nothing ahead."""
    qtbot.wait(PAUSE)
    painted = view._pages.painted
    height = view.viewport().height()
    here = view.offsets.to_cp(view.cursorForPosition(QtCore.QPoint(450, height // 2)).position())
    at = view.text().find("جنيف", here)
    view.add_span(SpanItem("added", at, at + len("جنيف"), "GPE", "#2ca02c"))
    QtGui.QGuiApplication.processEvents()
    assert view.last_paint().lines < 8  # the add's lines only
    assert view._pages.painted == painted
    qtbot.waitUntil(lambda: view._pages.painted == painted + 1)  # after the pause
