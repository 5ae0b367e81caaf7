"""How a row of a list, tree or combo box writes document text, without Qt.

A row mixes our English words (``Topic:``, ``(GPE)``, ``3 arguments``) with Arabic from the
document. Left to the Unicode bidi algorithm, the neutral characters at the seams take the
row's direction: a quote's « and » land on the wrong sides, ``(PERS)`` jumps to the other end
and the marks of a topic named «داعش» move. So every piece of document text in a row is
*isolated*: wrapped in FSI (first strong isolate, U+2068) ... PDI (U+2069), which lays it out
in its own direction (from its first strong letter) as one block. Qt and every terminal
that knows UAX #9 show isolates without a glyph.

A row's text as shown starts with a mark of its direction (:func:`directed`: LRM or RLM),
because Qt guesses a row's direction from its first strong letter even inside an isolate.

A preview is cut at its logical end, which is the end the reader reaches last in either
direction (the left of an Arabic run).
"""

from __future__ import annotations

import unicodedata

FSI = "\u2068"
PDI = "\u2069"
LRM = "\u200e"
RLM = "\u200f"
ELLIPSIS = "…"
PREVIEW = 48
"""Document text in a row is cut to this many characters."""

_ISOLATES = {"\u2066", "\u2067", "\u2068"}


def preview(text: str, limit: int = PREVIEW) -> str:
    """``text`` on one line, cut to ``limit`` characters at its logical end (an ellipsis
    marks the cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + ELLIPSIS


def isolate(text: str) -> str:
    """``text`` as one block in its own direction, whatever surrounds it in a row."""
    return f"{FSI}{text}{PDI}" if text else ""


def doc_text(text: str, limit: int = PREVIEW) -> str:
    """Document text for a row: previewed, then isolated."""
    return isolate(preview(text, limit))


def strip_isolates(text: str) -> str:
    """``text`` without the isolate and direction marks (for accessible names, tooltips and
    tests)."""
    return text.translate({ord(c): None for c in (*_ISOLATES, PDI, LRM, RLM)})


def directed(text: str) -> str:
    """``text`` led by a mark of its direction (RLM or LRM) when nothing outside its
    isolates says it (a row that is one isolated quote): Qt would lay such a row out left to
    right, its ellipsis at the reader's first end. Other rows are returned as they are."""
    if not text or _strong_outside(text) is not None:
        return text
    return (RLM if row_is_rtl(text) else LRM) + text


def _strong_outside(text: str) -> str | None:
    """``R`` or ``L``: the first strong character of ``text`` outside isolates (UAX #9
    rule P2); None when there is none."""
    depth = 0
    for ch in text:
        if ch in _ISOLATES:
            depth += 1
        elif ch == PDI:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return "R"
            if kind == "L":
                return "L"
    return None


def is_rtl_text(text: str) -> bool:
    """Whether the first strong character of ``text`` outside isolates is right to left
    (UAX #9 rule P2: the direction a row of this text takes by itself)."""
    return _strong_outside(text) == "R"


def row_is_rtl(text: str) -> bool:
    """The direction a row lays out in: its own (:func:`is_rtl_text`), or, for a row made of
    isolated document text only (a suggested quote), that text's."""
    own = _strong_outside(text)
    return own == "R" if own is not None else _strong_outside(strip_isolates(text)) == "R"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 argument``, ``2 arguments`` (``plural`` for an irregular noun: ``entity`` ->
    ``entities``)."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {plural or noun + 's'}"
