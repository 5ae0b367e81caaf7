"""The two ends of ``annotator copy``: one class per engine, with the few operations a copy
needs (its tables and columns, rows streamed in id order, rows written in bulk, the id
counters). :mod:`.copying` drives them and knows nothing of either engine."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from annotator.core.store.journal import q

if TYPE_CHECKING:
    import psycopg

READ_BATCH = 2000


class Side(Protocol):
    """One end of a copy: a project's database, read or written in one transaction."""

    def snapshot(self) -> None: ...
    def tables(self) -> dict[str, list[str]]: ...
    def count(self, table: str) -> int: ...
    def rows(self, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]: ...
    def begin(self) -> None: ...
    def clear(self, table: str) -> None: ...
    def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None: ...
    def counters(self) -> dict[str, int]: ...
    def set_counter(self, table: str, value: int) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def _key_order(columns: Sequence[str]) -> str:
    return "id" if "id" in columns else ", ".join(q(c) for c in columns)


def plain(value: Any) -> Any:
    """A value as the SQLite store keeps it (JSON as text)."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


class SqliteSide:
    """A project file through :mod:`sqlite3` (checked and migrated by ``Project.open``
    first)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA trusted_schema=OFF")

    def snapshot(self) -> None:
        """Every read from here on sees the file as it is now (one read transaction: a
        writer meanwhile commits into the WAL, unseen here)."""
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def tables(self) -> dict[str, list[str]]:
        names = [str(r[0]) for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
            " 'CREATE VIRTUAL%' ORDER BY name")]
        return {n: [str(r[1]) for r in self.conn.execute(f"PRAGMA table_info({q(n)})")]
                for n in names}

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {q(table)}").fetchone()[0])

    def rows(self, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        cols = ", ".join(q(c) for c in columns)
        cursor = self.conn.execute(f"SELECT {cols} FROM {q(table)} ORDER BY "
                                   f"{_key_order(columns)}")
        while batch := cursor.fetchmany(READ_BATCH):
            yield from batch

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def clear(self, table: str) -> None:
        self.conn.execute(f"DELETE FROM {q(table)}")

    def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(q(c) for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f"INSERT INTO {q(table)} ({cols}) VALUES ({marks})",
                              [tuple(plain(v) for v in row) for row in rows])

    def counters(self) -> dict[str, int]:
        return {str(n): int(s) for n, s in
                self.conn.execute("SELECT name, seq FROM sqlite_sequence")}

    def set_counter(self, table: str, value: int) -> None:
        updated = self.conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?)"
                                    " WHERE name = ?", (value, table)).rowcount
        if not updated and value > 0:
            self.conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)",
                              (table, value))

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


class PostgresSide:
    """A project database through psycopg (rows written with ``COPY``)."""

    def __init__(self, address: str) -> None:
        from annotator.core.server.setup import connect

        self.conn: psycopg.Connection[Any] = connect(address)

    def snapshot(self) -> None:
        """Every read from here on sees the database as it is now: one REPEATABLE READ,
        read-only transaction (it opens at the next statement)."""
        from psycopg import IsolationLevel

        self.conn.isolation_level = IsolationLevel.REPEATABLE_READ
        self.conn.read_only = True

    def tables(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for table, column in self.conn.execute(
                "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                " AND t.table_name = c.table_name WHERE c.table_schema = current_schema()"
                " AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position"):
            out.setdefault(str(table), []).append(str(column))
        return out

    def count(self, table: str) -> int:
        row = self.conn.execute(f"SELECT count(*) FROM {q(table)}").fetchone()
        return int(row[0]) if row else 0

    def rows(self, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        cols = ", ".join(q(c) for c in columns)
        with self.conn.cursor(name=f"copy_{table}") as cursor:
            cursor.execute(f"SELECT {cols} FROM {q(table)} ORDER BY {_key_order(columns)}")
            while batch := cursor.fetchmany(READ_BATCH):
                yield from (tuple(plain(v) for v in row) for row in batch)

    def begin(self) -> None:
        """psycopg opens the transaction at the first statement."""

    def clear(self, table: str) -> None:
        self.conn.execute(f"DELETE FROM {q(table)}")

    def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(q(c) for c in columns)
        with self.conn.cursor().copy(f"COPY {q(table)} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _sequences(self) -> dict[str, str]:
        return {str(t): str(s) for t, s in self.conn.execute(
            "SELECT table_name, pg_get_serial_sequence(quote_ident(table_name), 'id')"
            " FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND column_name = 'id'") if s is not None}

    def counters(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table, sequence in self._sequences().items():
            row = self.conn.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()
            if row is not None and row[1]:
                out[table] = int(row[0])
        return out

    def set_counter(self, table: str, value: int) -> None:
        sequence = self._sequences().get(table)
        if sequence is not None and value > 0:
            self.conn.execute(f"SELECT setval(%s, greatest(%s, (SELECT coalesce(max(id), 0)"
                              f" FROM {q(table)})))", (sequence, value))

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()
