"""How the links panel lists the open document's links, without Qt.

:func:`link_rows` gives the four groups (quotes, events, stances, suggested quotes) with one row
per link: its owner id (``q1``, ``v2``, ``s3``, ``g0``) and a line naming what it connects
(the speaker, holder, target and arguments with their labels). :func:`other_link_rows`
adds the quotes, events and stances of the other annotators' layers shown, read-only: their
rows name the annotator and carry no owner (nothing of another layer can be selected).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import AUTHOR
from annotator.core.schema import Schema
from annotator.ui.i18n import noop, translate
from annotator.ui.row_text import count, doc_text, isolate, preview
from annotator.ui.session.choices import UNKNOWN, entity_text
from annotator.ui.session.session import DocumentSession

GROUPS = (("q", noop("Links", "Quotes")), ("v", noop("Links", "Events")),
          ("s", noop("Links", "Stances")), ("g", noop("Links", "Suggested Quotes")))


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One listed link."""

    owner: str
    text: str
    annotator: str = ""
    """Another annotator's name for a read-only row of their layer ("" for yours)."""


def quote_text(content: str) -> str:
    """A quote's words between « and », as the document shows them (the marks inside the
    isolate, so they stay on their sides of the Arabic)."""
    return f"«{preview(content)}»"


def _who(session: DocumentSession, entity_id: str | None) -> str:
    if entity_id == AUTHOR:
        return "AUTHOR"
    return entity_text(session, entity_id) if entity_id else translate("Choices", UNKNOWN)


def link_rows(session: DocumentSession, schema: Schema) -> dict[str, list[LinkRow]]:
    """The rows of each group (keys ``q``, ``v``, ``s``, ``g``), in document order."""
    links, text = session.links, session.text
    rows: dict[str, list[LinkRow]] = {kind: [] for kind, _ in GROUPS}
    for key, quote in links.quotes.items():
        rows["q"].append(LinkRow(f"q{key}", f"{isolate(quote_text(quote.content.slice(text)))} — "
                                            f"{_who(session, quote.speaker)}"))
    for key, event in links.events.items():
        rows["v"].append(LinkRow(f"v{key}", f"{event.type}: {doc_text(event.trigger.slice(text))}"
                                            f" ({count(len(event.arguments), 'argument')})"))
    topics = schema.topics
    for key, stance in links.stances.items():
        target = stance.target
        if target.topic is not None:
            aim = isolate(topics[target.topic].label if target.topic in topics
                              else target.topic)
        elif target.entity is not None:
            aim = entity_text(session, target.entity)
        else:
            trigger = links.events.get(str(target.event))
            aim = (f"{trigger.type}: {doc_text(trigger.trigger.slice(text))}"
                   if trigger is not None else "event")
        rows["s"].append(LinkRow(f"s{key}",
                                 f"{_who(session, stance.holder)} → {aim}: {stance.label}"))
    for n, suggestion in enumerate(session.suggestions):
        rows["g"].append(LinkRow(f"g{n}", isolate(quote_text(suggestion.content.slice(text)))))
    return rows


def other_link_rows(session: DocumentSession, schema: Schema) -> dict[str, list[LinkRow]]:
    """The read-only rows of the other layers shown (keys ``q``, ``v``, ``s``), each
    starting with the annotator's name; their speakers, holders and targets are read in
    that layer."""
    rows: dict[str, list[LinkRow]] = {kind: [] for kind, _ in GROUPS}
    for layer in session.others.shown.values():
        view = DocumentSession()
        view.text, view.entities, view.links = session.text, layer.entities, layer.links
        for kind, found in link_rows(view, schema).items():
            rows[kind].extend(LinkRow("", f"{isolate(layer.name)} · {row.text}", layer.name)
                              for row in found)
    return rows
