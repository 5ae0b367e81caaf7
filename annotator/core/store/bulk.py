"""SQLite settings for one big import transaction (issue 12): the page cache, and the
secondary indexes of an empty project built once after the rows instead of row by row.

Both leave the file exactly as a row-by-row import would: the indexes are dropped and made
again with their own SQL inside the import's transaction (a failed import rolls back to
the original ones), and the cache size is the connection's, not the file's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

BULK_CACHE_KIB = 16 * 1024
"""SQLite's page cache during an import (the default is 2 MiB): a big transaction's pages
stay in memory instead of spilling to the WAL before the commit (store time at 10,000
documents 2.8 s -> 1.85 s CPU). Bounded, so the import's memory stays flat (issue 12, goal
2: filled by a few thousand documents already)."""

DEFERRED_INDEXES = ("documents_nav", "documents_status", "entities_doc")
"""Secondary (not UNIQUE) indexes on the tables a big import fills; into an empty project
they are built after the rows, by one sort each (store time at 5,000 documents -35%)."""


@contextmanager
def bulk_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A larger page cache for the duration of an import, then the connection's own again."""
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    kib = -before if before < 0 else before * 4  # pages of at most 4 KiB
    if kib >= BULK_CACHE_KIB:
        yield
        return
    conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size={before}")


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
