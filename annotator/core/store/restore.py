"""Restore a project from a backup, keeping the previous file aside.

:func:`restore_project` checks a backup (SQLite header, integrity, an annotator project, not
made by a newer version, no foreign triggers or views, every store invariant), then replaces
the project with it, keeping the previous file aside under a new name. The copy is made like a
backup's (:func:`annotator.core.store.backup_copy.snapshot`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.output import atomic_file, check_target, file_guard
from annotator.core.store.backup import STAMP
from annotator.core.store.backup_copy import project_errors, read_only, snapshot
from annotator.core.store.database import check_regular, check_wal, fault_message, inspect_readonly
from annotator.core.store.engines.address import is_server_address, redact
from annotator.core.store.errors import ProjectError
from annotator.core.store.migrations import FORMAT_VERSION


def check_backup(backup: str | os.PathLike[str]) -> None:
    """Refuse a backup that is not a healthy annotator project this version can open:
    header, ``quick_check``, application id and meta row, format not newer, no foreign
    triggers or views (all read-only), then SQLite's full ``integrity_check``."""
    path = Path(backup)
    if not path.is_file():
        raise ProjectError(f"{path}: no such backup file")
    inspect_readonly(path, FORMAT_VERSION)
    with read_only(path) as conn:
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
    stamp = datetime.now(UTC).strftime(STAMP)
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
    A project on a PostgreSQL server is refused (the server restores its own backups).
    """
    if is_server_address(project):
        raise ProjectError(f"{redact(str(project))}: a project on a PostgreSQL server is"
                           " restored into a new database (`annotator copy BACKUP"
                           " NEW_ADDRESS`), or by the server (pg_restore)")
    target = Path(project)
    source = Path(backup)
    guard = file_guard(source, f"the backup {source} (a project cannot be restored from itself)")
    with project_errors(target, "restore"):
        check_target(target, guard, "file")
    check_backup(source)
    aside: Path | None = None
    staged: Path | None = None
    try:
        with project_errors(target, "restore"), atomic_file(target, guard) as staged:
            with read_only(source) as conn:
                snapshot(conn, staged, source)
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

    with read_only(staged) as conn:
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
