"""Tests for annotator.core.text.spans (docs/ARABIC.md, Span edges)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import is_edge_junk, settle_span, span_problem, trim_span

TEXT = "قال \u200fبوتين\u200e إن"


def test_valid_span() -> None:
    start = TEXT.index("بوتين")
    assert span_problem(TEXT, start, start + 5) is None


@pytest.mark.parametrize(
    ("start", "end", "word"),
    [
        (-1, 2, "out of range"),
        (0, 99, "out of range"),
        (3, 2, "after its end"),
        (2, 2, "empty"),
        (0, 4, "whitespace"),
        (4, 10, "bidi"),
        (5, 11, "bidi"),
    ],
)
def test_problems(start: int, end: int, word: str) -> None:
    problem = span_problem(TEXT, start, end)
    assert problem is not None
    assert word in problem


def test_split_marks() -> None:
    text = "محمَّد"
    assert "splits" in (span_problem(text, 0, 3) or "")
    assert "splits" in (span_problem(text, 3, 6) or "")
    assert span_problem(text, 0, 5) is None
    assert span_problem(text, 2, 6) is None


def test_trailing_zwnj_is_not_a_split() -> None:
    text = "می\u200cخواهم"
    assert span_problem(text, 0, 2) is None
    assert "joiner" in (span_problem(text, 0, 3) or "")


def test_emoji_zwj_sequence_cannot_be_cut() -> None:
    text = "👨\u200d👩"
    assert "splits" in (span_problem(text, 0, 1) or "")


def test_trim() -> None:
    text = " \u200f\u200dبوتين\u061c\u2067 \n"
    assert trim_span(text, 0, len(text)) == (3, 8)
    assert trim_span("   ", 0, 3) == (3, 3)
    with pytest.raises(ValueError, match="not inside"):
        trim_span("ab", 1, 5)


@given(
    st.lists(st.sampled_from(["ب", " ", "\u200e", "\u200f", "\u061c", "\u200c", "\t", "x"])).map(
        "".join
    ),
    st.data(),
)
def test_trim_leaves_no_junk_at_edges(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = trim_span(text, start, end)
    assert start <= s <= e <= end
    if s < e:
        assert not is_edge_junk(text[s])
        assert not is_edge_junk(text[e - 1])
        assert span_problem(text, s, e) is None
    else:
        assert all(is_edge_junk(ch) for ch in text[start:end])


def test_settle_span_widens_then_trims() -> None:
    text = "محمَّد \u064e x"
    assert settle_span(text, 0, 3) == (0, 5)  # end inside the cluster of the second mim
    assert settle_span(text, 4, 9) == (2, 8)  # start moves back to its cluster, end trimmed
    assert settle_span(text, 6, 10) == (9, 10)  # the space carrying a stray mark is dropped
    assert settle_span(text, 6, 8) == (8, 8)


@given(
    st.lists(st.sampled_from(["ب", " ", "\u064e", "\u200c", "\u200f", "👨\u200d👩", "x"])).map(
        "".join
    ),
    st.data(),
)
def test_settle_span_is_valid_or_empty(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = settle_span(text, start, end)
    assert 0 <= s <= e <= len(text)
    if s < e:
        assert span_problem(text, s, e) is None
