"""The schema objects a project may hold, and the ones it must not.

A project file holds exactly the tables, indexes (and no views or triggers) our migrations
create, plus the statistics tables SQLite's ``ANALYZE``/``PRAGMA optimize`` may add. Any
other object, or one of ours whose SQL was changed, is foreign: a trigger or a view could
run SQL when we write or read, and an index or a table on an expensive expression (say
``printf('%.*c', 60000000, x)``) makes every check and copy of the file take minutes. The
expected objects are computed by running the migrations in an in-memory database, so they
follow the migrations by construction.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from annotator.core.store.migrations import MIGRATIONS

SchemaObject = tuple[str, str, str, str | None]
"""``(type, name, tbl_name, sql)`` as in ``sqlite_master``."""

SQLITE_STATISTICS: frozenset[SchemaObject] = frozenset({
    ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
    ("table", "sqlite_stat4", "sqlite_stat4",
     "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"),
})
"""Tables SQLite itself creates for the query planner (``ANALYZE``, ``PRAGMA optimize``)."""

QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_master"


@cache
def expected_objects(version: int) -> frozenset[SchemaObject]:
    """The schema objects of a project in format ``version`` (its ``user_version``)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS[:version]:
            migration(conn)
        return frozenset(conn.execute(QUERY).fetchall()) | SQLITE_STATISTICS
    finally:
        conn.close()


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[str]:
    """``"trigger 'spy'"``, ``"index 'x'"``, ... for every object of ``conn``'s main schema
    that a project in format ``version`` does not have (a changed one counts too)."""
    expected = expected_objects(version)
    found = [tuple(row) for row in conn.execute(QUERY)]
    return sorted(f"{row[0]} {row[1]!r}" for row in found if row not in expected)
