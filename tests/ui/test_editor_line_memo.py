"""What Qt is asked while scrolling, counted (never timed): a line's span edges are measured
once for the life of its layout, the page below is measured ahead when the event loop is idle,
and what is kept follows the layout (zoom, width) and gives the same pixels as measuring anew."""

from __future__ import annotations

import pytest

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.geometry import span_segments
from annotator.ui.editor.line_memo import MEMO_LINES, LineMemo, LineMemos
from annotator.ui.editor.view import AHEAD_PAUSE_MS

WORDS = ["قال", "الوزير", "في", "موسكو", "إن", "Reuters", "عام", "2024", "مُحَمَّد", "😀",
         "جنيف", "١٩٩٠", "المفاوضات", "مستمرة"]

PAUSE = AHEAD_PAUSE_MS + 150
"""Long enough for the view's idle step after a paint."""


def document() -> tuple[str, list[SpanItem]]:
    """Forty paragraphs of mixed lines (Arabic, Latin, digits, an emoji), every name an
    entity and every second one nested in an ORG over three words."""
    paragraphs = [" ".join(WORDS[(n + k) % len(WORDS)] for k in range(90)) for n in range(40)]
    text = "\n".join(paragraphs)
    spans: list[SpanItem] = []
    position = 0
    for number, word in enumerate(text.split(" ")):
        core = word.split("\n")[-1]
        start = position + len(word) - len(core)
        if core in ("موسكو", "Reuters", "جنيف", "مُحَمَّد"):
            spans.append(SpanItem(f"e{number}", start, start + len(core), "GPE", "#2ca02c"))
            nested_end = text.find(" ", text.find(" ", start + len(core) + 1) + 1)
            if number % 2 and "\n" not in text[start:nested_end]:
                spans.append(SpanItem(f"o{number}", start, nested_end, "ORG", "#1f77b4"))
        position += len(word) + 1
    return text, spans


def shown_view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    """:func:`document` shown at 900x500, laid out to its end."""
    shown = AnnotationView()
    qtbot.addWidget(shown)
    shown.resize(900, 500)
    shown.set_document(*document())
    shown.show()
    qtbot.waitExposed(shown)
    laid_out = shown.document()
    qtbot.waitUntil(lambda: laid_out.lastBlock().layout().lineCount() > 0)
    qtbot.wait(50)
    return shown


@pytest.fixture
def view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    return shown_view(qtbot)


def page_down(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())
    view.viewport().repaint()


def test_a_page_measured_ahead_asks_qt_nothing(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    memos = view.line_memos
    view.viewport().repaint()
    qtbot.wait(PAUSE)  # the idle step measures the pages below and above
    for _ in range(3):
        asked, made = memos.tally.qt_calls, memos.created
        page_down(qtbot, view)
        assert view.last_paint().spans > 10
        assert memos.tally.qt_calls == asked  # no cursorToX, no glyph runs for the page
        assert memos.created == made  # every line of it was measured ahead
        qtbot.wait(PAUSE)
        assert memos.tally.qt_calls > asked  # the next page, measured when idle


def test_a_page_painted_again_asks_qt_nothing(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    view._ahead.stop()
    view._ahead.timeout.disconnect()  # only what painting itself measures
    view.viewport().repaint()
    memos = view.line_memos
    asked = memos.tally.qt_calls
    assert asked > 0
    view.viewport().repaint()
    view.set_selected_span(view.frame().fragments[0].item.id)
    view.viewport().repaint()
    assert memos.tally.qt_calls == asked


def test_one_line_asks_for_each_edge_once_across_passes(view: AnnotationView) -> None:
    first = view.frame()
    asked = view.line_memos.tally.qt_calls
    again = view.frame()
    assert view.line_memos.tally.qt_calls == asked
    assert [f.segments for f in first.fragments] == [f.segments for f in again.fragments]


def _fresh(view: AnnotationView) -> list[list[tuple[float, float]]]:
    """Every fragment's extents measured anew (a line with an empty memo)."""
    found = []
    for fragment in view.frame().fragments:
        line = fragment.line
        line.memo = LineMemo()
        q = view.offsets.to_qt
        found.append(span_segments(line, q(fragment.item.start), q(fragment.item.end)))
    return found


def test_the_memos_follow_the_layout(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    before = [f.segments for f in view.frame().fragments]
    assert before == _fresh(view)
    view.resize(700, 500)  # narrower: other line breaks, other x positions
    qtbot.waitUntil(lambda: view.document().textWidth() < 700)
    narrower = [f.segments for f in view.frame().fragments]
    assert narrower != before
    assert narrower == _fresh(view)
    view.zoom(3)
    bigger = [f.segments for f in view.frame().fragments]
    assert bigger == _fresh(view)
    assert bigger != narrower


def test_the_same_pixels_with_and_without_memos(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(PAUSE)
    page_down(qtbot, view)  # painted from what was measured ahead
    assert view.line_memos.created > 0
    remembered = view.viewport().grab().toImage()
    view.line_memos.clear()
    view.viewport().repaint()  # measured anew
    assert view.viewport().grab().toImage() == remembered


def test_the_store_is_bounded() -> None:
    memos = LineMemos()
    for number in range(MEMO_LINES + 10):
        memos.memo((number, 0, 10, 1, 100.0, 90.0, 0.0)).xs[number, -1] = 1.0
    assert len(memos) == MEMO_LINES
    assert not memos.memo((0, 0, 10, 1, 100.0, 90.0, 0.0)).xs  # the oldest went first
    memos.follow(("another layout",))
    assert len(memos) == 0

