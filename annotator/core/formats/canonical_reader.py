"""The canonical JSON Lines format: reader (here); the writer is
:mod:`annotator.core.exports.canonical_json`.

Only ``text`` is required on a line; every other key of docs/FORMAT.md is optional on
input. Offsets are code points into ``text`` as written on the line; they are checked
and moved onto the normalized text by ``SpanMover``. A span's ``text`` and ``utf16``
fields, when present, must agree with its offsets. Ids stay file-local (``e12``,
``q3``): the store gives every annotation its own id and remaps the references.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import OnBytes, Warn, iter_json_lines
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover, is_offset
from annotator.core.model import (
    STATUSES,
    DocumentRecord,
    Entity,
    EntityColumns,
    Event,
    EventArgument,
    InputError,
    LayerState,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.text.graphemes import NO_JOIN
from annotator.core.text.offsets import Utf16Map
from annotator.core.text.spans import PLAIN_EDGE

__all__ = [
    "parse_canonical_object",
    "read_canonical",
]


_ID_PREFIX = {"entity": "e", "quote": "q", "event": "v", "stance": "s"}
_FIVE = itemgetter("id", "label", "start", "end", "text")
_DICT = {dict}


class _Line:
    """One line being read: the text mover plus typed access to the JSON values."""

    def __init__(self, mover: SpanMover) -> None:
        self.mover = mover
        self._utf16: Utf16Map | None = None

    @property
    def utf16(self) -> Utf16Map:
        """The raw text's UTF-16 map, built only when a span carries a ``utf16`` field."""
        if self._utf16 is None:
            self._utf16 = Utf16Map(self.mover.raw)
        return self._utf16

    def error(self, reason: str) -> None:
        self.mover.error(reason)

    def opt_str(self, obj: dict[str, Any], key: str, what: str) -> str | None:
        value = obj.get(key)
        if value is None or isinstance(value, str):
            return value
        self.error(f'{what}: "{key}" must be a string, got {type(value).__name__}')
        return None

    def dict_of(self, obj: dict[str, Any], key: str, what: str) -> dict[str, Any]:
        value = obj.get(key)
        if value is None:
            return {}
        if isinstance(value, dict):
            return value
        self.error(f'{what}: "{key}" must be an object, got {type(value).__name__}')
        return {}

    def items(self, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = obj.get(key)
        if value is None:
            return []
        if type(value) is list and set(map(type, value)) == _DICT:
            return value  # (JSON's own types, tested in C: issue 12)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.error(f'"{key}" must be a list of objects')
            return []
        return value

    def ident(self, obj: dict[str, Any], kind: str, index: int, seen: set[str]) -> str:
        value = obj.get("id")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value:
            value = f"{_ID_PREFIX[kind]}{index + 1}" if value is None else ""
            if not value:
                self.error(f"{kind} #{index + 1}: \"id\" must be a non-empty string")
                value = f"{_ID_PREFIX[kind]}{index + 1}"
        if value in seen:
            self.error(f'{kind} id "{value}" is used twice')
        seen.add(value)
        return value

    def span(self, obj: Any, what: str) -> Span | None:
        if not isinstance(obj, dict):
            self.error(f"{what}: a span must be an object with start and end")
            return None
        start, end = obj.get("start"), obj.get("end")
        self.check_utf16(obj, start, end, what)
        return self.mover.move(start, end, what, obj.get("text"))

    def check_utf16(self, obj: dict[str, Any], start: Any, end: Any, what: str) -> None:
        units = obj.get("utf16")
        if units is None or not (is_offset(start) and is_offset(end)):
            return
        if end > len(self.mover.raw):
            return
        expected = [self.utf16.to_utf16(start), self.utf16.to_utf16(end)]
        if units != expected:
            self.error(f"{what} [{start}, {end}): utf16 {units!r} disagrees (expected {expected})")


def _entities(line: _Line, obj: dict[str, Any],
              columns: bool = False) -> tuple[list[Entity], EntityColumns | None]:
    """Every entity of the line: as :class:`Entity` objects, or with ``columns`` (the import's
    stream, issue 12) as :class:`EntityColumns` while each one is plain (no attributes, note
    or annotator; the first one that is not turns them all into objects).

    An item goes the quick way when cheap tests prove every check of :func:`_entity` passes
    (a string id used once, a label, integer offsets inside the text on plain edges, a
    ``text`` equal to the slice, no mistyped optional field), tested with set lookups and
    local variables; any other item goes through :func:`_entity`, which decides with its
    messages. The quick way is only for a text that normalization left as it is
    (``SpanMover.plain``): no offset map, no second check."""
    out: list[Entity] = []
    seen: set[str] = set()
    quick = line.mover.plain
    raw = line.mover.raw
    n = len(raw)
    cols = EntityColumns() if columns else None
    ids, starts, ends, labels = ((cols.ids, cols.starts, cols.ends, cols.labels)
                                 if cols is not None else ([], [], [], []))
    for index, item in enumerate(line.items(obj, "entities")):
        if quick:
            try:  # the usual item has these five keys: one call in C
                ident, label, start, end, expected = _FIVE(item)
            except KeyError:
                get = item.get
                ident, label, start, end = get("id"), get("label"), get("start"), get("end")
                expected = get("text")
            if (type(ident) is str and ident and ident not in seen
                    and type(label) is str and label
                    and type(start) is int and type(end) is int and 0 <= start < end <= n
                    and raw[start] in PLAIN_EDGE and raw[end - 1] in PLAIN_EDGE
                    and (start == 0 or raw[start - 1] in NO_JOIN)
                    and (end == n or raw[end] in NO_JOIN)
                    and (expected is None or (type(expected) is str
                                              and len(expected) == end - start
                                              and raw.startswith(expected, start)))):
                seen.add(ident)
                if cols is not None and len(item) == 4 + (expected is not None):
                    ids.append(ident)  # nothing else on the item: a plain entity
                    starts.append(start)
                    ends.append(end)
                    labels.append(label)
                    continue
                get = item.get
                units = get("utf16")
                attrs, note, annotator = get("attrs"), get("note"), get("annotator")
                if ((attrs is None or type(attrs) is dict)
                        and (note is None or type(note) is str)
                        and (annotator is None or type(annotator) is str)
                        and (units is None or units == [line.utf16.to_utf16(start),
                                                        line.utf16.to_utf16(end)])):
                    entity = Entity(ident, start, end, label, dict(attrs) if attrs else {},
                                    note, annotator)
                    cols = _keep(entity, cols, out)
                    continue
                seen.discard(ident)
        found = _entity(line, item, index, seen)
        if found is not None:
            cols = _keep(found, cols, out)
    return out, cols or None  # (no empty columns: a line without entities has none)


def _keep(entity: Entity, cols: EntityColumns | None, out: list[Entity]) -> EntityColumns | None:
    """Add a checked entity to the columns while it is plain, else to ``out`` (the columns so
    far become objects first); returns the columns still in use, or None."""
    if cols is not None:
        if not entity.attrs and entity.note is None and entity.annotator is None:
            cols.ids.append(entity.id)
            cols.starts.append(entity.start)
            cols.ends.append(entity.end)
            cols.labels.append(entity.label)
            return cols
        out.extend(cols.entities())
    out.append(entity)
    return None


def _entity(line: _Line, item: dict[str, Any], index: int, seen: set[str]) -> Entity | None:
    """One entity with every check and its message (None when it is refused)."""
    ident = line.ident(item, "entity", index, seen)
    what = f"entity {ident}"
    label = item.get("label")
    if not isinstance(label, str) or not label:
        line.error(f'{what}: "label" must be a non-empty string')
        return None
    span = line.mover.move(item.get("start"), item.get("end"), what, item.get("text"))
    line.check_utf16(item, item.get("start"), item.get("end"), what)
    attrs = line.dict_of(item, "attrs", what)
    note = line.opt_str(item, "note", what)
    annotator = line.opt_str(item, "annotator", what)
    if span is None:
        return None
    return Entity(ident, span.start, span.end, label, dict(attrs), note, annotator)


def _quotes(line: _Line, obj: dict[str, Any]) -> list[Quote]:
    out: list[Quote] = []
    seen: set[str] = set()
    for index, item in enumerate(line.items(obj, "quotes")):
        ident = line.ident(item, "quote", index, seen)
        what = f"quote {ident}"
        content = line.span(item.get("content"), f"{what} content")
        cue = line.span(item["cue"], f"{what} cue") if item.get("cue") is not None else None
        speaker = line.opt_str(item, "speaker", what)
        kind = line.opt_str(item, "kind", what) or "direct"
        attrs = line.dict_of(item, "attrs", what)
        note = line.opt_str(item, "note", what)
        annotator = line.opt_str(item, "annotator", what)
        if content is not None and (cue is not None or item.get("cue") is None):
            out.append(Quote(ident, content, cue, speaker, kind, dict(attrs), note, annotator))
    return out


def _events(line: _Line, obj: dict[str, Any]) -> list[Event]:
    out: list[Event] = []
    seen: set[str] = set()
    for index, item in enumerate(line.items(obj, "events")):
        ident = line.ident(item, "event", index, seen)
        what = f"event {ident}"
        event_type = line.opt_str(item, "type", what)
        if not event_type:
            line.error(f'{what}: "type" must be a non-empty string')
        trigger = line.span(item.get("trigger"), f"{what} trigger")
        arguments: list[EventArgument] = []
        for arg in line.items(item, "arguments"):
            role, entity = arg.get("role"), arg.get("entity")
            if isinstance(role, str) and role and isinstance(entity, str) and entity:
                arguments.append(EventArgument(role, entity))
            else:
                line.error(f'{what}: an argument needs a "role" and an "entity" id')
        attrs = line.dict_of(item, "attrs", what)
        note = line.opt_str(item, "note", what)
        annotator = line.opt_str(item, "annotator", what)
        if event_type and trigger is not None:
            out.append(Event(ident, event_type, trigger, arguments, dict(attrs), note, annotator))
    return out


def _target(line: _Line, value: Any, what: str) -> StanceTarget | None:
    if isinstance(value, dict) and len(value) == 1:
        key, ref = next(iter(value.items()))
        if key in ("entity", "event", "topic") and isinstance(ref, str) and ref:
            return StanceTarget(**{key: ref})
    line.error(f'{what}: "target" must be one of {{"entity"|"event"|"topic": "..."}}')
    return None


def _stances(line: _Line, obj: dict[str, Any]) -> list[Stance]:
    out: list[Stance] = []
    seen: set[str] = set()
    for index, item in enumerate(line.items(obj, "stances")):
        ident = line.ident(item, "stance", index, seen)
        what = f"stance {ident}"
        holder = line.opt_str(item, "holder", what)
        target = _target(line, item.get("target"), what)
        label = line.opt_str(item, "label", what)
        if not label:
            line.error(f'{what}: "label" must be a non-empty string')
        raw_evidence = item.get("evidence")
        evidence: str | Span | None = None
        ok = True
        if isinstance(raw_evidence, dict):
            evidence = line.span(raw_evidence, f"{what} evidence")
            ok = evidence is not None
        elif isinstance(raw_evidence, str) or raw_evidence is None:
            evidence = raw_evidence
        else:
            line.error(f'{what}: "evidence" must be a quote id, a span or null')
            ok = False
        attrs = line.dict_of(item, "attrs", what)
        note = line.opt_str(item, "note", what)
        annotator = line.opt_str(item, "annotator", what)
        if target is not None and label and ok:
            out.append(Stance(ident, holder, target, label, evidence, dict(attrs), note, annotator))
    return out


def merge_normalization(earlier: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """The record of what was done to a text, kept across export and re-import: a text exported
    from one project carries its first import's record; this import's changes add to it."""
    merged = {**earlier, **now}
    if isinstance(earlier.get("newlines"), int):
        merged["newlines"] = earlier["newlines"] + int(now.get("newlines", 0))
    if earlier.get("nfc") is True:
        merged["nfc"] = True
    for key in ("encoding", "bom", "fallback", "notes"):
        if key in earlier and key not in now:
            merged[key] = earlier[key]
    return merged


def parse_canonical_object(
    obj: dict[str, Any], path: str, line_no: int | None, *, columns: bool = False
) -> tuple[DocumentRecord | None, list[InputError]]:
    """Build the record of one canonical line; the record is None when anything is wrong.

    All problems of the line are returned (not only the first one). ``columns``: plain
    entities go into ``record.entity_columns`` instead of ``record.entities`` (the import's
    fast path, issue 12)."""
    text = obj.get("text")
    if not isinstance(text, str):
        reason = 'missing "text"' if text is None else '"text" must be a string'
        return None, [InputError(path, reason, line_no)]
    if not text or text.isspace():
        return None, [InputError(path, '"text" is empty', line_no)]
    line = _Line(SpanMover(text, path, line_no))
    raw_id = obj.get("id")
    doc_id: str | None = None
    if isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    elif raw_id is not None:
        line.error('"id" must be a string or a number')
    title = line.opt_str(obj, "title", "document") or ""
    status = line.opt_str(obj, "status", "document") or "todo"
    if status not in STATUSES:
        line.error(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    notes = obj.get("notes") or []
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        line.error('"notes" must be a list of strings')
        notes = []
    normalization = merge_normalization(line.dict_of(obj, "normalization", "document"),
                                        line.mover.info)
    entities, entity_columns = _entities(line, obj, columns)
    record = DocumentRecord(
        id=doc_id,
        text=line.mover.text,
        title=(unicodedata.normalize("NFC", title) if title
               else text_title(line.mover.text, doc_id or "")),
        meta=dict(line.dict_of(obj, "meta", "document")),
        status=status,
        entities=entities,
        quotes=_quotes(line, obj),
        events=_events(line, obj),
        stances=_stances(line, obj),
        labels=dict(line.dict_of(obj, "labels", "document")),
        notes=list(notes),
        normalization=normalization,
        source=f"{path}:{line_no}" if line_no is not None else path,
        layers=_layers(line, obj.get("layers")),
        entity_columns=entity_columns,
        encoded=line.mover.encoded if columns else None,
    )
    if line.mover.errors:
        return None, line.mover.errors
    return record, []


def _layers(line: _Line, value: Any) -> dict[str, LayerState]:
    """``"layers"``: annotator name -> ``{"status", "labels", "notes"}`` (docs/FORMAT.md)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        line.error('"layers" must be an object: annotator name -> its status, labels, notes')
        return {}
    layers: dict[str, LayerState] = {}
    for name, state in value.items():
        what = f"layer {name!r}"
        if not name or not isinstance(state, dict):
            line.error(f"{what} must be an object with a status, labels and notes")
            continue
        status = line.opt_str(state, "status", what) or "todo"
        if status not in STATUSES:
            line.error(f"{what}: unknown status {status!r} (one of {', '.join(STATUSES)})")
        notes = state.get("notes") or []
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            line.error(f'{what}: "notes" must be a list of strings')
            notes = []
        layers[name] = LayerState(status, dict(line.dict_of(state, "labels", what)), notes)
    return layers


def read_canonical(
    path: str | Path, warn: Warn | None = None, on_bytes: OnBytes | None = None, *,
    columns: bool = False,
) -> Iterator[DocumentRecord | InputError]:
    """Read a canonical JSONL file lazily: a record per good line, errors for bad ones.
    ``columns``: see :func:`parse_canonical_object` (only for the store's import)."""
    source = str(path)
    for number, value in iter_json_lines(path, warn, on_bytes):
        if isinstance(value, InputError):
            yield value
            continue
        record, errors = parse_canonical_object(value, source, number, columns=columns)
        if record is not None:
            yield record
        yield from errors
