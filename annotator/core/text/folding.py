"""The folded search copy of a text (docs/ARABIC.md, Folded search).

Stored text is never changed. Search and matching run on a *folded* copy (as if folded
character by character), with ``starts[j]`` = the offset in the original of the character
that produced folded character ``j`` (plus a final entry ``len(original)``). Rules, in order:

1. Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are replaced by their NFKC
   form, one character at a time; a ligature expands to several characters that all map to
   the same original offset (lam-alef U+FEFB gives ``لا``). Isolated/medial forms of the
   harakat (U+FE70–U+FE7F, NFKC = space or tatweel + mark) fold to nothing. NFKC is used
   here only, never on other characters and never on stored text.
2. Alef forms أ إ آ ٱ (and the alef-with-wavy-hamza forms U+0672, U+0673) become ا.
3. Alef maqsura ى becomes ي; Farsi yeh ی (U+06CC) becomes ي and keheh ک (U+06A9) becomes
   ك, as they appear in web copies of Arabic news.
4. Ta marbuta ة becomes ه.
5. ؤ and ئ are kept as they are (they are different words, not spelling variants).
6. Tashkeel (U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel (U+0640) are dropped.
7. ZWJ, ZWNJ, bidi marks and controls, ZWSP and BOM are dropped (they are invisible).
8. Arabic-Indic digits ٠–٩ and Extended Arabic-Indic digits ۰–۹ become ASCII 0–9.
9. Other characters are case-folded (``str.casefold``: Latin and any other cased script);
   an expansion (``ß`` -> ``ss``) maps every produced character to the same original.

:func:`find_folded` folds the text and the query (the query is NFC-normalized first, as
stored text is) and maps matches back to grapheme-safe original spans.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from annotator.core.text.chars import (
    ARABIC_INDIC_DIGITS,
    EXTENDED_ARABIC_INDIC_DIGITS,
    INVISIBLE_EDGE,
    TASHKEEL,
    TATWEEL,
    is_letter,
    is_mark,
)
from annotator.core.text.graphemes import (
    is_grapheme_boundary,
    next_boundary,
    prev_boundary,
)

_SIMPLE: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "\u0672": "ا",
    "\u0673": "ا",
    "ى": "ي",
    "\u06cc": "ي",
    "\u06a9": "ك",
    "ة": "ه",
}
for _digits in (ARABIC_INDIC_DIGITS, EXTENDED_ARABIC_INDIC_DIGITS):
    for _value, _digit in enumerate(_digits):
        _SIMPLE[_digit] = str(_value)
for _dropped in TASHKEEL | INVISIBLE_EDGE | {TATWEEL}:
    _SIMPLE[_dropped] = ""


def _is_presentation_form(cp: int) -> bool:
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def fold_char(ch: str) -> str:
    """The folded form of one character (may be empty or several characters)."""
    simple = _SIMPLE.get(ch)
    if simple is not None:
        return simple
    cp = ord(ch)
    if cp < 0x80:
        return ch.lower()
    if _is_presentation_form(cp):
        expanded = unicodedata.normalize("NFKC", ch)
        if all(c in TASHKEEL or c == TATWEEL or c.isspace() for c in expanded):
            return ""  # an isolated or medial form of a haraka
        return "".join(_SIMPLE.get(c, c) for c in expanded)
    return ch.casefold()


@dataclass(frozen=True)
class Folded:
    """A folded copy of ``original`` with the map back to original offsets.

    ``starts[j]`` is the original offset of the character that produced ``text[j]``;
    ``starts[len(text)] == len(original)``. ``starts`` is non-decreasing. It is a compact
    ``array`` of machine integers (a 30 MB document would need gigabytes as a list of ints).
    """

    text: str
    starts: Sequence[int]
    original: str

    def original_span(self, fs: int, fe: int) -> tuple[int, int]:
        """Original span of folded span ``[fs, fe)``, widened to grapheme boundaries.

        The end runs to the end of the cluster of the last matched character, so dropped
        trailing marks (tashkeel) are included; the start moves back to its cluster start.
        """
        if not 0 <= fs <= fe <= len(self.text):
            raise ValueError(f"folded span [{fs}, {fe}) outside 0..{len(self.text)}")
        orig = self.original
        start = self.starts[fs]
        end = self.starts[fe - 1] + 1 if fe > fs else start
        if not is_grapheme_boundary(orig, start):
            start = prev_boundary(orig, start)
        end = max(end, start)
        if not is_grapheme_boundary(orig, end):
            end = next_boundary(orig, end)
        return start, end


def fold(text: str) -> Folded:
    """Fold ``text`` for searching (rules in the module docstring).

    The same result as folding character by character with :func:`fold_char`, built with
    C-level ``str.translate`` and ``itertools.compress`` over the distinct characters of
    the text, so a large document takes seconds and about 4 bytes per character for the map.
    """
    folds = {ch: fold_char(ch) for ch in set(text)}
    folded = text.translate({ord(ch): f for ch, f in folds.items() if f != ch})
    size = len(text)
    starts = array("I" if size < 2**32 else "q")
    if all(len(f) == 1 for f in folds.values()):
        starts.extend(range(size))
    else:
        # one byte per character: how many folded characters it produces (0, 1, or a few)
        counts = text.translate({ord(ch): chr(min(len(f), 255)) for ch, f in folds.items()})
        mask = counts.encode("latin-1")
        done = 0
        for match in _EXPANDS.finditer(counts):  # rare: ligatures, ß
            at = match.start()
            starts.extend(compress(range(done, at), mask[done:at]))
            starts.extend([at] * len(folds[text[at]]))
            done = at + 1
        starts.extend(compress(range(done, size), mask[done:]))
    starts.append(size)
    return Folded(folded, starts, text)


_EXPANDS = re.compile("[\x02-\xff]")
"""A character that folds to several characters (in the ``counts`` string of :func:`fold`)."""


_TRANSLATION = str.maketrans(_SIMPLE)
_PRESENTATION_FORM = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


def fold_text(text: str) -> str:
    """Only the folded string (no map): for keys such as lexicon entries and queries.

    Same result as folding character by character (:func:`fold_char`), done with
    ``str.translate`` and ``casefold`` in C unless presentation forms need expanding.
    """
    text = unicodedata.normalize("NFC", text)
    if _PRESENTATION_FORM.search(text):
        return "".join(fold_char(ch) for ch in text)
    return text.translate(_TRANSLATION).casefold()


def _touches_word(text: str, start: int, end: int) -> bool:
    """True if a letter or mark is directly before ``start`` or at ``end``."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(c and (is_letter(c) or is_mark(c)) for c in (before, after))


def find_folded(
    text: str, query: str, *, whole_word: bool = False, folded: Folded | None = None
) -> list[tuple[int, int]]:
    """All non-overlapping matches of ``query`` in ``text``, compared folded.

    Returns original-offset spans on grapheme boundaries, in text order. With
    ``whole_word=True`` a match may not be preceded or followed by a letter or mark in the
    original text (a preceding proclitic is the caller's business, see ``clitics``). Pass
    ``folded`` (from :func:`fold` of the same text) to reuse the folded copy across queries.
    """
    needle = fold_text(query)
    if not needle:
        return []
    haystack = folded if folded is not None and folded.original is text else fold(text)
    spans: list[tuple[int, int]] = []
    last_end = 0
    pos = haystack.text.find(needle)
    while pos >= 0:
        start, end = haystack.original_span(pos, pos + len(needle))
        ok = start >= last_end and not (whole_word and _touches_word(text, start, end))
        if ok:
            spans.append((start, end))
            last_end = end
            pos = haystack.text.find(needle, pos + len(needle))
        else:
            pos = haystack.text.find(needle, pos + 1)
    return spans
