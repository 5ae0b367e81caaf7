"""Character classes used by the Arabic text rules (docs/ARABIC.md).

Every set here is a ``frozenset`` of one-character strings so that membership tests are
O(1) and the classes can be combined with ``|``. The ranges follow those rules:

* tashkeel (harakat and Quranic annotation marks): U+064B–U+065F, U+0670 (superscript
  alef), U+06D6–U+06ED;
* tatweel (kashida): U+0640;
* ZWJ U+200D and ZWNJ U+200C (joiners that change shaping, never content);
* bidi marks LRM U+200E, RLM U+200F, ALM U+061C, and the other bidi controls
  U+202A–U+202E (embeddings/overrides) and U+2066–U+2069 (isolates).

``INVISIBLE_EDGE`` is what a span edge may never be (docs/ARABIC.md, Span edges) apart from
whitespace. It also
holds ZERO WIDTH SPACE U+200B and ZERO WIDTH NO-BREAK SPACE U+FEFF: both are invisible
separators that web copies leave behind, so an edge on them is as wrong as one on a space.
"""

from __future__ import annotations

import unicodedata


def _char_range(first: int, last: int) -> frozenset[str]:
    """All characters from ``first`` to ``last`` inclusive."""
    return frozenset(chr(cp) for cp in range(first, last + 1))


TASHKEEL: frozenset[str] = _char_range(0x064B, 0x065F) | {"\u0670"} | _char_range(0x06D6, 0x06ED)
"""Arabic diacritics and Quranic marks dropped by folding."""

TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"
JOINERS: frozenset[str] = frozenset({ZWJ, ZWNJ})

LRM = "\u200e"
RLM = "\u200f"
ALM = "\u061c"
BIDI_MARKS: frozenset[str] = frozenset({LRM, RLM, ALM})
BIDI_CONTROLS: frozenset[str] = _char_range(0x202A, 0x202E) | _char_range(0x2066, 0x2069)
BIDI_ALL: frozenset[str] = BIDI_MARKS | BIDI_CONTROLS
"""Bidi marks and controls: they steer display order and are never part of a span edge."""

ZWSP = "\u200b"
BOM = "\ufeff"
INVISIBLE_EDGE: frozenset[str] = JOINERS | BIDI_ALL | {ZWSP, BOM}
"""Invisible characters a span edge must never be (whitespace is checked separately)."""

PROCLITICS = "وفبلك"
"""Attached conjunctions and prepositions that a name never includes (docs/ARABIC.md,
Proclitics)."""

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def is_edge_junk(ch: str) -> bool:
    """True if ``ch`` may not sit at a span edge: whitespace, joiners, bidi marks, ZWSP, BOM."""
    return ch.isspace() or ch in INVISIBLE_EDGE


def is_mark(ch: str) -> bool:
    """True for a combining mark (general category Mn, Mc or Me)."""
    return unicodedata.category(ch).startswith("M")


def is_letter(ch: str) -> bool:
    """True for a letter (general category L*), which includes tatweel (Lm)."""
    return unicodedata.category(ch).startswith("L")


def is_word_char(ch: str) -> bool:
    """True for a character that belongs inside a word: letter, combining mark or digit."""
    cat = unicodedata.category(ch)
    return cat[0] in "LM" or cat == "Nd"


def is_arabic_letter(ch: str) -> bool:
    """True for a letter of the Arabic blocks (U+0600–U+06FF, U+0750–U+077F, U+08A0–U+08FF)."""
    cp = ord(ch)
    in_block = 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF
    return in_block and is_letter(ch)
