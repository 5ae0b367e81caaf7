"""Turning stored rows into :mod:`annotator.core.model` objects.

The row layouts are the column lists below (``*_COLUMNS``), shared by ``get_record`` (one
document) and ``iter_records`` (merged streams over all documents). Every row starts with
its ``doc_id`` so streams can be grouped per document. Annotation ids become strings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.store.errors import ProjectError

DOCUMENT_COLUMNS = "id, external_id, title, status, meta, normalization, source, text"
ENTITY_COLUMNS = 'doc_id, id, start, "end", label, attrs, note, annotator_id, schema_version'
ENTITY_ORDER = 'doc_id, start, "end", id'
QUOTE_COLUMNS = ("doc_id, id, content_start, content_end, cue_start, cue_end,"
                 " speaker_entity_id, speaker_author, kind, attrs, note, annotator_id,"
                 " schema_version")
QUOTE_ORDER = "doc_id, content_start, content_end, id"
EVENT_COLUMNS = ("doc_id, id, type, trigger_start, trigger_end, attrs, note, annotator_id,"
                 " schema_version")
EVENT_ORDER = "doc_id, trigger_start, trigger_end, id"
ARGUMENT_COLUMNS = "doc_id, event_id, role, entity_id"
ARGUMENT_ORDER = "doc_id, event_id, id"
ARGUMENT_ROW_COLUMNS = "doc_id, event_id, id, role, entity_id"
"""An argument with its row id (which :class:`EventArgument` does not carry)."""
STANCE_COLUMNS = ("doc_id, id, holder_entity_id, holder_author, target_entity_id,"
                  " target_event_id, target_topic, label, evidence_quote_id, evidence_start,"
                  " evidence_end, attrs, note, annotator_id, schema_version")
STANCE_ORDER = "doc_id, id"
LABEL_COLUMNS = "doc_id, key, value"
LABEL_ORDER = "doc_id, key"
NOTE_COLUMNS = "doc_id, text"
NOTE_ORDER = "doc_id, id"
QUERIES: dict[str, tuple[str, str]] = {
    "entities": (ENTITY_COLUMNS, ENTITY_ORDER),
    "quotes": (QUOTE_COLUMNS, QUOTE_ORDER),
    "events": (EVENT_COLUMNS, EVENT_ORDER),
    "event_arguments": (ARGUMENT_COLUMNS, ARGUMENT_ORDER),
    "stances": (STANCE_COLUMNS, STANCE_ORDER),
    "document_labels": (LABEL_COLUMNS, LABEL_ORDER),
    "notes": (NOTE_COLUMNS, NOTE_ORDER),
}
"""Columns and order of the rows of each annotation table."""

Names = dict[int, str]
Tup = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class EventArgumentRow:
    """One stored event argument with its row id: what removing a single argument needs
    (an event may have the same role filled twice, so role and entity do not identify it)."""

    id: int
    role: str
    entity_id: str


@dataclass(slots=True)
class LinkRecord:
    """The quotes, events, stances and document labels of one document, without its text
    and entities (see ``Project.get_links``). ``arguments`` maps an event id to its argument
    rows in insertion order, the order of ``Event.arguments``."""

    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    arguments: dict[str, list[EventArgumentRow]] = field(default_factory=dict)
    stances: list[Stance] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)


def stored_json(text: str | None) -> Any:
    """A JSON column's value; damaged JSON (a crafted or broken file) is a ProjectError."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"the project holds damaged JSON ({exc}); run annotator validate"
                           ) from None


def _attrs(text: str) -> dict[str, Any]:
    if text == "{}":
        return {}
    value = stored_json(text)
    if not isinstance(value, dict):
        raise ProjectError(f"the project holds a JSON {type(value).__name__} where an object "
                           "belongs; run annotator validate")
    return value


def _ref(row_id: int | None) -> str | None:
    return None if row_id is None else str(row_id)


def entity(r: Tup, names: Names) -> Entity:
    """An ``ENTITY_COLUMNS`` row."""
    return Entity(str(r[1]), r[2], r[3], r[4], _attrs(r[5]), r[6], names.get(r[7]), r[8])


def quote(r: Tup, names: Names) -> Quote:
    """A ``QUOTE_COLUMNS`` row."""
    cue = None if r[4] is None else Span(r[4], r[5])
    speaker = AUTHOR if r[7] else _ref(r[6])
    return Quote(str(r[1]), Span(r[2], r[3]), cue, speaker, r[8], _attrs(r[9]), r[10],
                 names.get(r[11]), r[12])


def event(r: Tup, arguments: list[Tup], names: Names) -> Event:
    """An ``EVENT_COLUMNS`` row with its ``ARGUMENT_COLUMNS`` rows."""
    args = [EventArgument(a[2], str(a[3])) for a in arguments]
    return Event(str(r[1]), r[2], Span(r[3], r[4]), args, _attrs(r[5]), r[6],
                 names.get(r[7]), r[8])


def argument_row(r: Tup) -> EventArgumentRow:
    """An ``ARGUMENT_ROW_COLUMNS`` row."""
    return EventArgumentRow(int(r[2]), str(r[3]), str(r[4]))


def stance(r: Tup, names: Names) -> Stance:
    """A ``STANCE_COLUMNS`` row."""
    holder = AUTHOR if r[3] else _ref(r[2])
    target = StanceTarget(entity=_ref(r[4]), event=_ref(r[5]), topic=r[6])
    evidence: str | Span | None = None
    if r[8] is not None:
        evidence = str(r[8])
    elif r[9] is not None:
        evidence = Span(r[9], r[10])
    return Stance(str(r[1]), holder, target, r[7], evidence, _attrs(r[11]), r[12],
                  names.get(r[13]), r[14])


PARTS = ("entities", "quotes", "events", "event_arguments", "stances", "document_labels",
         "notes")
"""The tables whose rows :func:`document` takes, in the order of the ``*_COLUMNS`` above."""


def document(d: Tup, parts: dict[str, list[Tup]], names: Names) -> DocumentRecord:
    """A ``DOCUMENT_COLUMNS`` row with the rows of its annotations (``parts``: table name
    to rows, every name of :data:`PARTS`)."""
    args_by_event: dict[int, list[Tup]] = {}
    for a in parts["event_arguments"]:
        args_by_event.setdefault(a[1], []).append(a)
    return DocumentRecord(
        id=d[1], text=d[7], title=d[2], meta=_attrs(d[4]), status=d[3],
        entities=[entity(r, names) for r in parts["entities"]],
        quotes=[quote(r, names) for r in parts["quotes"]],
        events=[event(r, args_by_event.get(r[1], []), names) for r in parts["events"]],
        stances=[stance(r, names) for r in parts["stances"]],
        labels={r[1]: stored_json(r[2]) for r in parts["document_labels"]},
        notes=[r[1] for r in parts["notes"]],
        normalization=_attrs(d[5]), source=d[6],
    )


def drop_dangling(record: DocumentRecord) -> DocumentRecord:
    """Remove references to annotations the record does not contain (after an annotator
    filter): quote speakers and stance holders/evidence become None, event arguments and
    stances aimed at a missing annotation are dropped."""
    entity_ids = {e.id for e in record.entities}
    event_ids = {e.id for e in record.events}
    quote_ids = {q.id for q in record.quotes}
    for q in record.quotes:
        if q.speaker not in (None, AUTHOR) and q.speaker not in entity_ids:
            q.speaker = None
    for ev in record.events:
        ev.arguments = [a for a in ev.arguments if a.entity in entity_ids]
    kept: list[Stance] = []
    for s in record.stances:
        if s.target.entity is not None and s.target.entity not in entity_ids:
            continue
        if s.target.event is not None and s.target.event not in event_ids:
            continue
        if s.holder not in (None, AUTHOR) and s.holder not in entity_ids:
            s.holder = None
        if isinstance(s.evidence, str) and s.evidence not in quote_ids:
            s.evidence = None
        kept.append(s)
    record.stances = kept
    return record


class GroupedStream:
    """Rows ordered by ``doc_id`` (first column), handed out one document at a time."""

    def __init__(self, rows: Iterator[Tup]) -> None:
        self._rows = rows
        self._next: Tup | None = next(rows, None)

    def take(self, doc_id: int) -> list[Tup]:
        """The rows of ``doc_id`` (rows of smaller doc ids, filtered-out documents, are
        skipped). Documents must be asked for in increasing order."""
        out: list[Tup] = []
        row = self._next
        rows = self._rows
        while row is not None and row[0] < doc_id:
            row = next(rows, None)
        while row is not None and row[0] == doc_id:
            out.append(row)
            row = next(rows, None)
        self._next = row
        return out
