"""doccano JSON Lines (sequence labelling export).

Two layouts are read:

* ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` (doccano's classic export);
* ``{"text": ..., "entities": [{"id", "label", "start_offset", "end_offset"}, ...],
  "relations": [...]}`` (the newer export). Relations have no place in our model: they
  are ignored and counted in a warning.

doccano counts offsets in UTF-16 code units (its browser front end does), so by default
they are converted with ``Utf16Map``; an offset that falls inside a surrogate pair is an
error. ``offsets="codepoint"`` reads files whose offsets are already code points.
``id`` is kept as the document id; any other top-level key goes to ``meta``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from annotator.core.formats.jsonl_reader import OnBytes, Warn, iter_json_lines
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover, is_offset
from annotator.core.model import DocumentRecord, Entity, InputError
from annotator.core.text.offsets import Utf16Map

OffsetUnit = Literal["utf16", "codepoint"]
_KNOWN_KEYS = frozenset({"id", "text", "label", "labels", "entities", "relations"})


def _raw_spans(obj: dict[str, Any], mover: SpanMover) -> list[tuple[str, Any, Any, str]]:
    """``(id, start, end, label)`` of every span of the line, in file order."""
    spans: list[tuple[str, Any, Any, str]] = []
    labels = obj.get("label", obj.get("labels"))
    if isinstance(labels, list):
        for index, item in enumerate(labels):
            if isinstance(item, list) and len(item) == 3 and isinstance(item[2], str):
                spans.append((f"e{index + 1}", item[0], item[1], item[2]))
            elif isinstance(item, str):
                continue  # a document-level (text classification) label, not a span
            else:
                mover.error(f"label #{index + 1} must be [start, end, \"LABEL\"], got {item!r}")
    elif labels is not None:
        mover.error('"label" must be a list of [start, end, "LABEL"]')
    entities = obj.get("entities")
    if isinstance(entities, list):
        for index, item in enumerate(entities):
            label = item.get("label") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(label, str):
                mover.error(f"entity #{index + 1} needs label, start_offset and end_offset")
                continue
            ident = item.get("id", index + 1)
            spans.append((f"e{ident}", item.get("start_offset"), item.get("end_offset"), label))
    elif entities is not None:
        mover.error('"entities" must be a list')
    return spans


def parse_doccano_object(
    obj: dict[str, Any],
    path: str,
    line_no: int | None,
    offsets: OffsetUnit = "utf16",
    warn: Warn | None = None,
) -> tuple[DocumentRecord | None, list[InputError]]:
    """Build the record of one doccano line (None and the problems if anything is wrong)."""
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str):
        return None, [InputError(path, 'missing "text" (a string)', line_no)]
    if not text.strip():
        return None, [InputError(path, '"text" is empty', line_no)]
    mover = SpanMover(text, path, line_no)
    units = Utf16Map(text) if offsets == "utf16" else None
    entities: list[Entity] = []
    for ident, given_start, given_end, label in _raw_spans(obj, mover):
        what = f"entity {ident}"
        start, end = given_start, given_end
        if units is not None and is_offset(start) and is_offset(end):
            try:
                start, end = units.span_to_codepoint(given_start, given_end)
            except ValueError as exc:
                hint = " (are the offsets code points? use offsets=\"codepoint\")"
                mover.error(f"{what} [{start}, {end}) in UTF-16 units: {exc}{hint}")
                continue
            if (start, end) != (given_start, given_end):
                what += f" (UTF-16 [{given_start}, {given_end}))"
        span = mover.move(start, end, what)
        if span is not None:
            entities.append(Entity(ident, span.start, span.end, label))
    relations = obj.get("relations")
    if isinstance(relations, list) and relations and warn is not None:
        where = f"{path}:{line_no}" if line_no is not None else path
        warn(f"{where}: {len(relations)} doccano relation(s) ignored (not part of the model)")
    if mover.errors:
        return None, mover.errors
    raw_id = obj.get("id")
    meta = {k: v for k, v in obj.items() if k not in _KNOWN_KEYS and k != "data"}
    normalization: dict[str, Any] = dict(mover.info)
    normalization["offsets"] = offsets
    record = DocumentRecord(
        id=str(raw_id) if raw_id is not None else None,
        text=mover.text,
        title=text_title(mover.text, str(raw_id) if raw_id is not None else ""),
        meta=meta,
        entities=entities,
        normalization=normalization,
        source=f"{path}:{line_no}" if line_no is not None else path,
    )
    return record, []


def read_doccano(
    path: str | Path,
    offsets: OffsetUnit = "utf16",
    warn: Warn | None = None,
    on_bytes: OnBytes | None = None,
) -> Iterator[DocumentRecord | InputError]:
    """Read a doccano JSONL file lazily: a record per good line, errors for bad ones."""
    source = str(path)
    for number, value in iter_json_lines(path, warn, on_bytes):
        if isinstance(value, InputError):
            yield value
            continue
        record, errors = parse_doccano_object(value, source, number, offsets, warn)
        if record is not None:
            yield record
        yield from errors


def looks_like_doccano(obj: dict[str, Any]) -> bool:
    """A first record with doccano's keys (``label`` span triples or ``start_offset``)."""
    labels = obj.get("label")
    if isinstance(labels, list) and any(isinstance(item, list) for item in labels):
        return True
    entities = obj.get("entities")
    if isinstance(entities, list) and entities and isinstance(entities[0], dict):
        return "start_offset" in entities[0]
    return "relations" in obj or (isinstance(labels, list) and "entities" not in obj
                                  and not {"quotes", "events", "stances"} & obj.keys())
