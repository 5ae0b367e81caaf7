"""``annotator validate`` shows a progress bar on a terminal's stderr and stays quiet in a
pipe (issue 12: a 100,000-document project takes half a minute to check); so does the first
``annotator search`` after an import, which builds the search index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import command, process_env, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("validate")
    source = folder / "docs.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(30):
            out.write(json.dumps({"id": f"d{n}", "text": f"خبر رقم {n} من موسكو."},
                                 ensure_ascii=False) + "\n")
    path = folder / "p.annotator"
    run("import", str(path), str(source))
    return path


def _stderr_of(project: Path, *, terminal: bool, args: tuple[str, ...] = ("validate",)) -> str:
    argv = command(args[0], str(project), *args[1:])
    if not terminal:
        done = subprocess.run(argv, env=process_env(),
                              capture_output=True, text=True, timeout=120, check=True)
        return done.stderr
    main, secondary = os.openpty()
    try:
        subprocess.run(argv, env=process_env(),
                       stdout=subprocess.DEVNULL, stderr=secondary, timeout=120, check=True)
        os.close(secondary)
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # Linux reports the closed pty as EIO
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(project: Path) -> None:
    err = _stderr_of(project, terminal=True)
    assert "Validating" in err
    assert "ok: no violations" in err


def test_no_progress_bar_in_a_pipe(project: Path) -> None:
    err = _stderr_of(project, terminal=False)
    assert "Validating" not in err
    assert err.strip() == "ok: no violations"


def test_the_first_search_after_an_import_builds_the_index_with_progress(
        tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{n}", "text": f"خبر {n} من موسكو."},
                                         ensure_ascii=False) + "\n" for n in range(30)),
                      encoding="utf-8")
    path = tmp_path / "s.annotator"
    run("import", str(path), str(source))
    err = _stderr_of(path, terminal=True, args=("search", "موسكو", "--limit", "0"))
    assert "Indexing for search" in err
    assert "30 matches" in err
    again = _stderr_of(path, terminal=True, args=("search", "موسكو", "--limit", "0"))
    assert "Indexing" not in again  # the index is current now
    assert "30 matches" in again
