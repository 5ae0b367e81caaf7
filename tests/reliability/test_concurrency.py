"""Two instances on one project file: both write safely (WAL, busy timeout, one short
``BEGIN IMMEDIATE`` transaction per action, retries), neither crashes with "database is
locked", no committed action is lost, and each sees the other's changes
(``Project.external_changes``)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from annotator.core.store import Project, ProjectError
from annotator.core.store import base as store_base
from tests.reliability.helpers import (
    REPO,
    content_digest,
    make_project,
    report,
    worker_command,
    worker_env,
)

OPS_PER_PROCESS = 150


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.annotator"
    make_project(path)
    procs = {name: subprocess.Popen(worker_command("ops", str(path), str(seed), name,
                                                   str(OPS_PER_PROCESS)),
                                    cwd=REPO, env=worker_env(), text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for seed, name in enumerate(("alice", "bob"))}
    outputs = {name: proc.communicate(timeout=120) for name, proc in procs.items()}
    figures: dict[str, int] = {"processes": 2, "operations_each": OPS_PER_PROCESS}
    with Project.open(path, annotator="checker") as project:
        assert project.validate() == []
        for name, (out, err) in outputs.items():
            assert procs[name].returncode == 0, err
            assert "Traceback" not in err
            acks = [json.loads(line) for line in out.splitlines() if '"ack"' in line]
            assert len(acks) == OPS_PER_PROCESS
            refused = [a["refused"] for a in acks if a["refused"]]
            assert not [r for r in refused if "busy" in r or "locked" in r], refused
            journaled = project.conn.execute(
                "SELECT count(*) FROM journal j JOIN annotators a ON a.id = j.annotator_id"
                " WHERE a.name = ?", (name,)).fetchone()[0]
            assert journaled == acks[-1]["mine"]  # every committed action is in the file
            figures[f"{name}_journaled"] = journaled
            figures[f"{name}_refused_by_rules"] = len(refused)
    figures["lost"] = 0
    figures["database_is_locked_errors"] = 0
    report("concurrency", figures)


def test_external_changes_sees_only_other_writers(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    with Project.open(path, annotator="a") as first, Project.open(path, annotator="b") as second:
        first.external_changes()
        second.external_changes()
        first.add_entity(doc, 0, 6, "PERS")
        assert first.external_changes() is False  # its own write
        assert second.external_changes() is True
        assert second.external_changes() is False  # reset by the previous call
        assert len(second.get_record(doc, layer="a").entities) == 1  # a refreshed view sees it


def test_busy_project_waits_then_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    monkeypatch.setattr(store_base, "WRITE_ATTEMPTS", 4)
    with Project.open(path, annotator="a") as project:
        project.conn.execute("PRAGMA busy_timeout=150")
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        released = threading.Event()

        def release_lock() -> None:
            released.set()  # before the ROLLBACK: the save cannot happen earlier
            other.execute("ROLLBACK")

        release = threading.Timer(0.3, release_lock)
        release.start()
        project.set_status(doc, "done")  # waits for the other writer, then saves
        assert released.is_set()  # it did wait (busy_timeout 150 ms < the 300 ms hold)
        release.join()
        other.close()
        assert project.get_record(doc).status == "done"


def test_busy_project_gives_a_clear_message_and_keeps_work(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    with Project.open(path, annotator="a") as project:
        saved = project.add_entity(doc, 0, 6, "PERS")
        project.conn.execute("PRAGMA busy_timeout=50")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # another program holding the write lock
        other.execute("UPDATE meta SET value = value")
        with pytest.raises(ProjectError) as info:
            project.relabel_entity(saved, "ORG")
        message = str(info.value)
        assert "busy" in message
        assert "not saved" in message
        assert "\n" not in message
        assert project.get_record(doc).entities[0].label == "PERS"  # reads still work
        other.execute("ROLLBACK")
        other.close()
        project.relabel_entity(saved, "ORG")  # and the next attempt goes through
        assert project.validate() == []
    before = content_digest(path)
    with Project.open(path, annotator="a") as project:
        assert project.get_record(doc).entities[0].label == "ORG"
    assert content_digest(path) == before


def test_closing_while_another_program_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    project = Project.open(path, annotator="a")
    project.add_entity(doc, 0, 6, "PERS")
    project.conn.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        project.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
        project.conn.close()
