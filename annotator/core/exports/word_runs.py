"""Runs of plain words: the token formats' fast path (hf-tokens, conll, conll-flat).

Most of a news document is words of plain letters, marks and digits separated by single
spaces. Such a *run* needs no per-token work: its tokens are its space-separated words, so
conll's lines are one ``str.replace`` (``run.replace(" ", " O\\n")``), hf-tokens' token list
another, and its tag lists a string repeated. :func:`compact_tokens` cuts a text into
*entries*: runs (several tokens, all with the same tags but for a ``B-`` on the first) and
single tokens (everything that is not a run, tokenized by the shared tokenizer), so that the
shared alignment, levels, sentence units and IOB tags (:mod:`.tagging`, :mod:`.tokens`) run on
about one entry per ten tokens and give the same result as on the tokens:

* A run is a match of :data:`RUN`: words that start with a letter or digit and hold only
  plain word characters (:mod:`.plain_text`), one space between two, with a space or an end
  of the text on both sides. Each of its words is one token of the reference tokenization
  (a word never holds a space; the core's word regex cannot join it to anything across a
  space), and what lies between two runs starts and ends at such a space, so it tokenizes
  alone exactly as inside the whole text (``tests/exports/test_word_runs.py`` checks both
  paths against each other on generated texts).
* Every entity edge inside a run cuts it: at the space it touches, or around the word it
  falls inside (that word becomes a single token). So no edge lies strictly inside an entry,
  and counting entries instead of tokens keeps every comparison the alignment makes
  (``bisect`` over ends and starts, the exact-edge tests, overlaps, duplicates): the map from
  tokens to entries is monotone.
* A run holds no end mark nor line break, so every sentence break falls between entries.

The writers expand each entry with :func:`conll_lines` (conll) or :func:`json_tokens` and
:func:`json_tags` (hf-tokens): ``B-X`` on a run's first token, ``I-X`` on the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from annotator.core.exports.plain_text import (
    MARKS,
    PLAIN_TOKEN,
    WORD_STARTS,
    char_class,
    is_plain,
    token_lists,
)
from annotator.core.exports.tokens import Tokens, reference_spans

_S = char_class(WORD_STARTS)
_B = char_class(WORD_STARTS + MARKS)
RUN = re.compile(rf"(?<![^ ])[{_S}][{_B}]*(?: [{_S}][{_B}]*)*(?= |\Z)")
"""Plain words with one space between two, a space or an end of the text on both sides."""


def compact_tokens(text: str, edges: Sequence[int]) -> tuple[Tokens, list[int]]:
    """The entries of ``text`` (see the module docstring) as a :class:`Tokens` whose items
    are single tokens or runs, and how many tokens each holds.

    ``edges`` are the code-point offsets (sorted) no run may hold strictly inside: entity
    starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    counts: list[int] = []
    done = 0
    for match in RUN.finditer(text):
        at, stop = match.span()
        if at > done:
            _gap(text, done, at, starts, ends, texts, counts)
        low = bisect_right(edges, at)
        high = bisect_left(edges, stop, low)
        if low == high:
            run = match.group()
            starts.append(at)
            ends.append(stop)
            texts.append(run)
            counts.append(run.count(" ") + 1)
        else:
            _cut_run(match.group(), at, edges[low:high], starts, ends, texts, counts)
        done = stop
    if done < len(text):
        _gap(text, done, len(text), starts, ends, texts, counts)
    return Tokens(text, starts, ends, texts), counts


def _gap(text: str, begin: int, end: int, starts: list[int], ends: list[int],
         texts: list[str], counts: list[int]) -> None:
    """The tokens of ``text[begin:end]`` (between runs), one entry each."""
    piece = text[begin:end]
    if piece == " ":
        return
    found = _gap_tokens(piece) if len(piece) <= _SHORT_GAP else _tokens(piece)
    for s, e, t in found:
        starts.append(begin + s)
        ends.append(begin + e)
        texts.append(t)
        counts.append(1)


def _tokens(piece: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of the tokens of ``piece``: on plain text one stdlib regex
    (:data:`~.plain_text.PLAIN_TOKEN`: a word or one punctuation character; 5 times
    cheaper on a short piece than :func:`~.plain_text.token_lists`), else the shared
    tokenizer."""
    if is_plain(piece):
        return [(m.start(), m.end(), m.group()) for m in PLAIN_TOKEN.finditer(piece)]
    return list(zip(*token_lists(piece, reference_spans), strict=True))


_SHORT_GAP = 48
_gap_tokens = lru_cache(maxsize=4096)(_tokens)
"""The tokens of a short gap, kept: the same few gaps (an emoji between spaces, ``" 12: "``)
come back in document after document, and the reference path costs about 50 µs each."""


def _cut_run(run: str, offset: int, cuts: Sequence[int], starts: list[int], ends: list[int],
             texts: list[str], counts: list[int]) -> None:
    """``run`` (starting at ``offset``) as entries, cut at each of ``cuts`` (offsets strictly
    inside it, sorted): at the space a cut touches, or around the word it falls inside."""
    bounds: list[int] = []  # (first, last) of every part, flattened, in the run
    position = 0  # where the part not yet written starts, in the run
    for cut in cuts:
        at = cut - offset
        if at < position:
            continue  # inside a word already written alone
        if run[at] == " ":
            bounds += (position, at)
            position = at + 1
        elif run[at - 1] == " ":
            bounds += (position, at - 1)
            position = at
        else:  # inside a word: the word alone
            word = run.rfind(" ", 0, at) + 1
            after = run.find(" ", at)
            if after < 0:
                after = len(run)
            bounds += (position, word - 1, word, after)
            position = after + 1
    bounds += (position, len(run))
    for k in range(0, len(bounds), 2):
        first, last = bounds[k], bounds[k + 1]
        if last > first:
            part = run[first:last]
            starts.append(offset + first)
            ends.append(offset + last)
            texts.append(part)
            counts.append(part.count(" ") + 1)


def inside(tag: str) -> str:
    """The tag of a run's tokens after its first: ``I-X`` for ``B-X``, else ``tag``."""
    return "I-" + tag[2:] if tag[:1] == "B" else tag


def conll_lines(texts: Sequence[str], counts: Sequence[int],
                tags: Sequence[tuple[str, ...]], first: int, last: int) -> str:
    """conll's lines of entries ``[first, last)``: each token ``text tag tag...\\n``, with
    an entry's ``tags`` (one per level; its first token's)."""
    out: list[str] = []
    for text, count, row in zip(texts[first:last], counts[first:last], tags[first:last],
                                strict=True):
        suffix = " ".join(row)
        if count == 1:
            out.append(f"{text} {suffix}\n")
            continue
        rest = f" {' '.join(map(inside, row))}\n" if "B-" in suffix else f" {suffix}\n"
        head = text.find(" ")
        out.append(f"{text[:head]} {suffix}\n{text[head + 1:].replace(' ', rest)}{rest}")
    return "".join(out)


def json_tokens(texts: Sequence[str], counts: Sequence[int], first: int, last: int) -> str:
    """The items of hf-tokens' ``tokens`` list for entries ``[first, last)``, as JSON
    without the brackets, for tokens that need no escape."""
    return '"' + '", "'.join([text if count == 1 else text.replace(" ", '", "')
                              for text, count in zip(texts[first:last], counts[first:last],
                                                     strict=True)]) + '"'


def json_tags(row: Sequence[str], counts: Sequence[int], first: int, last: int) -> str:
    """The items of one tag list for entries ``[first, last)`` (as :func:`json_tokens`)."""
    tags = row[first:last]
    if tags.count("O") == len(tags):  # a level with nothing in this record: all ``O``
        return '"O", ' * (sum(counts[first:last]) - 1) + '"O"'
    out: list[str] = []
    for tag, count in zip(tags, counts[first:last], strict=True):
        if count == 1:
            out.append(tag)
        elif tag[0] == "B":
            out.append(tag + ('", "I-' + tag[2:]) * (count - 1))
        else:
            out.append(tag + ('", "' + tag) * (count - 1))
    return '"' + '", "'.join(out) + '"'
