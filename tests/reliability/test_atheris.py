"""A bounded atheris (libFuzzer) run over the importers and the schema loader.

hypothesis (test_fuzz.py) explores structured inputs; atheris mutates raw bytes guided by
coverage. The run is bounded (ANNOTATOR_ATHERIS_RUNS, default 20,000 inputs: a few seconds)
so CI stays fast.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None,
                    reason="atheris is not installed (Linux x86_64 wheels only)")
def test_atheris_finds_no_crash(tmp_path: Path) -> None:
    runs = os.environ.get("ANNOTATOR_ATHERIS_RUNS", "20000")
    scratch = tmp_path / "inputs"
    scratch.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.atheris_harness", f"-atheris_runs={runs}",
         f"-artifact_prefix={tmp_path}/", "-rss_limit_mb=4096"],
        cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "ANNOTATOR_ATHERIS_DIR": str(scratch)},
    )
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
    assert result.returncode == 0, tail
    assert "Done" in result.stderr, tail
    written = {p.name for p in scratch.iterdir()}
    assert written, "the harness must write its inputs into the folder it was given"
    assert written <= {"x.jsonl", "d.jsonl", "b.txt", "b.ann"}, written
