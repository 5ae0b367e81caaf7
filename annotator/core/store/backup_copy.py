"""Copying a project file: one consistent snapshot, written atomically, here or on a worker.

* :func:`snapshot` copies a database with SQLite's online backup API into a file and checks
  the copy; :func:`copy_database` does it through the one atomic writer (temporary name,
  integrity check, fsync, rename), so a copy that fails or is cancelled never appears under
  its final name.
* :class:`BackupJob` makes such a copy on a worker thread with its own read-only
  connection (the app's automatic backups, issue 12: a 564 MB project froze the window for
  4.3 s when it was copied on the GUI thread). SQLite's backup steps and the copy's
  integrity check release the GIL; the job holds one read transaction for the whole copy,
  so in WAL mode it copies one consistent state however long it takes while the app keeps
  writing, and it copies in steps of :data:`PAGES_PER_STEP` pages so that
  :meth:`BackupJob.cancel` stops it within a step.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from annotator.core.output import OutputError, Protected, atomic_file
from annotator.core.store import interrupt
from annotator.core.store.background import BackgroundJob
from annotator.core.store.database import BUSY_TIMEOUT_MS, _readonly_uri, fault_message
from annotator.core.store.errors import ProjectError

PAGES_PER_STEP = 2048
"""Pages a worker copies between two looks at its cancel flag (8 MB of 4 KB pages)."""
CHECK_STEPS = 1000
"""SQLite steps of the copy's integrity check between two looks at the cancel flag."""


class BackupCancelledError(Exception):
    """A backup stopped by :meth:`BackupJob.cancel`; nothing was written under its name."""


def os_message(path: Path, exc: OSError) -> str:
    """``path: reason`` for an operating-system error."""
    return f"{path}: {exc.strerror or exc}"


def snapshot(source: sqlite3.Connection, path: Path, label: Path, *,
             cancel: threading.Event | None = None) -> None:
    """Copy the database of ``source`` into the file ``path`` and check the copy (one
    consistent snapshot, rollback-journal mode: a single self-contained file).

    Without ``cancel`` the copy is one backup step. With it, the copy goes in steps of
    :data:`PAGES_PER_STEP` pages (``source`` must then hold a read transaction, so that the
    steps see one state) and raises :class:`BackupCancelledError` once ``cancel`` is set.
    """
    target = sqlite3.connect(path, isolation_level=None)
    try:
        if cancel is None:
            source.backup(target)  # one step: a single consistent snapshot
        else:
            stop = cancel

            def progress(_status: int, _remaining: int, _total: int) -> None:
                if stop.is_set():
                    raise BackupCancelledError(f"{label}: the backup was cancelled")

            source.backup(target, pages=PAGES_PER_STEP, progress=progress)
            target.set_progress_handler(lambda: 1 if stop.is_set() else 0, CHECK_STEPS)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        problems = [str(r[0]) for r in target.execute("PRAGMA integrity_check(5)")]
    except sqlite3.Error:
        if cancel is not None and cancel.is_set():
            raise BackupCancelledError(f"{label}: the backup was cancelled") from None
        raise
    finally:
        target.close()
    if problems != ["ok"]:
        raise ProjectError(f"{label}: the copy failed its integrity check "
                           f"({'; '.join(problems)})")


@contextlib.contextmanager
def project_errors(dest: Path, doing: str) -> Iterator[None]:
    """Disk, database and refused-destination problems as one ``ProjectError``."""
    try:
        yield
    except OutputError as exc:
        raise ProjectError(str(exc)) from exc
    except sqlite3.Error as exc:
        message = fault_message(dest, exc) or f"{dest}: cannot {doing} ({exc})"
        raise ProjectError(message) from exc
    except OSError as exc:
        raise ProjectError(f"cannot {doing}: {os_message(Path(exc.filename or dest), exc)}"
                           ) from exc


def copy_database(source: sqlite3.Connection, dest: Path, label: Path, protected: Protected,
                  *, cancel: threading.Event | None = None) -> None:
    """Copy the database of ``source`` to ``dest`` atomically (the one atomic writer: a
    temporary name, integrity check, fsync, rename). ``label`` names the source."""
    temp: Path | None = None
    try:
        with project_errors(dest, "write the backup"), atomic_file(dest, protected) as temp:
            snapshot(source, temp, label, cancel=cancel)
    finally:
        if temp is not None:
            Path(f"{temp}-journal").unlink(missing_ok=True)


@contextlib.contextmanager
def read_only(path: Path, *, live: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a checked project file (it may be open elsewhere).

    ``live``: the file is open for writing (in this process or another), so it is never
    opened ``immutable`` even when its ``-wal`` is missing for a moment.
    """
    uri = path.resolve().as_uri() + "?mode=ro" if live else _readonly_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
    try:
        interrupt.watch(conn)
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        yield conn
    finally:
        conn.close()


class BackupJob(BackgroundJob):
    """A copy of the project ``source`` to ``dest``, made on a worker thread.

    :meth:`start` returns at once; :meth:`done` says whether the thread finished; then
    ``error`` holds the :class:`ProjectError` to report (None after a good copy or a
    cancel) and ``cancelled`` whether it was cancelled. :meth:`cancel` stops the copy
    within one step and waits for the thread: the temporary file is removed and nothing
    appears under ``dest``.
    """

    name = "annotator-backup"

    def __init__(self, source: Path, dest: Path, protected: Protected) -> None:
        super().__init__()
        self.source = source
        self.dest = dest
        self.protected = protected
        self.error: ProjectError | None = None
        self.cancelled = False

    def run(self) -> None:
        """Copy through a read-only connection holding one read transaction."""
        try:
            with project_errors(self.source, "read the project for the backup"), \
                    read_only(self.source, live=True) as conn:
                conn.execute("BEGIN")  # one read transaction: every step sees one state
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                copy_database(conn, self.dest, self.source, self.protected, cancel=self._stop)
        except BackupCancelledError:
            self.cancelled = True
        except ProjectError as exc:
            self.error = exc
        except Exception as exc:  # reported in the window, never lost
            self.error = ProjectError(f"{self.dest}: cannot write the backup ({exc})")
