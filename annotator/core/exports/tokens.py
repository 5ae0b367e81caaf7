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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from annotator.core.exports.plain_text import token_lists
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
_WORD_START = regex.compile(r"[\p{L}\p{Nd}]")
_SENTENCE_END_CHAR = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one text: parallel lists of code-point ``starts`` and ``ends``, and
    ``texts``, every token's text (made once per document and shared by the writers)."""

    text: str
    starts: list[int]
    ends: list[int]
    texts: list[str]

    @classmethod
    def of(cls, text: str, spans: Sequence[tuple[int, int]]) -> Tokens:
        """Tokens from ``(start, end)`` pairs."""
        return cls(text, [s for s, _ in spans], [e for _, e in spans],
                   [text[s:e] for s, e in spans])

    def __len__(self) -> int:
        return len(self.starts)

    def lists(self) -> tuple[list[int], list[int], list[str]]:
        """``(starts, ends, texts)``."""
        return self.starts, self.ends, self.texts

    def surface(self, i: int) -> str:
        """The text of token ``i``."""
        return self.texts[i]

    def surfaces(self, first: int = 0, last: int | None = None) -> list[str]:
        """The texts of tokens ``first`` to ``last`` (exclusive)."""
        return self.texts[first:last]

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


def _gap_tokens(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append one token per visible grapheme cluster of ``text[start:end]``.

    A cluster is visible unless its first character is whitespace, a joiner, a bidi mark,
    ZWSP or BOM (a cluster that starts visible is never all invisible).
    """
    if text[start:end].isspace():
        return  # spaces only: each cluster is whitespace (the common gap)
    for match in _CLUSTER.finditer(text, start, end):
        if not is_edge_junk(text[match.start()]):
            out.append(match.span())


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Token spans by the definition: the core's words, and the visible grapheme clusters
    of the text between them (each cluster matched inside its gap)."""
    out: list[tuple[int, int]] = []
    position = 0
    for w_start, w_end in words(text):
        if w_start > position:
            _gap_tokens(text, position, w_start, out)
        out.append((w_start, w_end))
        position = w_end
    if position < len(text):
        _gap_tokens(text, position, len(text), out)
    return out


def lexicon_for(text: str, names: Iterable[str]) -> NameLexicon:
    """The evidence for proclitic splitting in one document: known ``names`` and its words."""
    return NameLexicon.from_texts([text], names=names)


def _split_proclitics(
    text: str, spans: list[tuple[int, int]], lexicon: NameLexicon | None
) -> list[tuple[int, int]]:
    """Cut every word token after its proclitics where :func:`snap_to_name` says so.

    Word tokens are the ones that start with a letter or digit (a token between words
    never does: every letter and digit belongs to a word)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        is_word = _WORD_START.match(text, start) is not None
        cut = snap_to_name(text, start, end, lexicon)[0] if is_word else start
        if start < cut < end:
            out.append((start, cut))
            out.append((cut, end))
        else:
            out.append((start, end))
    return out


def _token_lists(text: str) -> tuple[list[int], list[int], list[str]]:
    """``(starts, ends, texts)`` of the tokens of ``text``, by the fastest exact path."""
    return token_lists(text, reference_spans)


def tokenize(
    text: str, split_proclitics: bool = False, lexicon: NameLexicon | None = None
) -> Tokens:
    """Tokenize ``text`` by the rules of this module (offsets are code points).

    The text is cut at its spaces (:func:`~annotator.core.exports.plain_text.token_lists`):
    plain parts take the fast path, and only the parts around a character that is not
    plain go through :func:`reference_spans`. Every path gives the same tokens.
    """
    starts, ends, texts = _token_lists(text)
    if not split_proclitics:
        return Tokens(text, starts, ends, texts)
    spans = _split_proclitics(text, list(zip(starts, ends, strict=True)), lexicon)
    return Tokens.of(text, spans)


def sentence_breaks(tokens: Tokens) -> list[int]:
    """Token indexes where a sentence starts (always begins with 0 for a non-empty list).

    A sentence starts after a token that is one of :data:`SENTENCE_END`, and after a gap
    holding a line break. Found by scanning the text for those characters, not the tokens.
    """
    n = len(tokens)
    if not n:
        return []
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    found: set[int] = set()
    if n > 1:
        # A text without any end mark (asked with ``in``, a plain search much cheaper than
        # the character class's scan) or line break is one sentence.
        if any(mark in text for mark in SENTENCE_END):
            for match in _SENTENCE_END_CHAR.finditer(text, starts[0], ends[n - 2]):
                at = match.start()
                i = bisect_left(starts, at)
                if starts[i] == at and ends[i] == at + 1:
                    found.add(i + 1)
        # No token holds a line break (it is a cluster of its own and invisible), so the
        # token after a line break is the first one starting beyond it.
        if "\n" in text:
            for match in _NEWLINE.finditer(text, ends[0], starts[n - 1]):
                found.add(bisect_right(starts, match.start()))
    return [0, *sorted(found)]


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
