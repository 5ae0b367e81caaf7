"""Where output goes: no export, backup or restore may write over the project, its side files
or its backups (by any path: symlink, hard link, ``..``), over a device, FIFO or symlink, or
over a folder of the user's own files; names made from document ids are safe everywhere;
files follow the user's umask (issue 9, cases 1, 2, 3, 11 and 16)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError
from annotator.core.store.backup import backup_project
from annotator.core.store.restore import restore_project
from tests.reliability.helpers import content_digest, make_project

KEEP = frozenset({"annotators", "sqlite_sequence", "ui_state"})
"""Tables an open may touch (the annotator row): everything else must stay as it was."""

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                    *(f"LPT{i}" for i in range(10))}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    make_project(path)
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def assert_refused(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    for word in words:
        assert word in result.output, result.output


FORMATS = [
    ("canonical",),
    ("--format", "conll"),
    ("--format", "brat"),
    ("--format", "hf-tokens", "--split", "train=0.5,test=0.5"),
    ("--format", "canonical", "--layers", "entities"),
]


# -- 1. the project, its side files and its backups -----------------------------------------


@pytest.mark.parametrize("options", FORMATS, ids=" ".join)
def test_export_onto_the_project_is_refused(project: Path, options: tuple[str, ...]) -> None:
    before = content_digest(project, KEEP)
    extra = [] if options == ("canonical",) else list(options)
    assert_refused(run("export", str(project), str(project), *extra), "project")
    assert content_digest(project, KEEP) == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".backups"])
def test_export_onto_a_side_file_or_the_backup_folder_is_refused(
    project: Path, suffix: str
) -> None:
    before = content_digest(project, KEEP)
    side = Path(f"{project}{suffix}")
    assert_refused(run("export", str(project), str(side)), "project")
    assert not side.exists() or not side.read_bytes().startswith(b"{")
    assert content_digest(project, KEEP) == before
    # ... and inside the backup folder, where an automatic backup could be overwritten
    backups = Path(f"{project}.backups")
    backups.mkdir(exist_ok=True)
    assert_refused(run("export", str(project), str(backups / "x.jsonl")), "backup")


def test_export_onto_the_project_by_another_path_is_refused(
    project: Path, tmp_path: Path
) -> None:
    before = content_digest(project, KEEP)
    (tmp_path / "sub").mkdir()
    dotdot = f"{tmp_path}/sub/../{project.name}"
    link = tmp_path / "link.jsonl"
    link.symlink_to(project)
    hard = tmp_path / "hard.jsonl"
    os.link(project, hard)
    wal_link = tmp_path / "wal-link.jsonl"
    wal_link.symlink_to(f"{project}-wal")  # dangling now, the -wal while the export runs
    for out in (dotdot, str(link), str(hard), str(wal_link)):
        assert_refused(run("export", str(project), out))
        assert_refused(run("export", str(project), out, "--format", "conll"))
    assert link.is_symlink()
    assert os.stat(hard).st_ino == os.stat(project).st_ino
    assert content_digest(project, KEEP) == before


def test_folder_export_holding_the_project_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    inner = out / "p.annotator"
    make_project(inner)
    (out / "report.json").write_text("{}", encoding="utf-8")
    assert_refused(run("export", str(inner), str(out), "--format", "brat"), "project")
    assert inner.is_file()


def test_backup_and_restore_never_write_the_project_or_the_backup(
    project: Path, tmp_path: Path
) -> None:
    before = content_digest(project, KEEP)
    hard = tmp_path / "hard.annotator"
    os.link(project, hard)
    for dest in (project, hard, Path(f"{project}-wal"), Path(f"{project}.backups"),
                 Path(f"{project}.backups") / "mine.backup"):
        with pytest.raises(ProjectError, match="project"):
            backup_project(project, dest)
    assert_refused(run("backup", str(project), str(hard)), "project")
    assert content_digest(project, KEEP) == before
    backup = tmp_path / "b.backup"
    backup_project(project, backup)
    twin = tmp_path / "twin.annotator"
    os.link(backup, twin)
    with pytest.raises(ProjectError, match="itself"):
        restore_project(twin, backup)
    link = tmp_path / "link.annotator"
    link.symlink_to(project)
    with pytest.raises(ProjectError, match="symbolic link"):
        restore_project(link, backup)
    assert link.is_symlink()


# -- 2. a folder of the user's own files ------------------------------------------------------


@pytest.mark.parametrize("options", [("--format", "brat"),
                                     ("--format", "conll", "--split", "a=0.5,b=0.5")])
def test_a_users_folder_with_a_report_json_survives(
    project: Path, tmp_path: Path, options: tuple[str, ...]
) -> None:
    results = tmp_path / "results"
    (results / "figs").mkdir(parents=True)
    (results / "report.json").write_text('{"mine": true}', encoding="utf-8")
    (results / "thesis.tex").write_text("\\chapter{keep}", encoding="utf-8")
    (results / "figs" / "f.pdf").write_bytes(b"%PDF")
    assert_refused(run("export", str(project), str(results), *options), "not an earlier export")
    assert (results / "thesis.tex").read_text(encoding="utf-8") == "\\chapter{keep}"
    assert (results / "report.json").read_text(encoding="utf-8") == '{"mine": true}'
    assert (results / "figs" / "f.pdf").read_bytes() == b"%PDF"
    # A read-only open may leave SQLite's empty -wal/-shm beside the project; nothing else appears.
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["p.annotator", "results"]


def test_an_earlier_export_is_moved_aside_never_deleted(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    assert run("export", str(project), str(out), "--format", "brat").exit_code == 0
    marker = json.loads((out / ".annotator-export.json").read_text(encoding="utf-8"))
    assert marker["format"] == "brat"
    (out / "my-notes.txt").write_text("added by hand", encoding="utf-8")
    again = run("export", str(project), str(out), "--format", "brat")
    assert again.exit_code == 0, again.output
    (previous,) = tmp_path.glob("brat.previous-*")
    assert "brat.previous-" in again.output
    assert (previous / "my-notes.txt").read_text(encoding="utf-8") == "added by hand"
    assert not (out / "my-notes.txt").exists()
    # the marker must match: another format, or another project's export, is not replaced
    assert_refused(run("export", str(project), str(out), "--format", "conll", "--split",
                       "a=1"), "brat")
    other = tmp_path / "q.annotator"
    make_project(other, docs=1)
    assert_refused(run("export", str(other), str(out), "--format", "brat"), "another project")
    assert len(list(tmp_path.glob("brat.previous-*"))) == 1


# -- 3. devices, FIFOs, sockets and symlinks --------------------------------------------------


def test_fifo_device_and_socket_are_refused(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    device = tmp_path / "full"  # a node of /dev/full's device (1, 7): root may replace it
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        device = Path("/dev/full")  # cannot be replaced without root either
    for out in (fifo, device):
        assert_refused(run("export", str(project), str(out)), "not a regular file")
        assert_refused(run("export", str(project), str(out), "--format", "brat"),
                       "not a regular file")
        with pytest.raises(ProjectError, match="not a regular file"):
            backup_project(project, out)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_symlink_out_is_refused_and_dash_is_stdout(project: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(real)
    assert_refused(run("export", str(project), str(link)), "symbolic link")
    assert_refused(run("export", str(project), str(link), "--format", "conll"), "symbolic link")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "mine\n"
    with pytest.raises(ProjectError, match="symbolic link"):
        backup_project(project, link)
    printed = run("export", str(project), "-")
    assert printed.exit_code == 0
    assert len(printed.stdout.splitlines()) == 3


# -- 11. file names made from document ids ----------------------------------------------------


def test_brat_names_are_short_safe_on_windows_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "ids.annotator"
    ids = ["x" * 300, "x" * 299 + "y", "CON", "con", "aux", "nul.txt", "COM1", "trail. ",
           'a<b>:c"d|e?f*', "lpt9.v2"]
    records = [DocumentRecord(id=ident, text=f"نص رقم {n}", title=str(n))
               for n, ident in enumerate(ids)]
    with Project.open(path, create=True) as project:
        project.import_records(records)
    out = tmp_path / "brat"
    result = run("export", str(path), str(out), "--format", "brat")
    assert result.exit_code == 0, result.output
    texts = sorted(out.glob("*.txt"))
    assert len(texts) == len(ids)
    assert sorted(p.read_text(encoding="utf-8") for p in texts) == sorted(
        r.text for r in records)
    stems = [p.stem for p in texts]
    assert len({s.casefold() for s in stems}) == len(ids)
    for stem in stems:
        assert len(stem.encode("utf-8")) <= 100
        assert stem.split(".")[0].upper() not in WINDOWS_RESERVED, stem
        assert not stem.endswith((".", " "))
        assert not set(stem) & set('<>:"/\\|?*')
        assert (out / f"{stem}.ann").is_file()


# -- 16. modes follow the umask ---------------------------------------------------------------


@pytest.mark.parametrize(("mask", "file_mode", "dir_mode"),
                         [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)])
def test_new_files_and_folders_follow_the_umask(
    project: Path, tmp_path: Path, umask: None, mask: int, file_mode: int, dir_mode: int
) -> None:
    os.umask(mask)

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert run("export", str(project), str(tmp_path / "c.jsonl")).exit_code == 0
    assert mode(tmp_path / "c.jsonl") == file_mode
    assert run("export", str(project), str(tmp_path / "t.conll"), "--format",
               "conll").exit_code == 0
    assert mode(tmp_path / "t.conll") == file_mode
    assert mode(tmp_path / "t.conll.report.json") == file_mode
    assert run("export", str(project), str(tmp_path / "b"), "--format", "brat").exit_code == 0
    assert mode(tmp_path / "b") == dir_mode
    assert {mode(p) for p in (tmp_path / "b").iterdir()} == {file_mode}
    assert run("backup", str(project), str(tmp_path / "p.backup")).exit_code == 0
    assert mode(tmp_path / "p.backup") == file_mode
    fresh = tmp_path / "fresh.annotator"
    assert run("restore", str(fresh), str(tmp_path / "p.backup")).exit_code == 0
    assert mode(fresh) == file_mode


def test_overwriting_keeps_the_existing_mode(project: Path, tmp_path: Path, umask: None) -> None:
    os.umask(0o077)
    out = tmp_path / "c.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o644)
    assert run("export", str(project), str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert out.read_text(encoding="utf-8") != "old\n"
    project.chmod(0o664)
    backup = tmp_path / "p.backup"
    backup_project(project, backup)
    restore_project(project, backup)
    assert stat.S_IMODE(project.stat().st_mode) == 0o664


def test_the_apps_export_onto_the_project_says_why_and_keeps_it(
    project: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    qt = pytest.importorskip("annotator.ui.qt")
    from annotator.ui.window import project_files

    window = qt.QtWidgets.QMainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    before = content_digest(project, KEEP)
    monkeypatch.setattr(qt.QtWidgets.QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(project), ""))
    warnings: list[str] = []
    monkeypatch.setattr(qt.QtWidgets.QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    with Project.open(project) as opened:
        project_files.export_project(window, opened)
    assert len(warnings) == 1
    assert "is the project" in warnings[0]
    assert content_digest(project, KEEP) == before
