"""Tests for annotator.core.text.folding (docs/ARABIC.md, Folded search)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import find_folded, fold, fold_text, is_grapheme_boundary
from tests.seed_path import SEED as SEED_PATH

PIECES = st.lists(
    st.sampled_from(
        [
            "ب",
            "أ",
            "إ",
            "آ",
            "ٱ",
            "ى",
            "ة",
            "ؤ",
            "ئ",
            "\u064e",
            "\u0651",
            "\u0670",
            "ـ",
            "\ufefb",
            "\ufef5",
            "\ufe70",
            "\ufe71",
            "\ufdfa",
            "٣",
            "۵",
            "A",
            "ß",
            " ",
            "\u200c",
            "\u200f",
            "😀",
            "👨\u200d👩",
            "e\u0301",
            "\r\n",
        ]
    ),
    max_size=25,
).map("".join)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أإآٱا", "ااااا"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مؤتمر سيئ", "مؤتمر سيئ"),
        ("مُحَمَّدٌ", "محمد"),
        ("الـــرئيس", "الرئيس"),
        ("\ufefbعب", "لاعب"),
        ("\ufef5", "لا"),
        ("٢٠١٥ ۱۹", "2015 19"),
        ("Paris STRASSE Straße", "paris strasse strasse"),
        ("ب\u200fو\u200cت", "بوت"),
        ("\ufe70", ""),
    ],
)
def test_rules(raw: str, folded: str) -> None:
    assert fold(raw).text == folded
    assert fold_text(raw) == folded


def test_ligature_maps_both_letters_to_same_original() -> None:
    f = fold("و\ufefbعب")
    assert f.text == "ولاعب"
    assert list(f.starts) == [0, 1, 1, 2, 3, 4]
    assert f.original_span(2, 3) == (1, 2)


def test_original_span_covers_dropped_marks() -> None:
    text = "قال محمَّدٌ"
    f = fold(text)
    fs = f.text.index("محمد")
    assert f.original_span(fs, fs + 4) == (4, len(text))


def test_original_span_rejects_bad_range() -> None:
    with pytest.raises(ValueError, match="outside"):
        fold("abc").original_span(2, 9)


def test_find_folded() -> None:
    text = "قال الرئيسُ الفرنسيّ: إنّ أمريكا وأمريكا"
    found = [text[s:e] for s, e in find_folded(text, "امريكا")]
    assert found == ["أمريكا", "أمريكا"]
    assert [text[s:e] for s, e in find_folded(text, "الفرنسي")] == ["الفرنسيّ"]
    assert find_folded(text, "") == []
    assert find_folded(text, "\u064e") == []


def test_find_folded_whole_word() -> None:
    text = "أمريكا وأمريكا الأمريكان"
    spans = find_folded(text, "امريكا", whole_word=True)
    assert [text[s:e] for s, e in spans] == ["أمريكا"]
    assert len(find_folded(text, "امريكا")) == 3


def test_find_folded_non_overlapping() -> None:
    assert find_folded("aaaa", "aa") == [(0, 2), (2, 4)]


def test_find_in_seed_article() -> None:
    seed = SEED_PATH
    if not seed.exists():
        pytest.skip("seed article not available")
    text = seed.read_text(encoding="utf-8")
    spans = find_folded(text, "اوباما") + find_folded(text, "هولاند")
    assert spans
    assert all(fold_text(text[s:e]) in ("هولاند", "اوباما") for s, e in spans)
    assert find_folded(text, "الامارات")  # written الإمارات in the article


@given(PIECES)
def test_starts_monotonic_and_complete(text: str) -> None:
    f = fold(text)
    assert len(f.starts) == len(f.text) + 1
    assert f.starts[-1] == len(text)
    assert all(a <= b for a, b in zip(f.starts, f.starts[1:], strict=False))
    assert all(0 <= s < len(text) for s in f.starts[:-1])


@given(PIECES, st.data())
def test_original_span_on_grapheme_boundaries(text: str, data: st.DataObject) -> None:
    f = fold(text)
    fs = data.draw(st.integers(0, len(f.text)))
    fe = data.draw(st.integers(fs, len(f.text)))
    s, e = f.original_span(fs, fe)
    assert 0 <= s <= e <= len(text)
    assert is_grapheme_boundary(text, s)
    assert is_grapheme_boundary(text, e)
    if fe > fs:
        assert s <= f.starts[fs]
        assert f.starts[fe - 1] < e


@given(PIECES, PIECES)
def test_find_folded_spans_fold_to_query(prefix: str, word: str) -> None:
    text = unicodedata.normalize("NFC", prefix + " " + word)  # stored text is NFC
    needle = fold_text(word)
    spans = find_folded(text, word)
    if needle and needle in fold(text).text:
        assert spans
    for s, e in spans:
        assert is_grapheme_boundary(text, s)
        assert is_grapheme_boundary(text, e)
        assert needle in fold_text(text[s:e])


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_fold_text_fast_path_equals_char_by_char_folding(text: str) -> None:
    from annotator.core.text.folding import fold_char

    expected = "".join(fold_char(ch) for ch in unicodedata.normalize("NFC", text))
    assert fold_text(text) == expected
