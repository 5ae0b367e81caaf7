"""The one tokenization shared by every token-based export (hf-tokens, conll, spacy, events).

Rules (documented for users in docs/EXPORTS.md, and written into every report):

1. Words are the core's word tokens (:func:`annotator.core.text.words`): runs of letters,
   combining marks and digits, with an inner apostrophe, hyphen or joiner kept. Tashkeel and
   tatweel stay inside their word; offsets point into the stored (NFC) text unchanged.
2. Whitespace separates tokens and is never a token. Invisible characters between words
   (ZWJ/ZWNJ, bidi marks, ZWSP, BOM) are dropped the same way.
3. Anything else between words is punctuation or a symbol: one token per grapheme cluster
   (``«``, ``،``, ``%``, an emoji with its modifiers or ZWJ sequence).
4. Clitics stay on the word, as in Wojood and ANERcorp: ``وموسكو`` is one token. With
   ``split_proclitics`` a word is cut after its proclitics (و ف ب ل ك, ل of لل) when the core's
   evidence rule (:func:`annotator.core.text.snap_to_name`) says so, giving ``و`` + ``موسكو``.
   The evidence is the document's own annotated names, the schema's gazetteer and the
   document's vocabulary: a first letter is never stripped blindly (``بوتين`` stays whole).

Sentences (for one record per sentence) end after ``.`` ``!`` ``?`` ``؟`` ``…`` or at a line
break; a break that would cut an annotation in two is not used (counted by the caller).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from annotator.core.text import NameLexicon, is_edge_junk, snap_to_name, words

TOKENIZATION = (
    "whitespace and punctuation split: words are runs of letters, marks (tashkeel kept) and "
    "digits; each other visible grapheme cluster is its own token; whitespace, joiners and "
    "bidi marks are not tokens; proclitics stay on the word (Wojood/ANERcorp style)"
)
TOKENIZATION_SPLIT = (
    "whitespace and punctuation split as above, and proclitics (و ف ب ل ك, ل of لل) cut into "
    "their own token when the core's evidence rule (snap_to_name) supports it"
)
SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
_CLUSTER = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one text: parallel lists of code-point ``starts`` and ``ends``."""

    text: str
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def surface(self, i: int) -> str:
        """The text of token ``i``."""
        return self.text[self.starts[i] : self.ends[i]]

    def surfaces(self, first: int = 0, last: int | None = None) -> list[str]:
        """The texts of tokens ``first`` to ``last`` (exclusive)."""
        stop = len(self.starts) if last is None else last
        text = self.text
        return [text[self.starts[i] : self.ends[i]] for i in range(first, stop)]

    def cover(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range ``[first, last)`` that covers code points ``[start, end)``, widened to
        whole tokens; None when no token overlaps the span."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        if first >= last:
            return None
        return first, last

    def exact(self, first: int, last: int, start: int, end: int) -> bool:
        """True when tokens ``[first, last)`` cover exactly ``[start, end)``."""
        return self.starts[first] == start and self.ends[last - 1] == end


def _gap_tokens(text: str, start: int, end: int, out_s: list[int], out_e: list[int]) -> None:
    """Append one token per visible grapheme cluster of ``text[start:end]``."""
    for match in _CLUSTER.finditer(text, start, end):
        cluster = match.group()
        if not all(is_edge_junk(ch) for ch in cluster) and not is_edge_junk(cluster[0]):
            out_s.append(match.start())
            out_e.append(match.end())


def lexicon_for(text: str, names: Iterable[str]) -> NameLexicon:
    """The evidence for proclitic splitting in one document: known ``names`` and its words."""
    return NameLexicon.from_texts([text], names=names)


def tokenize(
    text: str, split_proclitics: bool = False, lexicon: NameLexicon | None = None
) -> Tokens:
    """Tokenize ``text`` by the rules of this module (offsets are code points)."""
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for w_start, w_end in words(text):
        if w_start > position:
            _gap_tokens(text, position, w_start, starts, ends)
        cut = w_start
        if split_proclitics:
            cut, _ = snap_to_name(text, w_start, w_end, lexicon)
        if w_start < cut < w_end:
            starts.append(w_start)
            ends.append(cut)
        starts.append(cut if w_start < cut < w_end else w_start)
        ends.append(w_end)
        position = w_end
    if position < len(text):
        _gap_tokens(text, position, len(text), starts, ends)
    return Tokens(text, starts, ends)


def sentence_breaks(tokens: Tokens) -> list[int]:
    """Token indexes where a sentence starts (always begins with 0 for a non-empty list)."""
    if not len(tokens):
        return []
    text = tokens.text
    breaks = [0]
    for i in range(1, len(tokens)):
        previous = tokens.surface(i - 1)
        if previous in SENTENCE_END or "\n" in text[tokens.ends[i - 1] : tokens.starts[i]]:
            breaks.append(i)
    return breaks


def units(
    tokens: Tokens, per_sentence: bool, keep_whole: Sequence[tuple[int, int]] = ()
) -> tuple[list[tuple[int, int]], int]:
    """Token ranges of the records to write, and how many sentence breaks were not used.

    ``keep_whole`` are token ranges (annotations) that no unit boundary may cut: a break
    inside one is dropped and the two sentences become one record.
    """
    n = len(tokens)
    if n == 0:
        return [], 0
    if not per_sentence:
        return [(0, n)], 0
    breaks = sentence_breaks(tokens)
    blocked: set[int] = set()
    if keep_whole and len(breaks) > 1:
        inner = breaks[1:]
        for first, last in keep_whole:
            k = bisect_right(inner, first)
            while k < len(inner) and inner[k] < last:
                blocked.add(inner[k])
                k += 1
    kept = [b for b in breaks if b not in blocked]
    bounds = [*kept, n]
    return [(bounds[k], bounds[k + 1]) for k in range(len(kept))], len(blocked)
