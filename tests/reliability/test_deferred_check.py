"""The app's open checks only the header; the full ``quick_check`` runs on a worker after the
window shows (issue 12: 0.5 s of every open at 564 MB). A damaged file is still caught: at
open when its header or size is wrong, by the worker otherwise, and then nothing more is
written. The command line keeps the full check at open."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError
from annotator.core.store.file_check import QuickCheckJob
from annotator.core.store.file_header import header_problem


def _project(path: Path) -> Path:
    with Project.open(path, create=True, annotator="setup") as project:
        project.import_records([DocumentRecord(id=f"d{i}", text=f"نص الخبر رقم {i} " * 40,
                                               title=f"خبر {i}") for i in range(60)])
    return path


def _damage_last_page(path: Path) -> None:
    """An invalid b-tree page type on the last page: nothing read at open touches it."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[len(data) - page] = 0xFF
    path.write_bytes(bytes(data))


def _check(path: Path) -> QuickCheckJob:
    job = QuickCheckJob(path)
    job.start()
    assert job.wait(60)
    return job


def test_a_healthy_file_passes_both_checks(tmp_path: Path) -> None:
    path = _project(tmp_path / "p.annotator")
    assert header_problem(path) is None
    with Project.open(path, annotator="a", quick_check=False) as project:
        assert not project.checked
        job = _check(path)
        assert (job.problem, job.error, job.cancelled) == (None, None, False)
    with Project.open(path, annotator="a") as project:
        assert project.checked


def test_damage_found_later_stops_every_write(tmp_path: Path) -> None:
    path = _project(tmp_path / "p.annotator")
    _damage_last_page(path)
    with pytest.raises(ProjectError, match="damaged"):  # the command line's open
        Project.open(path, annotator="a")
    with Project.open(path, annotator="a", quick_check=False) as project:  # the app's
        job = _check(path)
        assert job.problem is not None
        assert "damaged" in job.problem
        project.mark_damaged(job.problem)
        assert project.file_problem() == job.problem
        before = path.read_bytes()
        with pytest.raises(ProjectError, match=r"damaged.*not saved"):
            project.set_status(1, "done")
        assert path.read_bytes() == before


def test_a_cut_file_is_refused_at_open_without_the_full_check(tmp_path: Path) -> None:
    path = _project(tmp_path / "p.annotator")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "cut short" in (header_problem(path) or "")
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(path, annotator="a", quick_check=False)


@pytest.mark.parametrize(("offset", "value", "reason"), [
    (16, b"\x03\x00", "page size"), (21, b"\x10", "payload"), (44, b"\x00\x00\x00\x09", "format"),
    (32, b"\x7f\xff\xff\xff", "freelist"),
])
def test_an_impossible_header_is_refused(tmp_path: Path, offset: int, value: bytes,
                                         reason: str) -> None:
    path = _project(tmp_path / "p.annotator")
    data = bytearray(path.read_bytes())
    data[offset: offset + len(value)] = value
    path.write_bytes(bytes(data))
    assert reason in (header_problem(path) or "")


def test_a_cancelled_check_reports_nothing(tmp_path: Path) -> None:
    path = _project(tmp_path / "p.annotator")
    job = QuickCheckJob(path)
    job.cancel()  # asked to stop before it starts: it stops at its first look
    job.start()
    assert job.wait(60)
    assert job.problem is None
    assert job.error is None
