"""Tests for annotator.core.text.graphemes (docs/ARABIC.md, Span edges: never inside a
grapheme cluster)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import (
    cluster_at,
    grapheme_boundaries,
    graphemes,
    is_grapheme_boundary,
    next_boundary,
    prev_boundary,
)

PIECES = st.lists(
    st.sampled_from(
        [
            "ب",
            "س",
            "\u064e",
            "\u0651",
            "\u0650",
            " ",
            "\r",
            "\n",
            "\u200c",
            "\u200d",
            "\u200f",
            "😀",
            "👍",
            "\U0001f3fd",
            "🇫",
            "🇷",
            "a",
            "e",
            "\u0301",
            "ـ",
            "\u0600",
        ]
    ),
    max_size=30,
).map("".join)


def test_letter_with_tashkeel_is_one_cluster() -> None:
    text = "بِّسم"
    assert grapheme_boundaries(text) == [0, 3, 4, 5]
    assert not is_grapheme_boundary(text, 1)
    assert not is_grapheme_boundary(text, 2)


def test_emoji_sequences_and_flags() -> None:
    family = "👨\u200d👩\u200d👧"
    flags = "🇫🇷🇩🇪"
    text = "x" + family + flags
    assert grapheme_boundaries(text) == [0, 1, 1 + len(family), 3 + len(family), len(text)]


def test_crlf_is_one_cluster() -> None:
    assert grapheme_boundaries("a\r\nb") == [0, 1, 3, 4]


def test_surrogate_pair_is_never_split() -> None:
    text = "a\ud83d\ude00b"
    assert 2 not in grapheme_boundaries(text)
    assert not is_grapheme_boundary(text, 2)
    assert next_boundary(text, 1) == 3


def test_next_and_prev() -> None:
    text = "بِّ ك"
    assert next_boundary(text, 0) == 3
    assert next_boundary(text, 1) == 3
    assert next_boundary(text, len(text)) == len(text)
    assert prev_boundary(text, 3) == 0
    assert prev_boundary(text, 2) == 0
    assert prev_boundary(text, 0) == 0
    assert cluster_at(text, 2) == (0, 3)


def test_out_of_range_raises() -> None:
    with pytest.raises(ValueError, match="out of range"):
        is_grapheme_boundary("ab", 3)
    with pytest.raises(ValueError, match="out of range"):
        next_boundary("ab", -1)


@given(PIECES)
def test_single_queries_agree_with_full_scan(text: str) -> None:
    bounds = grapheme_boundaries(text)
    assert bounds[0] == 0
    assert bounds[-1] == len(text)
    as_set = set(bounds)
    for i in range(len(text) + 1):
        assert is_grapheme_boundary(text, i) == (i in as_set)
        later = [b for b in bounds if b > i]
        earlier = [b for b in bounds if b < i]
        assert next_boundary(text, i) == (later[0] if later else len(text))
        assert prev_boundary(text, i) == (earlier[-1] if earlier else 0)


class _CountingClusters:
    """Stands in for the cluster regex and records where each match starts."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.starts: list[int] = []

    def match(self, text: str, pos: int) -> Any:
        self.starts.append(pos)
        return self.pattern.match(text, pos)

    def finditer(self, text: str) -> Any:
        return self.pattern.finditer(text)


def test_single_query_is_local_on_long_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A query near the end of a long text matches a few clusters just before it, never the
    text from its start (work bounded by counting; bench/text.py has the timings)."""
    text = "قال الرئيس الفرنسيُّ " * 40_000
    counting = _CountingClusters(graphemes._CLUSTER)
    monkeypatch.setattr(graphemes, "_CLUSTER", counting)
    for i in range(len(text) - 5000, len(text)):
        counting.starts.clear()
        is_grapheme_boundary(text, i)
        next_boundary(text, i)
        prev_boundary(text, i)
        assert len(counting.starts) <= 12, (i, counting.starts)
        assert all(i - start <= 8 for start in counting.starts), (i, counting.starts)
