"""AnnotationView API: plain right-to-left text, span editing, zoom, copy, the real article."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.text import read_text_file
from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.document import MAX_BLOCK, display_text
from annotator.ui.fonts import preferred_text_font
from annotator.ui.qt import Qt


@pytest.fixture
def view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    widget = AnnotationView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitUntil(lambda: widget.windowHandle().isExposed())
    return widget


def test_text_is_plain_right_to_left_and_read_only(view: AnnotationView) -> None:
    text = "قال <b>الرئيس</b> &amp; <i>x</i> 😀"
    view.set_document(text, [])
    assert view.toPlainText() == text  # never parsed as HTML
    assert view.text() == text
    assert view.isReadOnly()
    block = view.document().firstBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert block.blockFormat().lineHeight() == 170.0
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert not view.document().isUndoRedoEnabled()
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not flags & Qt.TextInteractionFlag.TextEditable


def test_add_update_remove_and_span_at(view: AnnotationView) -> None:
    text = "😀 زار كيري واشنطن"
    kerry = text.index("كيري")
    view.set_document(text, [SpanItem("k", kerry, kerry + 4, "PERS", "#d62728")])
    assert [item.id for item in view.span_at(kerry)] == ["k"]
    assert view.span_at(kerry + 4) == []
    washington = text.index("واشنطن")
    view.add_span(SpanItem("w", washington, washington + 6, "GPE", "#2ca02c"))
    view.update_span(SpanItem("k", kerry, kerry + 4, "PERSON", "#aa0000"))
    assert view.span_at(kerry)[0].label == "PERSON"
    view.set_selected_span("w")
    assert view.selected_span() == "w"
    view.remove_span("w")
    assert view.selected_span() is None
    assert sorted(item.id for item in view.spans()) == ["k"]
    with pytest.raises(ValueError, match="outside the text"):
        view.add_span(SpanItem("x", 0, len(text) + 1, "GPE", "#2ca02c"))
    with pytest.raises(ValueError, match="duplicate"):
        view.add_span(SpanItem("k", 0, 1, "GPE", "#2ca02c"))
    with pytest.raises(KeyError):
        view.set_selected_span("missing")
    with pytest.raises(ValueError, match="outside the text"):
        view.set_document("قصير", [SpanItem("x", 0, 9, "GPE", "#2ca02c")])


def test_bad_colour_falls_back_to_grey(view: AnnotationView) -> None:
    view.set_document("قال كيري", [SpanItem("k", 4, 8, "PERS", "not-a-colour")])
    view.viewport().repaint()
    assert view.last_paint().spans == 1


def test_zoom_keys_change_the_font_size(qtbot, view: AnnotationView) -> None:  # type: ignore[no-untyped-def]
    view.set_document("قال الرئيس", [])
    size = view.point_size
    assert view.document().defaultFont().family() == preferred_text_font().family()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size == size + 1
    assert view.document().defaultFont().pointSize() == size + 1
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size == size - 1
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size == size


def test_long_paragraph_is_cut_for_display_but_copied_as_stored(view: AnnotationView) -> None:
    sentence = "قال الرئيس إن المفاوضات مستمرة. "
    text = sentence * (2 * MAX_BLOCK // len(sentence))
    view.set_document(text, [])
    assert view.document().blockCount() >= 2
    shown = view.toPlainText()
    assert len(shown) == len(text)
    cut = shown.index("\n")
    view.set_selection_codepoints(cut - 10, cut + 10)
    copied = view.createMimeDataFromSelection().text()
    assert copied == text[cut - 10:cut + 10]
    assert "\n" not in copied
    assert "\u2029" not in copied


def test_the_real_article_shows_with_its_words_as_spans(view: AnnotationView,
                                                        seed_article: Path) -> None:
    text, _ = read_text_file(seed_article)
    words = [index for index in range(1, len(text)) if text[index - 1] == " " and
             text[index] != " "][:200:7]
    spans = []
    for number, start in enumerate(words):
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        spans.append(SpanItem(f"w{number}", start, end, "ORG", "#1f77b4"))
    view.set_document(text, spans)
    view.viewport().repaint()
    assert view.toPlainText() == display_text(text).replace("\u2029", "\n")
    assert view.last_paint().spans > 0
    first = spans[0]
    view.set_selection_codepoints(first.start, first.end)
    assert view.textCursor().selectedText() == text[first.start:first.end]
