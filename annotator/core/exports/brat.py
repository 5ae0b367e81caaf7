"""``brat``: a folder of ``.txt``/``.ann`` pairs and the ``annotation.conf`` describing them.

The lines are the ones our brat importer (:mod:`annotator.core.formats.brat_reader`) reads back:

* ``T`` entities, quote contents (``Quote``), cues (``Cue``) and event triggers. brat cannot
  write ``:`` in a type, so ``Conflict:Attack`` becomes ``Conflict-Attack`` (the importer maps
  it back with the schema);
* ``E`` events: ``Conflict-Attack:T9 Attacker:T1 Place:T2``; a repeated role is numbered
  the brat way (``Target``, ``Target2``);
* ``R`` relations ``Speaker`` and ``Cue`` from a quote; ``A`` attributes (entity and event
  attributes, quote ``kind``); ``#`` ``AnnotatorNotes``.

Offsets are code points of the ``.txt``, which is the stored text as it is (UTF-8, ``\\n``).
A span that crosses a line break cannot be one brat fragment and is skipped (reported), as
are attribute values containing whitespace, ``AUTHOR`` speakers and stances.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.graph import (
    AUTHOR_SPEAKER,
    CUE_LABEL,
    NOT_EXPORTED,
    QUOTE_LABEL,
    STANCE_NO_FORM,
)
from annotator.core.exports.splits import document_key
from annotator.core.exports.tagging import where
from annotator.core.exports.writer import open_text
from annotator.core.model import AUTHOR, DocumentRecord
from annotator.core.output.names import CLAIMS, claim_stem

CONF_NAME = "annotation.conf"
CROSSES_LINE = "span crosses a line break (brat would need a discontinuous span)"
BAD_ATTRIBUTE = "attribute value is not one brat word"


def brat_type(event_type: str) -> str:
    """An event type brat can write: ``Conflict:Attack`` -> ``Conflict-Attack``."""
    return event_type.replace(":", "-")


def file_stem(key: str, folder: Path) -> str:
    """A file name for a document id that no pair in ``folder`` has yet, short and safe on
    every platform (:func:`annotator.core.output.claim_stem`: the folder is the record of
    names taken, so nothing is kept in memory per document)."""
    return claim_stem(key, folder)


class _Ann:
    """The lines of one ``.ann`` file, with brat ids handed out in order."""

    def __init__(self, record: DocumentRecord, context: Context) -> None:
        self.record = record
        self.report = context.report
        self.lines: list[str] = []
        self.counters: dict[str, int] = {}

    def next_id(self, kind: str) -> str:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return f"{kind}{self.counters[kind]}"

    def text_bound(self, label: str, start: int, end: int) -> str | None:
        surface = self.record.text[start:end]
        if "\n" in surface:
            self.report.skip(CROSSES_LINE, where(self.record, start, end))
            return None
        ident = self.next_id("T")
        self.lines.append(f"{ident}\t{label} {start} {end}\t{surface}")
        return ident

    def attributes(self, target: str, attrs: dict[str, Any]) -> None:
        for name, value in attrs.items():
            if value is True:
                self.lines.append(f"{self.next_id('A')}\t{name} {target}")
            elif isinstance(value, str) and value and not any(c.isspace() for c in value):
                self.lines.append(f"{self.next_id('A')}\t{name} {target} {value}")
            else:
                self.report.skip(BAD_ATTRIBUTE, f"{self.record.id}: {name}={value!r}")

    def note(self, target: str, note: str | None) -> None:
        if note:
            flat = " ".join(note.split())
            self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {target}\t{flat}")


class BratWriter(FormatWriter):
    """Writes one ``.txt``/``.ann`` pair per document into the split's folder."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        path.mkdir(parents=True, exist_ok=True)

    def add(self, record: DocumentRecord) -> None:
        layers = self.context.layers
        ann = _Ann(record, self.context)
        entity_ids: dict[str, str] = {}
        if "entities" in layers:
            for entity in record.entities:
                ident = ann.text_bound(entity.label, entity.start, entity.end)
                if ident is None:
                    continue
                entity_ids[entity.id] = ident
                ann.attributes(ident, entity.attrs)
                ann.note(ident, entity.note)
                self.report.count_span(self.split, "entities", entity.label)
        if "quotes" in layers:
            self._quotes(record, ann, entity_ids)
        if "events" in layers:
            self._events(record, ann, entity_ids)
        if "stances" in layers:
            for stance in record.stances:
                self.report.skip(STANCE_NO_FORM, f"{record.id}: stance {stance.id}")
        stem = file_stem(document_key(record), self.path)
        with open_text(self.path / f"{stem}.txt") as out:
            out.write(record.text)
        with open_text(self.path / f"{stem}.ann") as out:
            out.writelines(line + "\n" for line in ann.lines)
        self.report.count_records(self.split)

    def _quotes(self, record: DocumentRecord, ann: _Ann, entity_ids: dict[str, str]) -> None:
        for quote in record.quotes:
            ident = ann.text_bound(QUOTE_LABEL, quote.content.start, quote.content.end)
            if ident is None:
                continue
            self.report.count_span(self.split, "quotes", quote.kind)
            ann.attributes(ident, {"kind": quote.kind, **quote.attrs})
            ann.note(ident, quote.note)
            if quote.cue is not None:
                cue = ann.text_bound(CUE_LABEL, quote.cue.start, quote.cue.end)
                if cue is not None:
                    ann.lines.append(f"{ann.next_id('R')}\tCue Arg1:{ident} Arg2:{cue}")
            here = where(record, quote.content.start, quote.content.end)
            if quote.speaker == AUTHOR:
                self.report.skip(AUTHOR_SPEAKER, here)
            elif quote.speaker is not None:
                speaker = entity_ids.get(quote.speaker)
                if speaker is None:
                    self.report.skip(NOT_EXPORTED, here)
                else:
                    ann.lines.append(f"{ann.next_id('R')}\tSpeaker Arg1:{ident} Arg2:{speaker}")

    def _events(self, record: DocumentRecord, ann: _Ann, entity_ids: dict[str, str]) -> None:
        for event in record.events:
            kind = brat_type(event.type)
            trigger = ann.text_bound(kind, event.trigger.start, event.trigger.end)
            if trigger is None:
                continue
            self.report.count_span(self.split, "events", event.type)
            parts = [f"{kind}:{trigger}"]
            seen: dict[str, int] = {}
            for argument in event.arguments:
                target = entity_ids.get(argument.entity)
                if target is None:
                    self.report.skip(NOT_EXPORTED, where(record, event.trigger.start,
                                                         event.trigger.end))
                    continue
                seen[argument.role] = seen.get(argument.role, 0) + 1
                number = seen[argument.role]
                parts.append(f"{argument.role}{number if number > 1 else ''}:{target}")
            ident = ann.next_id("E")
            ann.lines.append(f"{ident}\t{' '.join(parts)}")
            ann.attributes(ident, event.attrs)
            ann.note(ident, event.note)

    def close(self) -> None:
        """Every pair is complete when ``add`` returns; the record of names goes."""
        shutil.rmtree(self.path / CLAIMS, ignore_errors=True)


def annotation_conf(context: Context) -> str:
    """brat's ``annotation.conf`` for the labels, events, relations and attributes written."""
    schema = context.schema
    layers = context.layers
    entities = list(schema.entity_types) if "entities" in layers else []
    if "quotes" in layers:
        entities += [QUOTE_LABEL, CUE_LABEL]
    lines = ["[entities]", *entities, "", "[relations]"]
    if "quotes" in layers:
        lines += [f"Speaker\tArg1:{QUOTE_LABEL}, Arg2:<ENTITY>",
                  f"Cue\tArg1:{QUOTE_LABEL}, Arg2:{CUE_LABEL}"]
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    if "events" in layers:
        for name, event_type in schema.event_types.items():
            roles = ", ".join(f"{role}*:<ENTITY>" for role in getattr(event_type, "roles", ()))
            lines.append(f"{brat_type(name)}\t{roles}" if roles else brat_type(name))
    lines += ["", "[attributes]"]
    if "entities" in layers:
        for name, attr in schema.entity_attributes.items():
            values = "|".join(getattr(attr, "values", ()))
            lines.append(f"{name}\tArg:<ENTITY>" + (f", Value:{values}" if values else ""))
    if "quotes" in layers and schema.quote_kinds:
        lines.append(f"kind\tArg:{QUOTE_LABEL}, Value:{'|'.join(schema.quote_kinds)}")
    if "events" in layers:
        for name, attr in schema.event_attributes.items():
            values = "|".join(getattr(attr, "values", ()))
            lines.append(f"{name}\tArg:<EVENT>" + (f", Value:{values}" if values else ""))
    return "\n".join(lines) + "\n"


def write_conf(folder: Path, context: Context) -> list[str]:
    """``annotation.conf`` at the top of the export folder (brat looks in parent folders)."""
    (folder / CONF_NAME).write_text(annotation_conf(context), encoding="utf-8")
    return [CONF_NAME]
