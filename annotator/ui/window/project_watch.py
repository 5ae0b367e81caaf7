"""Watching the open project: saves by another process, a vanished file, automatic backups.

Two windows (or the app and the CLI) may work on one project at once: both write safely
(see docs/RELIABILITY.md), and this watcher polls ``PRAGMA data_version`` so a view reloads
what another process saved. It also notices when the project file was deleted, moved or
replaced (nothing could be saved any more) and makes the rotating automatic backups: one
shortly after opening and then at the policy's interval while something changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.store import Project, ProjectError
from annotator.core.store.backup import AutoBackup, BackupPolicy
from annotator.ui.qt import QObject, QtCore, Signal

POLL_MS = 2000
"""How often the project file is checked (cheap: two pragmas and a stat)."""
BACKUP_CHECK_MS = 60_000
"""How often the backup timer asks whether a backup is due."""
FIRST_BACKUP_DELAY_MS = 3000
"""The backup at open waits until the window is painted and the user has started."""


class ProjectWatch(QObject):
    """Emits ``externalChange`` after another process saved, ``fileProblem(reason)`` when the
    file is gone ("" once it is back), and ``message`` for the status bar."""

    externalChange = Signal()  # noqa: N815 - Qt signal naming
    fileProblem = Signal(str)  # noqa: N815
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None,
                 policy: BackupPolicy | None = None, *, backups: bool = True) -> None:
        super().__init__(parent)
        self.project = project
        self.problem: str | None = None
        self.auto_backup = AutoBackup(project, policy) if backups else None
        self._poll = QtCore.QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._poll.start()
        self._backup = QtCore.QTimer(self)
        self._backup.setInterval(BACKUP_CHECK_MS)
        self._backup.timeout.connect(self.backup_if_due)
        if self.auto_backup is not None:
            QtCore.QTimer.singleShot(FIRST_BACKUP_DELAY_MS, self, self.backup_at_open)
            self._backup.start()

    def stop(self) -> None:
        """Stop polling (before the project closes)."""
        self._poll.stop()
        self._backup.stop()
        self.auto_backup = None

    def poll(self) -> None:
        """Check the file, then whether another process saved since the last poll."""
        if self.auto_backup is None and not self._poll.isActive():
            return
        problem = self.project.file_problem()
        if problem != self.problem:
            self.problem = problem
            self.fileProblem.emit(problem or "")
        if problem is None and self.project.external_changes():
            self.externalChange.emit()

    def backup_at_open(self) -> None:
        if self.auto_backup is not None and self.problem is None:
            self._run(self.auto_backup.at_open)

    def backup_if_due(self) -> None:
        if self.auto_backup is not None and self.problem is None:
            self._run(self.auto_backup.tick)

    def _run(self, make: Callable[[], Path | None]) -> None:
        try:
            path = make()
        except (ProjectError, OSError) as error:
            self.message.emit(f"Automatic backup failed: {error}")
            return
        if path is not None:
            self.message.emit(f"Backed up to {path}")
