"""Word tokens.

A word is a run of letters (including tatweel), combining marks and decimal digits of any
script that starts with a letter or digit (a stray mark after a space belongs to the
space's grapheme cluster, so it cannot start a word). Inside a word, one apostrophe
(``'`` ``’`` ``ʼ``), hyphen (``-`` U+2010 U+2011) or a run of ZWJ/ZWNJ is kept when a word
character follows it and one precedes it (``O'Brien``, ``COVID-19``, Persian
``می‌خواهم``); joiners followed by a combining mark stay in the word too, so that a word
never ends inside a grapheme cluster. Everything else separates words: whitespace, ASCII
punctuation, Arabic punctuation (« » ، ؛ ؟ ٪), symbols and bidi marks.

Offsets are end-exclusive code points. A word always ends on a grapheme boundary in
ordinary text, since combining marks belong to the run.
"""

from __future__ import annotations

import regex

from annotator.core.text.chars import is_word_char

_WORD_START = r"[\p{L}\p{Nd}]"
_WORD_BODY = r"(?:[\p{L}\p{M}\p{Nd}]|[\u200c\u200d]+\p{M})*"
_WORD = regex.compile(
    rf"{_WORD_START}{_WORD_BODY}"
    rf"(?:(?:['\u2019\u02bc\-\u2010\u2011]|[\u200c\u200d]+){_WORD_START}{_WORD_BODY})*"
)
_CONNECTORS = frozenset("'\u2019\u02bc-\u2010\u2011\u200c\u200d")


def words(text: str) -> list[tuple[int, int]]:
    """All word tokens of ``text`` as ``(start, end)`` pairs, in order."""
    return [m.span() for m in _WORD.finditer(text)]


def iter_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word tokens lying inside ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [m.span() for m in _WORD.finditer(text, start, stop)]


def word_at(text: str, i: int) -> tuple[int, int] | None:
    """The word containing the character at ``i``, or the word ending at ``i`` (a caret
    just after a word); None when ``i`` touches no word. Looks only at the run of
    non-space characters around ``i``.
    """
    if not 0 <= i <= len(text):
        raise ValueError(f"offset {i} out of range 0..{len(text)}")
    lo = i
    while lo > 0 and (is_word_char(text[lo - 1]) or text[lo - 1] in _CONNECTORS):
        lo -= 1
    hi = i
    while hi < len(text) and (is_word_char(text[hi]) or text[hi] in _CONNECTORS):
        hi += 1
    found: tuple[int, int] | None = None
    for start, end in iter_words(text, lo, hi):
        if start <= i < end:
            return start, end
        if end == i:
            found = (start, end)
    return found
