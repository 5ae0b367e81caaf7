"""How the links panel writes entities and which ones its combo boxes offer.

Combo boxes list *nearby* entities (within :data:`NEARBY` characters of a link), so a
20,000-entity document never fills a combo box with all of them.
"""

from __future__ import annotations

from annotator.ui.workbench import Workbench

NEARBY = 2500
"""Entities within this many characters of a link are offered in its combo boxes."""
PREVIEW = 48
UNKNOWN = "— unknown —"


def preview(text: str) -> str:
    """``text`` cut to :data:`PREVIEW` characters (with an ellipsis when cut)."""
    return text if len(text) <= PREVIEW else text[:PREVIEW - 1] + "…"


def entity_text(wb: Workbench, entity_id: str) -> str:
    """An entity as shown in lists: its words and label; :data:`UNKNOWN` for no entity."""
    entity = wb.entities.get(entity_id)
    if entity is None:
        return UNKNOWN
    return f"{preview(wb.text[entity.start:entity.end])} ({entity.label})"


def nearby(wb: Workbench, centre: int, labels: tuple[str, ...] = ()) -> list[str]:
    """Ids of entities near ``centre`` (of ``labels`` when given), in text order."""
    found = [e for e in wb.entities.values()
             if abs(e.start - centre) <= NEARBY and (not labels or e.label in labels)]
    return [e.id for e in sorted(found, key=lambda e: (e.start, -e.end))]
