"""SIGKILL at random moments: nothing acknowledged is lost, the project always opens and
validates, an import is all or nothing, an export never leaves a partial file under its name.

``ANNOTATOR_CRASH_RUNS`` sets the number of kills per test (default 10; the figures in
docs/RELIABILITY.md use 50). ``ANNOTATOR_CRASH_SEED`` fixes the random choices.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.exports import export_canonical
from annotator.core.store import Project
from annotator.core.store.journal import read_entry
from tests.reliability.helpers import (
    REPO,
    SEED,
    article_texts,
    digest,
    journal_max,
    make_project,
    read_state,
    report,
    revert,
    worker_command,
    worker_env,
)

RUNS = int(os.environ.get("ANNOTATOR_CRASH_RUNS", "10"))
def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(worker_command(*args), cwd=REPO, env=worker_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1)


def kill_and_collect(proc: subprocess.Popen[str], lines: list[dict[str, Any]]) -> str:
    """SIGKILL the child; add every complete line it printed before dying; return stderr."""
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
    proc.wait(timeout=30)
    # Read through the file objects, NOT communicate(): that reads the raw pipe and would
    # miss lines readline() already pulled into the buffer (acknowledged work!).
    assert proc.stdout is not None
    assert proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    for raw in out.splitlines(keepends=True):
        if raw.endswith("\n") and raw.strip():
            lines.append(json.loads(raw))
    return err


def cli_validate(path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output


# -- annotation operations -----------------------------------------------------------------


@dataclass
class OpsTally:
    runs: int = 0
    acknowledged: int = 0
    lost: int = 0
    in_flight_committed: int = 0
    in_flight_rolled_back: int = 0
    killed_before_first_ack: int = 0
    problems: list[str] = field(default_factory=list)


def verify_ops_run(path: Path, lines: list[dict[str, Any]], previous: tuple[str, int],
                   tally: OpsTally) -> tuple[str, int]:
    """Check one killed run against what it acknowledged; return the new (digest, journal)."""
    acks = [line for line in lines if "ack" in line]
    tally.acknowledged += len(acks)
    if not acks:
        tally.killed_before_first_ack += 1
    want_digest, want_journal = ((acks[-1]["digest"], acks[-1]["journal"]) if acks
                                 else previous)
    last_is_do = bool(lines) and "do" in lines[-1]
    with Project.open(path, annotator="checker") as project:
        violations = project.validate()
        assert violations == [], violations
        state = read_state(project.conn)
        newest = journal_max(project.conn)
        tally.lost += sum(1 for a in acks if a["journal"] > newest)
        now = digest(state)
        if now == want_digest and newest == want_journal:
            if last_is_do:
                tally.in_flight_rolled_back += 1
        elif last_is_do and newest == want_journal + 1:
            entry = read_entry(project.conn, newest)
            if digest(revert(state, entry.changes)) != want_digest:
                tally.problems.append(f"state after the in-flight {entry.action!r} does not"
                                      " extend the acknowledged state")
            tally.in_flight_committed += 1
        else:
            tally.problems.append(f"state {now[:8]} journal {newest} is neither the "
                                  f"acknowledged {want_digest[:8]}/{want_journal} nor one "
                                  f"operation past it; last lines: {lines[-3:]}")
    cli_validate(path)
    return now, newest


def test_killed_annotation_session_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.annotator"
    make_project(path)
    with Project.open(path, annotator="checker") as project:
        previous = (digest(read_state(project.conn)), journal_max(project.conn))
    rng = random.Random(SEED)
    tally = OpsTally()
    for run in range(RUNS):
        proc = spawn("ops", str(path), str(SEED * 1000 + run), "crash", "0")
        lines: list[dict[str, Any]] = []
        if rng.random() < 0.1:  # kill while it starts up or opens the project
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            wanted = rng.randint(1, 80)
            assert proc.stdout is not None
            while len(lines) < wanted:
                raw = proc.stdout.readline()
                if not raw:
                    break
                lines.append(json.loads(raw))
            if rng.random() < 0.8:  # often inside the transaction or just after COMMIT
                time.sleep(rng.uniform(0.0, 0.004))
        err = kill_and_collect(proc, lines)
        assert "Traceback" not in err, err
        previous = verify_ops_run(path, lines, previous, tally)
        tally.runs += 1
    done = subprocess.run([sys.executable, "-m", "annotator", "validate", str(path)],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report("crash-annotation", {k: v for k, v in vars(tally).items() if k != "problems"})
    assert tally.problems == []
    assert tally.lost == 0
    assert tally.acknowledged > 0


# -- import and export ----------------------------------------------------------------------

IMPORT_FILES = 1500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """IMPORT_FILES distinct text files made from the repository's sample articles."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = article_texts(10)
    for i in range(IMPORT_FILES):
        (folder / f"a{i:04d}.txt").write_text(f"{texts[i % len(texts)]}\n\nنسخة {i}\n",
                                              encoding="utf-8")
    return folder


def run_to_end(*args: str) -> tuple[dict[str, Any], float]:
    """Run a worker to completion; its last line and the seconds it took after ``start``."""
    proc = spawn(*args)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert json.loads(first) == {"start": True}
    began = time.monotonic()
    last = proc.stdout.readline()
    took = time.monotonic() - began
    proc.wait(timeout=60)
    return json.loads(last), took


def kill_during(rng: random.Random, duration: float, *args: str) -> list[dict[str, Any]]:
    """Start a worker, wait for its ``start`` line, kill it at a random moment of the work."""
    proc = spawn(*args)
    assert proc.stdout is not None
    lines = [json.loads(proc.stdout.readline())]
    time.sleep(rng.uniform(0.0, duration * 1.1))
    err = kill_and_collect(proc, lines)
    assert "Traceback" not in err, err
    return lines


def test_killed_import_is_all_or_nothing(tmp_path: Path, corpus: Path) -> None:
    base = tmp_path / "base.annotator"
    before = len(make_project(base))
    full = tmp_path / "full.annotator"
    shutil.copy(base, full)
    outcome, duration = run_to_end("import", str(full), str(corpus))
    assert outcome["imported"] == IMPORT_FILES
    rng = random.Random(SEED + 1)
    counts = {"nothing": 0, "everything": 0}
    for run in range(RUNS):
        path = tmp_path / f"run{run}.annotator"
        shutil.copy(base, path)
        lines = kill_during(rng, duration, "import", str(path), str(corpus))
        with Project.open(path, annotator="checker") as project:
            assert project.validate() == []
            documents = project.document_count()
            entities = project.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        assert entities == 0
        if documents == before:
            counts["nothing"] += 1
            assert not any("imported" in line for line in lines)
        else:
            assert documents == before + IMPORT_FILES
            counts["everything"] += 1
        cli_validate(path)
        path.unlink()
    report("crash-import", {"runs": RUNS, "files": IMPORT_FILES,
                            "import_seconds": round(duration, 2), **counts,
                            "partial": 0})


def test_killed_export_never_leaves_a_partial_file(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "export.annotator"
    make_project(path)
    outcome, _ = run_to_end("import", str(path), str(corpus))
    documents = outcome["imported"] + 3
    out = tmp_path / "out" / "corpus.jsonl"
    out.parent.mkdir()
    with Project.open(path, annotator="checker") as project:  # an older, smaller export
        assert export_canonical(project, out, status="done") == 0
    old = out.read_bytes()
    _, duration = run_to_end("export", str(path), str(tmp_path / "timing.jsonl"))
    rng = random.Random(SEED + 2)
    outcomes = {"old_file_kept": 0, "new_file_complete": 0}
    for _run in range(RUNS):
        kill_during(rng, duration, "export", str(path), str(out))
        data = out.read_bytes()
        if data == old:
            outcomes["old_file_kept"] += 1
        else:
            assert data.endswith(b"\n")
            rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
            assert sum(1 for row in rows if "text" in row) == documents
            outcomes["new_file_complete"] += 1
    leftovers = [p.name for p in out.parent.iterdir() if p.name != out.name]
    with Project.open(path, annotator="checker") as project:
        assert project.validate() == []
    report("crash-export", {"runs": RUNS, "documents": documents,
                            "export_seconds": round(duration, 2), **outcomes,
                            "partial_under_final_name": 0,
                            "temporary_files_left": len(leftovers)})
