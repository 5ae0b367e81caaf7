"""The canonical JSON Lines writer: one document per line, fixed key order.

The format is described field by field in docs/FORMAT.md and by the JSON Schema in
resources/canonical.schema.json. Offsets are end-exclusive code points into ``text``;
every span also carries its ``text`` and its ``utf16`` offsets, computed here from one
``Utf16Map`` per document.

Store row ids are numbers; in the file they become ``e<id>`` (entities), ``q<id>``
(quotes), ``v<id>`` (events) and ``s<id>`` (stances) so the kinds cannot be mixed up.
Ids that are not plain numbers (file-local ids of a record that never went through
the store) are written as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    Quote,
    Span,
    Stance,
)
from annotator.core.text.offsets import Utf16Map

ENTITY_PREFIX = "e"
QUOTE_PREFIX = "q"
EVENT_PREFIX = "v"
STANCE_PREFIX = "s"


def file_id(prefix: str, item_id: str) -> str:
    """The id an annotation gets in the file: ``prefix + id`` for store row ids."""
    return prefix + item_id if item_id.isdigit() else item_id


def _ref(prefix: str, item_id: str | None) -> str | None:
    if item_id is None or item_id == AUTHOR:
        return item_id
    return file_id(prefix, item_id)


class _SpanWriter:
    """Turns spans of one document into JSON, checking each against the text."""

    def __init__(self, record: DocumentRecord) -> None:
        self.text = record.text
        self.where = record.id if record.id is not None else (record.source or "?")
        self.utf16 = Utf16Map(record.text)

    def offsets(self, start: int, end: int, what: str) -> tuple[str, list[int]]:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"document {self.where}: {what} [{start}, {end}) is outside the text "
                f"(length {len(self.text)})"
            )
        piece = self.text[start:end]
        if len(piece) != end - start:
            raise ValueError(f"document {self.where}: {what} slice does not match its offsets")
        return piece, [self.utf16.to_utf16(start), self.utf16.to_utf16(end)]

    def span(self, span: Span, what: str) -> dict[str, Any]:
        piece, units = self.offsets(span.start, span.end, what)
        return {"start": span.start, "end": span.end, "text": piece, "utf16": units}


def _extras(item: Entity | Quote | Event | Stance, out: dict[str, Any]) -> dict[str, Any]:
    if item.note is not None:
        out["note"] = item.note
    if item.annotator is not None:
        out["annotator"] = item.annotator
    return out


def _entity_json(entity: Entity, spans: _SpanWriter) -> dict[str, Any]:
    ident = file_id(ENTITY_PREFIX, entity.id)
    piece, units = spans.offsets(entity.start, entity.end, f"entity {ident}")
    out: dict[str, Any] = {
        "id": ident,
        "start": entity.start,
        "end": entity.end,
        "label": entity.label,
        "text": piece,
        "utf16": units,
        "attrs": dict(entity.attrs),
    }
    return _extras(entity, out)


def _quote_json(quote: Quote, spans: _SpanWriter) -> dict[str, Any]:
    ident = file_id(QUOTE_PREFIX, quote.id)
    out: dict[str, Any] = {
        "id": ident,
        "content": spans.span(quote.content, f"quote {ident} content"),
        "cue": spans.span(quote.cue, f"quote {ident} cue") if quote.cue is not None else None,
        "speaker": _ref(ENTITY_PREFIX, quote.speaker),
        "kind": quote.kind,
    }
    if quote.attrs:
        out["attrs"] = dict(quote.attrs)
    return _extras(quote, out)


def _event_json(event: Event, spans: _SpanWriter) -> dict[str, Any]:
    ident = file_id(EVENT_PREFIX, event.id)
    out: dict[str, Any] = {
        "id": ident,
        "type": event.type,
        "trigger": spans.span(event.trigger, f"event {ident} trigger"),
        "arguments": [
            {"role": arg.role, "entity": file_id(ENTITY_PREFIX, arg.entity)}
            for arg in event.arguments
        ],
        "attrs": dict(event.attrs),
    }
    return _extras(event, out)


def _stance_json(stance: Stance, spans: _SpanWriter) -> dict[str, Any]:
    ident = file_id(STANCE_PREFIX, stance.id)
    target: dict[str, str]
    if stance.target.entity is not None:
        target = {"entity": file_id(ENTITY_PREFIX, stance.target.entity)}
    elif stance.target.event is not None:
        target = {"event": file_id(EVENT_PREFIX, stance.target.event)}
    else:
        target = {"topic": str(stance.target.topic)}
    evidence: str | dict[str, Any] | None
    if isinstance(stance.evidence, Span):
        evidence = spans.span(stance.evidence, f"stance {ident} evidence")
    else:
        evidence = _ref(QUOTE_PREFIX, stance.evidence)
    out: dict[str, Any] = {
        "id": ident,
        "holder": _ref(ENTITY_PREFIX, stance.holder),
        "target": target,
        "label": stance.label,
        "evidence": evidence,
    }
    if stance.attrs:
        out["attrs"] = dict(stance.attrs)
    return _extras(stance, out)


def record_to_json(record: DocumentRecord, schema_name: str, schema_version: int) -> dict[str, Any]:
    """The canonical JSON object of one document (see docs/FORMAT.md for every key).

    Raises ``ValueError`` when a span does not fit the text: an exported file must
    never contain an offset that points outside its own text.
    """
    spans = _SpanWriter(record)
    out: dict[str, Any] = {
        "id": record.id,
        "text": record.text,
        "meta": dict(record.meta),
        "status": record.status,
        "schema": {"name": schema_name, "version": schema_version},
        "title": record.title,
        "entities": [_entity_json(e, spans) for e in record.entities],
        "quotes": [_quote_json(q, spans) for q in record.quotes],
        "events": [_event_json(v, spans) for v in record.events],
        "stances": [_stance_json(s, spans) for s in record.stances],
        "labels": dict(record.labels),
        "normalization": dict(record.normalization),
    }
    if record.notes:
        out["notes"] = list(record.notes)
    if record.layers:
        out["layers"] = {name: {"status": state.status, "labels": dict(state.labels),
                                "notes": list(state.notes)}
                         for name, state in record.layers.items()}
    return out


def write_canonical(
    records: Iterable[DocumentRecord],
    out: TextIO,
    schema_name: str,
    schema_version: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write one JSON line per record to ``out`` as they come; return how many.

    ``ensure_ascii=False`` keeps Arabic readable; ``progress`` (if given) is called
    with the running count after each line.
    """
    count = 0
    for record in records:
        line = json.dumps(
            record_to_json(record, schema_name, schema_version),
            ensure_ascii=False,
            separators=(", ", ": "),
        )
        out.write(line)
        out.write("\n")
        count += 1
        if progress is not None:
            progress(count)
    return count
