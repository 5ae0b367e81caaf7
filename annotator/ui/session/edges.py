"""Moving one edge of a span by a grapheme or a word, and choosing a new span's edges.

Plain Python over the core's text functions (no Qt), so the rules are easy to test.

Directions are *logical*: ``+1`` moves an edge towards the reading end of the text (for
Arabic: leftwards on screen), ``-1`` towards the reading start (rightwards). An edge never
stops on whitespace, a joiner or a bidi mark nor inside a grapheme cluster (docs/ARABIC.md,
Span edges): it keeps moving in the same direction until it reaches a valid place, or gives
up. Callers may name more characters an edge must not rest next to (quotation marks for the
words of a quote and its cue).
"""

from __future__ import annotations

from typing import Literal

from annotator.core.text import (
    NameLexicon,
    is_edge_junk,
    next_boundary,
    prev_boundary,
    settle_span,
    snap_to_name,
    span_problem,
)
from annotator.core.text.words import iter_words

Edge = Literal["start", "end"]
Unit = Literal["grapheme", "word"]


def _step_grapheme(text: str, i: int, direction: int) -> int | None:
    if direction > 0:
        return next_boundary(text, i) if i < len(text) else None
    return prev_boundary(text, i) if i > 0 else None


def step_word(text: str, i: int, direction: int, edge: Edge) -> int | None:
    """The nearest word start (for a start edge) or word end (for an end edge) strictly
    beyond ``i`` in ``direction``. Looks at a window around ``i`` that doubles until the
    answer cannot be an artefact of the window cutting a word (long texts stay fast)."""
    window = 256
    while True:
        lo, hi = max(0, i - window), min(len(text), i + window)
        tokens = iter_words(text, lo, hi)
        marks = [s for s, _ in tokens] if edge == "start" else [e for _, e in tokens]
        found: int | None
        if direction > 0:
            later = [m for m in marks if m > i]
            found = later[0] if later else None
        else:
            earlier = [m for m in marks if m < i]
            found = earlier[-1] if earlier else None
        cut = (found is None and (lo > 0 if direction < 0 else hi < len(text))) or (
            found is not None and ((found == lo and lo > 0) or (found == hi and hi < len(text))))
        if not cut or (lo == 0 and hi == len(text)):
            return found
        window *= 2


def _edge_ok(text: str, i: int, edge: Edge, avoid: str = "") -> bool:
    """Whether an edge may rest at ``i`` (ignoring the other edge): the character inside the
    span next to it is no whitespace, joiner, bidi mark nor one of ``avoid``."""
    inner = i if edge == "start" else i - 1
    if not 0 <= inner < len(text):
        return False
    char = text[inner]
    return not (char.isspace() or is_edge_junk(char) or char in avoid)


def moved_span(text: str, start: int, end: int, edge: Edge, direction: int,
               unit: Unit = "grapheme", avoid: str = "") -> tuple[int, int] | None:
    """``(start, end)`` after moving ``edge`` one ``unit`` in ``direction`` (+1 towards the
    reading end, -1 towards the reading start), or None when it cannot move (text edge, or
    the span would become empty or invalid). The edge passes over characters of ``avoid``
    as it passes over whitespace."""
    position = start if edge == "start" else end
    while True:
        step = (step_word(text, position, direction, edge) if unit == "word"
                else _step_grapheme(text, position, direction))
        if step is None:
            return None
        position = step
        if _edge_ok(text, position, edge, avoid):
            break
    new_start, new_end = (position, end) if edge == "start" else (start, position)
    if new_start >= new_end or span_problem(text, new_start, new_end) is not None:
        return None
    return new_start, new_end


def labelled_span(text: str, start: int, end: int, *, character_mode: bool,
                  lexicon: NameLexicon | None) -> tuple[int, int] | None:
    """The span to annotate for a selection ``[start, end)``: snapped to a name without
    attached proclitics (docs/ARABIC.md, Proclitics), or in character mode only settled on
    grapheme boundaries and trimmed of whitespace, joiners and bidi marks (docs/ARABIC.md, Span
    edges). None when nothing is left."""
    if character_mode:
        new_start, new_end = settle_span(text, start, end)
    else:
        new_start, new_end = snap_to_name(text, start, end, lexicon)
    if new_start >= new_end or span_problem(text, new_start, new_end) is not None:
        return None
    return new_start, new_end
