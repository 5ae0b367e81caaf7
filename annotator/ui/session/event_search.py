"""Finding an event type by typing: the ranking behind the event type picker, without Qt.

Every word typed must occur in the subtype, its type or its description (English or the
Arabic gloss, compared folded, so ``هجوم`` finds Conflict:Attack and ``attack`` too). The best
matches come first (:func:`match_rank`): subtypes that begin with the query, then types that
do, then names that contain it, then descriptions; ties keep the schema's order
(:func:`ranked_types`).
"""

from __future__ import annotations

from annotator.core.schema import Schema
from annotator.core.text import fold_text
from annotator.ui.row_text import is_rtl_text, isolate

RANK_SUBTYPE_PREFIX = 0
RANK_TYPE_PREFIX = 1
RANK_NAME = 2
RANK_DESCRIPTION = 3


def _folded(text: str) -> str:
    return fold_text(text).casefold()


def type_matches(query: str, name: str, description: str) -> bool:
    """Whether every word of ``query`` occurs in the type name or its description (folded)."""
    return match_rank(query, name, description) is not None


def match_rank(query: str, name: str, description: str) -> int | None:
    """How well ``query`` matches the event type ``name`` (``Type:Subtype``), lower is
    better; None when it does not match (see :func:`type_matches`).

    ``RANK_SUBTYPE_PREFIX``: the subtype begins with the query (``att`` → Conflict:Attack);
    ``RANK_TYPE_PREFIX``: the type or the whole name does (``con`` → Contact:Meet,
    ``justice:sent`` → Justice:Sentence); ``RANK_NAME``: every word occurs in the name;
    ``RANK_DESCRIPTION``: some word only in the description (English or the Arabic gloss).
    An empty query matches everything equally."""
    words = [_folded(word) for word in query.split()]
    if not words:
        return RANK_SUBTYPE_PREFIX
    full = _folded(name)
    spaced = full.replace(":", " ")
    kind, _, subtype = full.partition(":")
    phrase = " ".join(words)
    if subtype.startswith(phrase):
        return RANK_SUBTYPE_PREFIX
    if kind.startswith(phrase) or full.startswith(phrase) or spaced.startswith(phrase):
        return RANK_TYPE_PREFIX
    if all(word in full or word in spaced for word in words):
        return RANK_NAME
    haystack = f"{full} {spaced} {_folded(description)}"
    if all(word in haystack for word in words):
        return RANK_DESCRIPTION
    return None


def ranked_types(schema: Schema, query: str) -> list[str]:
    """The schema's event types matching ``query``, best first (ties in schema order)."""
    ranked: list[tuple[int, int, str]] = []
    for order, event_type in enumerate(schema.event_types.values()):
        rank = match_rank(query, event_type.name, event_type.description)
        if rank is not None:
            ranked.append((rank, order, event_type.name))
    return [name for _rank, _order, name in sorted(ranked)]


def arabic_gloss(description: str) -> str:
    """The Arabic gloss of an event type's description (what follows its last dash:
    ``"A violent physical act … — هجوم"`` gives ``هجوم``); empty when there is none."""
    gloss = description.rpartition(" — ")[2].strip() if " — " in description else ""
    return gloss if is_rtl_text(gloss) else ""


def type_row(name: str, description: str) -> str:
    """A row of the event picker: the English name, then the Arabic gloss (isolated)."""
    gloss = arabic_gloss(description)
    return f"{name}  {isolate(gloss)}" if gloss else name
