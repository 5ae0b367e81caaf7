"""brat standoff: ``doc.txt`` with its annotations in ``doc.ann`` beside it.

Lines of the .ann file (fields separated by tabs):

* ``T3\\tORG 10 16\\tالكرملين`` — a text-bound annotation. Offsets are code points of the
  .txt as decoded (before normalization); the text after the second tab must equal the
  slice. A discontinuous span (``10 16;20 25``) is refused: the model has no such spans.
* ``A1\\tmention T1 NOM`` / ``M1\\t...`` — an attribute (``Negated E1`` without a value
  means ``true``), on an entity or an event.
* ``#1\\tAnnotatorNotes T1\\tnote`` — the note of an entity, event or quote.
* ``E1\\tConflict-Attack:T3 Attacker:T1 Place:T2`` — an event; its trigger T line carries
  the same label. brat cannot write ``:`` in a type, so ``Conflict-Attack`` or
  ``Conflict_Attack`` is mapped back to the schema's ``Conflict:Attack``. A role written
  with a number (``Attacker2``, brat's way to repeat a role) counts as ``Attacker``.
* ``R1\\tSpeaker Arg1:T5 Arg2:T1`` — quote T5 is said by entity T1; ``Cue Arg1:T5
  Arg2:T6`` gives the quote's cue. Quotes are T lines labelled ``Quote`` (kind from an
  attribute ``kind``), cues T lines labelled ``Cue``. Other relation types are ignored
  with a warning, as are other line kinds (``N``, ``*``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import Warn
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover
from annotator.core.model import (
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    InputError,
    Quote,
    Span,
)
from annotator.core.text import Decoded, decode_bytes

QUOTE_LABEL = "Quote"
CUE_LABEL = "Cue"
KNOWN_RELATIONS = ("Speaker", "Cue")
_ROLE_NUMBER = re.compile(r"^(.*?)\d+$")


@dataclass(slots=True)
class _Ann:
    """What the .ann file says, before it becomes a record."""

    spans: dict[str, tuple[str, Span | None, int]] = field(default_factory=dict)
    attrs: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    events: list[tuple[str, str, str, list[tuple[str, str]], int]] = field(default_factory=list)
    speakers: dict[str, str] = field(default_factory=dict)
    cues: dict[str, str] = field(default_factory=dict)


def brat_event_type(name: str, event_types: Collection[str]) -> str:
    """The schema's event type for a brat type name (``Conflict-Attack`` -> ``Conflict:Attack``)."""
    if name in event_types:
        return name
    for known in event_types:
        if name in (known.replace(":", "-"), known.replace(":", "_")):
            return known
    return name


def _read(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return decode_bytes(data, str(path))


class _AnnReader:
    def __init__(self, ann_path: str, mover: SpanMover, warn: Warn | None) -> None:
        self.path = ann_path
        self.mover = mover
        self.warn = warn
        self.ann = _Ann()
        self.errors: list[InputError] = []

    def error(self, line: int, reason: str) -> None:
        self.errors.append(InputError(self.path, reason, line))

    def _warn(self, line: int, reason: str) -> None:
        if self.warn is not None:
            self.warn(f"{self.path}:{line}: {reason}")

    def text_bound(self, line: int, ident: str, body: str, quoted: str | None) -> None:
        head = body.split(" ", 1)
        if len(head) != 2:
            self.error(line, f"{ident}: expected 'LABEL START END'")
            return
        label, ranges = head
        if ";" in ranges:
            self.error(line, f"{ident}: discontinuous span ({ranges}) is not supported")
            return
        parts = ranges.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            self.error(line, f"{ident}: offsets {ranges!r} are not two numbers")
            return
        before = len(self.mover.errors)
        span = self.mover.move(int(parts[0]), int(parts[1]), f"{ident} ({label})", quoted)
        for problem in self.mover.errors[before:]:
            self.error(line, problem.reason)
        del self.mover.errors[before:]
        self.ann.spans[ident] = (label, span, line)

    def attribute(self, line: int, ident: str, body: str) -> None:
        parts = body.split()
        if len(parts) not in (2, 3):
            self.error(line, f"{ident}: expected 'NAME TARGET [VALUE]'")
            return
        value: Any = parts[2] if len(parts) == 3 else True
        self.ann.attrs.setdefault(parts[1], {})[parts[0]] = value

    def note(self, line: int, body: str, rest: str | None) -> None:
        parts = body.split()
        if len(parts) == 2 and parts[0] == "AnnotatorNotes" and rest is not None:
            self.ann.notes[parts[1]] = rest
        else:
            self._warn(line, "comment line ignored (only 'AnnotatorNotes ID' is read)")

    def event(self, line: int, ident: str, body: str) -> None:
        pieces = body.split()
        if not pieces or ":" not in pieces[0]:
            self.error(line, f"{ident}: expected 'Type:TRIGGER Role:ARG ...'")
            return
        event_type, trigger = pieces[0].rsplit(":", 1)
        arguments: list[tuple[str, str]] = []
        for piece in pieces[1:]:
            if ":" not in piece:
                self.error(line, f"{ident}: argument {piece!r} is not 'Role:ID'")
                continue
            role, target = piece.rsplit(":", 1)
            arguments.append((role, target))
        self.ann.events.append((ident, event_type, trigger, arguments, line))

    def relation(self, line: int, ident: str, body: str) -> None:
        pieces = body.split()
        kind = pieces[0] if pieces else ""
        if kind not in KNOWN_RELATIONS:
            self._warn(line, f"{ident}: relation type {kind!r} ignored "
                             f"(known: {', '.join(KNOWN_RELATIONS)})")
            return
        args = dict(p.split(":", 1) for p in pieces[1:] if ":" in p)
        if set(args) != {"Arg1", "Arg2"}:
            self.error(line, f"{ident}: {kind} needs Arg1:<quote> and Arg2:<id>")
            return
        (self.ann.speakers if kind == "Speaker" else self.ann.cues)[args["Arg1"]] = args["Arg2"]

    def read(self, content: str) -> None:
        first_seen: dict[str, int] = {}
        for number, raw_line in enumerate(content.split("\n"), start=1):
            line = raw_line.rstrip("\r")
            if not line.strip():
                continue
            fields = line.split("\t")
            ident = fields[0].strip()
            if ident != "*":  # every brat line has its own id, but equivalences ("*") share one
                if ident in first_seen:
                    self.error(number, f"duplicate id {ident} (first at line {first_seen[ident]})")
                    continue
                first_seen[ident] = number
            body = fields[1] if len(fields) > 1 else ""
            rest = fields[2] if len(fields) > 2 else None
            kind = ident[:1]
            if kind == "T":
                self.text_bound(number, ident, body, rest)
            elif kind in ("A", "M"):
                self.attribute(number, ident, body)
            elif kind == "#":
                self.note(number, body, rest)
            elif kind == "E":
                self.event(number, ident, body)
            elif kind == "R":
                self.relation(number, ident, body)
            else:
                self._warn(number, f"{ident}: line kind {kind!r} ignored")


def _role(role: str, allowed: Collection[str]) -> str:
    match = _ROLE_NUMBER.match(role)
    if match is not None and role not in allowed and match.group(1) in allowed:
        return match.group(1)
    return role


def _build(reader: _AnnReader, event_roles: Mapping[str, Collection[str]]) -> DocumentRecord:
    ann = reader.ann
    triggers: set[str] = set()
    events: list[Event] = []
    for ident, brat_type, trigger, arguments, line in ann.events:
        event_type = brat_event_type(brat_type, event_roles)
        found = ann.spans.get(trigger)
        if found is None:
            reader.error(line, f"{ident}: trigger {trigger} is not a T line")
            continue
        triggers.add(trigger)
        label, span, _ = found
        if brat_event_type(label, event_roles) != event_type:
            reader.error(
                line, f"{ident}: trigger {trigger} is labelled {label!r}, not {brat_type!r}"
            )
            continue
        allowed = event_roles.get(event_type, ())
        args: list[EventArgument] = []
        for role, target in arguments:
            target_span = ann.spans.get(target)
            if target_span is None or target_span[0] in (QUOTE_LABEL, CUE_LABEL):
                reader.error(line, f"{ident}: argument {role}:{target} is not an entity T line")
                continue
            args.append(EventArgument(_role(role, allowed), target))
        if span is not None:
            events.append(Event(ident, event_type, span, args, dict(ann.attrs.get(ident, {})),
                                ann.notes.get(ident)))
    entities: list[Entity] = []
    quotes: list[Quote] = []
    cue_ids = set(ann.cues.values())
    for ident, (label, span, line) in ann.spans.items():
        if span is None or ident in triggers or label == CUE_LABEL or ident in cue_ids:
            continue
        attrs = dict(ann.attrs.get(ident, {}))
        if label == QUOTE_LABEL:
            kind = str(attrs.pop("kind", "direct"))
            cue_id = ann.cues.get(ident)
            cue = ann.spans[cue_id][1] if cue_id in ann.spans else None
            if cue_id is not None and cue_id not in ann.spans:
                reader.error(line, f"{ident}: cue {cue_id} is not a T line")
            quotes.append(Quote(ident, span, cue, ann.speakers.get(ident), kind, attrs,
                                ann.notes.get(ident)))
        else:
            entities.append(Entity(ident, span.start, span.end, label, attrs,
                                   ann.notes.get(ident)))
    mover = reader.mover
    return DocumentRecord(id=None, text=mover.text, entities=entities, quotes=quotes,
                          events=events, normalization=dict(mover.info))


def read_brat(
    txt_path: str | Path,
    ann_path: str | Path | None = None,
    event_roles: Mapping[str, Collection[str]] | None = None,
    warn: Warn | None = None,
) -> tuple[DocumentRecord | None, list[InputError]]:
    """Read one brat document; the record is None when any line of the .ann is bad.

    ``event_roles`` maps the schema's event types to their roles (for the brat-safe
    type names and numbered roles); without it types and roles are kept as written.
    """
    txt = Path(txt_path)
    ann_file = Path(ann_path) if ann_path is not None else txt.with_suffix(".ann")
    try:
        raw = _read(txt)
        content = _read(ann_file)
    except InputError as exc:
        return None, [exc]
    reader = _AnnReader(str(ann_file), SpanMover(raw.text, str(txt), None), warn)
    reader.read(content.text)
    record = _build(reader, event_roles or {})
    if reader.errors:
        return None, reader.errors
    record.id = txt.stem
    record.title = text_title(record.text, txt.stem)
    record.source = str(txt)
    record.normalization.update(
        {"encoding": raw.encoding, "bom": raw.bom, "fallback": raw.fallback, "notes": raw.notes}
    )
    if raw.fallback and warn is not None:
        for note in raw.notes:
            warn(f"{txt}: {note}")
    return record, []
