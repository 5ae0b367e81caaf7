"""One big import transaction (issue 12): the secondary indexes of an empty project built
once after the rows instead of row by row, the buffered rows written by multi-row ``INSERT``
statements, and the run's memory of texts and ids in constant space.

The file is exactly as a row-by-row import leaves it: the indexes are dropped and made again
with their own SQL inside the import's transaction (a failed import rolls back to the
original ones).

Not done: a larger page cache for the transaction (``PRAGMA cache_size`` 16 MiB cut the
store's time at 10,000 documents from 2.8 s to 1.85 s of CPU, but SQLite's cache then grew
past its size with the input: peak memory 60.7 MiB at 5,000 documents, 71.4 MiB at 20,000,
against 45.0 / 45.1 MiB with the default 2 MiB).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

DEFERRED_INDEXES = ("document_status_filter", "document_status_of", "documents_nav",
                    "documents_status", "entities_doc")
"""Secondary (not UNIQUE) indexes on the tables a big import fills; into an empty project
they are built after the rows, by one sort each."""


@contextmanager
def indexes_built_after(conn: sqlite3.Connection, empty: bool) -> Iterator[None]:
    """Inside the import's open transaction: when the project is ``empty``, drop
    :data:`DEFERRED_INDEXES` now and create them again, with the very SQL they had, when the
    block ends normally. On an exception nothing is done: the transaction's rollback brings
    the indexes back. A project with documents keeps its indexes (a rebuild would cost the
    whole table)."""
    if not empty:
        yield
        return
    marks = ",".join("?" for _ in DEFERRED_INDEXES)
    found = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                         f" AND name IN ({marks}) ORDER BY name", DEFERRED_INDEXES).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in found:
        conn.execute(sql)


ROWS_PER_STATEMENT = 100
"""Rows written by one ``INSERT ... VALUES (...), (...), ...`` statement (fewer when SQLite's
limit on bound values is lower). Each statement execution has a fixed cost on top of its rows
(starting and resetting the program, reading and writing ``sqlite_sequence`` for an
AUTOINCREMENT table, the foreign-key counter checked at its end): one statement a row cost
about 6 µs a row for the 11-column ``entities``, 100 rows a statement about 3 µs (issue 12)."""


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Sequence[tuple[Any, ...]], constants: tuple[Any, ...] = ()) -> None:
    """``INSERT INTO table (columns)`` every row of ``rows``, in order, :data:`ROWS_PER_STATEMENT`
    rows a statement, the rest (fewer) one a statement. The same rows, constraints and error
    messages as one statement a row; a constraint failure aborts the statement it is in (the
    caller's transaction decides the rest). Two statement texts a table, whatever the counts:
    a statement for each length of the rest made the connection's statement cache (prepared
    statements of up to 1,100 values) grow with the input, 3 MiB from 5,000 to 20,000
    documents.

    ``constants``: the values of the last ``len(constants)`` columns, the same for every
    row (``rows`` then hold the others). On SQLite a statement of many rows binds them once
    and each row names them by number (``?501``): fewer values bound and converted, 11 a row
    for an entity against 5 (issue 12, fourth pass); on another engine they are added to each
    row."""
    if constants and not isinstance(conn, sqlite3.Connection):
        rows, constants = [row + constants for row in rows], ()
    width = len(columns)
    varying = width - len(constants)
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, (limit - len(constants)) // max(1, varying)))
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    flat = chain.from_iterable
    count = len(rows)
    whole = count - count % per
    if whole and constants:
        shared = ", ".join(f"?{per * varying + k}" for k in range(1, len(constants) + 1))
        values = ", ".join("(" + ", ".join(f"?{i * varying + k}" for k in range(1, varying + 1))
                           + ", " + shared + ")" for i in range(per))
        conn.executemany(head + values, (tuple(chain(flat(rows[i:i + per]), constants))
                                         for i in range(0, whole, per)))
    elif whole:
        conn.executemany(head + ", ".join([one] * per),
                         (tuple(flat(rows[i:i + per])) for i in range(0, whole, per)))
    if whole < count:
        conn.executemany(head + one, [row + constants for row in rows[whole:]] if constants
                         else rows[whole:])


class KeyFilter:
    """A set of 64-bit keys in constant memory (a Bloom filter of 2**23 bits, 1 MiB, two
    probes): ``key in filter`` is False for a key never added, and True for one added (or,
    rarely, for another: about 1 in 40,000 after 20,000 keys). The import remembers the
    texts and ids of a run this way and confirms a hit on the full value, so what it keeps
    does not grow with the input (issue 12, goal 2)."""

    BITS = 1 << 23

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS >> 3)

    def add(self, key: int) -> None:
        mask = self.BITS - 1
        for slot in (key & mask, (key >> 23) & mask):
            self.bits[slot >> 3] |= 1 << (slot & 7)

    def __contains__(self, key: int) -> bool:
        mask, bits = self.BITS - 1, self.bits
        first, second = key & mask, (key >> 23) & mask
        return bool(bits[first >> 3] & (1 << (first & 7))
                    and bits[second >> 3] & (1 << (second & 7)))
