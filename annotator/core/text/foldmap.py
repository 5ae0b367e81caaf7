"""The folded search copy at C speed, and a sparse map back to original offsets.

:func:`~annotator.core.text.folding.fold` builds the folded copy and its offset map one
character at a time in Python (about 2 µs a character): fine for one document on screen, too
slow for indexing or verifying thousands of documents. This module gives the same results
faster:

* :func:`fold_fast` returns exactly ``fold(text).text`` using regular-expression deletion,
  ``str.replace`` and ``str.casefold``, all in C. It falls back to :func:`fold` for the rare
  text that needs per-character work (presentation forms, or a character whose case folding
  is longer than itself, such as ``ß``).
* :class:`FoldMap` maps folded offsets back to the original like ``Folded.starts`` does, but
  stores only the *irregular* characters (those that fold to nothing or to several
  characters: tashkeel, tatweel, invisible marks...), found with one regular-expression scan.
  In ordinary text every other character folds to exactly one character, so the map between
  two irregular characters is a plain shift.

Both are checked against :func:`fold` by the tests on every character of the Arabic blocks,
the invisible marks, presentation forms and cased scripts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.core.text.chars import INVISIBLE_EDGE
from annotator.core.text.folding import Folded, fold, fold_char
from annotator.core.text.graphemes import is_grapheme_boundary, next_boundary, prev_boundary

_CANDIDATES = [chr(cp) for cp in range(0x0600, 0x0700)] + sorted(INVISIBLE_EDGE)
_DROPPED = "".join(ch for ch in _CANDIDATES if fold_char(ch) == "")
_REPLACED = [(ch, fold_char(ch)) for ch in _CANDIDATES
             if fold_char(ch) and fold_char(ch) != ch]
_DROP = re.compile("[" + re.escape(_DROPPED) + "]")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


def fold_fast(text: str) -> str:
    """Exactly ``fold(text).text``, computed in C for ordinary text.

    Case folding comes first: it leaves the Arabic and invisible characters alone, and when it
    keeps the length no character expanded (case folding never contracts)."""
    folded = text.casefold()
    if len(folded) != len(text) or _PRESENTATION.search(text) is not None:
        return fold(text).text
    folded = _DROP.sub("", folded)
    for original, replacement in _REPLACED:
        if original in folded:
            folded = folded.replace(original, replacement)
    return folded


@dataclass(frozen=True, slots=True)
class FoldMap:
    """Folded offsets of ``original`` mapped back, like :attr:`Folded.starts`.

    ``breaks[k]`` is the folded offset where irregular character ``k`` (original offset
    ``origins[k]``) puts its output, and ``widths[k]`` the length of that output (0 for a
    dropped character). Between irregular characters, folded and original offsets move together.
    """

    original: str
    folded_length: int
    breaks: list[int]
    origins: list[int]
    widths: list[int]

    def start(self, j: int) -> int:
        """Original offset of the character that produced folded character ``j``
        (``len(original)`` for ``j == folded_length``)."""
        if not 0 <= j <= self.folded_length:
            raise ValueError(f"folded offset {j} outside 0..{self.folded_length}")
        if j == self.folded_length:
            return len(self.original)
        k = bisect_right(self.breaks, j) - 1
        if k < 0:
            return j
        if j < self.breaks[k] + self.widths[k]:
            return self.origins[k]
        return self.origins[k] + 1 + (j - self.breaks[k] - self.widths[k])

    def original_span(self, fs: int, fe: int) -> tuple[int, int]:
        """Original span of folded ``[fs, fe)``, widened to grapheme boundaries (the same
        rule as :meth:`Folded.original_span`)."""
        if not 0 <= fs <= fe <= self.folded_length:
            raise ValueError(f"folded span [{fs}, {fe}) outside 0..{self.folded_length}")
        orig = self.original
        start = self.start(fs)
        end = self.start(fe - 1) + 1 if fe > fs else start
        if not is_grapheme_boundary(orig, start):
            start = prev_boundary(orig, start)
        end = max(end, start)
        if not is_grapheme_boundary(orig, end):
            end = next_boundary(orig, end)
        return start, end


_IRREGULAR = re.compile("[" + re.escape(_DROPPED) + "\uFB50-\uFDFF\uFE70-\uFEFF]")


def fold_map(text: str) -> FoldMap | Folded:
    """The offset map of ``fold(text)``: a sparse :class:`FoldMap` for ordinary text, the full
    :class:`Folded` when some character expands under case folding. Both have
    ``original_span``."""
    if len(text.casefold()) != len(text):
        return fold(text)
    breaks: list[int] = []
    origins: list[int] = []
    widths: list[int] = []
    shift = 0  # folded offset minus original offset so far
    for match in _IRREGULAR.finditer(text):
        i = match.start()
        width = len(fold_char(text[i]))
        breaks.append(i + shift)
        origins.append(i)
        widths.append(width)
        shift += width - 1
    return FoldMap(text, len(text) + shift, breaks, origins, widths)
