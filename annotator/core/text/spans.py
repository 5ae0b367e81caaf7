"""Span validity and trimming (docs/ARABIC.md, Span edges).

A valid span is non-empty, inside the text, starts and ends on grapheme-cluster boundaries
and has no whitespace, ZWJ/ZWNJ, bidi mark/control, ZWSP or BOM at either edge.

One case needs care: ZWJ and ZWNJ are grapheme *extenders*, so in ``"ب\\u200c"`` the ZWNJ
belongs to the cluster of the letter. One half of the rule forbids the joiner at the edge,
the other forbids splitting the cluster. We resolve it in favour of the first: an end offset
that is followed, up to the next boundary, only by joiners counts as a cluster end (the
joiner adds no visible content). An emoji ZWJ sequence is still protected: there the joiner
is followed by another pictograph, so cutting before it is a split.
"""

from __future__ import annotations

from annotator.core.text.chars import JOINERS, is_edge_junk
from annotator.core.text.graphemes import (
    is_grapheme_boundary,
    may_join,
    next_boundary,
    prev_boundary,
)


def is_span_end(text: str, i: int) -> bool:
    """True if a span may end at ``i``: a cluster boundary, or only joiners up to the next one."""
    if is_grapheme_boundary(text, i):
        return True
    nxt = next_boundary(text, i)
    return all(ch in JOINERS for ch in text[i:nxt])


PLAIN_EDGE: set[str] = set()
"""Characters :func:`span_problem`'s cheap test has accepted at a span edge so far: no
UAX #29 rule joins them to a neighbour, and they are not whitespace or invisible marks. A
span inside its text whose two end characters are in this set and whose outer neighbours are
in ``graphemes.NO_JOIN`` is valid: the bulk import (canonical reader) asks these sets first,
and :func:`span_problem` (which teaches them) only when they cannot prove it."""


def span_problem(text: str, start: int, end: int) -> str | None:
    """Why ``[start, end)`` is not a valid annotation span of ``text``, or None if it is.

    The cheap test comes first: a span inside the text whose edges have no combining mark,
    joiner or other joining character on either side, and no whitespace or invisible mark
    at either end, is valid without walking grapheme clusters (most spans)."""
    n = len(text)
    if 0 <= start < end <= n:
        first, last = text[start], text[end - 1]
        if ((start == 0 or not (may_join(text[start - 1]) or may_join(first)))
                and (end == n or not (may_join(last) or may_join(text[end])))
                and not is_edge_junk(first) and not is_edge_junk(last)):
            PLAIN_EDGE.add(first)
            PLAIN_EDGE.add(last)
            return None
    if start < 0 or end < 0 or start > n or end > n:
        return f"span [{start}, {end}) is out of range (text length {n})"
    if start > end:
        return f"span start {start} is after its end {end}"
    if start == end:
        return f"span [{start}, {end}) is empty"
    if not is_grapheme_boundary(text, start):
        return f"span start {start} splits a character from its marks (inside a grapheme cluster)"
    if not is_span_end(text, end):
        return f"span end {end} splits a character from its marks (inside a grapheme cluster)"
    for edge, ch in (("start", text[start]), ("end", text[end - 1])):
        if ch.isspace():
            return f"span {edge} is whitespace (U+{ord(ch):04X})"
        if is_edge_junk(ch):
            return f"span {edge} is an invisible joiner or bidi mark (U+{ord(ch):04X})"
    return None


def settle_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to grapheme boundaries, then trim it, keeping both halves of the rule.

    The edges first move outward to cluster boundaries, then inward past edge junk (the two
    halves of docs/ARABIC.md, Span edges). A cluster that *starts* with junk (a space carrying
    a stray mark) cannot be an edge, so it is dropped whole; the loop ends when both halves
    hold or the span is empty.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is not inside a text of length {len(text)}")
    if start < len(text) and not is_grapheme_boundary(text, start):
        start = prev_boundary(text, start)
    if not is_span_end(text, end):
        end = next_boundary(text, end)
    while True:
        start, end = trim_span(text, start, end)
        if start == end:
            return start, start
        if not is_grapheme_boundary(text, start):
            start = min(next_boundary(text, start), end)
        elif not is_span_end(text, end):
            end = max(prev_boundary(text, end), start)
        else:
            return start, end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Move both edges inward past whitespace, joiners, bidi marks/controls, ZWSP and BOM.

    Returns ``(start, end)``; ``start == end`` when nothing visible is left. Raises
    ValueError for a span outside the text or with ``start > end``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is not inside a text of length {len(text)}")
    while start < end and is_edge_junk(text[start]):
        start += 1
    while end > start and is_edge_junk(text[end - 1]):
        end -= 1
    if start == end:
        return start, start
    return start, end


QUOTE_MARKS = "«»“”„‟‹›‘’\"'"
"""Quotation marks: never at the edge of quote content."""
QUOTE_OUTER_PUNCTUATION = "،.؛:؟!,;?"
"""Punctuation that sits just outside the marks (``»،``, ``”.``, ``قال:``)."""
QUOTE_EDGE = QUOTE_MARKS + QUOTE_OUTER_PUNCTUATION


def trim_quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Quote content for a selection: settled like any span (:func:`settle_span`), then its
    edges move inward past quotation marks and the punctuation outside them, whole clusters at
    a time, so a selection over ``«...»،`` becomes what is inside the marks. Marks and commas
    inside the content stay. ``start == end`` when nothing but marks was selected.
    """
    start, end = settle_span(text, start, end)
    while start < end:
        last = prev_boundary(text, end)
        if text[start] in QUOTE_EDGE:
            start = min(next_boundary(text, start), end)
        elif text[last] in QUOTE_EDGE:
            end = max(last, start)
        else:
            return start, end
        start, end = settle_span(text, start, end)
    return start, start
