"""Code point <-> Qt (UTF-16) offsets of the editor, and the same-length display copy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import Utf16Map
from annotator.ui.editor.document import MAX_BLOCK, PARAGRAPH_SEPARATOR, display_text
from annotator.ui.editor.offsets import QtOffsets
from annotator.ui.qt import QtGui

# Arabic letters and tashkeel, Latin, digits, spaces, newlines, bidi marks and astral emoji.
PIECES = st.sampled_from(
    ["ب", "ِ", "ّ", "ة", "a", "Z", "7", "٣", " ", "\n", "\u200f", "\u200d", "😀", "🇪🇬",
     "👩‍👩‍👧", "𝔸", "ـ"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS)
def test_to_qt_counts_utf16_units_and_round_trips(text: str) -> None:
    offsets = QtOffsets(text)
    assert offsets.qt_length == utf16_units(text)
    assert offsets.is_identity == (offsets.qt_length == len(text))
    reference = Utf16Map(text)
    for cp in range(len(text) + 1):
        qt = offsets.to_qt(cp)
        assert qt == utf16_units(text[:cp]) == reference.to_utf16(cp)
        assert offsets.to_cp(qt) == cp
        assert offsets.to_cp(qt, "ceil") == cp


@given(TEXTS)
def test_positions_inside_a_surrogate_pair_snap_to_the_whole_character(text: str) -> None:
    offsets = QtOffsets(text)
    for cp, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            inside = offsets.to_qt(cp) + 1
            assert offsets.to_cp(inside, "floor") == cp
            assert offsets.to_cp(inside, "ceil") == cp + 1
            assert offsets.span_to_cp(inside, inside) == (cp, cp + 1)


@settings(max_examples=40)
@given(TEXTS)
def test_qt_document_positions_match(qapp: object, text: str) -> None:
    """Qt itself agrees: the display copy gives a document of exactly qt_length units."""
    document = QtGui.QTextDocument()
    QtGui.QTextCursor(document).insertText(display_text(text))
    assert document.characterCount() - 1 == QtOffsets(text).qt_length


def test_out_of_range_offsets_are_rejected() -> None:
    offsets = QtOffsets("😀ب")
    with pytest.raises(ValueError, match="out of range"):
        offsets.to_qt(3)
    with pytest.raises(ValueError, match="out of range"):
        offsets.to_cp(4)
    assert offsets.clamp_qt(99) == 3
    assert offsets.clamp_qt(-5) == 0


def test_tashkeel_and_emoji_before_a_name() -> None:
    text = "😀 قالَ مُحَمَّدٌ: كيري"
    start = text.index("كيري")
    offsets = QtOffsets(text)
    assert offsets.span_to_qt(start, start + 4) == (start + 1, start + 5)
    assert offsets.span_to_cp(start + 1, start + 5) == (start, start + 4)


def test_long_text_without_astral_characters_is_identity() -> None:
    text = "قال الرئيس في باريس " * 40_000
    offsets = QtOffsets(text)
    assert offsets.is_identity
    assert offsets.to_qt(len(text)) == len(text)
    assert offsets.to_cp(123_456) == 123_456


@given(st.lists(st.sampled_from(["كلمة", "Word", ".", " ", "\n", "\r", "\ufdd0", "😀"]),
                max_size=3000).map("".join))
def test_display_text_keeps_length_and_only_swaps_safe_characters(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(text)
    for original, displayed in zip(text, shown, strict=True):
        if original != displayed:
            assert (original, displayed) in {(" ", PARAGRAPH_SEPARATOR),
                                             ("\r", PARAGRAPH_SEPARATOR),
                                             ("\ufdd0", "\ufffd")}


def test_display_text_cuts_overlong_paragraphs_at_sentence_ends() -> None:
    sentence = "قال الرئيس إن المفاوضات في جنيف مستمرة. "
    text = sentence * (3 * MAX_BLOCK // len(sentence))
    shown = display_text(text)
    blocks = shown.split(PARAGRAPH_SEPARATOR)
    assert len(blocks) >= 3
    assert all(len(block) <= MAX_BLOCK for block in blocks)
    assert all(block.endswith(".") for block in blocks[:-1])
