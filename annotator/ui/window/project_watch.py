"""Watching the open project: saves by another process, a vanished file, automatic backups.

Two windows (or the app and the CLI) may work on one project at once: both write safely
(see docs/RELIABILITY.md), and this watcher polls ``PRAGMA data_version`` so a view reloads
what another process saved. It also notices when the project file was deleted, moved or
replaced (nothing could be saved any more) and makes the rotating automatic backups: one
shortly after opening and then at the policy's interval while something changed. A backup
is copied on a worker thread (:meth:`AutoBackup.start`): the window stays responsive while a
large project is copied; a timer looks for the end of the job and reports it in the status
bar. Closing the window cancels a running copy (nothing is left under the backup's name).
The backup code is imported when the first backup starts, after the window is shown.

A project the app opened without its full ``quick_check`` (``Project.open(...,
quick_check=False)``: only the header is checked at open) is checked by :meth:`start_check`
on a worker thread once the window is painted; damage found marks the project damaged
(nothing more is saved) and shows the file-problem banner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.store import Project, ProjectError
from annotator.ui.i18n import translate
from annotator.ui.qt import QObject, QtCore, Signal
from annotator.ui.row_text import isolate

if TYPE_CHECKING:
    from annotator.core.store.backup import AutoBackup, BackupPolicy
    from annotator.core.store.backup_copy import BackupJob
    from annotator.core.store.file_check import QuickCheckJob

POLL_MS = 2000
"""How often the project file is checked (cheap: two pragmas and a stat)."""
BACKUP_CHECK_MS = 60_000
"""How often the backup timer asks whether a backup is due."""
FIRST_BACKUP_DELAY_MS = 3000
"""The backup at open waits until the window is painted and the user has started."""
JOB_POLL_MS = 100
"""How often a running backup is looked at (only while one runs)."""


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
        self._policy = policy
        self._backups = backups
        self._stopped = False
        self.auto_backup: AutoBackup | None = None
        """Made when the first backup starts; None again once stopped."""
        self.job: BackupJob | None = None
        """The backup being copied on its worker thread, if any."""
        self.check: QuickCheckJob | None = None
        """The file check running on its worker thread, if any."""
        self._poll = QtCore.QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._poll.start()
        self._backup = QtCore.QTimer(self)
        self._backup.setInterval(BACKUP_CHECK_MS)
        self._backup.timeout.connect(self.backup_if_due)
        self._job_timer = QtCore.QTimer(self)
        self._job_timer.setInterval(JOB_POLL_MS)
        self._job_timer.timeout.connect(self.check_backup_job)
        if backups:
            QtCore.QTimer.singleShot(FIRST_BACKUP_DELAY_MS, self, self.backup_at_open)
            self._backup.start()

    def stop(self) -> None:
        """Stop polling and backing up (before the project closes): a running copy is
        cancelled and its thread waited for."""
        self._stopped = True
        self._poll.stop()
        self._backup.stop()
        self._job_timer.stop()
        for job in (self.job, self.check):
            if job is not None:
                job.cancel()
        self.job = self.check = None
        self.auto_backup = None

    def poll(self) -> None:
        """Check the file, then whether another process saved since the last poll."""
        if self._stopped:
            return
        problem = self.project.file_problem()
        if problem != self.problem:
            self.problem = problem
            self.fileProblem.emit(problem or "")
        if problem is None and self.project.external_changes():
            self.externalChange.emit()

    def backup_at_open(self) -> None:
        """Start the backup made after opening."""
        self._start(at_open=True)

    def backup_if_due(self) -> None:
        """Start a timed backup if one is due."""
        self._start(at_open=False)

    def start_check(self) -> None:
        """Run the file's ``quick_check`` on a worker if the open did not (after the first
        paint); the job timer reports it."""
        if self._stopped or self.project.checked or self.check is not None:
            return
        from annotator.core.store.file_check import QuickCheckJob

        self.check = QuickCheckJob(self.project.path)
        self.check.start()
        self._job_timer.start()

    def _check_finished(self) -> None:
        check = self.check
        if check is None or not check.done():
            return
        self.check = None
        self.project.checked = not check.cancelled and check.error is None
        if check.problem is not None:
            self.project.mark_damaged(check.problem)
            self.poll()  # the banner at once
        elif check.error is not None:
            self.message.emit(translate(
                "ProjectWatch", "Could not check the project file: {error}").format(
                    error=check.error))

    def _start(self, *, at_open: bool) -> None:
        if (self._stopped or not self._backups or self.problem is not None or self.job
                or self.check is not None or self.project.damage is not None):
            return  # the at-open backup left out here is made by the next timed one
        if self.auto_backup is None:
            from annotator.core.store.backup import AutoBackup

            self.auto_backup = AutoBackup(self.project, self._policy)
        try:
            self.job = self.auto_backup.start(at_open=at_open)
        except (ProjectError, OSError) as error:
            self.message.emit(translate("ProjectWatch",
                                        "Automatic backup failed: {error}").format(error=error))
            return
        if self.job is not None:
            self._job_timer.start()

    def check_backup_job(self) -> None:
        """Report a backup or file check that has finished (a timer calls this while one
        runs)."""
        self._check_finished()
        job, auto = self.job, self.auto_backup
        if job is None and self.check is None:
            self._job_timer.stop()
        if job is None or not job.done():
            return
        self.job = None
        if self.check is None:
            self._job_timer.stop()
        if auto is None:
            return
        try:
            path = auto.finish(job)
        except (ProjectError, OSError) as error:
            self.message.emit(translate("ProjectWatch",
                                        "Automatic backup failed: {error}").format(error=error))
            return
        if path is not None:
            # A path reads left to right inside an Arabic message: isolated, its slashes stay.
            self.message.emit(translate("ProjectWatch", "Backed up to {path}").format(
                path=isolate(str(path))))

    def wait_for_backup(self, timeout: float | None = None) -> None:
        """Wait for a running backup and file check and report them (tests, benches)."""
        for job in (self.check, self.job):
            if job is not None:
                job.wait(timeout)
        self.check_backup_job()
