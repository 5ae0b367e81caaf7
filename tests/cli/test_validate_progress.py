"""``annotator validate`` shows a progress bar on a terminal's stderr and stays quiet in a
pipe (issue 12: a 100,000-document project takes half a minute to check)."""

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


def _stderr_of(project: Path, *, terminal: bool) -> str:
    if not terminal:
        done = subprocess.run(command("validate", str(project)), env=process_env(),
                              capture_output=True, text=True, timeout=120, check=True)
        return done.stderr
    main, secondary = os.openpty()
    try:
        subprocess.run(command("validate", str(project)), env=process_env(),
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
