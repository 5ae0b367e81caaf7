"""Disk full, read-only file or folder, a vanished project, a file locked by another program:
one clear line, no damaged project, work saved before still there.

Disk full and read-only use a real size-limited tmpfs when the tests may mount one (root on
Linux); elsewhere SQLite's own limits stand in: ``PRAGMA max_page_count`` makes the engine
fail with SQLITE_FULL and ``chmod`` makes a file read-only for a non-root user.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError, database
from tests.reliability.helpers import (
    content_digest,
    make_project,
    remount_readonly,
    small_filesystem,
)


def one_line(error: ProjectError, *fragments: str) -> None:
    message = str(error)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """A folder on a 3 MB filesystem (True), or a plain folder (False) when none can be mounted."""
    with small_filesystem("3m") as mounted:
        yield (mounted, True) if mounted is not None else (tmp_path, False)


def fill_until_full(project: Project, entity: int) -> ProjectError:
    """Save ever longer notes until saving fails; return the error."""
    for n in range(10_000):
        try:
            project.set_note("entities", entity, "ملاحظة طويلة " * 3000 + str(n))
        except ProjectError as error:
            return error
    raise AssertionError("the disk never filled up")


def test_disk_full_keeps_saved_work(small_disk: tuple[Path, bool]) -> None:
    folder, real = small_disk
    path = folder / "p.annotator"
    doc = make_project(path, docs=2)[0]
    with Project.open(path, annotator="a") as project:
        entity = project.add_entity(doc, 0, 6, "PERS")
        project.set_note("entities", entity, "saved before the disk filled")
        if not real:
            pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
            project.conn.execute(f"PRAGMA max_page_count={pages + 20}")
        error = fill_until_full(project, entity)
        one_line(error, str(path), "disk is full", "not saved")
        last_saved = project.get_record(doc).entities[0].note
        with pytest.raises(ProjectError) as info:  # an import fails the same way, all or nothing
            project.import_records([DocumentRecord(id=f"big{i}", text="نص " * 20_000 + str(i))
                                    for i in range(20)])
        one_line(info.value, "disk is full")
        assert project.document_count() == 2
    if real:  # make room so that the project can be opened for writing again
        for stray in folder.glob("*.part"):
            stray.unlink()
    with Project.open(path, annotator="a") as project:
        assert project.validate() == []
        assert project.get_record(doc).entities[0].note == last_saved
        assert last_saved is not None


def test_cli_import_on_a_full_disk_is_one_line(small_disk: tuple[Path, bool],
                                               tmp_path: Path) -> None:
    folder, real = small_disk
    if not real:
        pytest.skip("needs a size-limited filesystem (root on Linux)")
    path = folder / "p.annotator"
    make_project(path, docs=1)
    before = content_digest(path)
    ballast = folder / "ballast"
    with ballast.open("wb") as out:  # leave almost no room
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    source = tmp_path / "big.txt"
    source.write_text("خبر طويل جدا " * 200_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), str(source)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "disk is full" in result.output
    ballast.unlink()
    assert content_digest(path) == before
    with Project.open(path, annotator="a") as project:
        assert project.validate() == []


def test_read_only_file_is_refused_clearly(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        with small_filesystem("3m") as folder:
            if folder is None:
                pytest.skip("root cannot make a file read-only without a mount")
            path = folder / "p.annotator"
            make_project(path, docs=1)
            assert remount_readonly(folder)
            with pytest.raises(ProjectError) as info:
                Project.open(path)
            one_line(info.value, str(path), "read-only")
        return
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    before = content_digest(path)
    path.chmod(0o444)
    with pytest.raises(ProjectError) as info:
        Project.open(path)
    one_line(info.value, "read-only")
    tmp_path.chmod(0o555)
    try:
        path.chmod(0o644)
        with pytest.raises(ProjectError) as info:
            Project.open(path)
        one_line(info.value, "folder", "read-only")
    finally:
        tmp_path.chmod(0o755)
    assert content_digest(path) == before


def test_write_refused_by_sqlite_while_open(tmp_path: Path) -> None:
    """SQLite refusing a write to an open project (here ``PRAGMA query_only``, which returns
    the same SQLITE_READONLY as a file gone read-only under it) is one line, and rolled back."""
    path = tmp_path / "p.annotator"
    doc = make_project(path, docs=1)[0]
    with Project.open(path, annotator="a") as project:
        saved = project.add_entity(doc, 0, 6, "PERS")
        project.conn.execute("PRAGMA query_only=ON")
        with pytest.raises(ProjectError) as info:
            project.relabel_entity(saved, "ORG")
        one_line(info.value, str(path), "read-only", "not saved")
        assert not project.conn.in_transaction
        project.conn.execute("PRAGMA query_only=OFF")
        assert project.get_record(doc).entities[0].label == "PERS"
        assert project.validate() == []


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_vanished_project_is_detected(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    path = folder / "p.annotator"
    doc = make_project(path, docs=1)[0]
    with Project.open(path, annotator="a") as project:
        saved = project.add_entity(doc, 0, 6, "PERS")
        assert project.file_problem() is None
        if how == "deleted":
            shutil.rmtree(folder)
        else:
            folder.rename(tmp_path / "elsewhere")
        assert project.file_problem() is not None
        with pytest.raises(ProjectError) as info:
            project.relabel_entity(saved, "ORG")
        one_line(info.value, str(path), "disappeared", "not saved")
    if how == "moved":  # the work saved before is in the moved file
        with Project.open(tmp_path / "elsewhere" / "p.annotator", annotator="a") as project:
            assert [e.label for e in project.get_record(doc).entities] == ["PERS"]
            assert project.validate() == []


def test_replaced_project_is_not_written_to(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path, docs=1)[0]
    other = tmp_path / "other.annotator"
    shutil.copy(path, other)
    with Project.open(path, annotator="a") as project:
        os.replace(other, path)
        with pytest.raises(ProjectError) as info:
            project.add_entity(doc, 0, 6, "PERS")
        one_line(info.value, "replaced")


def test_file_locked_by_another_program(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # wait less than the app would
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    before = content_digest(path)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    locker.execute("UPDATE meta SET value = value WHERE key = 'application'")
    try:
        with pytest.raises(ProjectError) as info:
            Project.open(path)
        one_line(info.value, str(path), "busy")
        assert "damaged" not in str(info.value)
        result = CliRunner().invoke(cli, ["stats", str(path)])
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert content_digest(path) == before
