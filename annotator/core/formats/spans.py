"""Moving spans given on a raw input text onto the text that is stored.

Every importer that reads annotations (canonical, doccano, brat) gets offsets that
refer to the text *as written in the file*. The stored text is that text after
``normalize_mapped`` (newlines to ``\\n``, NFC), so each span is

1. checked on the raw text: integers, inside the text, not between the two halves of
   a surrogate pair, and valid by ``span_problem`` (no split grapheme cluster, no
   whitespace/joiner/bidi mark at an edge);
2. moved with the offset map of ``normalize_mapped``;
3. checked again with ``span_problem`` on the normalized text (unless normalization
   changed nothing: then the raw check was that check).

Problems are collected (not raised) so that one pass reports every bad span of a
document, each as an ``InputError`` naming the file and line.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.model import InputError, Span
from annotator.core.text import normalize, normalize_mapped
from annotator.core.text.spans import span_problem


def _is_high(ch: str) -> bool:
    return "\ud800" <= ch <= "\udbff"


def _is_low(ch: str) -> bool:
    return "\udc00" <= ch <= "\udfff"


def is_offset(value: Any) -> bool:
    """True for a non-negative ``int`` that is not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _short(problem: str) -> str:
    return problem[len("span ") :] if problem.startswith("span ") else problem


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(raw: str) -> tuple[bytes | None, re.Match[str] | None]:
    """``raw`` in UTF-8, or None with the first surrogate code point of ``raw``. Encoding
    (in C) fails exactly when there is one, and costs a third of the search: the search runs
    only then (issue 12). The bytes are kept for the store's sha256 (fourth pass)."""
    try:
        return raw.encode("utf-8"), None
    except UnicodeEncodeError:
        return None, _LONE_SURROGATE.search(raw)


class SpanMover:
    """The raw text of one document, its normalized form and the spans moved so far.

    ``text`` is what will be stored; ``info`` is ``normalize_mapped``'s record
    (``{"newlines": n, "nfc": bool}``); ``errors`` collects every problem found.
    """

    def __init__(self, raw: str, path: str, line: int | None) -> None:
        self.raw = raw
        self.path = path
        self.line = line
        self.errors: list[InputError] = []
        utf8, surrogate = _utf8(raw)
        if surrogate is not None:  # JSON can spell one (\ud83d); no file or database can hold it
            self.error(f"the text holds a lone surrogate (U+{ord(surrogate.group()):04X}) at "
                       f"offset {surrogate.start()}")
            raw = raw.replace(surrogate.group(), "\ufffd")
        self.text, self.info = normalize(raw)
        self._same = self.text == self.raw
        """Normalization changed nothing: offsets stay, and a span valid on the raw text
        is valid on the stored one (no second check, no offset map)."""
        self.plain = self._same and surrogate is None
        """No surrogate code point and nothing moved by normalization: a span proven valid
        on the raw text is a stored span as it is (the readers' quick path, issue 12)."""
        self._offsets: list[int] | None = None
        self.encoded = (self.text, utf8) if self.plain and utf8 is not None else None
        """The stored text and its UTF-8 bytes, when the surrogate test made them (a plain
        text): ``DocumentRecord.encoded`` for the import's stream."""

    @property
    def _map(self) -> list[int]:
        """Raw-to-stored offset map, built on the first span (most plain texts have none)."""
        if self._offsets is None:
            _text, _info, self._offsets = normalize_mapped(self.raw)
        return self._offsets

    def error(self, reason: str) -> None:
        """Record a problem of this document."""
        self.errors.append(InputError(self.path, reason, self.line))

    def raw_problem(self, start: int, end: int) -> str | None:
        """Why ``[start, end)`` is not a valid span of the raw text, or None."""
        n = len(self.raw)
        if not 0 <= start < end <= n:
            if start >= end:
                return "is empty or reversed"
            return f"is out of range (text length {n})"
        for edge in (start, end):
            if 0 < edge < n and _is_high(self.raw[edge - 1]) and _is_low(self.raw[edge]):
                return f"splits a surrogate pair at offset {edge}"
        problem = span_problem(self.raw, start, end)
        return _short(problem) if problem is not None else None

    def move(self, start: Any, end: Any, what: str, expected: Any = None) -> Span | None:
        """Check the raw span ``[start, end)``, map it, check it again; None if bad.

        ``what`` names the span in messages (``"entity T3"``). ``expected``, when given,
        is the text the file claims the span covers; it must equal the raw slice.
        """
        if not (is_offset(start) and is_offset(end)):
            self.error(f"{what}: offsets must be non-negative integers, got {start!r}, {end!r}")
            return None
        problem = self.raw_problem(start, end)
        if problem is not None:
            self.error(f"{what} [{start}, {end}) {problem}")
            return None
        if expected is not None and expected != self.raw[start:end]:
            self.error(
                f"{what} [{start}, {end}) text {expected!r} does not match the document "
                f"text there ({self.raw[start:end]!r})"
            )
            return None
        if self._same:
            return Span(start, end)
        new_start, new_end = self._map[start], self._map[end]
        problem = span_problem(self.text, new_start, new_end)
        if problem is not None:
            self.error(
                f"{what} [{start}, {end}) after normalization [{new_start}, {new_end}): "
                f"{_short(problem)}"
            )
            return None
        return Span(new_start, new_end)
