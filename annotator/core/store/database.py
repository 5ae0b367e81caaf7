"""Opening SQLite project files safely.

A project is one SQLite file. Before this code lets SQLite touch an existing file it checks
that the file and its ``-wal``/``-shm``/``-journal`` are regular files (a FIFO or a device
would hang or be written to), that the 16-byte SQLite header is there, and that a ``-wal``
beside it belongs to it (:mod:`.wal`). Then it inspects the file through a read-only
connection (``file:...?mode=ro``): our ``application_id``, the format version, exactly the
schema objects our migrations create (:mod:`.schema_objects`: no foreign table, index,
view or trigger), ``PRAGMA quick_check`` and the ``meta`` table. Only a file that passes
is opened, for writing (:func:`connect`) or, for the read-only commands, through a
read-only connection (:func:`connect_readonly`), with the same pragmas on every connection
and a progress handler that lets Ctrl-C stop a long statement (:mod:`.interrupt`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.core.store import interrupt
from annotator.core.store.errors import ProjectError
from annotator.core.store.file_header import header_problem
from annotator.core.store.identity import APPLICATION_ID, APPLICATION_NAME, SQLITE_HEADER
from annotator.core.store.schema_objects import foreign_objects
from annotator.core.store.wal import identity_problem, leftover_message, wal_problem

SIDE_FILES = ("-wal", "-shm", "-journal")
"""Files SQLite opens beside a database (``-journal`` only in rollback mode)."""
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
    checked: bool = True
    """Whether ``PRAGMA quick_check`` ran (False: only the header was looked at)."""


LOW_SPACE_BYTES = 1 << 20
"""Free space below which an I/O error is reported as a full disk."""


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < LOW_SPACE_BYTES
    except OSError:
        return False


def fault_message(path: Path, exc: sqlite3.Error) -> str | None:
    """A one-line user message for an SQLite error caused by the file's surroundings (disk
    full, read-only file or folder, a file that vanished, a lock held by another program,
    a PostgreSQL server's row-level security or privileges: issue 15), or None for any other
    error. The message names the file; it never blames the project
    file itself, which SQLite leaves intact in all these cases."""
    text = str(exc).lower()
    if "row-level security" in text or "permission denied" in text:  # a server's policies
        return (f"{path}: the server refused the change (not yours to write: "
                f"{str(exc).splitlines()[0]})")
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


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path) -> None:
    """Refuse at once a project path, or a ``-wal``/``-shm``/``-journal`` beside it, that is
    not a regular file (symbolic links are followed): SQLite would block forever on a FIFO
    and read or write a device. A missing project file is left to the caller."""
    for suffix in ("", *SIDE_FILES):
        name = Path(f"{path}{suffix}")
        try:
            mode = os.stat(name).st_mode
        except FileNotFoundError:
            if os.path.lexists(name):
                raise ProjectError(f"{name}: is a broken symbolic link; move it away") from None
            continue
        except OSError as exc:
            raise ProjectError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
        if stat.S_ISREG(mode):
            continue
        if suffix:
            raise ProjectError(f"{name}: is {_kind(mode)}, not a file SQLite can use beside "
                               "the project; move it away")
        raise ProjectError(f"{name}: is {_kind(mode)}, not a project file")


def check_leftovers(path: Path) -> None:
    """Refuse to create a project where a ``-wal`` or ``-journal`` is already waiting: SQLite
    would delete the WAL, or roll the journal's pages into the new file."""
    for suffix in ("-wal", "-journal"):
        if os.path.lexists(f"{path}{suffix}"):
            raise ProjectError(f"{path}{suffix} is a leftover that is not this project's; "
                               "move it away")


def check_wal(path: Path) -> None:
    """Refuse a project whose ``-wal`` was not written for it (:func:`.wal.wal_problem`)."""
    try:
        reason = wal_problem(path)
    except OSError as exc:
        raise ProjectError(f"{path}-wal: cannot read the file ({exc.strerror or exc})"
                           ) from exc
    if reason is not None:
        raise ProjectError(leftover_message(path, reason))


def check_header(path: Path) -> None:
    """Refuse a file whose first 16 bytes are not the SQLite header (a text file, ...)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if head != SQLITE_HEADER:
        raise ProjectError(f"{path}: not an annotator project (not an SQLite database)")


def check_file(path: Path) -> None:
    """Everything checked before SQLite opens ``path``: regular files, the SQLite header and
    a ``-wal`` that belongs to it."""
    check_regular(path)
    check_header(path)
    check_wal(path)


def _readonly_uri(path: Path) -> str:
    """A read-only URI for the short inspection of a file. Without a ``-wal`` file beside it,
    the file is opened ``immutable``: SQLite then creates no ``-shm``/``-wal`` files either,
    so a refused file and its directory are left exactly as they were. With a ``-wal`` (the
    project is open elsewhere or was not closed) the WAL must be read too, so plain
    ``mode=ro`` is used."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not Path(str(path) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def inspect_readonly(path: Path, newest_format: int, *, quick_check: bool = True) -> FileCheck:
    """Check an existing file (:func:`check_file`, then through a read-only connection);
    raise ProjectError if unsafe.

    ``newest_format`` is the number of migrations this code knows; a file that has more
    was made by a newer annotator and is refused rather than misread. Without
    ``quick_check`` only the header is checked for damage (:mod:`.file_header`); the
    caller runs the full check later (:mod:`.file_check`).
    """
    check_file(path)
    for attempt in range(1, INSPECT_ATTEMPTS + 1):
        try:
            conn = sqlite3.connect(_readonly_uri(path), uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
        try:
            interrupt.watch(conn)
            return _inspect(conn, path, newest_format, quick_check)
        except ProjectError as exc:
            # A read-only connection cannot wait out another process that is just opening
            # the project (WAL recovery): try again briefly before calling it busy.
            if "busy" not in exc.message or attempt == INSPECT_ATTEMPTS:
                raise
        finally:
            conn.close()
        time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _damaged(path: Path, exc: sqlite3.Error) -> ProjectError:
    if isinstance(exc, sqlite3.OperationalError):
        message = fault_message(path, exc)
        if message is not None:  # locked by another program: not damage
            return ProjectError(message)
    return ProjectError(f"{path}: the project file is damaged ({exc})")


def quick_check_problem(conn: sqlite3.Connection, path: Path) -> str | None:
    """``PRAGMA quick_check`` through ``conn``: the damage found, as a user message, or
    None. An error that is not damage (a lock held by another program) raises
    ``ProjectError``; an interrupted check raises ``sqlite3.OperationalError``."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
            raise
        error = _damaged(path, exc)
        if not isinstance(exc, sqlite3.OperationalError) or fault_message(path, exc) is None:
            return error.message
        raise error from exc
    if problems != ["ok"]:
        return f"{path}: the project file is damaged ({'; '.join(problems)})"
    return None


def _inspect(conn: sqlite3.Connection, path: Path, newest_format: int,
             quick_check: bool) -> FileCheck:
    """Identity, format and schema objects first (cheap, and nothing of the file's schema
    is evaluated before it is known to be ours), then ``quick_check`` (or only the header)
    and the meta row."""
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema=OFF")
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        names = {str(row[0]) for row in
                 conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    if app_id != APPLICATION_ID or "meta" not in names:
        raise ProjectError(f"{path}: not an annotator project (another SQLite database)")
    if user_version > newest_format:
        raise ProjectError(
            f"{path}: made by a newer version of annotator "
            f"(format {user_version} > {newest_format})"
        )
    try:
        foreign = foreign_objects(conn, max(user_version, 0))
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    if foreign:
        raise ProjectError(f"{path}: refusing a project with foreign schema objects "
                           f"(not made by annotator): {', '.join(foreign[:5])}"
                           + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""))
    if Path(f"{path}-wal").exists():
        reason = identity_problem(path, conn)
        if reason is not None:
            raise ProjectError(leftover_message(path, reason))
    if quick_check:
        damage = quick_check_problem(conn, path)
    else:
        reason = header_problem(path)
        damage = None if reason is None else f"{path}: the project file is damaged ({reason})"
    if damage is not None:
        raise ProjectError(damage)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: not an annotator project ({exc})") from exc
    if row is None or row[0] != APPLICATION_NAME:
        raise ProjectError(f"{path}: not an annotator project (no annotator meta row)")
    return FileCheck(format_version=user_version, checked=quick_check)


def connect(path: Path) -> sqlite3.Connection:
    """Open a read-write connection with the project pragmas (the project wraps it in
    sqlite-utils on first use: ``ProjectBase.db``).

    The connection is in driver autocommit mode (``isolation_level=None``): the store
    opens its transactions explicitly with ``BEGIN IMMEDIATE``. A read-only file or folder is
    refused up front (:func:`check_writable`) rather than failing at the first save.
    """
    check_writable(path)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file ({exc})") from exc
    interrupt.watch(conn)
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
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open a checked project read-only (``mode=ro``, ``query_only``): the file is never
    written, whatever runs on the connection. A WAL beside it (the app has the project open,
    or a writer was killed) is read with all its committed transactions; SQLite's reader
    then uses (and, when missing, creates) the ``-shm`` index and may leave an empty
    ``-wal`` and the ``-shm`` behind, never touching the project file itself. Not
    ``immutable``: the app may write to the project while a long export reads it."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
    interrupt.watch(conn)
    try:
        for pragma in ("PRAGMA query_only=ON", "PRAGMA trusted_schema=OFF",
                       f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}"):
            conn.execute(pragma)
    except sqlite3.Error as exc:
        conn.close()
        message = fault_message(path, exc)
        raise ProjectError(message or f"{path}: cannot configure the connection ({exc})") from exc
    return conn
