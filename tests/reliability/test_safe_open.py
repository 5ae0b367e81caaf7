"""Opening a project safely (issue 9, items 4, 7, 8 and 15): a ``-wal`` left by another
project is refused and never folded in, a project's own WAL (a killed writer's) is read
with all its data, read-only commands leave the file's bytes and mtime alone, FIFOs and
other non-regular paths are refused at once, foreign schema objects are refused, Ctrl-C
stops a long statement, and a refused import leaves no new file behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import DocumentRecord
from annotator.core.resources import SAMPLE_CORPUS, resource_path
from annotator.core.store import Project, ProjectError, interrupt
from annotator.core.store.wal import wal_problem
from tests.reliability.helpers import REPO, file_digest, make_project

READ_COMMANDS = (["stats"], ["validate"], ["history"], ["export", "-"], ["schema", "show"],
                 ["backup", "DEST"])
TIMEOUT_S = 60
"""Generous bound for a subprocess that must not hang (never a timing assertion)."""


def run_cli(*args: str, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "annotator", *args], check=False,
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)


def invoke(command: list[str], path: Path, tmp_path: Path) -> object:
    if command[0] == "schema":
        args = ["schema", "show", str(path)]
    else:
        args = [command[0], str(path),
                *[a if a != "DEST" else str(tmp_path / "dest.bak") for a in command[1:]]]
    return CliRunner().invoke(cli, args)


def kill_after_writes(path: Path, code: str) -> None:
    """Run ``code`` (with ``project`` open on ``path``) in a process that then dies without
    closing, so that its WAL stays beside the file with un-checkpointed frames."""
    script = ("import os, sys\nfrom annotator.core.store import Project\n"
              "from annotator.core.model import DocumentRecord\n"
              f"project = Project.open({str(path)!r}, create=True, annotator='writer')\n"
              f"{code}\nos._exit(0)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=TIMEOUT_S)
    assert Path(f"{path}-wal").stat().st_size > 32  # frames really are in the WAL


def doc_count(path: Path) -> int:
    with Project.open(path, readonly=True) as project:
        return project.document_count()


def stamp(path: Path) -> tuple[str, int]:
    return file_digest(path), path.stat().st_mtime_ns


# -- item 4: a -wal that is not the project's -----------------------------------------------


def _other_project_wal(tmp_path: Path) -> Path:
    other = tmp_path / "other.annotator"
    kill_after_writes(other, "project.import_records([DocumentRecord(id='x', text='نص آخر')])")
    return Path(f"{other}-wal")


def test_foreign_wal_is_refused_and_the_documents_survive(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=3)
    shutil.copy(_other_project_wal(tmp_path), f"{path}-wal")
    before = stamp(path)
    wal_before = file_digest(Path(f"{path}-wal"))
    expected = f"{path}-wal is a leftover that is not this project's; move it away"
    for command in READ_COMMANDS:
        result = invoke(command, path, tmp_path)
        assert result.exit_code == 1, (command, result.output)  # type: ignore[attr-defined]
        assert expected in result.output, result.output  # type: ignore[attr-defined]
    for readonly in (False, True):
        with pytest.raises(ProjectError, match="is a leftover that is not this project's"):
            Project.open(path, readonly=readonly)
    assert expected in CliRunner().invoke(
        cli, ["import", str(path), str(resource_path(SAMPLE_CORPUS))]).output
    assert stamp(path) == before
    assert file_digest(Path(f"{path}-wal")) == wal_before  # the user's file is kept
    Path(f"{path}-wal").rename(tmp_path / "moved-away-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)
    assert doc_count(path) == 3


def test_foreign_wal_is_told_by_its_change_counters(tmp_path: Path) -> None:
    """The page-level rule alone (no SQLite involved) spots another project's WAL when the
    project's header has moved on: each session that grows the file writes page 1."""
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    for n in range(3):
        with Project.open(path, annotator="a") as project:
            project.import_records([DocumentRecord(id=f"more{n}", text=f"نص رقم {n} " * 400)])
    shutil.copy(_other_project_wal(tmp_path), f"{path}-wal")
    reason = wal_problem(path)
    assert reason is not None
    assert "change counters" in reason


def test_wal_of_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=2)
    other = tmp_path / "other.db"
    script = (f"import sqlite3, os\nc = sqlite3.connect({str(other)!r})\n"
              "c.execute('PRAGMA page_size=1024'); c.execute('PRAGMA journal_mode=WAL')\n"
              "c.execute('CREATE TABLE t(x)'); c.execute('INSERT INTO t VALUES (1)')\n"
              "c.commit(); os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=TIMEOUT_S)
    shutil.copy(f"{other}-wal", f"{path}-wal")
    before = stamp(path)
    result = CliRunner().invoke(cli, ["stats", str(path)])
    assert result.exit_code == 1
    assert "page size" in result.output
    assert "move it away" in result.output
    assert stamp(path) == before


def test_own_wal_of_a_killed_writer_is_read_and_the_file_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=3)
    kill_after_writes(path, "for d in project.document_ids():\n"
                            "    project.set_status(d, 'done')\n"
                            "from annotator.core.text import words\n"
                            "d = project.document_ids()[0]\n"
                            "project.add_entity(d, *words(project.get_text(d))[0], 'PERS')")
    before = stamp(path)
    wal_before = file_digest(Path(f"{path}-wal"))
    assert wal_problem(path) is None
    result = CliRunner().invoke(cli, ["stats", "--json", str(path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"]["done"] == 3
    assert figures["annotations"]["entities"] == 1
    for command in READ_COMMANDS:
        result = invoke(command, path, tmp_path)
        assert result.exit_code == 0, (command, result.output)  # type: ignore[attr-defined]
    assert stamp(path) == before  # bytes and mtime
    assert file_digest(Path(f"{path}-wal")) == wal_before
    with Project.open(path, readonly=True) as project:
        names = {r[0] for r in project.conn.execute("SELECT name FROM annotators")}
        assert names == {"setup", "writer"}  # the read-only commands registered no one
        with pytest.raises(ProjectError, match="read-only"):
            project.set_status(project.document_ids()[0], "todo")


def test_project_killed_while_being_created_opens(tmp_path: Path) -> None:
    """Everything of a brand-new project is still in its WAL (the file is one page of
    header): it belongs, and is read."""
    path = tmp_path / "new.annotator"
    kill_after_writes(path, "project.import_records([DocumentRecord(id='x', text='نص')])")
    assert wal_problem(path) is None
    assert doc_count(path) == 1


WRITER = """
import os, random, sys
from annotator.core.store import Project
from annotator.core.model import DocumentRecord
from annotator.core.store import ProjectError
from annotator.core.text import words
project = Project.open(sys.argv[1], annotator=sys.argv[2])
project.conn.execute('PRAGMA wal_autocheckpoint=3')  # checkpoints in the middle of the WAL
rng = random.Random(int(sys.argv[3]))
print('ready', flush=True)
n = 0
while True:
    n += 1
    docs = project.document_ids()
    choice = rng.random()
    if choice < 0.2:
        text = 'كلمة ' * rng.randint(5, 3000)
        project.import_records([DocumentRecord(id=f'{sys.argv[2]}-{n}', text=text)])
    elif choice < 0.6:
        project.set_status(rng.choice(docs), rng.choice(['todo', 'done', 'skipped']))
    elif choice < 0.9:
        d = rng.choice(docs)
        try:
            project.add_entity(d, *rng.choice(words(project.get_text(d))), 'PERS')
        except (ProjectError, ValueError):
            pass
    else:
        project.undo()
"""


def test_own_wal_is_never_refused_while_written_or_after_a_kill(tmp_path: Path) -> None:
    """Random writers with frequent partial checkpoints, read while they write and after a
    SIGKILL at a random moment: their WAL always belongs."""
    path = tmp_path / "p.annotator"
    make_project(path, docs=2)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for seed in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{seed}",
                                   str(seed)], stdout=subprocess.PIPE, text=True, env=env)
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready"
            for _ in range(5 + seed):
                assert wal_problem(path) is None
                time.sleep(0.02)
        finally:
            writer.kill()
            writer.wait()
        assert wal_problem(path) is None
        result = CliRunner().invoke(cli, ["validate", str(path)])
        assert result.exit_code == 0, result.output


# -- item 7: paths that are not regular files -----------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", [["stats"], ["validate"], ["history"], ["export", "OUT"],
                                     ["backup", "DEST"], ["schema", "show"], ["undo"],
                                     ["import", "DATA"]])
def test_fifo_project_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "p.annotator"
    os.mkfifo(fifo)
    data = tmp_path / "data.txt"
    data.write_text("نص قصير\n", encoding="utf-8")
    fill = {"OUT": str(tmp_path / "out.jsonl"), "DEST": str(tmp_path / "b.bak"),
            "DATA": str(data)}
    args = ([command[0], str(fifo)] if command[0] != "schema" else ["schema", "show", str(fifo)])
    args += [fill.get(a, a) for a in command[1:] if command[0] != "schema"]
    result = run_cli(*args)  # a hang fails by the subprocess timeout
    assert result.returncode == 1, result
    assert "named pipe (FIFO)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path(f"{fifo}-wal").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_fifo_side_file_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    os.mkfifo(f"{path}{suffix}")
    before = stamp(path)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert f"{path}{suffix}: is a named pipe (FIFO)" in result.stderr
    assert stamp(path) == before


def test_directory_and_device_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.annotator"
    folder.mkdir()
    for readonly in (False, True):
        with pytest.raises(ProjectError, match="is a directory, not a project file"):
            Project.open(folder, create=True, readonly=readonly)
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code != 0  # click's own "is a directory"
    if Path(os.devnull).exists() and not Path(os.devnull).is_file():
        for command in (["stats"], ["validate"], ["history"]):
            result = CliRunner().invoke(cli, [*command, os.devnull])
            assert result.exit_code == 1
            assert f"{os.devnull}: is a device, not a project file" in result.output


# -- item 8: foreign schema objects, and Ctrl-C ----------------------------------------------

EXPENSIVE = "printf('%.*c', 2000000, 'x')"

FOREIGN = {
    "expensive-index": f"CREATE INDEX slow ON documents({EXPENSIVE})",
    "our-index-redefined": f"DROP INDEX entities_doc; CREATE INDEX entities_doc ON entities"
                           f"(doc_id, {EXPENSIVE})",
    "table": f"CREATE TABLE extra(y, x TEXT GENERATED ALWAYS AS ({EXPENSIVE}))",
    "view": "CREATE VIEW v AS SELECT * FROM documents",
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_foreign_schema_object_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=2)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(FOREIGN[kind])
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    name = {"expensive-index": "index 'slow'", "our-index-redefined": "index 'entities_doc'",
            "table": "table 'extra'", "view": "view 'v'"}[kind]
    before = stamp(path)
    for command in (*READ_COMMANDS, ["undo"]):
        result = invoke(command, path, tmp_path)
        assert result.exit_code == 1, (command, result.output)  # type: ignore[attr-defined]
        output = result.output  # type: ignore[attr-defined]
        assert "refusing a project with foreign schema objects" in output
        assert name in output
    with pytest.raises(ProjectError, match="foreign schema objects"):
        Project.open(path)
    assert stamp(path) == before


def test_interrupt_request_stops_a_long_statement(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    endless = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
               " SELECT count(*) FROM c")
    for readonly in (False, True):
        with Project.open(path, readonly=readonly) as project:
            timer = threading.Timer(0.2, interrupt.request)
            timer.start()
            try:
                with pytest.raises(sqlite3.OperationalError, match="interrupted"):
                    project.conn.execute(endless).fetchone()
            finally:
                timer.cancel()
                interrupt.clear()
            assert project.document_count() == 1  # the connection is still usable


SLOW_STATS = """
import sys, pathlib
import annotator.core.store.project as project_module
def endless(conn, *_layer):
    pathlib.Path(sys.argv[2]).write_text('running')
    return conn.execute('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)'
                        ' SELECT count(*) FROM c').fetchone()
project_module.project_stats = endless  # a statement that never ends by itself
from annotator.cli.main import main
main(['stats', sys.argv[1]])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_a_long_command(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    marker = tmp_path / "running"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", SLOW_STATS, str(path), str(marker)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        for _ in range(TIMEOUT_S * 20):
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists()
        time.sleep(0.3)  # inside SQLite by now
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=TIMEOUT_S)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 130, err
    assert err.strip() == "interrupted"
    assert doc_count(path) == 1


# -- item 15: a refused import leaves no new file ---------------------------------------------


def _bad_jsonl(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص"}\n{not json\n', encoding="utf-8")
    return bad


def test_refused_import_into_a_new_project_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "new.annotator"
    result = CliRunner().invoke(cli, ["import", str(path), str(_bad_jsonl(tmp_path))])
    assert result.exit_code == 1
    assert "nothing was imported" in result.output
    assert not any(Path(f"{path}{s}").exists() for s in ("", "-wal", "-shm"))


def test_refused_import_keeps_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=2)
    result = CliRunner().invoke(cli, ["import", str(path), str(_bad_jsonl(tmp_path))])
    assert result.exit_code == 1
    assert doc_count(path) == 2
    empty = tmp_path / "empty.annotator"
    empty.write_bytes(b"")  # a file the user made: never deleted
    result = CliRunner().invoke(cli, ["import", str(empty), str(_bad_jsonl(tmp_path))])
    assert result.exit_code == 1
    assert empty.exists()


def test_new_project_beside_a_leftover_wal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.annotator"
    leftover = Path(f"{path}-wal")
    leftover.write_bytes(b"someone's data")
    data = tmp_path / "a.txt"
    data.write_text("نص\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), str(data)])
    assert result.exit_code == 1
    assert "is a leftover that is not this project's; move it away" in result.output
    assert leftover.read_bytes() == b"someone's data"
    assert not path.exists()
