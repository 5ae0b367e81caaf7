"""Tests for annotator.core.text.normalization (docs/ARABIC.md, Normalization)."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import grapheme_boundaries, map_span, normalize, normalize_mapped

MIXED = st.lists(
    st.sampled_from(
        [
            "a",
            "e",
            "o",
            " ",
            "\r",
            "\n",
            "\r\n",
            "\u0301",
            "\u0308",
            "\u0323",
            "ب",
            "س",
            "ا",
            "\u0653",
            "\u0654",
            "\u0655",
            "\u064e",
            "\u0651",
            "\u0650",
            "و",
            "ي",
            "ه",
            "\u1100",
            "\u1161",
            "\u11a8",
            "\u0b47",
            "\u0b3e",
            "\u212b",
            "\u0344",
            "\u00c5",
            "😀",
            "\u200d",
            "\u2028",
        ]
    ),
    max_size=40,
).map("".join)


def test_newlines_counted_and_replaced() -> None:
    text, record = normalize("a\r\nb\rc\nd\u2028e")
    assert text == "a\nb\nc\nd\u2028e"
    assert record == {"newlines": 2, "nfc": False}


def test_nfc_applied_and_recorded() -> None:
    decomposed = "ا\u0653 و\u0654"  # alef + madda, waw + hamza above
    text, record = normalize(decomposed)
    assert text == "آ ؤ"
    assert record == {"newlines": 0, "nfc": True}


def test_nfkc_is_never_applied() -> None:
    text, _ = normalize("\ufefb \ufb01")  # lam-alef ligature, fi ligature
    assert text == "\ufefb \ufb01"


def test_normalize_is_idempotent() -> None:
    once, _ = normalize("e\u0301\r\n")
    twice, record = normalize(once)
    assert twice == once
    assert record == {"newlines": 0, "nfc": False}


def test_map_for_crlf_and_composition() -> None:
    new, record, m = normalize_mapped("a\r\nb\rce\u0301x")
    assert new == "a\nb\nc\u00e9x"
    assert record == {"newlines": 2, "nfc": True}
    assert m == [0, 1, 1, 2, 3, 4, 5, 6, 6, 7]
    assert new[slice(*map_span(m, 6, 8))] == "\u00e9"


def test_hangul_fallback_map() -> None:
    old = "x\u1100\u1161\u11a8y"
    new, _, m = normalize_mapped(old)
    assert new == unicodedata.normalize("NFC", old)
    assert m[0] == 0
    assert m[1] == 1
    assert m[4] == 2
    assert m[5] == 3


@given(MIXED)
def test_mapped_agrees_with_normalize(text: str) -> None:
    new, record, m = normalize_mapped(text)
    expected, expected_record = normalize(text)
    assert new == expected
    assert record == expected_record
    assert len(m) == len(text) + 1
    assert m[0] == 0
    assert m[-1] == len(new)
    assert all(a <= b for a, b in itertools.pairwise(m))


@given(MIXED, st.data())
def test_mapped_spans_on_grapheme_boundaries(text: str, data: st.DataObject) -> None:
    new, _, m = normalize_mapped(text)
    bounds = grapheme_boundaries(text)
    s = data.draw(st.sampled_from(bounds))
    e = data.draw(st.sampled_from([b for b in bounds if b >= s]))
    assert normalize(text[s:e])[0] == new[m[s] : m[e]]


@given(st.text(max_size=60))
def test_map_is_monotonic_on_any_text(text: str) -> None:
    new, _, m = normalize_mapped(text)
    assert new == normalize(text)[0]
    assert all(a <= b for a, b in itertools.pairwise(m))
    assert m[-1] == len(new)
