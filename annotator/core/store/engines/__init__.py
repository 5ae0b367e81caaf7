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

from collections.abc import Sequence
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


def begin_write(conn: Any, layers: Sequence[int] = ()) -> None:
    """``BEGIN IMMEDIATE``: the project's write turn. Given ``layers`` (annotator ids: the
    layer an action writes and the undo stack it pushes), PostgreSQL waits only for writers
    of those layers (docs/ENGINES.md, The write turn); SQLite has one writer at a time."""
    if layers and engine_of(conn) == ENGINE_POSTGRES:
        conn.begin_layer_turn(layers)
    else:
        conn.execute("BEGIN IMMEDIATE")


def journal_turn(conn: Any) -> None:
    """Just before a transaction's journal entry: on PostgreSQL a layer-turn transaction
    takes the journal's turn to its COMMIT (entries in commit order); nothing otherwise."""
    if engine_of(conn) == ENGINE_POSTGRES:
        conn.journal_turn()


def defer(conn: Any, sql: str, parameters: Sequence[Any] = ()) -> None:
    """Run a write whose result is not read: PostgreSQL sends it with the next statement
    (one round trip fewer); SQLite runs it now (no round trips there)."""
    if engine_of(conn) == ENGINE_POSTGRES:
        conn.defer(sql, parameters)
    else:
        conn.execute(sql, parameters)


def returns_rows(conn: Any) -> bool:
    """Whether a write gives back the rows it wrote (``RETURNING *``) to save reading them
    again: PostgreSQL (a round trip each); SQLite reads them in-process."""
    return engine_of(conn) == ENGINE_POSTGRES
