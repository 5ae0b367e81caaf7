"""Consistent copies of a project file and automatic rotating backups.

* :func:`backup_project` copies a project with SQLite's online backup API through a
  read-only connection: the copy is one consistent snapshot even while the app (or another
  process) keeps writing, and it is written under a temporary name, checked and fsynced
  before it is renamed to its final name. The copy is a single self-contained file
  (rollback-journal mode, no ``-wal``).
* :class:`BackupPolicy` and :class:`AutoBackup` give rotating automatic backups: one when a
  project is opened, then one per interval when something changed; the oldest are removed
  so that ``keep`` remain. :meth:`AutoBackup.at_open` and :meth:`AutoBackup.tick` copy at once
  through the project's connection; the app uses :meth:`AutoBackup.start` instead, which
  copies on a worker thread (:class:`~annotator.core.store.backup_copy.BackupJob`) while the
  window stays responsive, and :meth:`AutoBackup.finish` once the job is done.

Copying itself is :mod:`annotator.core.store.backup_copy`; restoring a backup is
:mod:`annotator.core.store.restore`, which copies the same way.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from annotator.core.output import project_guard
from annotator.core.store.backup_copy import BackupJob, copy_database, os_message, read_only
from annotator.core.store.database import inspect_readonly
from annotator.core.store.engines.address import is_server_address, redact
from annotator.core.store.errors import ProjectError
from annotator.core.store.migrations import FORMAT_VERSION

BACKUP_SUFFIX = ".backup"
"""Suffix of the automatic backups: ``<project name>.<UTC time>.backup``."""
STAMP = "%Y%m%dT%H%M%S"
"""The UTC time in backup names (and in the name a restore keeps the old project under)."""
_AUTO_NAME = re.compile(r"\.(\d{8}T\d{6})(?:-(\d+))?Z" + re.escape(BACKUP_SUFFIX) + "$")


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """How automatic backups are made.

    ``folder``: where they go (None: a folder ``<project file name>.backups`` beside the
    project); ``keep``: how many automatic backups to keep (the oldest go first);
    ``interval_s``: minimum seconds between two timed backups; ``at_open``: whether
    :meth:`AutoBackup.at_open` makes one.
    """

    folder: Path | None = None
    keep: int = 5
    interval_s: float = 15 * 60
    at_open: bool = True

    def __post_init__(self) -> None:
        if self.keep < 1:
            raise ValueError("a backup policy keeps at least one backup")
        if self.interval_s <= 0:
            raise ValueError("the backup interval must be positive")

    def folder_for(self, project_path: Path) -> Path:
        """The folder the automatic backups of ``project_path`` go to."""
        if self.folder is not None:
            return Path(self.folder)
        return project_path.parent / f"{project_path.name}.backups"


# -- copying (one copy: backup_copy.py) ---------------------------------------------------


SERVER_BACKUP = ("a project on a PostgreSQL server is saved to a file with `annotator backup"
                 " ADDRESS FILE` (one consistent snapshot), or by the server (pg_dump)")


def _dest_path(project: Path, dest: Path) -> Path:
    """``dest`` itself, or inside an existing folder a time-stamped name."""
    if dest.is_dir():
        stamp = datetime.now(UTC).strftime(STAMP)
        return dest / f"{project.name}.{stamp}Z{BACKUP_SUFFIX}"
    return dest


def backup_project(path: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Copy the project ``path`` to ``dest`` (a file name, or an existing folder that gets
    a time-stamped name) and return the path written.

    The project is checked read-only first (a non-project or damaged file is refused) and
    never written to; the app may have it open and keep working meanwhile. An existing
    ``dest`` is replaced only once the new copy is complete.
    """
    if is_server_address(path):
        raise ProjectError(f"{redact(str(path))}: {SERVER_BACKUP}")
    source = Path(path)
    if not source.exists():
        raise ProjectError(f"{source}: no such project file")
    inspect_readonly(source, FORMAT_VERSION)
    target = _dest_path(source, Path(dest))
    with read_only(source) as conn:
        copy_database(conn, target, source, project_guard(source))
    return target


# -- automatic backups ----------------------------------------------------------------------


def list_backups(project_path: str | os.PathLike[str],
                 policy: BackupPolicy | None = None) -> list[Path]:
    """The automatic backups of a project, oldest first."""
    project = Path(project_path)
    folder = (policy or BackupPolicy()).folder_for(project)
    if not folder.is_dir():
        return []
    found: list[tuple[str, int, Path]] = []
    for entry in folder.iterdir():
        if not entry.name.startswith(project.name + "."):
            continue
        match = _AUTO_NAME.search(entry.name[len(project.name):])
        if match and entry.is_file():
            found.append((match.group(1), int(match.group(2) or 0), entry))
    return [entry for _stamp, _n, entry in sorted(found)]


def _auto_name(project: Path, folder: Path, now: datetime) -> Path:
    """``<name>.<UTC time>Z.backup``, or ``<name>.<UTC time>-<n>Z.backup`` after other backups
    of the same second (n above any used, so a pruned name is never reused)."""
    stamp = now.astimezone(UTC).strftime(STAMP)
    used = [-1]
    for entry in folder.glob(f"{glob.escape(project.name)}.{stamp}*Z{BACKUP_SUFFIX}"):
        match = _AUTO_NAME.search(entry.name[len(project.name):])
        if match and match.group(1) == stamp:
            used.append(int(match.group(2) or 1))
    number = max(used) + 1
    if number == 0:
        return folder / f"{project.name}.{stamp}Z{BACKUP_SUFFIX}"
    return folder / f"{project.name}.{stamp}-{max(number, 2)}Z{BACKUP_SUFFIX}"


def prune_backups(project_path: str | os.PathLike[str], policy: BackupPolicy) -> list[Path]:
    """Delete the oldest automatic backups beyond ``policy.keep``; return those deleted."""
    backups = list_backups(project_path, policy)
    doomed = backups[: max(0, len(backups) - policy.keep)]
    for old in doomed:
        old.unlink(missing_ok=True)
    return doomed


class _OpenProject(Protocol):
    path: Path
    conn: sqlite3.Connection


class AutoBackup:
    """Rotating automatic backups of an open project, made through its own connection.

    ``at_open()`` right after opening; ``tick()`` from a timer (every minute, say): it backs
    up when ``policy.interval_s`` has passed since the last backup AND the project changed
    since (``PRAGMA data_version`` for other writers, ``total_changes`` for this one).
    Both return the backup written, or None.
    """

    def __init__(self, project: _OpenProject, policy: BackupPolicy | None = None) -> None:
        self.project = project
        self.policy = policy or BackupPolicy()
        self.last_backup: float | None = None
        self._last_state: tuple[int, int] | None = None
        self._started: tuple[int, int] | None = None

    def _state(self) -> tuple[int, int]:
        conn = self.project.conn
        return (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)

    def _target(self, now: float | None) -> Path:
        """The next backup's name (its folder made if missing)."""
        folder = self.policy.folder_for(self.project.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"cannot make the backup folder: {os_message(folder, exc)}"
                               ) from exc
        stamp = datetime.fromtimestamp(now if now is not None else time.time(), UTC)
        return _auto_name(self.project.path, folder, stamp)

    def _made(self, state: tuple[int, int], now: float | None) -> None:
        self.last_backup = now if now is not None else time.monotonic()
        self._last_state = state
        prune_backups(self.project.path, self.policy)

    def backup_now(self, now: float | None = None) -> Path:
        """Write a new automatic backup and prune the old ones; return its path."""
        conn = self.project.conn
        if conn.in_transaction:
            raise ProjectError(f"{self.project.path}: cannot back up inside a transaction")
        target = self._target(now)
        state = self._state()
        copy_database(conn, target, self.project.path,
                      project_guard(self.project.path, backups=False))
        self._made(state, now)
        return target

    def start(self, *, at_open: bool = False) -> BackupJob | None:
        """Start the backup :meth:`at_open` (``at_open=True``) or :meth:`tick` would make, on
        a worker thread with its own read-only connection; None when none is wanted now.
        Call :meth:`finish` with the job once it is done. A project on a server has no
        file to copy: never (the server's own backups keep it)."""
        if is_server_address(self.project.path):
            return None
        if at_open and not self.policy.at_open:
            self.at_open()
            return None
        if not at_open and not self.due():
            return None
        self._started = self._state()
        job = BackupJob(self.project.path, self._target(None),
                        project_guard(self.project.path, backups=False))
        return job.start()

    def finish(self, job: BackupJob) -> Path | None:
        """Record a finished job: its path, or None when it was cancelled; raises its
        ``ProjectError`` when it failed (the next tick tries again)."""
        state, self._started = self._started, None
        if job.error is not None:
            raise job.error
        if job.cancelled or state is None:
            return None
        self._made(state, None)
        return job.dest

    def at_open(self) -> Path | None:
        """The backup made when a project is opened (unless the policy says not to)."""
        if not self.policy.at_open:
            self.last_backup = time.monotonic()
            self._last_state = self._state()
            return None
        return self.backup_now()

    def due(self, now: float | None = None) -> bool:
        """Whether :meth:`tick` would back up now."""
        current = now if now is not None else time.monotonic()
        if self.last_backup is not None and current - self.last_backup < self.policy.interval_s:
            return False
        return self._last_state is None or self._state() != self._last_state

    def tick(self, now: float | None = None) -> Path | None:
        """Back up if :meth:`due`; ``now`` is a ``time.monotonic()`` value (for tests)."""
        if not self.due(now):
            return None
        path = self.backup_now()
        if now is not None:
            self.last_backup = now
        return path
