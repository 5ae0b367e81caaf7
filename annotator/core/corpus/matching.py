"""What a concordance query matches, decided on the folded copy of a text.

A query is folded like the texts (:func:`annotator.core.text.fold_text`: hamza forms,
tashkeel, tatweel, ى/ي, ة/ه, digits and case ignored). Whitespace in the query matches any run
of whitespace. Three modes:

* **whole word** (default): the match is not preceded or followed by a word character
  (letter, number, combining mark or private-use character: the token characters of the
  FTS5 index), except that a name may follow attached proclitics: و or ف, then optionally ب ل
  or ك (``وبرلين``, ``لبرلين``, ``وببرلين``), and a query that starts with ال also matches
  after ``لل`` with the alef elided (``للعراق`` for العراق, the span starting at the second
  ل). The proclitics are outside the reported span. ``برلينية`` does not match برلين.
* **substring**: every occurrence, inside words too.
* **regex**: a regular expression (the ``regex`` module's syntax) run on the folded text.
  Non-ASCII characters of the pattern are folded like the text (write أ or ا, both match);
  ASCII characters (the regex syntax) are left as written, so letters must be lower case or
  the pattern must use ``(?i)``.

Matches are non-overlapping, in text order, as folded ``(start, end)`` spans.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

import regex

from annotator.core.text.folding import fold_char, fold_text

PROCLITIC_PREFIX = re.compile("[وف]?[بلك]?")
ELIDED_PREFIX = re.compile("[وف]?ل")
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
REGEX_TIMEOUT_S = 2.0
"""Longest time a regular expression may spend on one document before the search stops."""


class Mode(Enum):
    WORD = "word"
    SUBSTRING = "substring"
    REGEX = "regex"


def is_token_char(ch: str) -> bool:
    """A token character of the index: letter, number, mark or private use."""
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co"


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class Matcher:
    """A compiled query. Build it with :func:`compile_query`."""

    query: str
    mode: Mode
    folded: str
    pattern: re.Pattern[str] | None
    """The literal query (whitespace matching any whitespace); None in regex mode."""
    elided: re.Pattern[str] | None
    """The query with its ال written as a bare ل (after لل), for whole words."""
    expression: regex.Pattern[str] | None = None
    """The compiled regular expression (regex mode)."""

    @property
    def needs_scan(self) -> bool:
        """True when the FTS index cannot pick candidates (regex, substring, no word in the
        query): the search reads the folded texts instead."""
        return self.mode is not Mode.WORD or not any(is_token_char(c) for c in self.folded)

    def fts_query(self) -> str:
        """The FTS5 MATCH expression whose hits include every document with a match."""
        phrases = [_fts_phrase(self.folded)]
        if is_token_char(self.folded[0]):
            phrases += [_fts_phrase(p + self.folded) for p in PREFIXES[1:]]
            if self.elided is not None:
                rest = self.folded[1:]
                phrases += [_fts_phrase(p + rest) for p in ("ل", "ول", "فل")]
        return " OR ".join(phrases)

    def literal(self) -> str:
        """A string every match contains (the longest word of the query; with an elided
        alef, of the query without its first letter), for a cheap ``instr`` or ``LIKE``
        prefilter."""
        source = self.folded[1:] if self.elided is not None else self.folded
        return max(source.split(), key=len) if source.split() else source

    def find(self, folded: str) -> list[tuple[int, int]]:
        """Folded spans of the matches in ``folded`` (a text folded like the index)."""
        if self.expression is not None:
            try:
                found = [m.span() for m in self.expression.finditer(folded,
                                                                    timeout=REGEX_TIMEOUT_S)
                         if m.end() > m.start()]
            except TimeoutError:
                raise ValueError(f"the regular expression {self.query!r} takes too long;"
                                 " make it more specific") from None
            return found
        assert self.pattern is not None
        if self.mode is Mode.SUBSTRING:
            return [m.span() for m in self.pattern.finditer(folded)]
        spans = self._whole_words(folded, self.pattern, PROCLITIC_PREFIX)
        if self.elided is not None:
            spans += self._whole_words(folded, self.elided, ELIDED_PREFIX)
            spans = _non_overlapping(sorted(spans))
        return spans

    def _whole_words(self, text: str, pattern: re.Pattern[str],
                     prefixes: re.Pattern[str]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        check_start = is_token_char(self.folded[0])
        check_end = is_token_char(self.folded[-1])
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                return spans
            start, end = m.span()
            ok = not (check_end and end < len(text) and is_token_char(text[end]))
            if ok and check_start:
                word_start = start
                while word_start > 0 and is_token_char(text[word_start - 1]):
                    word_start -= 1
                ok = prefixes.fullmatch(text, word_start, start) is not None
            if ok:
                spans.append((start, end))
                pos = end
            else:
                pos = start + 1


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _literal_pattern(folded: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in folded.split()))


def fold_pattern(pattern: str) -> str:
    """A regular expression with its non-ASCII characters folded like the texts."""
    return "".join(ch if ch.isascii() else fold_char(ch) for ch in pattern)


def compile_query(query: str, mode: Mode = Mode.WORD) -> Matcher:
    """Compile ``query``; raises ``ValueError`` for an empty query or a bad regex."""
    if mode is Mode.REGEX:
        try:
            compiled = regex.compile(fold_pattern(query))
        except regex.error as exc:
            raise ValueError(f"bad regular expression {query!r}: {exc}") from None
        return Matcher(query, mode, fold_pattern(query), None, None, compiled)
    folded = " ".join(fold_text(query).split())
    if not folded:
        raise ValueError("the search text is empty (after removing tashkeel and spaces)")
    elided = None
    if mode is Mode.WORD and folded.startswith("ال") and len(folded.split()[0]) > 3:
        elided = _literal_pattern(folded[1:])
    return Matcher(query, mode, folded, _literal_pattern(folded), elided)
