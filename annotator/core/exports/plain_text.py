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

A text that is plain but for a few places (an emoji before a name, a stray mark) is cut
into pieces (:func:`plain_pieces`): only the words around each such place take the
reference path. A cut goes after a space or line break and before a character that does not
extend a grapheme cluster, so it is a cluster boundary (UAX #29: nothing joins a space to
what follows it unless that is Extend, ZWJ or SpacingMark) and no word crosses it (a word
holds no space): each piece tokenizes alone exactly as it does inside the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
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
_NOT_PLAIN_RUN = re.compile(rf"[^{char_class(WORD_STARTS + MARKS + PUNCTUATION + SEPARATORS)}]+")
_EXTENDS_CLUSTER = regex.compile(r"[\p{Grapheme_Cluster_Break=Extend}"
                                 r"\p{Grapheme_Cluster_Break=ZWJ}"
                                 r"\p{Grapheme_Cluster_Break=SpacingMark}]")
_CUT_AFTER = (" ", "\n")
MOSTLY_PLAIN = 0.5
"""Above this share of the text in non-plain pieces, the whole text takes the reference path
(cutting would cost more than it saves)."""


def is_plain(text: str) -> bool:
    """True when ``text`` may take the fast path (see the module docstring)."""
    return (_NOT_PLAIN_CHAR.search(text) is None and _MARK_ALONE.search(text) is None
            and text[:1] not in _MARK_CHARS)


def plain_tokens(text: str) -> tuple[list[int], list[int], list[str]] | None:
    """``(starts, ends, texts)`` of the tokens of ``text`` when it is plain, else None
    (see :func:`plain_tokens_at`)."""
    if not is_plain(text):
        return None
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    plain_tokens_at(text, 0, len(text), starts, ends, texts)
    return starts, ends, texts


def _is_cut(text: str, at: int) -> bool:
    """True when ``at`` (just after a space or line break) is a cluster boundary."""
    return at == len(text) or _EXTENDS_CLUSTER.match(text, at) is None


def _cut_before(text: str, at: int) -> int:
    """The last cut at or before ``at`` (0 when there is none)."""
    while True:
        space = max(text.rfind(sep, 0, at) for sep in _CUT_AFTER)
        if space < 0:
            return 0
        if _is_cut(text, space + 1):
            return space + 1
        at = space


def _cut_after(text: str, at: int) -> int:
    """The first cut at or after ``at`` (the end of the text when there is none)."""
    search = at - 1
    while True:
        found = [i for i in (text.find(sep, search) for sep in _CUT_AFTER) if i >= 0]
        if not found:
            return len(text)
        space = min(found)
        if _is_cut(text, space + 1):
            return space + 1
        search = space + 1


def plain_pieces(text: str) -> list[tuple[int, int, bool]] | None:
    """``(start, end, plain)`` pieces that cover ``text`` in order, each tokenizing alone as
    inside the whole text; the non-plain pieces hold the words around each character that
    is not plain (and each mark that is alone). None when the text is plain throughout or
    mostly not plain."""
    odd = [m.span() for m in _NOT_PLAIN_RUN.finditer(text)]
    odd += [m.span() for m in _MARK_ALONE.finditer(text)]
    if text[:1] in _MARK_CHARS:
        odd.append((0, 1))
    if not odd:
        return None
    odd.sort()
    regions: list[list[int]] = []
    for start, end in odd:
        if regions and start < regions[-1][1]:
            if end > regions[-1][1]:
                regions[-1][1] = _cut_after(text, end)
            continue
        first, last = _cut_before(text, start), _cut_after(text, end)
        if regions and first <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], last)
        else:
            regions.append([first, last])
    if sum(end - start for start, end in regions) > MOSTLY_PLAIN * len(text):
        return None
    pieces: list[tuple[int, int, bool]] = []
    position = 0
    for start, end in regions:
        if start > position:
            pieces.append((position, start, True))
        pieces.append((start, end, False))
        position = end
    if position < len(text):
        pieces.append((position, len(text), True))
    return pieces


def plain_tokens_at(text: str, start: int, end: int, starts: list[int], ends: list[int],
                    texts: list[str]) -> None:
    """Append the tokens of the plain piece ``text[start:end]`` (offsets into ``text``).

    Cut at every ordinary space first (``str.split``, in C): a space is never inside a token,
    so the tokens are those of each part. A part made only of word characters is one word
    (it cannot start with a mark: that mark would be alone, so not plain), taken whole; only
    the few parts holding anything else (punctuation, a line break, a connector) go through
    :data:`PLAIN_TOKEN`. The offsets of the parts are running sums, without a Python step
    per word."""
    parts = text[start:end].split(" ")
    lengths = list(map(len, parts))
    # Part i starts after the parts before it and one space after each.
    offsets = list(map(add, accumulate(lengths, initial=start), count()))
    odd = sorted({bisect_right(offsets, m.start()) - 1
                  for m in _NOT_WORD.finditer(text, start, end)})
    done = 0
    for index in [*odd, len(parts)]:
        if index > done:
            words, firsts, sizes = parts[done:index], offsets[done:index], lengths[done:index]
            if 0 in sizes:  # two spaces in a row, or a space at an edge: an empty part
                words, firsts = list(compress(words, sizes)), list(compress(firsts, sizes))
                sizes = list(filter(None, sizes))
            texts += words
            starts += firsts
            ends += map(add, firsts, sizes)
        if index < len(parts):
            pieces = PLAIN_TOKEN.split(parts[index])
            at = list(accumulate(map(len, pieces), initial=offsets[index]))
            starts += at[1:-1:2]
            ends += at[2::2]
            texts += pieces[1::2]
        done = index + 1
