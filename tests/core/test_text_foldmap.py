"""The fast fold and the sparse offset map give exactly what ``fold`` gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text.folding import Folded, fold
from annotator.core.text.foldmap import FoldMap, fold_fast, fold_map

ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x20, 0x250)]
    + [chr(c) for c in range(0x370, 0x400)]
    + [chr(c) for c in range(0x600, 0x700)]
    + [chr(c) for c in range(0xFB50, 0xFB70)]
    + [chr(c) for c in range(0xFE70, 0xFF00)]
    + ["\u200c", "\u200d", "\u200e", "\u2066", "\ufeff", "\u200b", "\n",
       "😀", "👍", "\U0001f3fd", "İ", "ß", "ﻻ"]
)


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_fast_fold_and_map_equal_fold(text: str) -> None:
    slow = fold(text)
    assert fold_fast(text) == slow.text
    mapping = fold_map(text)
    for fs in range(len(slow.text) + 1):
        for fe in range(fs, min(len(slow.text), fs + 4) + 1):
            assert mapping.original_span(fs, fe) == slow.original_span(fs, fe)


def test_every_arabic_and_invisible_character() -> None:
    chars = "".join(chr(c) for c in range(0x600, 0x700)) + "\u200c\u200d\u200e\u202a\u2069"
    text = " ".join("ب" + ch + "ت" for ch in chars)
    assert fold_fast(text) == fold(text).text
    mapping = fold_map(text)
    assert isinstance(mapping, FoldMap)
    slow = fold(text)
    assert all(mapping.start(j) == slow.starts[j] for j in range(len(slow.text) + 1))


def test_expanding_case_folds_use_the_full_map() -> None:
    text = "Straße أَحمد"
    assert fold_fast(text) == "strasse احمد"
    assert isinstance(fold_map(text), Folded)
