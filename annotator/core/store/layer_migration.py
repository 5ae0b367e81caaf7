"""Migration 5: the one status per document and the document labels become annotator layers.

Each status other than ``todo`` goes to the annotator who set it: the latest ``Mark …``
journal entry (a ``do``, ``undo`` or ``redo``) whose changes set that document's status.
Failing that (a status that came with an import) it goes to the annotator who made most of
the document's annotations, failing that to the project's first annotator. Labels keep the
annotator stored on them. Undo stack entries whose changes touch ``documents`` or
``document_labels`` are dropped: their row keys are those of the old format (the journal
itself is append-only and keeps them).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from annotator.core.store.timeutil import utc_now

LABELS_V5 = """CREATE TABLE document_labels (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    schema_version INTEGER NOT NULL REFERENCES schemas(version),
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, key, annotator_id))"""
LABEL_COLUMNS = "doc_id, key, value, annotator_id, schema_version, updated"
ANNOTATED = ("entities", "quotes", "events", "stances")


def _changes(text: Any) -> list[dict[str, Any]]:
    """A journal payload's row changes, or nothing when it is not a readable list."""
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return []
    return [c for c in value if isinstance(c, dict)] if isinstance(value, list) else []


def status_setters(conn: sqlite3.Connection) -> dict[int, int]:
    """Document id -> the annotator whose journaled action last set its status."""
    setters: dict[int, int] = {}
    for annotator_id, text in conn.execute(
            "SELECT annotator_id, changes FROM journal WHERE action LIKE 'Mark %'"
            " AND kind IN ('do', 'undo', 'redo') ORDER BY id"):
        for change in _changes(text):
            after = change.get("after")
            if (change.get("table") == "documents" and isinstance(after, dict)
                    and "status" in after and type(change.get("id")) is int):
                setters[change["id"]] = int(annotator_id)
    return setters


def _main_annotator(conn: sqlite3.Connection, doc_id: int) -> int | None:
    """The annotator who made most of a document's annotations (the first one on a tie)."""
    union = " UNION ALL ".join(f"SELECT annotator_id FROM {t} WHERE doc_id = ?"
                               for t in ANNOTATED)
    row = conn.execute(f"SELECT annotator_id FROM ({union}) GROUP BY annotator_id"
                       " ORDER BY count(*) DESC, annotator_id LIMIT 1",
                       [doc_id] * len(ANNOTATED)).fetchone()
    return None if row is None else int(row[0])


def _first_annotator(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT min(id) FROM annotators").fetchone()
    if row is not None and row[0] is not None:
        return int(row[0])
    cur = conn.execute("INSERT INTO annotators(name, created) VALUES ('annotator', ?)",
                       (utc_now(),))
    return int(cur.lastrowid or 0)


def _drop_old_stack_entries(conn: sqlite3.Connection) -> None:
    stale = []
    for journal_id, text in conn.execute(
            "SELECT j.id, j.changes FROM undo_stack s JOIN journal j ON j.id = s.journal_id"):
        if any(c.get("table") in ("documents", "document_labels") for c in _changes(text)):
            stale.append((journal_id,))
    conn.executemany("DELETE FROM undo_stack WHERE journal_id = ?", stale)


def migrate_to_layers(conn: sqlite3.Connection, status_check: str) -> None:
    """Create ``document_status``, rekey ``document_labels``, move the statuses (inside the
    migration's transaction)."""
    conn.execute(f"""CREATE TABLE document_status (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status TEXT NOT NULL CHECK ({status_check}),
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator_id))""")
    # The navigator's status filters: one annotator's documents of one status, in order.
    conn.execute("CREATE INDEX document_status_filter"
                 " ON document_status(annotator_id, status, doc_id)")
    # One annotator's status of one document, read from the index alone (navigator rows).
    conn.execute("CREATE INDEX document_status_of"
                 " ON document_status(annotator_id, doc_id, status)")
    conn.execute("ALTER TABLE document_labels RENAME TO document_labels_v4")
    conn.execute(LABELS_V5)
    conn.execute(f"INSERT INTO document_labels ({LABEL_COLUMNS})"
                 f" SELECT {LABEL_COLUMNS} FROM document_labels_v4")
    conn.execute("DROP TABLE document_labels_v4")
    conn.execute("DROP INDEX IF EXISTS documents_nav")
    conn.execute("CREATE INDEX documents_nav"
                 " ON documents(id, external_id, title, length, search_key)")
    setters = status_setters(conn)
    moved: list[tuple[int, int, str, str]] = []
    first: int | None = None
    for doc_id, status, updated in conn.execute(
            "SELECT id, status, updated FROM documents WHERE status <> 'todo'").fetchall():
        owner = setters.get(doc_id)
        if owner is None:
            owner = _main_annotator(conn, doc_id)
        if owner is None:
            first = first if first is not None else _first_annotator(conn)
            owner = first
        moved.append((doc_id, owner, status, updated))
    conn.executemany("INSERT INTO document_status(doc_id, annotator_id, status, updated)"
                     " VALUES (?, ?, ?, ?)", moved)
    _drop_old_stack_entries(conn)
