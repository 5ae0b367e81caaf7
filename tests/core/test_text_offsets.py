"""Tests for annotator.core.text.offsets (docs/ARABIC.md, Code-point offsets: UTF-16 only at
the Qt boundary and in doccano)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import (
    Utf16Map,
    codepoint_to_utf16_span,
    utf16_len,
    utf16_to_codepoint_span,
)

PIECES = st.lists(
    st.sampled_from(
        [
            "ب",
            "\u064e",
            "\u0651",
            " ",
            "\r\n",
            "\u200e",
            "\u200f",
            "\u061c",
            "\u200d",
            "😀",
            "👨\u200d👩",
            "🇫🇷",
            "a",
            "\U00020000",
            "ـ",
        ]
    ),
    max_size=30,
).map("".join)


def test_utf16_len_counts_astral_twice() -> None:
    assert utf16_len("") == 0
    assert utf16_len("سلام") == 4
    assert utf16_len("a😀b") == 4
    assert utf16_len("🇫🇷") == 4


def test_identity_without_astral() -> None:
    m = Utf16Map("بِسْمِ اللّه")
    assert m.is_identity
    assert [m.to_utf16(i) for i in range(m.length + 1)] == list(range(m.length + 1))
    assert m.to_codepoint(3) == 3


def test_emoji_takes_two_units() -> None:
    text = "أ😀ب"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert m.to_codepoint(0) == 0
    assert m.to_codepoint(1) == 1
    assert m.to_codepoint(3) == 2
    assert m.to_codepoint(4) == 3
    with pytest.raises(ValueError, match="surrogate"):
        m.to_codepoint(2)


def test_out_of_range() -> None:
    m = Utf16Map("ab😀")
    for bad in (-1, 4):
        with pytest.raises(ValueError, match="out of range"):
            m.to_utf16(bad)
    for bad in (-1, 5):
        with pytest.raises(ValueError, match="out of range"):
            m.to_codepoint(bad)


def test_span_helpers() -> None:
    text = "😀 بوتين"
    assert codepoint_to_utf16_span(text, 2, 7) == (3, 8)
    assert utf16_to_codepoint_span(text, 3, 8) == (2, 7)
    with pytest.raises(ValueError, match="surrogate pair"):
        utf16_to_codepoint_span(text, 1, 8)


@given(PIECES)
def test_round_trip(text: str) -> None:
    m = Utf16Map(text)
    assert m.utf16_length == utf16_len(text) == len(text.encode("utf-16-le")) // 2
    units = [m.to_utf16(i) for i in range(len(text) + 1)]
    assert all(a < b for a, b in itertools.pairwise(units))
    for i, u in enumerate(units):
        assert m.to_codepoint(u) == i
        assert u == len(text[:i].encode("utf-16-le")) // 2
    inside = set(range(m.utf16_length + 1)) - set(units)
    for u in inside:
        with pytest.raises(ValueError, match="surrogate pair"):
            m.to_codepoint(u)


def test_large_text_round_trips() -> None:
    """Correct on a long text (its speed is bench/text.py's: tests assert no timings)."""
    text = ("قال الرئيس 😀 " * 50_000)[:750_000]
    m = Utf16Map(text)
    emoji = text.count("😀")
    assert m.utf16_length == m.to_utf16(len(text)) == utf16_len(text) == len(text) + emoji
    for i in range(0, len(text), 7919):
        assert m.to_codepoint(m.to_utf16(i)) == i
        assert m.to_utf16(i) == i + text.count("😀", 0, i)
    assert Utf16Map(text.replace("😀", "")).is_identity


def test_an_offset_inside_a_surrogate_pair_snaps_when_asked() -> None:
    text = "أ😀ب"
    m = Utf16Map(text)
    with pytest.raises(ValueError, match="inside a surrogate pair"):
        m.to_codepoint(2)
    assert m.to_codepoint(2, "floor") == 1
    assert m.to_codepoint(2, "ceil") == 2
    assert [m.to_codepoint(u, "floor") for u in (0, 1, 3, 4)] == [0, 1, 2, 3]
