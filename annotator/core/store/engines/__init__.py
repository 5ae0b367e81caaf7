"""The engine seam: what differs between the two engines a project can live in.

A project is one SQLite file (the default, through sqlite-utils) or one PostgreSQL database
(issue 15, through psycopg 3, the optional extra ``annotator[server]``). The store above this
package is written against the DB-API subset of :class:`sqlite3.Connection` it has always
used; for PostgreSQL, :mod:`.postgres` offers that same subset over a psycopg connection and
:mod:`.dialect` rewrites each statement once (placeholders, upserts, ``RETURNING`` for
``lastrowid``, the few SQLite functions and pragmas the store uses). :mod:`.pg_schema` holds
the explicit PostgreSQL DDL of the current format; :mod:`.address` tells an address from a
file path and keeps passwords out of everything shown.

Nothing here imports psycopg at module level: the app without the extra still runs, and an
address given to it says what to install.
"""

from __future__ import annotations

from typing import Any

ENGINE_SQLITE = "sqlite"
ENGINE_POSTGRES = "postgres"


def engine_of(conn: Any) -> str:
    """``"sqlite"`` or ``"postgres"``: which engine a store connection talks to."""
    return str(getattr(conn, "engine", ENGINE_SQLITE))


def has_fts(conn: Any) -> bool:
    """Whether the connection has SQLite's FTS5 concordance index (PostgreSQL scans the
    folded copies instead: correct, slower on very large corpora)."""
    return engine_of(conn) == ENGINE_SQLITE
