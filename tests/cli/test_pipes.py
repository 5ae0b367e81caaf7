"""A closed output pipe (``| head``) ends a command quietly with status 0: real processes,
real pipes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import command, process_env, run

WORDS = "أعلنت وزارة الخارجية في موسكو أن الوزير سيزور برلين الأسبوع المقبل لبحث ملف الطاقة. "


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose export (about 400 KB) and search output exceed any pipe buffer."""
    folder = tmp_path_factory.mktemp("pipes")
    source = folder / "docs.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(200):
            text = f"خبر رقم {n}\n" + WORDS * 15
            out.write(json.dumps({"id": f"d{n}", "text": text}, ensure_ascii=False) + "\n")
    path = folder / "p.annotator"
    run("import", str(path), str(source))
    run("label-all", str(path), "موسكو", "GPE")
    return path


def closed_reader(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout a pipe whose reading end is already closed: the first write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(command(*args), cwd=cwd, env=process_env(), stdout=write_end,
                              stderr=subprocess.PIPE, timeout=120, check=False)
    finally:
        os.close(write_end)


def head_bytes(count: int, *args: str, cwd: Path) -> tuple[bytes, int, bytes]:
    """``annotator ARGS | head -c COUNT``: read COUNT bytes, close the pipe, wait."""
    with subprocess.Popen(command(*args), cwd=cwd, env=process_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        got = proc.stdout.read(count)
        proc.stdout.close()
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    return got, status, err


@pytest.mark.parametrize("args", [
    ("export", "{p}", "-"),
    ("history", "{p}"),
    ("search", "{p}", "موسكو", "--limit", "0"),
    ("search", "{p}", "موسكو", "--json"),
    ("stats", "{p}", "--json"),
    ("--help",),
])
def test_closed_pipe_ends_quietly(project: Path, args: tuple[str, ...]) -> None:
    done = closed_reader(*(a.format(p=project) for a in args), cwd=project.parent)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"Exception ignored" not in done.stderr
    assert b"Broken pipe" not in done.stderr


def test_head_of_a_large_export(project: Path) -> None:
    got, status, err = head_bytes(10, "export", str(project), "-", cwd=project.parent)
    assert got == b'{"id": "d0'
    assert status == 0, err
    assert err == b""


def test_head_of_a_long_search(project: Path) -> None:
    got, status, err = head_bytes(200, "search", str(project), "موسكو", "--limit", "0",
                                  cwd=project.parent)
    assert got.startswith(b"d0")
    assert status == 0, err
    assert b"Traceback" not in err
    assert b"Exception ignored" not in err
