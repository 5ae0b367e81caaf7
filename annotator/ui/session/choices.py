"""How lists write entities, and which entities a list of choices offers.

Choices list *nearby* entities (within :data:`NEARBY` characters of a link), so a
20,000-entity document never fills a list with all of them. A choice names its entity with
its label and a few words around it (:func:`entity_choice`), so two ``برلين (GPE)`` can be
told apart; its tooltip is the whole sentence. Document text in a row is isolated
(:mod:`annotator.ui.row_text`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.text.words import iter_words
from annotator.ui.i18n import noop, translate
from annotator.ui.row_text import ELLIPSIS, doc_text, isolate, preview
from annotator.ui.session.session import DocumentSession

NEARBY = 2500
"""Entities within this many characters of a link are offered as its choices."""
CONTEXT_WORDS = 3
"""Words shown on each side of an entity in a list of choices."""
UNKNOWN = noop("Choices", "— unknown —")
"""No speaker or holder (English; shown as ``translate("Choices", UNKNOWN)``)."""
_SENTENCE_ENDS = ".!?؟\n"

__all__ = ["NEARBY", "UNKNOWN", "Choice", "entity_choice", "entity_choices", "entity_text",
           "nearby", "preview", "sentence_of"]


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of a list of choices: what it shows, what choosing it means, and a longer
    description (the row's tooltip; the text itself when empty)."""

    text: str
    data: str | None
    detail: str = ""


def entity_text(session: DocumentSession, entity_id: str) -> str:
    """An entity as shown in lists: its words (isolated) and label; :data:`UNKNOWN` for no
    entity."""
    entity = session.entities.get(entity_id)
    if entity is None:
        return translate("Choices", UNKNOWN)
    return f"{doc_text(session.text[entity.start:entity.end])} ({entity.label})"


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``: from after the previous . ! ? ؟ or line break to
    the next one (included)."""
    left = max((text.rfind(mark, 0, start) for mark in _SENTENCE_ENDS), default=-1) + 1
    rights = [i for i in (text.find(mark, end) for mark in _SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    while left < start and text[left].isspace():
        left += 1
    return left, max(min(right, len(text)), end)


def _context(session: DocumentSession, start: int, end: int) -> str:
    """A few words of the sentence on each side of ``start:end`` (ellipses where cut)."""
    text = session.text
    s_start, s_end = sentence_of(text, start, end)
    lo, hi = max(s_start, start - 200), min(s_end, end + 200)
    tokens = iter_words(text, lo, hi)
    before = [t for t in tokens if t[1] <= start][-CONTEXT_WORDS:]
    after = [t for t in tokens if t[0] >= end][:CONTEXT_WORDS]
    left = before[0][0] if before else start
    right = after[-1][1] if after else end
    if right < s_end and text[right:right + 1] in "،,.؟?!:؛":
        right += 1
    shown = " ".join(text[left:right].split())
    return (ELLIPSIS if left > s_start else "") + shown + (ELLIPSIS if right < s_end - 1 else "")


def entity_choice(session: DocumentSession, entity_id: str, data: str | None = None) -> Choice:
    """The choice of an entity: ``برلين (GPE) — …وفي برلين أيضا، تظاهر…`` (its words and
    label, then the words around it), the sentence as tooltip; ``data`` defaults to the id."""
    entity = session.entities.get(entity_id)
    if entity is None:
        return Choice(translate("Choices", UNKNOWN), data if data is not None else entity_id)
    s_start, s_end = sentence_of(session.text, entity.start, entity.end)
    context = _context(session, entity.start, entity.end)
    return Choice(f"{entity_text(session, entity_id)} — {isolate(context)}",
                  data if data is not None else entity_id,
                  " ".join(session.text[s_start:s_end].split()))


def entity_choices(session: DocumentSession, ids: Iterable[str],
                   prefix: str = "") -> list[Choice]:
    """:func:`entity_choice` of each id, its data ``prefix + id``."""
    return [entity_choice(session, e, prefix + e) for e in ids]


def nearby(session: DocumentSession, centre: int, labels: tuple[str, ...] = ()) -> list[str]:
    """Ids of entities near ``centre`` (of ``labels`` when given), in text order."""
    found = [e for e in session.entities.values()
             if abs(e.start - centre) <= NEARBY and (not labels or e.label in labels)]
    return [e.id for e in sorted(found, key=lambda e: (e.start, -e.end))]
