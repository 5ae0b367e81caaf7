"""Opening SQLite project files safely.

A project is one SQLite file. Before this code writes a single byte to an existing file
it inspects it through a read-only connection (``file:...?mode=ro``): the 16-byte SQLite
header, ``PRAGMA quick_check``, our ``application_id``, the ``meta`` table, the format
version and the absence of triggers or views we did not create. Only a file that passes
is opened for writing, with the same pragmas on every connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.core.store.errors import ProjectError

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E54
"""``PRAGMA application_id`` of every annotator project: the bytes ``ANNT``."""
APPLICATION_NAME = "annotator"
"""Value of the ``meta`` row ``application``."""
KNOWN_TRIGGERS: frozenset[str] = frozenset()
"""Triggers the migrations create (none): any other trigger makes a file suspect."""
KNOWN_VIEWS: frozenset[str] = frozenset()
"""Views the migrations create (none)."""
BUSY_TIMEOUT_MS = 5000

PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA trusted_schema=OFF",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=NORMAL",
)


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What the read-only inspection of an existing project found."""

    format_version: int
    """``PRAGMA user_version``: the number of migrations applied to the file."""


def check_header(path: Path) -> None:
    """Refuse a file whose first 16 bytes are not the SQLite header (a text file, ...)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if head != SQLITE_HEADER:
        raise ProjectError(f"{path}: not an annotator project (not an SQLite database)")


def _readonly_uri(path: Path) -> str:
    """A read-only URI. Without a ``-wal`` file beside it, the file is opened ``immutable``:
    SQLite then creates no ``-shm``/``-wal`` files either, so a refused file and its
    directory are left exactly as they were. With a ``-wal`` (the project is open elsewhere
    or was not closed) the WAL must be read too, so plain ``mode=ro`` is used."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not Path(str(path) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def inspect_readonly(path: Path, newest_format: int) -> FileCheck:
    """Check an existing file through a read-only connection; raise ProjectError if unsafe.

    ``newest_format`` is the number of migrations this code knows; a file that has more
    was made by a newer annotator and is refused rather than misread.
    """
    check_header(path)
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
    try:
        return _inspect(conn, path, newest_format)
    finally:
        conn.close()


def _inspect(conn: sqlite3.Connection, path: Path, newest_format: int) -> FileCheck:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema=OFF")
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: the project file is damaged ({exc})") from exc
    if problems != ["ok"]:
        raise ProjectError(f"{path}: the project file is damaged ({'; '.join(problems)})")
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: the project file is damaged ({exc})") from exc
    names = {str(name) for kind, name in objects if kind == "table"}
    if app_id != APPLICATION_ID or "meta" not in names:
        raise ProjectError(f"{path}: not an annotator project (another SQLite database)")
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: not an annotator project ({exc})") from exc
    if row is None or row[0] != APPLICATION_NAME:
        raise ProjectError(f"{path}: not an annotator project (no annotator meta row)")
    if user_version > newest_format:
        raise ProjectError(
            f"{path}: made by a newer version of annotator "
            f"(format {user_version} > {newest_format})"
        )
    for kind, name in objects:
        if kind == "trigger" and name not in KNOWN_TRIGGERS:
            raise ProjectError(f"{path}: refusing a project with a foreign trigger {name!r}")
        if kind == "view" and name not in KNOWN_VIEWS:
            raise ProjectError(f"{path}: refusing a project with a foreign view {name!r}")
    return FileCheck(format_version=user_version)


def connect(path: Path) -> sqlite_utils.Database:
    """Open a read-write connection with the project pragmas, wrapped by sqlite-utils.

    The connection is in driver autocommit mode (``isolation_level=None``): the store
    opens its transactions explicitly with ``BEGIN IMMEDIATE``.
    """
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file ({exc})") from exc
    try:
        for pragma in PRAGMAS:
            conn.execute(pragma)
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    except sqlite3.Error as exc:
        conn.close()
        raise ProjectError(f"{path}: cannot configure the connection ({exc})") from exc
    if mode != "wal":
        conn.close()
        raise ProjectError(f"{path}: the file system does not support WAL mode (got {mode})")
    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)

