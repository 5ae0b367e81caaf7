"""How lists write entities, and which entities a list of choices offers.

Choices list *nearby* entities (within :data:`NEARBY` characters of a link), so a
20,000-entity document never fills a list with all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.ui.session.session import DocumentSession

NEARBY = 2500
"""Entities within this many characters of a link are offered as its choices."""
PREVIEW = 48
UNKNOWN = "— unknown —"


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of a list of choices: what it shows, what choosing it means, and a longer
    description (the row's tooltip; the text itself when empty)."""

    text: str
    data: str | None
    detail: str = ""


def preview(text: str) -> str:
    """``text`` cut to :data:`PREVIEW` characters (with an ellipsis when cut)."""
    return text if len(text) <= PREVIEW else text[:PREVIEW - 1] + "…"


def entity_text(session: DocumentSession, entity_id: str) -> str:
    """An entity as shown in lists: its words and label; :data:`UNKNOWN` for no entity."""
    entity = session.entities.get(entity_id)
    if entity is None:
        return UNKNOWN
    return f"{preview(session.text[entity.start:entity.end])} ({entity.label})"


def nearby(session: DocumentSession, centre: int, labels: tuple[str, ...] = ()) -> list[str]:
    """Ids of entities near ``centre`` (of ``labels`` when given), in text order."""
    found = [e for e in session.entities.values()
             if abs(e.start - centre) <= NEARBY and (not labels or e.label in labels)]
    return [e.id for e in sorted(found, key=lambda e: (e.start, -e.end))]
