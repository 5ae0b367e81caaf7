"""Store-level invariant checks behind ``Project.validate()``.

Finds what the database constraints cannot: a text whose sha256 or length no longer
matches, spans that break the text rules (range, grapheme boundaries, trimmed edges),
labels / types / roles / kinds / topics the schema version of a row does not allow,
references across documents, and a journal whose order is broken. It also reports SQLite's
own ``integrity_check`` and ``foreign_key_check`` findings. It reads only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.core.schema import Schema
from annotator.core.store import validation as v
from annotator.core.store.journal import q
from annotator.core.store.records import GroupedStream
from annotator.core.store.rows import DamagedText, decode_text, decode_values, kinds, load_json


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken invariant: where (document, table, row id) and why."""

    doc_id: int | None
    table: str
    row_id: int | str | None
    reason: str


SchemaFor = Callable[[int], Schema]
Progress = Callable[[int, int], None]
"""Called with (documents checked, documents in the project) as the text checks go."""
PROGRESS_EVERY = 500
"""Documents checked between two progress calls."""
REASON_LIMIT = 400
"""Longest reason a violation gives (a crafted label or id may be megabytes long)."""

_SPANS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "entities": ('doc_id, id, start, "end"', [("entity", "start", "end")]),
    "quotes": ("doc_id, id, content_start, content_end, cue_start, cue_end",
               [("quote content", "a", "b"), ("quote cue", "c", "d")]),
    "events": ("doc_id, id, trigger_start, trigger_end", [("event trigger", "a", "b")]),
    "stances": ("doc_id, id, evidence_start, evidence_end", [("stance evidence", "a", "b")]),
}

_CROSS_DOC: tuple[tuple[str, str, str, str], ...] = (
    ("quotes", "speaker_entity_id", "entities", "speaker"),
    ("event_arguments", "entity_id", "entities", "argument entity"),
    ("event_arguments", "event_id", "events", "event"),
    ("stances", "holder_entity_id", "entities", "holder"),
    ("stances", "target_entity_id", "entities", "target entity"),
    ("stances", "target_event_id", "events", "target event"),
    ("stances", "evidence_quote_id", "quotes", "evidence quote"),
)


def _sqlite_checks(conn: sqlite3.Connection) -> Iterator[Violation]:
    for (message,) in conn.execute("PRAGMA integrity_check"):
        if message != "ok":
            yield Violation(None, "", None, f"integrity_check: {message}")
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        yield Violation(None, table, rowid, f"references a missing row of {parent}")


def _damaged_rows(conn: sqlite3.Connection, damaged: set[tuple[str, int]]
                  ) -> Iterator[Violation]:
    """Every stored value its column cannot hold (wrong type, NULL, not UTF-8, bad JSON):
    the same decoding every read uses (:mod:`.rows`). Adds ``(table, rowid)`` of each such
    row to ``damaged``, so the checks after this one skip them."""
    present = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master"
                                               " WHERE type = 'table'")}
    for table, spec in kinds().items():
        if table not in present:
            continue
        columns = tuple(spec)
        has_doc = "doc_id" in spec
        sql = f'SELECT rowid, {", ".join(q(c) for c in columns)} FROM {q(table)}'
        for rowid, *row in conn.execute(sql):
            _values, problems = decode_values(table, columns, tuple(row))
            if not problems:
                continue
            damaged.add((table, rowid))
            doc = rowid if table == "documents" else (
                row[columns.index("doc_id")] if has_doc else None)
            doc_id = doc if type(doc) is int else None
            yield Violation(doc_id, table, rowid, "; ".join(problems))


def _documents_and_spans(conn: sqlite3.Connection, progress: Progress | None
                         ) -> Iterator[Violation]:
    """The text checks, one document at a time (the pass that takes the time: it reports
    progress every ``PROGRESS_EVERY`` documents)."""
    total = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    if progress is not None:
        progress(0, total)
    streams = {t: GroupedStream(iter(conn.execute(
        f"SELECT {cols} FROM {t} ORDER BY doc_id, id"))) for t, (cols, _) in _SPANS.items()}
    done = 0
    for doc_id, sha, length, status, text in conn.execute(
            "SELECT id, sha256, length, status, text FROM documents ORDER BY id"):
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if not isinstance(text, str) or isinstance(text, DamagedText):  # reported already
            for stream in streams.values():
                stream.take(doc_id)
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            yield Violation(doc_id, "documents", doc_id, "sha256 does not match the text")
        if length != len(text):
            yield Violation(doc_id, "documents", doc_id, f"length {length} != {len(text)}")
        problem = v.status_problem(status)
        if problem:
            yield Violation(doc_id, "documents", doc_id, problem)
        for table, (_cols, spans) in _SPANS.items():
            for row in streams[table].take(doc_id):
                for i, (what, _s, _e) in enumerate(spans):
                    start, end = row[2 + 2 * i], row[3 + 2 * i]
                    if start is None and end is None:
                        continue
                    reason = v.span_reason(text, start, end, what)
                    if reason:
                        yield Violation(doc_id, table, row[1], reason)
    if progress is not None and done % PROGRESS_EVERY:
        progress(done, total)


def _entity(s: Schema, label: str, attrs: str) -> str | None:
    return v.entity_label_problem(s, label) or v.entity_attrs_problem(s, load_json(attrs))


def _event(s: Schema, event_type: str, attrs: str) -> str | None:
    return v.event_type_problem(s, event_type) or v.event_attrs_problem(s, load_json(attrs))


def _argument(s: Schema, role: str, event_type: str, label: str) -> str | None:
    return v.role_problem(s, event_type, role, label)


def _stance(s: Schema, label: str, topic: str | None) -> str | None:
    return v.stance_label_problem(s, label) or (
        v.topic_problem(s, topic) if topic is not None else None)


def _doc_label(s: Schema, key: str, value: str) -> str | None:
    return v.document_label_problem(s, key, load_json(value))


_LABEL_CHECKS: tuple[tuple[str, str, Callable[..., str | None]], ...] = (
    ("entities", "SELECT rowid, doc_id, id, schema_version, label, attrs FROM entities",
     _entity),
    ("quotes", "SELECT rowid, doc_id, id, schema_version, kind FROM quotes",
     v.quote_kind_problem),
    ("events", "SELECT rowid, doc_id, id, schema_version, type, attrs FROM events", _event),
    ("event_arguments", "SELECT a.rowid, a.doc_id, a.id, a.schema_version, a.role, e.type,"
     " n.label FROM event_arguments a JOIN events e ON e.id = a.event_id"
     " JOIN entities n ON n.id = a.entity_id", _argument),
    ("stances", "SELECT rowid, doc_id, id, schema_version, label, target_topic FROM stances",
     _stance),
    ("document_labels", "SELECT rowid, doc_id, key, schema_version, key, value"
     " FROM document_labels", _doc_label),
)


def _unreadable(values: list[Any]) -> bool:
    return any(isinstance(x, (bytes, DamagedText)) for x in values)


def _labels(conn: sqlite3.Connection, schema_for: SchemaFor,
            damaged: set[tuple[str, int]]) -> Iterator[Violation]:
    """Rows whose label/type/role/kind/topic/attributes their schema version rejects."""
    for table, sql, test in _LABEL_CHECKS:
        for rowid, doc_id, row_id, version, *values in conn.execute(sql):
            if (table, rowid) in damaged or _unreadable(values):
                continue
            try:
                schema = schema_for(version)
            except Exception as exc:  # a missing or unreadable schema version
                yield Violation(doc_id, table, row_id, f"schema version {version}: {exc}")
                continue
            try:
                reason = test(schema, *values)
            except ValueError as exc:
                reason = f"stored JSON {exc}"
            if reason:
                yield Violation(doc_id, table, row_id, reason)


def _layer_statuses(conn: sqlite3.Connection) -> Iterator[Violation]:
    """Annotator statuses that are not a status (the CHECK can be switched off)."""
    for doc_id, who, status in conn.execute(
            "SELECT doc_id, annotator_id, status FROM document_status"):
        problem = v.status_problem(status) if isinstance(status, str) else None
        if problem:
            yield Violation(doc_id, "document_status", f"{doc_id}/{who}", problem)


def _references(conn: sqlite3.Connection) -> Iterator[Violation]:
    for table, column, parent, what in _CROSS_DOC:
        sql = (f"SELECT c.doc_id, c.id, p.doc_id FROM {table} c JOIN {parent} p"
               f" ON p.id = c.{column} WHERE p.doc_id != c.doc_id")
        for doc_id, row_id, other in conn.execute(sql):
            yield Violation(doc_id, table, row_id, f"{what} belongs to document {other}")


def _journal(conn: sqlite3.Connection, damaged: set[tuple[str, int]]) -> Iterator[Violation]:
    previous_ts = ""
    kinds: dict[int, str] = {}
    for jid, ts, kind, target, changes in conn.execute(
            "SELECT id, ts, kind, target_id, changes FROM journal ORDER BY id"):
        if ("journal", jid) in damaged:
            continue
        if kind != "audit" and not isinstance(load_json(changes), list):
            yield Violation(None, "journal", jid, f"a {kind} entry holds no list of changes")
        if ts < previous_ts:
            yield Violation(None, "journal", jid, f"timestamp {ts} is before {previous_ts}")
        previous_ts = max(previous_ts, ts)
        if kind in ("undo", "redo"):
            if target is None or target >= jid:
                yield Violation(None, "journal", jid, f"{kind} targets a later entry {target}")
            elif kinds.get(target) != "do":
                yield Violation(None, "journal", jid, f"{kind} target {target} is not a 'do'")
        elif target is not None:
            yield Violation(None, "journal", jid, f"a {kind} entry has a target")
        if kind == "do":
            kinds[jid] = kind
    for stack, jid in conn.execute(
            "SELECT s.stack, s.journal_id FROM undo_stack s LEFT JOIN journal j"
            " ON j.id = s.journal_id WHERE j.kind IS NOT 'do'"):
        yield Violation(None, "undo_stack", jid, f"{stack} stack holds a non-'do' entry")


def find_violations(conn: sqlite3.Connection, schema_for: SchemaFor,
                    progress: Progress | None = None) -> list[Violation]:
    """Every violation found, SQLite's own checks first; ``progress`` follows the documents."""
    conn.text_factory = decode_text
    found: list[Violation] = []
    damaged: set[tuple[str, int]] = set()
    for part in (_sqlite_checks(conn), _damaged_rows(conn, damaged),
                 _documents_and_spans(conn, progress), _labels(conn, schema_for, damaged),
                 _layer_statuses(conn), _references(conn), _journal(conn, damaged)):
        found.extend(part)
    return [v if len(v.reason) <= REASON_LIMIT else
            Violation(v.doc_id, v.table, v.row_id, v.reason[:REASON_LIMIT] + "…")
            for v in found]
