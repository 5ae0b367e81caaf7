"""Is the project file damaged? The cheap look at open, and the full check on a worker.

``PRAGMA quick_check`` reads every page of the file: 0.5 s at 564 MB (100,000 documents), and
it grows with the file. The command line runs it at every open, before anything else
(:func:`annotator.core.store.database.inspect_readonly`). The app opens with
``Project.open(..., quick_check=False)``: at open only the header is checked
(:func:`.file_header.header_problem`: page size, the database size against the file's length, the
freelist inside the file; a truncated or overwritten file is refused at once), with the
identity, format and schema-object checks every open makes; then, after the window's first
paint, :class:`QuickCheckJob` runs the full ``quick_check`` on a thread with its own
read-only connection. A damaged file found that way is marked on the project
(``Project.mark_damaged``): every later write is refused and the window says so. A file that
needs a migration (which writes) is fully checked at open, as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.store import interrupt
from annotator.core.store.background import BackgroundJob
from annotator.core.store.database import connect_readonly, quick_check_problem
from annotator.core.store.errors import ProjectError

CHECK_STEPS = 1000
"""SQLite steps between two looks at the job's cancel flag."""


class QuickCheckJob(BackgroundJob):
    """``PRAGMA quick_check`` of an open project on a worker thread. When :meth:`done`:
    ``problem`` is the damage found (None for a healthy file), ``error`` a check that could
    not run (the file is busy or gone: not damage), ``cancelled`` whether it was stopped."""

    name = "annotator-check"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.problem: str | None = None
        self.error: ProjectError | None = None
        self.cancelled = False

    def run(self) -> None:
        """Run the check on a read-only connection of the job's own."""
        try:
            conn = connect_readonly(self.path)
        except ProjectError as exc:
            self.error = exc
            return
        try:
            conn.set_progress_handler(
                lambda: 1 if self.stopping() or interrupt.requested() else 0, CHECK_STEPS)
            self.problem = quick_check_problem(conn, self.path)
        except ProjectError as exc:
            self.error = exc
        except sqlite3.Error as exc:
            if self.stopping():
                self.cancelled = True
            else:
                self.error = ProjectError(f"{self.path}: cannot check the file ({exc})")
        finally:
            conn.close()
