"""The concordance index on PostgreSQL: a trigram GIN index over the folded copies.

SQLite's FTS5 table (:mod:`.search_index`) has no PostgreSQL twin; ``pg_trgm`` (in Debian's
``postgresql`` package, a trusted extension since PostgreSQL 13) indexes every three-letter
piece of ``search_text.folded`` so that ``folded LIKE '%word%'`` reads only the documents
that hold the word. It is a candidate filter like FTS5: every match is still verified on
the folded copy, so results are the same on both engines, with or without the index (a
server without ``pg_trgm`` reads every folded copy: correct, slower).

The index is not part of the project's format (no migration, nothing to copy): whoever may
create it does so once, ``annotator server init`` (the database's owner) or the first search
of a connection that owns ``search_text`` (a project made with ``Project.open(...,
create=True)`` or ``annotator copy``). PostgreSQL keeps it current with every row written.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from annotator.core.store.errors import ProjectError

INDEX = "search_text_trigram"
EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm"
CREATE = f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_text USING gin (folded gin_trgm_ops)"
STATEMENTS = (EXTENSION, CREATE)

CAN_CREATE = """
SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')
   AND EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()
                AND tablename = 'search_text' AND tableowner = current_user)"""
HAS_INDEX = ("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema()"
             f" AND indexname = '{INDEX}'")


def has_trigram_index(conn: Any) -> bool:
    """Whether the project's database has the trigram index."""
    return conn.execute(HAS_INDEX).fetchone() is not None


def may_create(conn: Any) -> bool:
    """Whether this connection can create the index: ``pg_trgm`` is installed on the server
    and the connection's user owns ``search_text``."""
    row = conn.execute(CAN_CREATE).fetchone()
    return bool(row and row[0])


def ensure_trigram_index(conn: Any) -> bool:
    """Create the index when it is missing and this connection may (its own transaction,
    taken with the store's write lock); True when the index is there. A refusal (another
    extension policy, a read-only connection) leaves the scan, never an error."""
    if has_trigram_index(conn):
        return True
    if conn.in_transaction or not may_create(conn):
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
    except (sqlite3.Error, ProjectError):  # busy, or a read-only connection
        return False
    try:
        for statement in STATEMENTS:
            conn.execute(statement)
        conn.execute("COMMIT")
    except (sqlite3.Error, ProjectError):
        conn.execute("ROLLBACK")
        return False
    return True


def like_pattern(literal: str) -> str:
    """``%literal%`` for ``LIKE`` (PostgreSQL's default escape ``\\``): ``%``, ``_`` and
    ``\\`` of the literal match only themselves."""
    escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
