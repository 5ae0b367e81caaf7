"""The README's example, run line by line exactly as written, in a temporary folder holding
what a fresh clone has (``corpora/articles`` and ``corpora/gazetteer.tsv``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import ARTICLE_COUNT, ROOT, process_env


def example_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^Example[^\n]*:\n\n```sh\n(.*?)```", readme, re.S | re.M)
    assert block is not None, "README.md has no Example block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_every_example_line_prints_something(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpora" / "articles", tmp_path / "corpora" / "articles")
    shutil.copy(ROOT / "corpora" / "gazetteer.tsv", tmp_path / "corpora" / "gazetteer.tsv")
    lines = example_lines()
    assert lines[0].startswith("annotator import")
    prelude = f'set -o pipefail; annotator() {{ "{sys.executable}" -m annotator "$@"; }}; '
    printed: dict[str, str] = {}
    for line in lines:
        done = subprocess.run(["bash", "-c", prelude + line], cwd=tmp_path, env=process_env(),
                              capture_output=True, text=True, encoding="utf-8", timeout=120,
                              check=False)
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr
        assert done.stdout.strip(), (line, done.stderr)
        printed[line.split()[1]] = done.stdout
    assert f"imported {ARTICLE_COUNT} document(s)" in printed["import"]
    assert "added" in printed["preannotate"]
    assert "[GPE]" in printed["search"]
    assert "Pre-annotate from gazetteer" in printed["history"]
    assert printed["export"].split() == [str(ARTICLE_COUNT), "news.jsonl"]
