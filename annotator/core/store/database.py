"""Opening SQLite project files safely.

A project is one SQLite file. Before this code writes a single byte to an existing file
it inspects it through a read-only connection (``file:...?mode=ro``): the 16-byte SQLite
header, ``PRAGMA quick_check``, our ``application_id``, the ``meta`` table, the format
version and the absence of triggers or views we did not create. Only a file that passes
is opened for writing, with the same pragmas on every connection.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
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
INSPECT_ATTEMPTS = 3
"""Read-only inspections tried before a busy project is refused as busy."""

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


LOW_SPACE_BYTES = 1 << 20
"""Free space below which an I/O error is reported as a full disk."""


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < LOW_SPACE_BYTES
    except OSError:
        return False


def fault_message(path: Path, exc: sqlite3.Error) -> str | None:
    """A one-line user message for an SQLite error caused by the file's surroundings (disk
    full, read-only file or folder, a file that vanished, a lock held by another program),
    or None for any other error. The message names the file; it never blames the project
    file itself, which SQLite leaves intact in all these cases."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (f"{path}: the project is busy (another program is writing to it or holds a "
                "lock on it); try again when it is done")
    if "disk is full" in text:
        return f"{path}: the disk is full; free some space and try again"
    vanished = not path.exists()
    if vanished and ("readonly" in text or "i/o" in text or "unable to open" in text):
        return (f"{path}: the project file has disappeared (moved or deleted, or its drive "
                "was removed)")
    if "readonly" in text or "read-only" in text:
        return f"{path}: the project file or its folder is read-only"
    if "disk i/o error" in text:
        if _nearly_full(path):  # SQLite reports a failed -wal/-shm growth as an I/O error
            return f"{path}: the disk is full; free some space and try again"
        return f"{path}: the disk reported an input/output error"
    if "unable to open" in text:
        return f"{path}: cannot open the project file ({exc})"
    return None


def check_writable(path: Path) -> None:
    """Refuse, with a clear message, a project that cannot be written: a read-only file, or a
    read-only folder (SQLite needs to create ``<name>-wal`` and ``<name>-shm`` beside it)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        raise ProjectError(f"{path}: the project file is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProjectError(
            f"{path}: the folder {folder} is read-only (a project needs to write its "
            f"{path.name}-wal and {path.name}-shm files beside it)")


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
    for attempt in range(1, INSPECT_ATTEMPTS + 1):
        try:
            conn = sqlite3.connect(_readonly_uri(path), uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
        try:
            return _inspect(conn, path, newest_format)
        except ProjectError as exc:
            # A read-only connection cannot wait out another process that is just opening
            # the project (WAL recovery): try again briefly before calling it busy.
            if "busy" not in exc.message or attempt == INSPECT_ATTEMPTS:
                raise
        finally:
            conn.close()
        time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _inspect(conn: sqlite3.Connection, path: Path, newest_format: int) -> FileCheck:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema=OFF")
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as exc:
        message = fault_message(path, exc)
        if message is not None:  # locked by another program: not damage
            raise ProjectError(message) from exc
        raise ProjectError(f"{path}: the project file is damaged ({exc})") from exc
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
    opens its transactions explicitly with ``BEGIN IMMEDIATE``. A read-only file or folder is
    refused up front (:func:`check_writable`) rather than failing at the first save.
    """
    check_writable(path)
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
        message = fault_message(path, exc)
        raise ProjectError(message or f"{path}: cannot configure the connection ({exc})") from exc
    if mode != "wal":
        conn.close()
        raise ProjectError(f"{path}: the file system does not support WAL mode (got {mode})")
    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)

