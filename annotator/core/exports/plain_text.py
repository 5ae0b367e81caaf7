"""A fast, exact path of the shared tokenization for plain text (stdlib ``re``).

The tokenization rules (:mod:`annotator.core.exports.tokens`) are defined by the core's word
regex and ``regex``'s grapheme clusters (``\\X``). Both run in the ``regex`` module, which
costs about 150 ns per character; that alone made the token formats slower than reading the
corpus. Most news text, though, is *plain*: basic Arabic and Latin letters with their
tashkeel, digits, punctuation and ordinary spaces. On plain text the two rules reduce to
what a stdlib ``re`` pattern can say, several times faster and with the same result:

* every punctuation or symbol character is a grapheme cluster of its own, because each is
  ``Grapheme_Cluster_Break=Other`` or ``Control`` (nothing joins it: no Prepend, no
  regional indicator, no joiner) and a combining mark never follows it;
* a combining mark only ever follows a letter, mark or digit, so it is inside a word;
* separators (whitespace, bidi marks, ZWSP, BOM) are clusters of their own and are dropped.

A text is plain (:func:`is_plain`) when it has no character outside the classes below, and
no combining mark after anything but a word character. Anything else
(emoji, ZWJ/ZWNJ, Arabic number signs, a mark after a space, other scripts) takes the
reference path in :mod:`annotator.core.exports.tokens`. The classes are computed at import
from the ``regex`` module's own Unicode properties (the same data as the reference path),
and ``tests/exports/test_tokens.py`` checks both paths against each other.

A text is cut at its ordinary spaces (:func:`token_lists`); a part that is not plain (an
emoji before a name, a stray mark) takes the reference path with its neighbours as far as
needed, the rest the fast path. A region of the reference path starts after a space and
before a character that does not extend a grapheme cluster, so it starts at a cluster
boundary (UAX #29: nothing joins a space to what follows it unless that is Extend, ZWJ or
SpacingMark), and ends the same way; no word crosses it (a word holds no space): each
region tokenizes alone exactly as it does inside the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, compress, count
from operator import add

import regex

from annotator.core.text import is_edge_junk

_CANDIDATES = [
    *range(0x80),  # ASCII
    *range(0xA0, 0x100),  # Latin-1 (NBSP, « », letters)
    *range(0x600, 0x700),  # Arabic
    *range(0x2000, 0x2070),  # general punctuation, spaces, bidi marks
    0x3000,  # ideographic space
    0xFEFF,  # BOM
]
CONNECTORS = "'\u2019\u02bc-\u2010\u2011"
"""Characters that join two words into one (as in the core's word regex; the ZWJ/ZWNJ
connectors are never plain)."""

_START = regex.compile(r"[\p{L}\p{Nd}]")
_MARK = regex.compile(r"\p{M}")
_JOINS_NOTHING = regex.compile(r"[\p{Grapheme_Cluster_Break=Other}"
                               r"\p{Grapheme_Cluster_Break=Control}"
                               r"\p{Grapheme_Cluster_Break=LF}\p{Grapheme_Cluster_Break=CR}]")


def _classify() -> tuple[list[int], list[int], list[int], list[int]]:
    """(word starts, marks, punctuation, separators) among the candidate code points."""
    starts: list[int] = []
    marks: list[int] = []
    punctuation: list[int] = []
    separators: list[int] = []
    for cp in _CANDIDATES:
        ch = chr(cp)
        if _MARK.match(ch):
            marks.append(cp)
        elif not _JOINS_NOTHING.match(ch):
            continue  # Prepend, Extend, ZWJ, SpacingMark letters: reference path
        elif _START.match(ch):
            starts.append(cp)
        elif is_edge_junk(ch):
            separators.append(cp)
        else:
            punctuation.append(cp)
    return starts, marks, punctuation, separators


def char_class(code_points: Iterable[int]) -> str:
    """The body of a stdlib ``re`` character class holding exactly ``code_points``."""
    points = sorted(set(code_points))
    parts: list[str] = []
    k = 0
    while k < len(points):
        first = points[k]
        while k + 1 < len(points) and points[k + 1] == points[k] + 1:
            k += 1
        last = points[k]
        parts.append(f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}")
        k += 1
    return "".join(parts)


WORD_STARTS, MARKS, PUNCTUATION, SEPARATORS = _classify()
_S = char_class(WORD_STARTS)
_B = char_class(WORD_STARTS + MARKS)
_C = char_class(ord(c) for c in CONNECTORS)
PLAIN_TOKEN = re.compile(rf"([{_S}][{_B}]*(?:[{_C}][{_S}][{_B}]*)*|[{char_class(PUNCTUATION)}])")
"""On plain text: a word (the core's word regex restricted to plain characters), or one
punctuation or symbol character. Separators match nothing; ``split`` keeps them apart."""
_NOT_PLAIN_CHAR = re.compile(rf"[^{char_class(WORD_STARTS + MARKS + PUNCTUATION + SEPARATORS)}]")
_MARK_ALONE = re.compile(rf"[^{_B}][{char_class(MARKS)}]")
"""A combining mark after something that is not a word character (a cluster of its own, or
one that starts with a space: only the reference path knows)."""
_MARK_CHARS = frozenset(chr(cp) for cp in MARKS)
_NOT_WORD = re.compile(rf"[^{_B} ]")
"""In plain text: a character that is neither a word character nor an ordinary space."""
_EXTENDS_CLUSTER = regex.compile(r"[\p{Grapheme_Cluster_Break=Extend}"
                                 r"\p{Grapheme_Cluster_Break=ZWJ}"
                                 r"\p{Grapheme_Cluster_Break=SpacingMark}]")


def is_plain(text: str) -> bool:
    """True when ``text`` may take the fast path (see the module docstring)."""
    return (_NOT_PLAIN_CHAR.search(text) is None and _MARK_ALONE.search(text) is None
            and text[:1] not in _MARK_CHARS)


def _is_cut(text: str, at: int) -> bool:
    """True when ``at`` (just after a space) is a cluster boundary."""
    return at == len(text) or _EXTENDS_CLUSTER.match(text, at) is None


_SPACE_MARK = re.compile(rf" [{char_class(MARKS)}]")
"""A combining mark right after an ordinary space: alone (not plain)."""

Reference = Callable[[str], list[tuple[int, int]]]
"""The reference tokenization of a piece of text (``tokens.reference_spans``)."""


def token_lists(text: str, reference: Reference) -> tuple[list[int], list[int], list[str]]:
    """``(starts, ends, texts)`` of the tokens of ``text``: exactly ``reference(text)``, the
    plain parts by the fast path.

    The text is cut at every ordinary space once (``str.split``, in C; a space is never
    inside a token) and the parts' offsets are running sums. A part made only of word
    characters is one word, taken whole (the common case: no Python step per word). Only the
    parts holding anything else are looked at: one that is plain (punctuation, a line break,
    a connector; no mark alone) goes through :data:`PLAIN_TOKEN`, one that is not (an
    emoji, a joiner, a mark after a space...) through ``reference`` with its neighbours as
    far as needed to start and end at a cluster boundary: a region starts just after a space
    and ends just after one (or at an end of the text), and a space is followed by a
    boundary unless a character that extends a cluster comes next (UAX #29), so the region
    tokenizes alone exactly as inside the whole text."""
    parts = text.split(" ")
    lengths = list(map(len, parts))
    # Part i starts after the parts before it and one space after each.
    offsets = list(map(add, accumulate(lengths, initial=0), count()))
    special = {bisect_right(offsets, m.start()) - 1 for m in _NOT_WORD.finditer(text)}
    special.update(bisect_right(offsets, m.start()) for m in _SPACE_MARK.finditer(text))
    if text[:1] in _MARK_CHARS:
        special.add(0)
    last_part = len(parts) - 1
    pieces: list[tuple[int, int, bool]] = []  # (first part, last part, odd)
    for index in sorted(special):
        part = parts[index]
        if not (part[:1] in _MARK_CHARS or _NOT_PLAIN_CHAR.search(part) is not None
                or _MARK_ALONE.search(part) is not None):
            pieces.append((index, index, False))
            continue
        first = last = index
        while first > 0 and not _is_cut(text, offsets[first]):
            first -= 1
        while last < last_part and not _is_cut(text, offsets[last + 1]):
            last += 1
        pieces.append((first, last, True))
    # A region first, then the parts it holds (skipped); overlapping regions are merged.
    pieces.sort(key=lambda piece: (piece[0], -piece[1]))
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    done = 0  # the parts before this one are tokenized
    for k, (first, through, odd) in enumerate(pieces):
        if first < done:
            continue
        _word_parts(parts, offsets, lengths, done, first, starts, ends, texts)
        if not odd:
            split = PLAIN_TOKEN.split(parts[first])
            at = list(accumulate(map(len, split), initial=offsets[first]))
            starts += at[1:-1:2]
            ends += at[2::2]
            texts += split[1::2]
            done = first + 1
            continue
        last, j = through, k + 1
        while j < len(pieces) and pieces[j][0] <= last:
            last = max(last, pieces[j][1])
            j += 1
        begin = offsets[first]
        end = offsets[last + 1] if last < last_part else len(text)
        for s, e in reference(text[begin:end]):
            starts.append(begin + s)
            ends.append(begin + e)
            texts.append(text[begin + s : begin + e])
        done = last + 1
    _word_parts(parts, offsets, lengths, done, len(parts), starts, ends, texts)
    return starts, ends, texts


def _word_parts(parts: list[str], offsets: list[int], lengths: list[int], first: int,
                last: int, starts: list[int], ends: list[int], texts: list[str]) -> None:
    """Append parts ``[first, last)``, each one word or empty (two spaces in a row, a space
    at an edge), as tokens."""
    if last <= first:
        return
    words, firsts, sizes = parts[first:last], offsets[first:last], lengths[first:last]
    if 0 in sizes:
        words, firsts = list(compress(words, sizes)), list(compress(firsts, sizes))
        sizes = list(filter(None, sizes))
    texts += words
    starts += firsts
    ends += map(add, firsts, sizes)
