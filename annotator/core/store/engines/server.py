"""Opening a project that lives in a PostgreSQL database.

A database is in one of three states: without our tables (``create`` makes them: the DDL of
:mod:`.pg_schema`, in one transaction), with the tables but no project yet (made by
``annotator server init``, or a test template: ``create`` fills the ``meta`` rows and the
schema), or a project. A database holding other tables and no ``meta`` is refused, as a
foreign SQLite file is; one of a newer format too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from annotator.core.store.engines.address import ServerPath, check_no_password, server_path
from annotator.core.store.engines.pg_schema import (
    PG_FORMAT,
    PG_STEPS,
    schema_statements,
    upgrade_statements,
)
from annotator.core.store.engines.postgres import PgConnection, PgDatabase, connect_server
from annotator.core.store.errors import ProjectError
from annotator.core.store.identity import APPLICATION_NAME
from annotator.core.store.timeutil import utc_now


@dataclass(slots=True)
class ServerOpen:
    """An open project database: the connection, its shown address, and whether it holds no
    project yet (``Project.open`` then fills it, in one transaction)."""

    db: PgDatabase
    path: ServerPath
    new: bool


def _tables(conn: PgConnection) -> set[str]:
    rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {str(r[0]) for r in rows}


def create_tables(conn: PgConnection) -> None:
    """Create every table, index, sequence and view of the newest format (inside the caller's
    transaction)."""
    for statement in schema_statements():
        conn.execute(statement)


def fill_meta(conn: PgConnection) -> bool:
    """The ``meta`` rows of a new project (inside the caller's write transaction); False when
    another client made the project since it was found missing (nothing written)."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'application'").fetchone() is not None:
        return False
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                     [("application", APPLICATION_NAME), ("created", utc_now()),
                      ("format_version", str(PG_FORMAT))])
    return True


def open_database(address: str, *, create: bool = False, readonly: bool = False) -> ServerOpen:
    """Connect to ``address`` and check what it holds (see the module's docstring)."""
    check_no_password(address)
    where = server_path(address)
    db = connect_server(address, readonly=readonly)
    try:
        new = _prepare(db.conn, where, create=create and not readonly)
    except BaseException:
        db.close()
        raise
    return ServerOpen(db, where, new)


def _prepare(conn: PgConnection, where: ServerPath, *, create: bool) -> bool:
    tables = _tables(conn)
    if "meta" not in tables:
        if tables:
            raise ProjectError(f"{where}: not an annotator project (the database holds other"
                               f" tables: {', '.join(sorted(tables)[:5])})")
        if not create:
            raise ProjectError(f"{where}: no annotator project in this database")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not _tables(conn):  # another client may have just made them
                create_tables(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if rows.get("application") is None:
        if not create:
            raise ProjectError(f"{where}: no annotator project in this database")
        return True
    if rows.get("application") != APPLICATION_NAME:
        raise ProjectError(f"{where}: not an annotator project (no annotator meta row)")
    version = int(rows.get("format_version", "0") or 0)
    if version > PG_FORMAT:
        raise ProjectError(f"{where}: made by a newer version of annotator "
                           f"(format {version} > {PG_FORMAT})")
    if version < PG_FORMAT:
        _upgrade(conn, where, version)
    return False


def _upgrade(conn: PgConnection, where: ServerPath, version: int) -> None:
    """Bring a project of an older server format to the newest in one transaction (the steps
    of :data:`PG_STEPS` after ``version``), or say who can."""
    if version < min(PG_STEPS):
        raise ProjectError(f"{where}: the project is in an older server format ({version});"
                           " no upgrade step is known for it")
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        current = int(row[0]) if row is not None else version
        if current < PG_FORMAT:  # another client may have just upgraded it
            for statement in upgrade_statements(current):
                conn.execute(statement)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'format_version'",
                         (str(PG_FORMAT),))
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        conn.execute("ROLLBACK")
        raise ProjectError(
            f"{where}: the project is in server format {version} and this version of "
            f"annotator needs {PG_FORMAT}; its owner (or a manager) upgrades it by running "
            f"`annotator server init` on it ({error})") from None
    except BaseException:
        conn.execute("ROLLBACK")
        raise
