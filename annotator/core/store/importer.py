"""Bulk import of :class:`~annotator.core.model.DocumentRecord` objects.

The whole import is ONE transaction: it adds every record or none. Row ids are allocated
up front (the write lock is held), so the file-local annotation ids of a record can be
remapped to store ids while the rows are buffered, and each table is written with large
``executemany`` batches. Every record is checked before it is buffered (spans, labels,
roles, references); the first problem aborts the import with a ``ProjectError`` naming
the record's source. The import writes one ``audit`` journal entry: it is not undoable.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from annotator.core.model import AUTHOR, DocumentRecord, EntityColumns, LayerState, Span
from annotator.core.schema import Schema, rules
from annotator.core.store import validation as v
from annotator.core.store.base import ProjectBase
from annotator.core.store.bulk import KeyFilter, indexes_built_after, insert_rows
from annotator.core.store.errors import ProjectError
from annotator.core.store.events import DocumentsAdded
from annotator.core.store.journal import write_entry
from annotator.core.store.layers import LAYER_TABLES
from annotator.core.store.reading import search_key
from annotator.core.store.timeutil import utc_now

BATCH_DOCUMENTS = 2000
BATCH_CHARS = 1_000_000
"""Rows are written when this many documents, or this many code points of text, are
buffered: the buffer (not the input) bounds the import's memory (issue 12)."""
INSERTS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "external_id", "title", "sha256", "length", "source", "search_key",
                  "meta", "normalization", "created", "updated", "text"),
    "entities": ("id", "doc_id", "start", '"end"', "label", "attrs", "note", "annotator_id",
                 "schema_version", "created", "updated"),
    "quotes": ("id", "doc_id", "content_start", "content_end", "cue_start", "cue_end",
               "speaker_entity_id", "speaker_author", "kind", "attrs", "note", "annotator_id",
               "schema_version", "created", "updated"),
    "events": ("id", "doc_id", "type", "trigger_start", "trigger_end", "attrs", "note",
               "annotator_id", "schema_version", "created", "updated"),
    "event_arguments": ("doc_id", "event_id", "role", "entity_id", "annotator_id",
                        "schema_version", "created"),
    "stances": ("id", "doc_id", "holder_entity_id", "holder_author", "target_entity_id",
                "target_event_id", "target_topic", "label", "evidence_quote_id",
                "evidence_start", "evidence_end", "attrs", "note", "annotator_id",
                "schema_version", "created", "updated"),
    "document_labels": ("doc_id", "key", "value", "annotator_id", "schema_version", "updated"),
    "notes": ("doc_id", "annotator_id", "text", "created"),
    "document_status": ("doc_id", "annotator_id", "status", "updated"),
    "recommender_suggestions": ("doc_id", "kind", "start", '"end"', "label", "model_version",
                                "created"),
}
"""(``recommender_suggestions``: a record's ``suggestions``, other tools' predictions: never
annotations, issue 18.)"""
KEPT_SOURCES = 1000
"""Record sources named in the import's journal entry (the others are counted)."""
ID_TABLES = ("documents", "entities", "quotes", "events", "stances")
KEPT_JSON = 64
"""Normalization records whose JSON text an import remembers."""
_FLAT = frozenset({bool, int, str})


@dataclass(slots=True)
class ImportReport:
    """What an import did. ``duplicates``: (record source, external id of the document
    that already has the same text); ``renamed``: (source, requested id, id given);
    ``layered`` (an import that adds layers): (source, external id of the document that
    got the importing annotator's layer)."""

    doc_ids: list[int] = field(default_factory=list)
    duplicates: list[tuple[str | None, str]] = field(default_factory=list)
    layered: list[tuple[str | None, str]] = field(default_factory=list)
    renamed: list[tuple[str | None, str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    journal_id: int | None = None

    @property
    def imported(self) -> int:
        """Number of documents added."""
        return len(self.doc_ids)


class _Run:
    """State of one import: allocated ids, buffered rows, names seen so far."""

    def __init__(self, conn: sqlite3.Connection, schema: Schema, version: int,
                 annotator_ids: dict[str, int], default_annotator: int,
                 spans_checked: bool = False, as_layer: bool = False) -> None:
        self.conn = conn
        self.as_layer = as_layer
        """Everything goes to ``default_annotator``'s layer, and a document already in the
        project gets that layer instead of being a duplicate."""
        self.spans_checked = spans_checked
        self.schema = schema
        self.version = version
        self.annotator_ids = annotator_ids
        self.default_annotator = default_annotator
        self.now = utc_now()
        self.next_id = {t: self._first_free(t) for t in ID_TABLES}
        self.first_doc_id = self.next_id["documents"]
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in INSERTS}
        self.sha_seen = KeyFilter()
        """The first 8 bytes (as an int) of the sha256 of every text added by this run, and
        ``ext_seen`` the ``hash()`` of every external id given, in constant memory (issue
        12): a hit is confirmed on the full value, in the rows not written yet or in the
        database (rare: a duplicate, a clash, or the filter's false positive)."""
        self.pending_chars = 0
        self.json_seen: dict[tuple[Any, ...], str] = {}
        self.ext_seen = KeyFilter()
        # With no documents yet (the usual first import) nothing can clash: skip the
        # per-record look-ups, which would otherwise cost two queries per document.
        self.store_empty = conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None
        self.report = ImportReport(counts=dict.fromkeys(INSERTS, 0))
        self.source_count = 0
        self.last_source: str | None = None
        self.sources: list[str] = []
        """The first :data:`KEPT_SOURCES` record sources (``source_count`` counts them all)."""

    def _first_free(self, table: str) -> int:
        row = self.conn.execute(
            f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),"
            f" coalesce((SELECT max(id) FROM {table}), 0))").fetchone()
        return int(row[0]) + 1

    def take_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def annotator(self, name: str | None) -> int:
        if name is None or self.as_layer:
            return self.default_annotator
        found = self.annotator_ids.get(name)
        if found is None:
            cur = self.conn.execute("INSERT INTO annotators(name, created) VALUES (?, ?)",
                                    (name, self.now))
            found = self.annotator_ids[name] = int(cur.lastrowid or 0)
        return found

    def flush(self) -> None:
        for table, columns in INSERTS.items():
            rows = self.rows[table]
            if not rows:
                continue
            insert_rows(self.conn, table, columns, rows)
            self.report.counts[table] += len(rows)
            rows.clear()
        self.pending_chars = 0

    def _taken(self, external_id: str) -> bool:
        """Whether a document of this run or of the store has this external id."""
        if hash(external_id) in self.ext_seen:
            if any(row[1] == external_id for row in self.rows["documents"]):
                return True
        elif self.store_empty:
            return False
        return self.conn.execute("SELECT 1 FROM documents WHERE external_id = ?",
                                 (external_id,)).fetchone() is not None

    def _earlier(self, raw_digest: bytes, digest: str) -> str | None:
        """The external id of a document of this run or of the store with this text."""
        if int.from_bytes(raw_digest[:8], "big") in self.sha_seen:
            for row in self.rows["documents"]:
                if row[3] == digest:
                    return str(row[1])
        elif self.store_empty:
            return None
        row = self.conn.execute("SELECT external_id FROM documents WHERE sha256 = ?",
                                (digest,)).fetchone()
        return None if row is None else str(row[0])

    def _from_this_run(self, external_id: str) -> bool:
        """Whether the stored or pending document ``external_id`` was added by this run
        (a second record of it is a duplicate, not a layer for it)."""
        if any(row[1] == external_id for row in self.rows["documents"]):
            return True
        row = self.conn.execute("SELECT id FROM documents WHERE external_id = ?",
                                (external_id,)).fetchone()
        return row is not None and int(row[0]) >= self.first_doc_id

    def external_id(self, record: DocumentRecord, doc_id: int) -> str:
        wanted = record.id if record.id else f"doc-{doc_id:06d}"
        candidate, n = wanted, 1
        while self._taken(candidate):
            n += 1
            candidate = f"{wanted}-{n}"
        if candidate != wanted and record.id:
            self.report.renamed.append((record.source, wanted, candidate))
        self.ext_seen.add(hash(candidate))
        return candidate

    def add(self, record: DocumentRecord, source: str) -> None:
        raw_digest = hashlib.sha256(record.text.encode("utf-8")).digest()
        digest = raw_digest.hex()
        earlier = self._earlier(raw_digest, digest)
        if earlier is not None and self.as_layer and not self._from_this_run(earlier):
            self._add_layer(record, earlier)
            self.sha_seen.add(int.from_bytes(raw_digest[:8], "big"))
            return
        if earlier is not None:
            self.report.duplicates.append((record.source, earlier))
            return
        self._check_layers(record)
        doc_id = self.take_id("documents")
        ext = self.external_id(record, doc_id)
        self.sha_seen.add(int.from_bytes(raw_digest[:8], "big"))
        self.pending_chars += len(record.text)
        self.rows["documents"].append((
            doc_id, ext, record.title, digest, len(record.text), record.source,
            search_key(record.title, ext), v.json_text(record.meta, "meta"),
            self.normalization_json(record.normalization), self.now, self.now,
            record.text))
        self._annotations(record, doc_id)
        self._suggestions(record, doc_id)
        self.report.doc_ids.append(doc_id)
        if record.source and record.source != self.last_source:
            self.last_source = record.source
            self.source_count += 1
            if len(self.sources) < KEPT_SOURCES:
                self.sources.append(record.source)

    def normalization_json(self, value: dict[str, Any]) -> str:
        """``json_text`` of a record's normalization, remembered for a flat one of booleans,
        integers and strings (the same few repeat in every import; encoding one cost more
        than the rest of the document's row). At most :data:`KEPT_JSON` are kept."""
        key = tuple((k, type(x), x) for k, x in value.items() if type(x) in _FLAT)
        flat = len(key) == len(value)
        found = self.json_seen.get(key) if flat else None
        if found is None:
            found = v.json_text(value, "normalization")
            if flat and len(self.json_seen) < KEPT_JSON:
                self.json_seen[key] = found
        return found

    def _check_layers(self, record: DocumentRecord) -> None:
        """The statuses and labels of every layer the record holds are allowed; an import
        into one layer takes a record of one layer only."""
        states = record.layers or {"": LayerState(record.status, record.labels)}
        for state in states.values():
            _require(rules.status_problem(state.status))
            _require(rules.document_labels_problem(self.schema, state.labels))
        if self.as_layer:
            named = _annotators_named(record) | set(record.layers)
            named.discard(None)
            _require(None if len(named) < 2 else
                     f"the record holds the layers of {', '.join(sorted(map(str, named)))};"
                     " an import into one annotator's layer takes one layer")

    def _add_layer(self, record: DocumentRecord, external_id: str) -> None:
        """The record's annotations, status, labels and notes as this import's layer of the
        stored document with the same text (none when the layer is there already)."""
        row = self.conn.execute("SELECT id FROM documents WHERE external_id = ?",
                                (external_id,)).fetchone()
        doc_id, who = int(row[0]), self.default_annotator
        if any(self.conn.execute(f"SELECT 1 FROM {t} WHERE doc_id = ? AND annotator_id = ?",
                                 (doc_id, who)).fetchone() for t in LAYER_TABLES):
            self.report.duplicates.append((record.source, external_id))  # the layer is there
            return
        self._check_layers(record)
        self._annotations(record, doc_id)
        self._suggestions(record, doc_id, stored=True)
        self.report.layered.append((record.source, external_id))

    def _suggestions(self, record: DocumentRecord, doc_id: int, stored: bool = False) -> None:
        """Buffer the rows of the record's suggestions (a span and label once; with
        ``stored``, the document's stored suggestions are kept and not repeated)."""
        if not record.suggestions:
            return
        seen: set[tuple[str, int, int, str]] = set()
        if stored:
            seen = {(str(k), int(s), int(e), str(label)) for k, s, e, label in self.conn.execute(
                'SELECT kind, start, "end", label FROM recommender_suggestions'
                " WHERE doc_id = ?", (doc_id,))}
        rows = self.rows["recommender_suggestions"]
        for item in record.suggestions:
            key = (item.kind, item.start, item.end, item.label)
            if key in seen:
                continue
            seen.add(key)
            if not self.spans_checked:
                _require(v.span_reason(record.text, item.start, item.end,
                                       f"suggestion of {item.source}"))
            if item.label not in self.schema.entity_types:
                _require(rules.entity_label_problem(self.schema, item.label))
            rows.append((doc_id, *key, item.source, self.now))

    def _stamp(self, annotator: str | None) -> tuple[int, int, str, str]:
        return self.annotator(annotator), self.version, self.now, self.now

    def _entity_rows(self, record: DocumentRecord, doc_id: int) -> dict[str, tuple[int, str]]:
        """Buffer the entity rows of a record; returns file id -> (row id, label). Every
        check of every entity, in order, with the cheap form first (a label the schema
        declares, no attributes, the record's own annotator): set and dict lookups and
        local variables, one tuple per row (issue 12)."""
        text, schema, checked = record.text, self.schema, self.spans_checked
        types = schema.entity_types
        entities: dict[str, tuple[int, str]] = {}
        rows = self.rows["entities"]
        row_id = self.next_id["entities"]
        default = self._stamp(None)
        append = rows.append
        columns = record.entity_columns
        if columns and checked and not record.entities:
            return self._column_rows(columns, doc_id, default, linked=bool(
                record.quotes or record.events or record.stances))
        try:
            for e in record.all_entities():
                ident, label, attrs = e.id, e.label, e.attrs
                if ident in entities:
                    raise ValueError(f"entity id {ident!r} used twice")
                if not checked:
                    _require(v.span_reason(text, e.start, e.end, f"entity {ident}"))
                if label not in types:
                    _require(rules.entity_label_problem(schema, label))
                attrs_text = "{}"
                if attrs or type(attrs) is not dict:
                    _require(rules.entity_attrs_problem(schema, attrs))
                    attrs_text = v.attrs_json(attrs)
                entities[ident] = (row_id, label)
                stamp = default if e.annotator is None else self._stamp(e.annotator)
                append((row_id, doc_id, e.start, e.end, label, attrs_text, e.note, *stamp))
                row_id += 1
        finally:
            self.next_id["entities"] = row_id
        return entities

    def _column_rows(self, columns: EntityColumns, doc_id: int, stamp: tuple[int, int, str, str],
                     linked: bool) -> dict[str, tuple[int, str]]:
        """Buffer the rows of a reader's plain entities, made in C by ``zip`` (issue 12): the
        reader checked ids and spans, and the labels are proven declared as a set (else the
        first undeclared one is refused with the message of the other path). Returns file id -> (row
        id, label) when the record has links to resolve, else nothing."""
        labels = columns.labels
        if not self.schema.entity_types.keys() >= set(labels):
            for label in labels:
                _require(rules.entity_label_problem(self.schema, label))
        count, first = len(labels), self.next_id["entities"]
        ids = range(first, first + count)
        who, version, created, updated = stamp
        self.rows["entities"].extend(zip(
            ids, repeat(doc_id, count), columns.starts, columns.ends, labels,
            repeat("{}", count), repeat(None, count), repeat(who, count),
            repeat(version, count), repeat(created, count), repeat(updated, count),
            strict=True))
        self.next_id["entities"] = first + count
        return dict(zip(columns.ids, zip(ids, labels, strict=True), strict=True)) if linked else {}

    def _annotations(self, record: DocumentRecord, doc_id: int) -> None:
        text, schema = record.text, self.schema
        entities = self._entity_rows(record, doc_id)
        quotes: dict[str, int] = {}
        for q in record.quotes:
            if not self.spans_checked:
                _span(text, q.content, f"quote {q.id} content")
            if q.cue is not None and not self.spans_checked:
                _span(text, q.cue, f"quote {q.id} cue")
            _require(None if q.id not in quotes else f"quote id {q.id!r} used twice")
            _require(rules.quote_kind_problem(schema, q.kind))
            speaker_id, author = None, int(q.speaker == AUTHOR)
            if q.speaker is not None and not author:
                speaker_id, label = _lookup(entities, q.speaker, f"quote {q.id} speaker")
                _require(rules.speaker_label_problem(schema, label))
            quotes[q.id] = row_id = self.take_id("quotes")
            cue = (q.cue.start, q.cue.end) if q.cue is not None else (None, None)
            self.rows["quotes"].append((row_id, doc_id, q.content.start, q.content.end, *cue,
                                        speaker_id, author, q.kind, v.attrs_json(q.attrs),
                                        q.note, *self._stamp(q.annotator)))
        events: dict[str, tuple[int, str]] = {}
        for ev in record.events:
            _require(None if ev.id not in events else f"event id {ev.id!r} used twice")
            _require(rules.event_type_problem(schema, ev.type))
            if not self.spans_checked:
                _span(text, ev.trigger, f"event {ev.id} trigger")
            _require(rules.event_attrs_problem(schema, ev.attrs))
            row_id = self.take_id("events")
            events[ev.id] = (row_id, ev.type)
            stamp = self._stamp(ev.annotator)
            self.rows["events"].append((row_id, doc_id, ev.type, ev.trigger.start,
                                        ev.trigger.end, v.attrs_json(ev.attrs), ev.note,
                                        *stamp))
            for arg in ev.arguments:
                entity_id, label = _lookup(entities, arg.entity, f"event {ev.id} argument")
                _require(rules.role_problem(schema, ev.type, arg.role, label))
                self.rows["event_arguments"].append((doc_id, row_id, arg.role, entity_id,
                                                     *stamp[:3]))
        for s in record.stances:
            _require(rules.stance_label_problem(schema, s.label))
            holder_id, holder_author = None, int(s.holder == AUTHOR)
            if s.holder is not None and not holder_author:
                holder_id, label = _lookup(entities, s.holder, f"stance {s.id} holder")
                _require(rules.holder_label_problem(schema, label))
            t_entity = t_event = None
            if s.target.entity is not None:
                t_entity = _lookup(entities, s.target.entity, f"stance {s.id} target")[0]
            elif s.target.event is not None:
                t_event = _lookup(events, s.target.event, f"stance {s.id} target", "event")[0]
            else:
                _require(rules.topic_problem(schema, str(s.target.topic)))
            ev_quote: int | None = None
            ev_span: tuple[int | None, int | None] = (None, None)
            if isinstance(s.evidence, Span):
                if not self.spans_checked:
                    _span(text, s.evidence, f"stance {s.id} evidence")
                ev_span = (s.evidence.start, s.evidence.end)
            elif s.evidence is not None:
                if s.evidence not in quotes:
                    raise ValueError(f"stance {s.id} evidence: no quote {s.evidence!r}")
                ev_quote = quotes[s.evidence]
            self.rows["stances"].append((self.take_id("stances"), doc_id, holder_id,
                                         holder_author, t_entity, t_event, s.target.topic,
                                         s.label, ev_quote, *ev_span, v.attrs_json(s.attrs),
                                         s.note, *self._stamp(s.annotator)))
        own = LayerState(record.status, record.labels, record.notes)
        layers = record.layers if record.layers and not self.as_layer else {
            None if self.as_layer else _sole_annotator(record): own}
        for name, state in layers.items():
            who = self.annotator(name)
            for key, value in state.labels.items():
                self.rows["document_labels"].append((doc_id, key, v.json_text(value, key),
                                                     who, self.version, self.now))
            for note in state.notes:
                self.rows["notes"].append((doc_id, who, note, self.now))
            if state.status != "todo":
                self.rows["document_status"].append((doc_id, who, state.status, self.now))


def _annotators_named(record: DocumentRecord) -> set[str | None]:
    """The annotators the record's annotations name (None for an annotation naming none)."""
    named: set[str | None] = {e.annotator for e in record.entities}
    if record.entity_columns:
        named.add(None)  # plain entities name no annotator
    for items in (record.quotes, record.events, record.stances):
        named |= {item.annotator for item in items}
    return named


def _sole_annotator(record: DocumentRecord) -> str | None:
    """The one annotator every annotation of the record names, else None: a record without
    ``layers`` gives them its status, labels and notes (a one-layer export read back)."""
    named = _annotators_named(record)
    return next(iter(named)) if len(named) == 1 else None


def _require(problem: str | None) -> None:
    if problem is not None:
        raise ValueError(problem)


def _span(text: str, span: Span, what: str) -> None:
    _require(v.span_reason(text, span.start, span.end, what))


def _lookup(known: dict[str, tuple[int, str]], ref: str, what: str,
            kind: str = "entity") -> tuple[int, str]:
    found = known.get(ref)
    if found is None:
        raise ValueError(f"{what}: no {kind} {ref!r} in this record")
    return found


class ImportMixin(ProjectBase):
    """``import_records`` of :class:`~annotator.core.store.Project`."""

    def _flush(self, run: _Run) -> None:
        try:
            run.flush()
        except sqlite3.IntegrityError as exc:
            raise ProjectError(f"{self.path}: import rejected by the database ({exc})") from exc

    _adding_layers = False

    @contextmanager
    def adding_layers(self) -> Iterator[None]:
        """Inside the block, imports (``import_records``, and the pipeline's
        ``import_paths``) go into this annotator's LAYER: every annotation, status, label
        and note of the records becomes theirs (a record holding several annotators' layers
        is refused), and a document already in the project with the same text gets the
        layer added (``ImportReport.layered``) instead of being a duplicate; one whose
        layer of this annotator is there already is a duplicate."""
        self._adding_layers = True
        try:
            yield
        finally:
            self._adding_layers = False

    def _add_all(self, run: _Run, records: Iterable[DocumentRecord]) -> None:
        for number, record in enumerate(records, start=1):
            source = record.source or f"record {number}"
            try:
                run.add(record, source)
            except (ValueError, TypeError) as exc:
                raise ProjectError(f"{source}: {exc}") from exc
            except sqlite3.IntegrityError as exc:
                raise ProjectError(f"{source}: rejected by the database ({exc})") from exc
            if (len(run.rows["documents"]) >= BATCH_DOCUMENTS
                    or run.pending_chars >= BATCH_CHARS):
                self._flush(run)
        self._flush(run)

    def import_records(self, records: Iterable[DocumentRecord], *,
                       spans_checked: bool = False) -> ImportReport:
        """Add documents with their annotations, all or nothing (one transaction).

        A text identical (same sha256) to a stored document or to an earlier record of the
        same run is reported in ``duplicates`` and skipped. External ids are kept when
        unique; a missing one becomes ``doc-000123`` (the row id), a clash gets a ``-2``
        (``-3``...) suffix, reported in ``renamed``. Annotation ids in the records are
        file-local and are remapped to the new row ids, references included. Annotations
        take the annotator named in them (else this project's annotator) and the current
        schema version; a record's ``layers`` give each annotator's status, labels and
        notes, else they are this project's annotator's (see also :meth:`adding_layers`).
        The import is journaled as one ``audit`` entry: it is NOT undoable.
        Raises ``ProjectError`` naming the record's source on the first invalid record.
        ``records`` may be a generator: it is consumed inside the open transaction, and
        an exception it raises rolls everything back. ``spans_checked``: the caller
        checked every span with ``span_problem`` on the record's text already (the import
        pipeline does); the other checks still run.
        """
        schema, version = self.schema, self.schema_version
        names = {n: i for i, n in self.conn.execute("SELECT id, name FROM annotators")}
        with self._transaction():
            run = _Run(self.conn, schema, version, names, self.annotator_id, spans_checked,
                       self._adding_layers)
            with indexes_built_after(self.conn, run.store_empty):
                self._add_all(run, records)
            report = run.report
            summary = {"imported": report.imported, "duplicates": len(report.duplicates),
                       "layered": len(report.layered),
                       "renamed": len(report.renamed), "counts": report.counts,
                       "sources": run.sources,
                       "more_sources": run.source_count - len(run.sources)}
            plural = "" if report.imported == 1 else "s"
            report.journal_id = write_entry(
                self.conn, annotator_id=self.actor_id, doc_id=None,
                action=f"Import {report.imported} document{plural}", kind="audit",
                target_id=None, changes=summary)
        if report.doc_ids:
            self.events.publish(DocumentsAdded(tuple(report.doc_ids)))
        return report


__all__ = ["ImportMixin", "ImportReport"]
