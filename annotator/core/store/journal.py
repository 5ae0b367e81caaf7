"""The append-only operations journal, row-change recording, and undo/redo stacks.

Every user action runs in one transaction with a :class:`ChangeSet`: its ``insert`` /
``update`` / ``delete`` helpers change one row and record ``{"table", "op", "id",
"before", "after"}`` with the complete rows, which is enough to invert the change. The
action's changes become one journal row (kind ``do``). Undo applies the inverse of a
``do`` entry's changes (kind ``undo``), redo re-applies them (kind ``redo``); both refuse
when a row is no longer what the entry left behind (someone else changed it since).

The undo and redo stacks of each annotator live in the ``undo_stack`` table, updated in
the same transaction as the journal, so they survive restarts and span documents.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from annotator.core.store.engines import defer, journal_turn, returns_rows
from annotator.core.store.errors import ProjectError
from annotator.core.store.rows import (
    DamagedRowError,
    DamagedText,
    decode_value,
    decode_values,
    kinds,
)
from annotator.core.store.tables import TABLE_KEYS
from annotator.core.store.timeutil import utc_now

Row = dict[str, Any]
Change = dict[str, Any]

SINGULAR: dict[str, str] = {
    "documents": "document",
    "entities": "entity",
    "quotes": "quote",
    "events": "event",
    "event_arguments": "event argument",
    "stances": "stance",
    "document_labels": "document label",
    "document_status": "document status",
    "notes": "note",
    "schemas": "schema version",
    "curation_decisions": "curation decision",
    "curation_documents": "curation state",
}


def q(name: str) -> str:
    """Quote an SQL identifier (columns such as ``end`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def key_of(table: str, row: Row) -> Any:
    """The journal ``id`` of a row: the integer id, or the list of its key columns
    (``[doc_id, key, annotator_id]`` for labels, ``[doc_id, annotator_id]`` for statuses)."""
    cols = TABLE_KEYS[table]
    return row[cols[0]] if len(cols) == 1 else [row[c] for c in cols]


def _where(table: str, key: Any) -> tuple[str, list[Any]]:
    cols = TABLE_KEYS[table]
    values = [key] if len(cols) == 1 else list(key)
    return " AND ".join(f"{q(c)} = ?" for c in cols), values


def fetch_row(conn: sqlite3.Connection, table: str, key: Any) -> Row | None:
    """The full row with that key, as a dict, or None."""
    where, values = _where(table, key)
    return _one_row(conn.execute(f"SELECT * FROM {q(table)} WHERE {where}", values), table, key)


def _one_row(cur: Any, table: str, key: Any) -> Row | None:
    """The cursor's one row as a dict (None without one); a damaged value is refused."""
    row = cur.fetchone()
    if row is None:
        return None
    result = {d[0]: v for d, v in zip(cur.description, row, strict=True)}
    for column, value in result.items():
        if isinstance(value, (bytes, DamagedText)):  # never journal (or rewrite) damage
            raise DamagedRowError(table, key, f"{column} is damaged (run annotator validate);"
                             " the row cannot be changed")
    return result


def _insert_sql(table: str, row: Row) -> str:
    cols = ", ".join(q(c) for c in row)
    marks = ", ".join("?" for _ in row)
    return f"INSERT INTO {q(table)} ({cols}) VALUES ({marks})"


def _update_sql(table: str, key: Any, fields: Row) -> tuple[str, list[Any]]:
    where, values = _where(table, key)
    sets = ", ".join(f"{q(c)} = ?" for c in fields)
    return f"UPDATE {q(table)} SET {sets} WHERE {where}", [*fields.values(), *values]


def insert_row(conn: sqlite3.Connection, table: str, row: Row) -> int:
    """Insert ``row`` (a dict of columns) and return its rowid."""
    cur = conn.execute(_insert_sql(table, row), list(row.values()))
    return int(cur.lastrowid or 0)


def update_row(conn: sqlite3.Connection, table: str, key: Any, fields: Row) -> None:
    """Set ``fields`` on the row with that key."""
    conn.execute(*_update_sql(table, key, fields))


def delete_row(conn: sqlite3.Connection, table: str, key: Any) -> None:
    """Delete the row with that key."""
    where, values = _where(table, key)
    conn.execute(f"DELETE FROM {q(table)} WHERE {where}", values)


def describe(table: str, key: Any) -> str:
    """``entity 12`` / ``document label [3, 'topic']`` for messages."""
    return f"{SINGULAR.get(table, table)} {key}"


class ChangeSet:
    """Records every row change made through it, for the journal and for change events."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.changes: list[Change] = []

    def insert(self, table: str, row: Row) -> int:
        """Insert a row and record it; returns the new rowid (0 for tables without one)."""
        has_id = TABLE_KEYS[table] == ("id",)
        if returns_rows(self.conn):  # the row as stored, in the same round trip
            cur = self.conn.execute(_insert_sql(table, row) + " RETURNING *",
                                    list(row.values()))
            after = _one_row(cur, table, key_of(table, row) if not has_id else None)
            assert after is not None
            rowid = int(after["id"]) if has_id else 0
            key = rowid if has_id else key_of(table, row)
        else:
            rowid = insert_row(self.conn, table, row)
            key = rowid if has_id else key_of(table, row)
            after = fetch_row(self.conn, table, key)
        self.changes.append({"table": table, "op": "insert", "id": key, "before": None,
                             "after": after})
        return rowid

    def update(self, table: str, key: Any, fields: Row) -> bool:
        """Change some columns of an existing row; False (nothing recorded) if unchanged."""
        before = fetch_row(self.conn, table, key)
        if before is None:
            raise ProjectError(f"no {describe(table, key)}")
        if all(before.get(c) == v for c, v in fields.items() if c != "updated"):
            return False
        if returns_rows(self.conn):
            sql, values = _update_sql(table, key, fields)
            after = _one_row(self.conn.execute(sql + " RETURNING *", values), table, key)
        else:
            update_row(self.conn, table, key, fields)
            after = fetch_row(self.conn, table, key)
        self.changes.append({"table": table, "op": "update", "id": key, "before": before,
                             "after": after})
        return True

    def delete(self, table: str, key: Any) -> None:
        """Delete an existing row and record its content."""
        if returns_rows(self.conn):  # the row as it was, in the same round trip
            where, values = _where(table, key)
            before = _one_row(self.conn.execute(
                f"DELETE FROM {q(table)} WHERE {where} RETURNING *", values), table, key)
        else:
            before = fetch_row(self.conn, table, key)
            if before is not None:
                delete_row(self.conn, table, key)
        if before is None:
            raise ProjectError(f"no {describe(table, key)}")
        self.changes.append({"table": table, "op": "delete", "id": key, "before": before,
                             "after": None})


def _check_state(conn: sqlite3.Connection, change: Change, expected: Row | None,
                 action: str, verb: str) -> None:
    table, key = change["table"], change["id"]
    current = fetch_row(conn, table, key)
    if current != expected:
        what = describe(table, key)
        state = "was created again" if expected is None else (
            "was deleted" if current is None else "was changed")
        raise ProjectError(f"cannot {verb} {action!r}: {what} {state} since by someone else")


def inverse(change: Change) -> Change:
    """The change that undoes ``change``."""
    op = {"insert": "delete", "delete": "insert", "update": "update"}[change["op"]]
    return {"table": change["table"], "op": op, "id": change["id"],
            "before": change["after"], "after": change["before"]}


def apply_changes(conn: sqlite3.Connection, changes: list[Change], action: str,
                  verb: str) -> None:
    """Apply recorded changes in order, checking each row is in its recorded ``before`` state.

    ``verb`` (``undo``/``redo``) and ``action`` only word the refusal message.
    """
    for change in changes:  # each write rides with the next check (or the COMMIT)
        _check_state(conn, change, change["before"], action, verb)
        table, key = change["table"], change["id"]
        if change["op"] == "insert":
            defer(conn, _insert_sql(table, change["after"]), list(change["after"].values()))
        elif change["op"] == "delete":
            where, values = _where(table, key)
            defer(conn, f"DELETE FROM {q(table)} WHERE {where}", values)
        else:
            after = dict(change["after"])
            for col in TABLE_KEYS[table]:
                after.pop(col, None)
            defer(conn, *_update_sql(table, key, after))


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One journal row (``changes`` decoded). A row that cannot be read has ``damage``
    (the reason) and no changes; it can be listed but not undone or redone."""

    id: int
    ts: str
    annotator: str
    doc_id: int | None
    action: str
    kind: str
    target_id: int | None
    changes: list[Change]
    damage: str | None = None


_ENTRY_SQL = (
    "INSERT INTO journal(ts, annotator_id, doc_id, action, kind, target_id, changes)"
    " VALUES (max(?, coalesce((SELECT ts FROM journal ORDER BY id DESC LIMIT 1), '')),"
    " ?, ?, ?, ?, ?, ?)")
"""A journal row, its timestamp never before the previous entry's (read in the statement)."""


def _entry_values(annotator_id: int, doc_id: int | None, action: str, kind: str,
                  target_id: int | None, changes: list[Change] | dict[str, Any]) -> tuple[Any, ...]:
    return (utc_now(), annotator_id, doc_id, action, kind, target_id,
            json.dumps(changes, ensure_ascii=False, separators=(",", ":")))


def write_entry(conn: sqlite3.Connection, *, annotator_id: int, doc_id: int | None,
                action: str, kind: str, target_id: int | None,
                changes: list[Change] | dict[str, Any]) -> int:
    """Append a journal row and return its id. Timestamps never go backwards."""
    cur = conn.execute(_ENTRY_SQL, _entry_values(annotator_id, doc_id, action, kind,
                                                 target_id, changes))
    return int(cur.lastrowid or 0)


def append_entry(conn: sqlite3.Connection, *, annotator_id: int, doc_id: int | None,
                 action: str, kind: str, target_id: int | None,
                 changes: list[Change]) -> None:
    """:func:`write_entry` when the id is not needed (the undo stack takes the newest entry,
    see :func:`stack_push`): in the write turn's journal turn, and on PostgreSQL sent with
    the COMMIT."""
    journal_turn(conn)
    defer(conn, _ENTRY_SQL, _entry_values(annotator_id, doc_id, action, kind, target_id,
                                          changes))


def read_entry(conn: sqlite3.Connection, journal_id: int) -> JournalEntry:
    """The journal row with that id."""
    row = conn.execute(
        "SELECT j.id, j.ts, a.name, j.doc_id, j.action, j.kind, j.target_id, j.changes"
        " FROM journal j JOIN annotators a ON a.id = j.annotator_id WHERE j.id = ?",
        (journal_id,),
    ).fetchone()
    if row is None:
        raise ProjectError(f"no journal entry {journal_id}")
    entry = _entry(row)
    if entry.damage is not None:
        raise DamagedRowError("journal", journal_id, entry.damage)
    return entry


_ENTRY_COLUMNS = ("id", "ts", "doc_id", "action", "kind", "target_id", "changes")


def _entry(row: tuple[Any, ...]) -> JournalEntry:
    values, problems = decode_values("journal", _ENTRY_COLUMNS, row[:2] + row[3:])
    name, name_problem = decode_value(kinds()["annotators"]["name"], row[2])
    if name_problem is not None:
        problems.append(f"annotator name {name_problem}")
    jid, ts, doc_id, action, kind, target, changes = values
    if kind != "audit" and changes is not None and not isinstance(changes, list):
        problems.append("changes of a non-audit entry is not a list of changes")
    if problems:
        return JournalEntry(id=row[0], ts=ts or "?", annotator=name or "?", doc_id=doc_id,
                            action=action or "?", kind=kind or "?", target_id=target,
                            changes=[], damage="; ".join(problems))
    return JournalEntry(id=jid, ts=ts, annotator=name, doc_id=doc_id, action=action,
                        kind=kind, target_id=target, changes=changes)


def recent_entries(conn: sqlite3.Connection, limit: int,
                   doc_id: int | None = None) -> list[JournalEntry]:
    """The latest journal rows, newest first (optionally of one document)."""
    sql = ("SELECT j.id, j.ts, a.name, j.doc_id, j.action, j.kind, j.target_id, j.changes"
           " FROM journal j JOIN annotators a ON a.id = j.annotator_id")
    params: list[Any] = []
    if doc_id is not None:
        sql += " WHERE j.doc_id = ?"
        params.append(doc_id)
    sql += " ORDER BY j.id DESC LIMIT ?"
    params.append(limit)
    return [_entry(row) for row in conn.execute(sql, params)]


def stack_push(conn: sqlite3.Connection, annotator_id: int, stack: str,
               journal_id: int | None) -> None:
    """Put a ``do`` entry on top of an annotator's ``undo`` or ``redo`` stack: ``journal_id``,
    or (None) the entry this transaction just appended (the newest: entries are written in
    the journal's turn)."""
    sql = ("INSERT INTO undo_stack(annotator_id, stack, seq, journal_id) VALUES (?, ?,"
           " (SELECT coalesce(max(seq), 0) + 1 FROM undo_stack WHERE annotator_id = ?"
           "  AND stack = ?), ")
    if journal_id is None:
        defer(conn, sql + "(SELECT max(id) FROM journal))",
              (annotator_id, stack, annotator_id, stack))
    else:
        defer(conn, sql + "?)", (annotator_id, stack, annotator_id, stack, journal_id))


def stack_top(conn: sqlite3.Connection, annotator_id: int, stack: str) -> tuple[int, str] | None:
    """``(journal_id, action name)`` on top of a stack, or None when it is empty."""
    row = conn.execute(
        "SELECT s.journal_id, j.action FROM undo_stack s JOIN journal j ON j.id = s.journal_id"
        " WHERE s.annotator_id = ? AND s.stack = ? ORDER BY s.seq DESC LIMIT 1",
        (annotator_id, stack),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def stack_tops(conn: sqlite3.Connection, annotator_id: int) -> dict[str, str]:
    """The action names on top of an annotator's two stacks (``{"undo": name}``; a stack
    that is empty is missing), in one read."""
    top = ("SELECT s.stack, j.action FROM undo_stack s JOIN journal j ON j.id = s.journal_id"
           " WHERE s.annotator_id = ? AND s.stack = ? ORDER BY s.seq DESC LIMIT 1")
    rows = conn.execute(f"SELECT * FROM ({top}) AS u UNION ALL SELECT * FROM ({top}) AS r",
                        (annotator_id, "undo", annotator_id, "redo")).fetchall()
    return {str(stack): str(action) for stack, action in rows}


def stack_pop(conn: sqlite3.Connection, annotator_id: int, stack: str) -> None:
    """Remove the top of a stack."""
    defer(conn,
        "DELETE FROM undo_stack WHERE annotator_id = ? AND stack = ? AND seq ="
        " (SELECT max(seq) FROM undo_stack WHERE annotator_id = ? AND stack = ?)",
        (annotator_id, stack, annotator_id, stack),
    )


def stack_clear(conn: sqlite3.Connection, annotator_id: int, stack: str) -> None:
    """Empty a stack (a new action clears the redo stack)."""
    defer(conn, "DELETE FROM undo_stack WHERE annotator_id = ? AND stack = ?",
                 (annotator_id, stack))
