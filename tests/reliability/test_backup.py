"""Backups (consistent while another process writes), rotating automatic backups, restore."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.store import Project, ProjectError
from annotator.core.store.backup import AutoBackup, BackupPolicy, backup_project, list_backups
from annotator.core.store.restore import check_backup, restore_project
from tests.reliability.helpers import (
    REPO,
    content_digest,
    digest,
    make_project,
    read_only,
    read_state,
    worker_command,
    worker_env,
)


def state_digest(path: Path) -> str:
    conn = read_only(path)
    try:
        return digest(read_state(conn))
    finally:
        conn.close()


def test_backup_while_another_process_writes_is_a_consistent_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "busy.annotator"
    make_project(path)
    initial = state_digest(path)
    proc = subprocess.Popen(worker_command("ops", str(path), "7", "writer", "400"), cwd=REPO,
                            env=worker_env(), text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()  # it has started writing
    copies = []
    for i in range(3):
        copies.append(backup_project(path, tmp_path / f"copy{i}.annotator"))
        time.sleep(0.05)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    acknowledged = {initial} | {json.loads(line)["digest"] for line in out.splitlines()
                                if '"ack"' in line}
    for copy in copies:
        assert not Path(f"{copy}-wal").exists()  # a single self-contained file
        check_backup(copy)
        assert state_digest(copy) in acknowledged  # exactly one committed state
        with Project.open(copy, annotator="checker") as project:
            assert project.validate() == []


def test_cli_backup_reads_only(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    before = content_digest(path)
    folder = tmp_path / "backups"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["backup", str(path), str(folder)])
    assert result.exit_code == 0, result.output
    written = list(folder.iterdir())
    assert len(written) == 1
    assert content_digest(written[0]) == before
    assert content_digest(path) == before
    text = tmp_path / "notes.txt"
    text.write_text("not a project", encoding="utf-8")
    result = CliRunner().invoke(cli, ["backup", str(text), str(tmp_path / "x.bak")])
    assert result.exit_code == 1
    assert "not an annotator project" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.bak").exists()


def test_automatic_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    policy = BackupPolicy(keep=3, interval_s=60)
    with Project.open(path, annotator="a") as project:
        auto = AutoBackup(project, policy)
        first = auto.at_open()
        assert first is not None
        assert first.parent == tmp_path / "p.annotator.backups"
        start = auto.last_backup
        assert start is not None
        assert auto.tick(start + 10) is None  # too soon
        assert auto.tick(start + 61) is None  # nothing changed since
        made = []
        for n in range(5):
            project.add_entity(doc, 0, 6, "PERS") if n == 0 else project.set_status(
                doc, ("todo", "done")[n % 2])
            path_made = auto.tick(start + 61 * (n + 2))
            assert path_made is not None
            made.append(path_made)
        kept = list_backups(path, policy)
        assert kept == made[-3:]
        with Project.open(kept[-1], annotator="checker") as newest:
            assert newest.get_record(doc).status == project.get_record(doc).status


def test_restore_replaces_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path)[0]
    backup = backup_project(path, tmp_path / "saved.annotator")
    with Project.open(path, annotator="a") as project:
        project.add_entity(doc, 0, 6, "PERS")
    changed = content_digest(path)
    result = CliRunner().invoke(cli, ["restore", str(path), str(backup)])
    assert result.exit_code == 0, result.output
    aside = next(tmp_path.glob("p.annotator.before-restore-*"))
    assert content_digest(aside) == changed
    assert content_digest(path) == content_digest(backup)
    with Project.open(path, annotator="a") as project:
        assert project.get_record(doc).entities == []
        assert project.validate() == []


def test_restore_refuses_while_the_project_is_open(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    backup = backup_project(path, tmp_path / "saved.annotator")
    with Project.open(path, annotator="a"):
        before = content_digest(path)
        with pytest.raises(ProjectError) as info:
            restore_project(path, backup)
        assert "open in another program" in str(info.value)
        assert content_digest(path) == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):  # scribble over every page but the first
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _replace_with_foreign(path: Path) -> None:
    path.unlink()
    _sql(path, "CREATE TABLE t(x)")


BAD_BACKUPS = {
    "damaged": (_corrupt, "damaged"),
    "newer": (lambda p: _sql(p, "PRAGMA user_version=999"), "newer version"),
    "trigger": (lambda p: _sql(p, "CREATE TABLE canary(x)", "CREATE TRIGGER t AFTER INSERT ON"
                                  " entities BEGIN INSERT INTO canary VALUES (1); END"),
                "trigger"),
    "foreign": (_replace_with_foreign, "not an annotator"),
    "span out of range": (lambda p: _sql(
        p, "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
        " schema_version, created, updated) VALUES (1, 5, 999999, 'PERS', '{}', 1, 1, 'x', 'x')"),
        "invariant"),
}


@pytest.mark.parametrize("kind", sorted(BAD_BACKUPS))
def test_restore_refuses_a_bad_backup(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    backup = backup_project(path, tmp_path / "bad.annotator")
    spoil, fragment = BAD_BACKUPS[kind]
    spoil(backup)
    before = content_digest(path)
    result = CliRunner().invoke(cli, ["restore", str(path), str(backup)])
    assert result.exit_code == 1
    assert fragment in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert content_digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.annotator", "p.annotator"]
