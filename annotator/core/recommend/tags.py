"""Spans to token tags and back, for the recommender.

* Training: each span (an entity, or an event trigger labelled with its event type) covers
  the tokens it overlaps (``موسكو`` inside the token ``وموسكو`` tags that token), and goes to a
  nesting level the way the token exports do (:func:`annotator.core.exports.tagging.assign_levels`:
  level 1 holds the outermost spans, a nested span sits one level below the one containing
  it). Each level is one IOB2 tag sequence and has its own model.
* Suggesting: a run ``B-X I-X ...`` of predicted tags is a token range, mapped back to code
  points and settled like the pre-annotation settles its matches: on grapheme boundaries
  with the edge rule (docs/ARABIC.md, Span edges), whole words, and attached proclitics left
  outside by the core's clitic rule (:func:`annotator.core.text.snap_to_name`), so a
  suggestion never splits a grapheme and never holds a proclitic the rule would drop. A
  word the training data cut after its proclitics (``وزار`` with the trigger ``زار``) is cut
  the same way (:func:`proclitic_cuts`), whatever the rule's evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from annotator.core.exports.tagging import OUTSIDE, TokenSpan, assign_levels
from annotator.core.exports.tokens import Tokens
from annotator.core.model import Entity
from annotator.core.text import NameLexicon, fold_text, snap_to_name, span_problem
from annotator.core.text.chars import PROCLITICS
from annotator.core.text.words import word_at

Labelled = tuple[int, int, str]
"""``(start, end, label)`` in code points (end-exclusive)."""


def level_tags(tokens: Tokens, spans: Iterable[Labelled], max_levels: int) -> list[list[str]]:
    """IOB2 tags of ``tokens`` for ``spans``, one list per nesting level (at most
    ``max_levels``; deeper spans are left out). Spans covering no token are skipped, and
    two spans on the same tokens with the same label count once."""
    placed: list[TokenSpan] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, label in spans:
        covered = tokens.cover(start, end)
        if covered is None or (*covered, label) in seen:
            continue
        seen.add((*covered, label))
        placed.append(TokenSpan(Entity("", start, end, label), *covered))
    assign_levels(placed)
    n = len(tokens)
    rows = [[OUTSIDE] * n for _ in range(max_levels)]
    for span in placed:
        if span.level > max_levels:
            continue
        row = rows[span.level - 1]
        row[span.first] = "B-" + span.entity.label
        for k in range(span.first + 1, span.last):
            row[k] = "I-" + span.entity.label
    return rows


def tag_runs(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(first, last, label)`` of the IOB2 runs in ``tags`` (an ``I-X`` after
    ``O`` or another label starts a run, as conlleval reads it)."""
    runs: list[tuple[int, int, str]] = []
    first, label = -1, ""
    for i, tag in enumerate([*tags, OUTSIDE]):
        kind, _, name = tag.partition("-")
        continues = kind == "I" and name == label and first >= 0
        if first >= 0 and not continues:
            runs.append((first, i, label))
            first, label = -1, ""
        if kind in ("B", "I") and not continues:
            first, label = i, name
    return runs


def proclitic_cuts(tokens: Tokens, spans: Iterable[Labelled]) -> dict[str, int]:
    """``{folded word: cut}`` for every span that starts after the first letters of its
    token, when those letters are proclitics (``وزار`` -> 1: the span is ``زار``)."""
    cuts: dict[str, int] = {}
    for start, _end, _label in spans:
        covered = tokens.cover(start, start + 1)
        if covered is None:
            continue
        token_start = tokens.starts[covered[0]]
        head = tokens.text[token_start:start]
        if head and len(head) <= 2 and all(ch in PROCLITICS for ch in head):
            cuts[fold_text(tokens.texts[covered[0]])] = len(head)
    return cuts


def settle_suggestion(text: str, start: int, end: int, lexicon: NameLexicon | None,
                      cuts: Mapping[str, int] | None = None) -> tuple[int, int] | None:
    """A predicted span settled on boundaries with proclitics left outside, or None when
    nothing valid is left. A first word that training saw cut (``cuts``) is cut the same
    way; otherwise the clitic rule decides on its evidence."""
    start, end = snap_to_name(text, start, end, lexicon)
    first = word_at(text, start) if cuts and start < end else None
    if cuts and first is not None and first[0] == start:  # snapping kept the whole word
        cut = cuts.get(fold_text(text[first[0]:first[1]]), 0)
        if 0 < cut < min(first[1], end) - start:
            start += cut
    if start >= end or span_problem(text, start, end) is not None:
        return None
    return start, end


def spans_from_tags(tokens: Tokens, tags: Sequence[str], lexicon: NameLexicon | None,
                    cuts: Mapping[str, int] | None = None) -> list[Labelled]:
    """The settled code-point spans of the runs of ``tags``."""
    out: list[Labelled] = []
    for first, last, label in tag_runs(tags):
        settled = settle_suggestion(tokens.text, tokens.starts[first], tokens.ends[last - 1],
                                    lexicon, cuts)
        if settled is not None:
            out.append((*settled, label))
    return out
