"""Another annotator's spans in the editor (``STYLE_OTHER``): painted like the others, only
where visible; shown and hidden in one bulk load without laying the text out again; a click
prefers your own span under it; the tag names the annotator."""

from __future__ import annotations

from typing import Any

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.layers import STYLE_OTHER
from annotator.ui.editor.painter import tag_text
from annotator.ui.qt import QtCore
from tests.ui.test_editor_painter import big_view  # noqa: F401 - the fixture


def _others(spans: list[SpanItem]) -> list[SpanItem]:
    return [SpanItem("@" + s.id, s.start, s.end, s.label, "#1971c2", STYLE_OTHER, "bob")
            for s in spans]


def test_a_shown_layer_costs_only_its_visible_spans(big_view: AnnotationView) -> None:  # noqa: F811
    view = big_view
    spans = view.spans()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.viewport().repaint()
    own_only = view.last_paint().spans
    document = view.document()
    view.replace_spans(spans + _others(spans))
    view.viewport().repaint()
    assert view.document() is document  # no new layout of the 150,000 characters
    assert len(view.spans()) == 2 * len(spans) > 10_000
    assert view.last_paint().spans == 2 * own_only  # each visible span once more, no more
    painted = [f.item for f in view.frame().fragments if f.item.owner]
    assert painted
    assert all(item.style == STYLE_OTHER for item in painted)
    view.replace_spans(spans)
    view.viewport().repaint()
    assert view.last_paint().spans == own_only
    assert view.document() is document


def test_a_click_prefers_your_span_and_the_tag_names_the_annotator(qtbot: Any) -> None:
    text = "زار الوفد جامعة القاهرة أمس."
    start = text.index("القاهرة")
    mine = SpanItem("7", start, start + 7, "GPE", "#2ca02c")
    bobs = SpanItem("@9", start, start + 7, "LOC", "#1971c2", STYLE_OTHER, "bob")
    wide = SpanItem("@10", text.index("جامعة"), start + 7, "ORG", "#1971c2", STYLE_OTHER, "bob")
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.set_document(text, [bobs, mine, wide])
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    fragments = {f.item.id: f for f in view.frame().fragments}
    (left, right), = fragments["7"].segments
    line = fragments["7"].line
    point = QtCore.QPoint(round((left + right) / 2), round(line.top + line.height / 2))
    with qtbot.waitSignal(view.spanClicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["7"]
    (left, right), = fragments["@10"].segments
    university = QtCore.QPoint(round(right - 8), point.y())  # جامعة: only bob's ORG there
    with qtbot.waitSignal(view.spanClicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=university)
    assert clicked.args == ["@10"]
    assert tag_text(bobs) == "LOC·bob"
    assert tag_text(mine) == "GPE"
    assert tag_text(SpanItem("@1", 0, 1, "PERS", "#000", STYLE_OTHER, "a" * 30)) == \
        "PERS·" + "a" * 9 + "…"
