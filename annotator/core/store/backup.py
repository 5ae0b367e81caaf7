"""Consistent copies of a project file, automatic rotating backups, and restore.

* :func:`backup_project` copies a project with SQLite's online backup API through a
  read-only connection: the copy is one consistent snapshot even while the app (or another
  process) keeps writing, and it is written under a temporary name, checked and fsynced
  before it is renamed to its final name. The copy is a single self-contained file
  (rollback-journal mode, no ``-wal``).
* :class:`BackupPolicy` and :class:`AutoBackup` give rotating automatic backups: one when a
  project is opened, then one per interval when something changed; the oldest are removed
  so that ``keep`` remain. The GUI calls :meth:`AutoBackup.at_open` after opening a project
  and :meth:`AutoBackup.tick` from a timer.
* :func:`restore_project` checks a backup (SQLite header, integrity, an annotator project,
  not made by a newer version, no foreign triggers or views, every store invariant), then
  replaces the project with it, keeping the previous file aside under a new name.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from annotator.core.output import (
    OutputError,
    Protected,
    atomic_file,
    check_target,
    file_guard,
    project_guard,
)
from annotator.core.store import interrupt
from annotator.core.store.database import (
    _readonly_uri,
    check_regular,
    check_wal,
    fault_message,
    inspect_readonly,
)
from annotator.core.store.errors import ProjectError
from annotator.core.store.migrations import FORMAT_VERSION

BACKUP_SUFFIX = ".backup"
"""Suffix of the automatic backups: ``<project name>.<UTC time>.backup``."""
_STAMP = "%Y%m%dT%H%M%S"
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


# -- copying ------------------------------------------------------------------------------


def _os_message(path: Path, exc: OSError) -> str:
    return f"{path}: {exc.strerror or exc}"


def _snapshot(source: sqlite3.Connection, path: Path, label: Path) -> None:
    """Copy the database of ``source`` into the file ``path`` and check the copy (one
    consistent snapshot, rollback-journal mode: a single self-contained file)."""
    target = sqlite3.connect(path, isolation_level=None)
    try:
        source.backup(target)  # one step: a single consistent snapshot
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        problems = [str(r[0]) for r in target.execute("PRAGMA integrity_check(5)")]
    finally:
        target.close()
    if problems != ["ok"]:
        raise ProjectError(f"{label}: the copy failed its integrity check "
                           f"({'; '.join(problems)})")


@contextlib.contextmanager
def _project_errors(dest: Path, doing: str) -> Iterator[None]:
    """Disk, database and refused-destination problems as one ``ProjectError``."""
    try:
        yield
    except OutputError as exc:
        raise ProjectError(str(exc)) from exc
    except sqlite3.Error as exc:
        message = fault_message(dest, exc) or f"{dest}: cannot {doing} ({exc})"
        raise ProjectError(message) from exc
    except OSError as exc:
        raise ProjectError(f"cannot {doing}: {_os_message(Path(exc.filename or dest), exc)}"
                           ) from exc


def _copy_from(source: sqlite3.Connection, dest: Path, label: Path,
               protected: Protected) -> None:
    """Copy the database of ``source`` to ``dest`` atomically (the one atomic writer: a
    temporary name, integrity check, fsync, rename). ``label`` names the source."""
    temp: Path | None = None
    try:
        with _project_errors(dest, "write the backup"), atomic_file(dest, protected) as temp:
            _snapshot(source, temp, label)
    finally:
        if temp is not None:
            Path(f"{temp}-journal").unlink(missing_ok=True)


@contextlib.contextmanager
def _reader(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a checked project file (it may be open elsewhere)."""
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the file read-only ({exc})") from exc
    try:
        interrupt.watch(conn)
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA busy_timeout=5000")
        yield conn
    finally:
        conn.close()


def _dest_path(project: Path, dest: Path) -> Path:
    """``dest`` itself, or inside an existing folder a time-stamped name."""
    if dest.is_dir():
        stamp = datetime.now(UTC).strftime(_STAMP)
        return dest / f"{project.name}.{stamp}Z{BACKUP_SUFFIX}"
    return dest


def backup_project(path: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Copy the project ``path`` to ``dest`` (a file name, or an existing folder that gets
    a time-stamped name) and return the path written.

    The project is checked read-only first (a non-project or damaged file is refused) and
    never written to; the app may have it open and keep working meanwhile. An existing
    ``dest`` is replaced only once the new copy is complete.
    """
    source = Path(path)
    if not source.exists():
        raise ProjectError(f"{source}: no such project file")
    inspect_readonly(source, FORMAT_VERSION)
    target = _dest_path(source, Path(dest))
    with _reader(source) as conn:
        _copy_from(conn, target, source, project_guard(source))
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
    stamp = now.astimezone(UTC).strftime(_STAMP)
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

    def _state(self) -> tuple[int, int]:
        conn = self.project.conn
        return (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)

    def backup_now(self, now: float | None = None) -> Path:
        """Write a new automatic backup and prune the old ones; return its path."""
        conn = self.project.conn
        if conn.in_transaction:
            raise ProjectError(f"{self.project.path}: cannot back up inside a transaction")
        folder = self.policy.folder_for(self.project.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"cannot make the backup folder: {_os_message(folder, exc)}"
                               ) from exc
        stamp = datetime.fromtimestamp(now if now is not None else time.time(), UTC)
        target = _auto_name(self.project.path, folder, stamp)
        state = self._state()
        _copy_from(conn, target, self.project.path,
                   project_guard(self.project.path, backups=False))
        self.last_backup = now if now is not None else time.monotonic()
        self._last_state = state
        prune_backups(self.project.path, self.policy)
        return target

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


# -- restore --------------------------------------------------------------------------------


def check_backup(backup: str | os.PathLike[str]) -> None:
    """Refuse a backup that is not a healthy annotator project this version can open:
    header, ``quick_check``, application id and meta row, format not newer, no foreign
    triggers or views (all read-only), then SQLite's full ``integrity_check``."""
    path = Path(backup)
    if not path.is_file():
        raise ProjectError(f"{path}: no such backup file")
    inspect_readonly(path, FORMAT_VERSION)
    with _reader(path) as conn:
        try:
            problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: the backup is damaged ({exc})") from exc
    if problems != ["ok"]:
        raise ProjectError(f"{path}: the backup is damaged ({'; '.join(problems)})")


def _release_project(project: Path) -> None:
    """Fold the project's ``-wal`` into the file and make sure no one else has it open.

    The last connection to close removes ``-wal`` and ``-shm``; if they are still there
    after ours closed, another program has the project open and the restore is refused.
    A project too damaged to open is left to be moved aside with its side files. A ``-wal``
    that is not the project's is refused (folding it in would replace the project kept
    aside), as is a project or side file that is not a regular file.
    """
    check_regular(project)
    check_wal(project)
    try:
        conn = sqlite3.connect(project, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA busy_timeout=2000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as exc:
        message = fault_message(project, exc)
        if message is not None and "busy" in message:
            raise ProjectError(f"{project}: the project is open in another program; "
                               "close it before restoring") from exc
    finally:
        conn.close()
    if any(Path(str(project) + s).exists() for s in ("-wal", "-shm")):
        raise ProjectError(f"{project}: the project is open in another program; "
                           "close it before restoring")


def _aside_name(project: Path) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    candidate = project.with_name(f"{project.name}.before-restore-{stamp}Z")
    number = 1
    while candidate.exists():
        number += 1
        candidate = project.with_name(f"{project.name}.before-restore-{stamp}-{number}Z")
    return candidate


def _keep_aside(project: Path) -> Path:
    """Hard-link (or copy) the project and any side files to a new name; return it."""
    aside = _aside_name(project)
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(project) + suffix)
        if not src.exists():
            continue
        dst = Path(str(aside) + suffix)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
    return aside


def restore_project(project: str | os.PathLike[str], backup: str | os.PathLike[str]) -> Path | None:
    """Replace ``project`` with a checked copy of ``backup``; return where the previous
    project file was kept (None when there was none).

    Order of work, so that an interruption at any point leaves a usable project:
    the backup is checked (:func:`check_backup`) and copied beside the project under a
    temporary name, where its invariants are checked too; the project is released (its
    ``-wal`` folded in; refused if another program has it open), kept aside under
    ``<name>.before-restore-<time>Z``, and only then replaced with one atomic rename.
    """
    target = Path(project)
    source = Path(backup)
    guard = file_guard(source, f"the backup {source} (a project cannot be restored from itself)")
    with _project_errors(target, "restore"):
        check_target(target, guard, "file")
    check_backup(source)
    aside: Path | None = None
    staged: Path | None = None
    try:
        with _project_errors(target, "restore"), atomic_file(target, guard) as staged:
            with _reader(source) as conn:
                _snapshot(conn, staged, source)
            _check_invariants(staged, source)
            if target.exists():
                _release_project(target)
                aside = _keep_aside(target)
                for suffix in ("-wal", "-shm"):
                    Path(str(target) + suffix).unlink(missing_ok=True)
    finally:
        if staged is not None:
            for suffix in ("-wal", "-shm", "-journal"):
                Path(str(staged) + suffix).unlink(missing_ok=True)
    return aside


def _check_invariants(staged: Path, source: Path) -> None:
    """Refuse a staged copy in which ``validate()``'s invariant checks find a problem. It is
    read without being opened as a project, so nothing (not even an annotator row) is added
    to it. A copy in an older format is migrated when it is next opened; its invariants are
    checked then by ``validate``."""
    from annotator.core.schema import Schema, SchemaError, parse_schema
    from annotator.core.store.integrity import find_violations

    with _reader(staged) as conn:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != FORMAT_VERSION:
            return

        def schema_for(version: int) -> Schema:
            row = conn.execute("SELECT toml FROM schemas WHERE version = ?",
                               (version,)).fetchone()
            if row is None:
                raise ProjectError(f"no schema version {version}")
            return parse_schema(str(row[0]), f"{source} (schema version {version})")

        try:
            violations = find_violations(conn, schema_for)
        except (sqlite3.Error, SchemaError) as exc:
            raise ProjectError(f"{source}: the backup cannot be checked ({exc})") from exc
    if violations:
        first = violations[0]
        raise ProjectError(f"{source}: the backup breaks {len(violations)} store "
                           f"invariant(s), e.g. {first.table} {first.row_id}: {first.reason}")
