"""Tests for annotator.core.text.words."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import is_grapheme_boundary, is_span_end, word_at, words


def _tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in words(text)]


def test_arabic_punctuation_separates() -> None:
    text = "قال «بوتين»، هل؟ نعم؛ ربما."
    assert _tokens(text) == ["قال", "بوتين", "هل", "نعم", "ربما"]


def test_marks_tatweel_and_digits_stay_in_words() -> None:
    text = "مُحَمَّدٌ الـــرئيس ٢٠١٥ 2015م"
    assert _tokens(text) == ["مُحَمَّدٌ", "الـــرئيس", "٢٠١٥", "2015م"]


def test_internal_apostrophe_and_hyphen() -> None:
    text = "O'Brien COVID-19 'quoted' - end- می\u200cخواهم"
    assert _tokens(text) == ["O'Brien", "COVID-19", "quoted", "end", "می\u200cخواهم"]


def test_stray_mark_does_not_start_a_word() -> None:
    assert _tokens(" \u064eبس") == ["بس"]


def test_word_at() -> None:
    text = "قال بوتين، أمس"
    assert word_at(text, 5) == (4, 9)
    assert word_at(text, 4) == (4, 9)
    assert word_at(text, 9) == (4, 9)  # caret right after the word
    assert word_at(text, 10) is None  # after the comma, before the space
    assert word_at("", 0) is None


@given(st.text(alphabet="بسم \u064e\u0651«»،.-'x1٣\u200c", max_size=30))
def test_words_are_ordered_and_grapheme_safe(text: str) -> None:
    spans = words(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    for s, e in spans:
        assert s < e
        assert not text[s].isspace()
        assert not text[e - 1].isspace()
        assert word_at(text, s) == (s, e)
        assert is_grapheme_boundary(text, s)
        assert is_span_end(text, e)
