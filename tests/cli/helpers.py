"""What the CLI tests share: running the command in-process, or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_COUNT = len(list((ROOT / "corpora" / "articles").glob("*.txt")))
"""How many sample articles a fresh clone has (corpora/articles)."""


def run(*args: str, ok: bool = True) -> Result:
    """``annotator ARGS`` through click's runner; with ``ok`` the exit status must be 0."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def process_env() -> dict[str, str]:
    """The environment of a real ``python -m annotator`` of this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("VTE_VERSION", None)
    return env


def command(*args: str) -> list[str]:
    """The argv of a real ``annotator ARGS`` process."""
    return [sys.executable, "-m", "annotator", *args]


def run_process(*args: str, cwd: Path, stdin: str | None = None
                ) -> subprocess.CompletedProcess[str]:
    """``annotator ARGS`` as a real process in ``cwd`` (text output)."""
    return subprocess.run(command(*args), cwd=cwd, env=process_env(), input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)
