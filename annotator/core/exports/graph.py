"""A record's annotations as labelled spans and relations, for span formats (doccano,
Label Studio).

* entities: one span each, labelled with the entity label;
* quotes: a ``Quote`` span (content) and a ``Cue`` span, a ``speaker`` relation from the
  quote to its speaker entity and a ``cue`` relation from the quote to its cue;
* events: a trigger span labelled with the event type (``Conflict:Attack``) and one relation
  per argument, from the trigger to the entity, typed with the role;
* stances have no span form here (their target can be a topic) and are skipped with a
  reason; ``--format stance`` exports them.

A relation whose other end is not in the export (an ``AUTHOR`` speaker, an entity left out
by ``--layers``) is skipped and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.exports.report import ExportReport
from annotator.core.exports.tagging import where
from annotator.core.model import AUTHOR, DocumentRecord

QUOTE_LABEL = "Quote"
CUE_LABEL = "Cue"
SPEAKER = "speaker"
CUE = "cue"
AUTHOR_SPEAKER = "quote speaker is the author (no span to point at)"
NOT_EXPORTED = "relation to an entity that is not exported (see --layers)"
STANCE_NO_FORM = "stance has no form in this format (use --format stance)"


@dataclass(frozen=True, slots=True)
class SpanItem:
    """A labelled span; ``key`` is unique in its document (``e12``, ``q3``, ``c3``, ``v5``)."""

    key: str
    start: int
    end: int
    label: str
    layer: str


@dataclass(frozen=True, slots=True)
class RelationItem:
    """A typed, directed link between two span keys."""

    source: str
    target: str
    type: str


def span_graph(
    record: DocumentRecord, layers: frozenset[str], report: ExportReport, split: str
) -> tuple[list[SpanItem], list[RelationItem]]:
    """The spans and relations of ``record`` for ``layers``; counts go to ``report``."""
    spans: list[SpanItem] = []
    relations: list[RelationItem] = []
    entity_keys: set[str] = set()
    if "entities" in layers:
        for entity in record.entities:
            key = "e" + entity.id
            spans.append(SpanItem(key, entity.start, entity.end, entity.label, "entities"))
            entity_keys.add(key)
            report.count_span(split, "entities", entity.label)
    if "quotes" in layers:
        for quote in record.quotes:
            key = "q" + quote.id
            spans.append(SpanItem(key, quote.content.start, quote.content.end, QUOTE_LABEL,
                                  "quotes"))
            report.count_span(split, "quotes", quote.kind)
            if quote.cue is not None:
                spans.append(SpanItem("c" + quote.id, quote.cue.start, quote.cue.end,
                                      CUE_LABEL, "quotes"))
                relations.append(RelationItem(key, "c" + quote.id, CUE))
            here = where(record, quote.content.start, quote.content.end)
            if quote.speaker == AUTHOR:
                report.skip(AUTHOR_SPEAKER, here)
            elif quote.speaker is not None:
                if "e" + quote.speaker in entity_keys:
                    relations.append(RelationItem(key, "e" + quote.speaker, SPEAKER))
                else:
                    report.skip(NOT_EXPORTED, here)
    if "events" in layers:
        for event in record.events:
            key = "v" + event.id
            spans.append(SpanItem(key, event.trigger.start, event.trigger.end, event.type,
                                  "events"))
            report.count_span(split, "events", event.type)
            for argument in event.arguments:
                if "e" + argument.entity in entity_keys:
                    relations.append(RelationItem(key, "e" + argument.entity, argument.role))
                else:
                    report.skip(NOT_EXPORTED,
                                where(record, event.trigger.start, event.trigger.end))
    if "stances" in layers:
        for stance in record.stances:
            report.skip(STANCE_NO_FORM, f"{record.id}: stance {stance.id} ({stance.label})")
    return spans, relations
