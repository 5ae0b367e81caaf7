"""The paint pass: only visible spans, lanes under nested spans, hover, click, invisibles."""

from __future__ import annotations

import random

import pytest

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.qt import QApplication, QtCore, QtGui, QtWidgets


def long_document(paragraphs: int = 300) -> tuple[str, list[SpanItem]]:
    """About 150,000 characters with a span on every fifth word and some nested pairs."""
    rng = random.Random(3)
    words = ["قال", "الرئيس", "في", "باريس", "إن", "المفاوضات", "مع", "موسكو", "مستمرة",
             "Reuters", "2024", "١٢", "وزارة", "الخارجية"]
    text_parts: list[str] = []
    spans: list[SpanItem] = []
    position = 0
    for paragraph in range(paragraphs):
        chosen = [rng.choice(words) for _ in range(90)]
        for number, word in enumerate(chosen):
            if number % 5 == 0:
                spans.append(SpanItem(f"p{paragraph}w{number}", position, position + len(word),
                                      "GPE", "#2ca02c"))
                if number % 20 == 0 and number + 1 < len(chosen):
                    outer_end = position + len(word) + 1 + len(chosen[number + 1])
                    spans.append(SpanItem(f"p{paragraph}o{number}", position, outer_end,
                                          "ORG", "#1f77b4"))
            position += len(word) + 1
        text_parts.append(" ".join(chosen))
    return "\n".join(text_parts), spans


@pytest.fixture
def big_view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    text, spans = long_document()
    view.set_document(text, spans)
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    return view


def painted_ids(view: AnnotationView) -> set[str]:
    return {fragment.item.id for fragment in view.frame().fragments}


def test_paint_pass_draws_only_the_visible_spans(big_view: AnnotationView) -> None:
    total = len(big_view.spans())
    assert total > 5000
    big_view.viewport().repaint()
    first = big_view.last_paint()
    assert 0 < first.spans < total / 50
    bar = big_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    big_view.viewport().repaint()
    middle = big_view.last_paint()
    assert 0 < middle.spans < total / 50
    # What was painted is exactly the spans meeting the visible lines.
    frame = big_view.frame()
    lines = frame.lines
    first_cp, last_cp = lines[0].start, lines[-1].end  # no emoji: Qt positions are code points
    expected = {item.id for item in big_view.spans()
                if item.start < last_cp and item.end > first_cp}
    assert painted_ids(big_view) == expected
    assert middle.spans == len(expected)


def test_nested_spans_are_drawn_in_different_lanes(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "أعلنت جامعة القاهرة أمس عن مؤتمر دولي."
    org_start = text.index("جامعة")
    gpe_start = text.index("القاهرة")
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.set_document(text, [SpanItem("org", org_start, gpe_start + 7, "ORG", "#1f77b4"),
                             SpanItem("gpe", gpe_start, gpe_start + 7, "GPE", "#2ca02c")])
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    assert view.lane_of("gpe") == 0
    assert view.lane_of("org") == 1
    fragments = {fragment.item.id: fragment for fragment in view.frame().fragments}
    assert view.underline_y(fragments["org"]) > view.underline_y(fragments["gpe"])
    # The outer underline spans the inner one horizontally.
    (org_left, org_right), = fragments["org"].segments
    (gpe_left, gpe_right), = fragments["gpe"].segments
    assert org_left <= gpe_left + 0.5
    assert gpe_right <= org_right + 0.5
    assert org_right - org_left > gpe_right - gpe_left


def test_a_span_wrapping_lines_has_a_fragment_per_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(["المفاوضات"] * 60)
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(400, 500)
    view.set_document(text, [SpanItem("long", 0, len(text), "EVENT", "#ff7f0e")])
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    fragments = [f for f in view.frame().fragments if f.item.id == "long"]
    assert len(fragments) >= 3
    assert [f.starts_here for f in fragments].count(True) == 1  # one tag, on the first line
    tops = [f.line.top for f in fragments]
    assert tops == sorted(tops)
    assert len(set(tops)) == len(tops)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen QToolTip
def test_hover_click_and_tooltip_name_the_innermost_span(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "زار <b>الوفد</b> جامعة القاهرة أمس."
    org_start = text.index("جامعة")
    gpe_start = text.index("القاهرة")
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.set_document(text, [SpanItem("org", org_start, gpe_start + 7, "ORG", "#1f77b4"),
                             SpanItem("gpe", gpe_start, gpe_start + 7, "GPE", "#2ca02c"),
                             SpanItem("tag", text.index("<b>"), text.index("</b>") + 4,
                                      "NORP", "#e377c2")])
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    fragments = {fragment.item.id: fragment for fragment in view.frame().fragments}
    (left, right), = fragments["gpe"].segments
    line = fragments["gpe"].line
    point = QtCore.QPoint(round((left + right) / 2), round(line.top + line.height / 2))
    assert [item.id for item in view.spans_at_point(QtCore.QPointF(point))] == ["gpe", "org"]
    with qtbot.waitSignal(view.spanHovered, timeout=1000) as hovered:
        qtbot.mouseMove(view.viewport(), point)
    assert hovered.args == ["gpe"]
    with qtbot.waitSignal(view.spanClicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["gpe"]
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    tip = QtWidgets.QToolTip.text()
    assert "GPE</b>: <span dir='rtl'>القاهرة" in tip
    assert "ORG</b>: <span dir='rtl'>جامعة القاهرة" in tip
    # Document text that looks like HTML is escaped, never rendered.
    (left, right), = fragments["tag"].segments
    tag_point = QtCore.QPoint(round((left + right) / 2), point.y())
    QApplication.sendEvent(view.viewport(), QtGui.QHelpEvent(
        QtCore.QEvent.Type.ToolTip, tag_point, view.viewport().mapToGlobal(tag_point)))
    assert "&lt;b&gt;الوفد&lt;/b&gt;" in QtWidgets.QToolTip.text()
    QtWidgets.QToolTip.hideText()


def test_show_invisibles_marks_without_changing_the_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "قال\u200f الرئيس\u200c المـــــفاوضات\u200d Paris\u200e ١٢\u061c"
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(600, 160)
    view.set_document(text, [])
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    view.setFocus()
    view.clearFocus()
    plain = view.viewport().grab().toImage()
    view.show_invisibles = True
    assert view.show_invisibles
    marked = view.viewport().grab().toImage()
    assert view.toPlainText() == text
    differing = sum(
        1 for y in range(0, plain.height(), 2) for x in range(0, plain.width(), 2)
        if plain.pixel(x, y) != marked.pixel(x, y)
    )
    assert differing > 50
    view.show_invisibles = False
    assert view.viewport().grab().toImage() == plain


def test_label_tags_are_rendered_once_then_reused(big_view: AnnotationView) -> None:
    """A tag (a label in a small rounded box) looks the same wherever it is drawn: each
    label and colour is rendered once, and every later paint pass only places it."""
    big_view.zoom(1)  # a new tag size: every tag is rendered again, once
    big_view.viewport().repaint()
    first = big_view.last_paint()
    assert first.tags > 10
    assert first.tags_rendered == 2  # two labels in two colours: GPE and ORG
    bar = big_view.verticalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())
    big_view.viewport().repaint()
    again = big_view.last_paint()
    assert again.tags > 10
    assert again.tags_rendered == 0


def test_adding_a_span_repaints_only_the_lines_it_is_on(big_view: AnnotationView) -> None:
    """A new span changes its own lines (tint, underline lanes of its cluster, its tag): the
    view asks for those lines to be painted, not the whole viewport."""
    big_view.viewport().repaint()
    whole = big_view.last_paint().lines
    assert whole >= 8
    text = big_view.text()
    start = text.index("المفاوضات", 2000)
    big_view.scroll_to_codepoint(start)
    big_view.viewport().repaint()
    free = next(s for s in range(start, start + 3000)
                if text[s - 1] == " " and text[s:s + 5] != " " * 5
                and not big_view.span_at(s) and not big_view.span_at(s + 1)
                and text[s].isalpha() and big_view.frame().lines
                and big_view.frame().lines[3].start <= s)
    end = text.index(" ", free)
    big_view.add_span(SpanItem("new", free, end, "GPE", "#2ca02c"))
    QApplication.processEvents()
    painted = big_view.last_paint()
    assert "new" in {f.item.id for f in big_view.frame().fragments}
    assert 0 < painted.lines <= 4
    assert painted.spans >= 1
