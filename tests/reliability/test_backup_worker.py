"""Automatic backups copied on a worker thread (issue 12: a 564 MB project froze the window for
4.3 s while it was copied on the GUI thread): one consistent state while the app writes, a
cancel leaves nothing half written, errors are still reported, closing the window cancels."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from annotator.core.output import project_guard
from annotator.core.store import Project, ProjectError, backup_copy
from annotator.core.store.backup import AutoBackup, BackupPolicy, list_backups
from annotator.core.store.backup_copy import BackupJob
from annotator.core.store.restore import check_backup
from tests.reliability.helpers import make_project
from tests.reliability.test_backup import state_digest as _digest


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", "-journal")))


def test_a_stepped_copy_is_one_state_while_the_app_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 1)  # many steps, writes between them
    path = tmp_path / "p.annotator"
    doc = make_project(path, docs=20)[0]
    with Project.open(path, annotator="a") as project:
        auto = AutoBackup(project, BackupPolicy(keep=2))
        states = {_digest(path)}
        job = auto.start(at_open=True)
        assert job is not None
        for n in range(30):
            project.set_status(doc, ("todo", "done")[n % 2])
            states.add(_digest(path))
        assert job.wait(60)
        made = auto.finish(job)
    assert made is not None
    assert made == job.dest
    check_backup(made)
    assert _digest(made) in states
    assert _leftovers(made.parent) == []


def test_a_cancelled_copy_leaves_nothing(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 1)
    path = tmp_path / "p.annotator"
    make_project(path, docs=20)
    folder = tmp_path / "backups"
    folder.mkdir()
    dest = folder / "p.backup"
    with Project.open(path, annotator="a"):
        job = BackupJob(path, dest, project_guard(path, backups=False))
        job.cancel()  # asked before the first step ends: stops after it
        job.start()
        assert job.wait(60)
    assert job.cancelled
    assert job.error is None
    assert not dest.exists()
    assert list(folder.iterdir()) == []


def test_the_copy_runs_off_the_calling_thread_and_errors_come_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    threads: list[str] = []
    real = backup_copy.snapshot

    def watched(*args: Any, **kwargs: Any) -> None:
        threads.append(threading.current_thread().name)
        real(*args, **kwargs)

    monkeypatch.setattr(backup_copy, "snapshot", watched)
    with Project.open(path, annotator="a") as project:
        auto = AutoBackup(project)
        job = auto.start(at_open=True)
        assert job is not None
        assert job.wait(60)
        assert auto.finish(job) is not None
        assert threads == ["annotator-backup"]

        def broken(*_args: Any, **_kwargs: Any) -> None:
            raise ProjectError("the copy failed its integrity check (simulated)")

        monkeypatch.setattr(backup_copy, "snapshot", broken)
        project.set_status(1, "done")
        failing = AutoBackup(project)
        job = failing.start(at_open=True)
        assert job is not None
        assert job.wait(60)
        with pytest.raises(ProjectError, match="simulated"):
            failing.finish(job)
        assert failing.last_backup is None  # the next tick tries again
    assert len(list_backups(path)) == 1


def test_no_timed_backup_starts_when_nothing_is_due(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    with Project.open(path, annotator="a") as project:
        auto = AutoBackup(project, BackupPolicy(at_open=False))
        assert auto.start(at_open=True) is None
        assert auto.start() is None  # the interval has not passed
    assert list_backups(path) == []
