"""The quotes, events and stances of the open document, and how the editor shows them.

:class:`DocumentLinks` is read from the project file with a few indexed queries per document
(never the 20,000 entities of a long document, which the workbench already holds: see
``Project.get_links``), with the row ids of event arguments, which
:class:`~annotator.core.model.Event` does not carry but removing one argument needs.

The editor knows spans by id. Entities keep their row id (``"17"``); the others get a prefix:

========  =====================================  ==========================================
prefix    span                                   owner (what selecting it selects)
========  =====================================  ==========================================
``q``     a quote's content                      the quote ``q<id>``
``k``     a quote's cue (the speech verb)        the quote ``q<id>``
``v``     an event's trigger                     the event ``v<id>``
``x``     a stance's evidence span               the stance ``s<id>``
``g``     a suggested quote's content            the suggestion ``g<n>``
``h``     a suggested quote's cue                the suggestion ``g<n>``
``m``     the recommender's suggested entity     the suggestion ``m<n>`` (issue 16)
``t``     the recommender's suggested trigger    the suggestion ``t<n>`` (issue 16)
========  =====================================  ==========================================

A stance (``s<id>``) has no span of its own unless its evidence is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import AUTHOR, Event, Quote, Stance
from annotator.core.store import Project
from annotator.core.store.records import EventArgumentRow
from annotator.core.suggest import SuggestedQuote

LINK_PREFIXES = ("q", "k", "v", "x", "g", "h", "s", "m", "t")


@dataclass(slots=True)
class DocumentLinks:
    """Quotes, events (with argument row ids), stances and labels of one document, by id."""

    quotes: dict[str, Quote] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    arguments: dict[str, list[EventArgumentRow]] = field(default_factory=dict)
    stances: dict[str, Stance] = field(default_factory=dict)
    labels: dict[str, Any] = field(default_factory=dict)


def load_links(project: Project, doc_id: int, layer: str | None = None) -> DocumentLinks:
    """Read the quotes, events, arguments, stances and document labels of ``doc_id`` (in
    ``layer``, default the user's own)."""
    record = project.get_links(doc_id, layer=layer)
    return DocumentLinks(quotes={q.id: q for q in record.quotes},
                         events={e.id: e for e in record.events},
                         arguments=record.arguments,
                         stances={s.id: s for s in record.stances},
                         labels=record.labels)


def owner_of(span_id: str) -> str | None:
    """The quote, event, stance or suggestion a link span belongs to; None for an entity."""
    if not span_id or span_id[0] not in LINK_PREFIXES:
        return None
    prefix, rest = span_id[0], span_id[1:]
    return {"k": "q", "x": "s", "h": "g"}.get(prefix, prefix) + rest


def connected(owner: str, links: DocumentLinks,
              suggestions: list[SuggestedQuote]) -> set[str]:
    """The span ids an owner connects (highlighted when it is selected)."""
    kind, key = owner[0], owner[1:]
    found: set[str] = set()
    if kind == "q" and key in links.quotes:
        quote = links.quotes[key]
        found |= {f"q{key}", f"k{key}"}
        if quote.speaker not in (None, AUTHOR):
            found.add(str(quote.speaker))
    elif kind == "v" and key in links.events:
        found.add(f"v{key}")
        found |= {a.entity for a in links.events[key].arguments}
    elif kind == "s" and key in links.stances:
        stance = links.stances[key]
        if stance.holder not in (None, AUTHOR):
            found.add(str(stance.holder))
        if stance.target.entity is not None:
            found.add(stance.target.entity)
        if stance.target.event is not None:
            found.add(f"v{stance.target.event}")
        if isinstance(stance.evidence, str):
            found |= {f"q{stance.evidence}", f"k{stance.evidence}"}
        elif stance.evidence is not None:
            found.add(f"x{key}")
    elif kind == "g" and key.isdecimal() and int(key) < len(suggestions):
        found |= {f"g{key}", f"h{key}"}
        speaker = suggestions[int(key)].speaker
        if speaker is not None:
            found.add(speaker)
    return found


def owners_touching(entity_id: str, links: DocumentLinks) -> set[str]:
    """The quotes, events and stances an entity takes part in (their links show strong when
    the entity is selected)."""
    found = {f"q{k}" for k, q in links.quotes.items() if q.speaker == entity_id}
    found |= {f"v{k}" for k, e in links.events.items()
              if any(a.entity == entity_id for a in e.arguments)}
    found |= {f"s{k}" for k, s in links.stances.items()
              if entity_id in (s.holder, s.target.entity)}
    return found
