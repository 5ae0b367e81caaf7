"""Every benchmark script in bench/ runs in ``make bench`` at a quick size and is listed with
its command in the first section of docs/BENCHMARKS.md (read from the files; nothing is run
or timed)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _scripts() -> set[str]:
    """The bench modules that run as a script (the others are helpers they share)."""
    return {path.stem for path in (REPO / "bench").glob("*.py")
            if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")}


def test_bench_holds_scripts_and_helpers() -> None:
    scripts = _scripts()
    assert {"editor", "exports", "row_decoding"} <= scripts
    assert "corpus" not in scripts  # a helper: generated corpora


def test_make_bench_runs_every_script() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^BENCH_SCRIPTS := (.*?)(?<!\\)\n", makefile, re.M | re.S)
    assert found is not None
    listed = found.group(1).replace("\\\n", " ").split()
    assert sorted(listed) == sorted(_scripts())
    assert "bench/$$script.py --quick" in makefile


def test_every_script_has_a_quick_size() -> None:
    slow = [name for name in sorted(_scripts())
            if '"--quick"' not in (REPO / "bench" / f"{name}.py").read_text(encoding="utf-8")]
    assert slow == []


def test_benchmarks_doc_lists_every_script_with_its_command() -> None:
    doc = (REPO / "docs" / "BENCHMARKS.md").read_text(encoding="utf-8")
    sections = doc.split("\n## ")
    assert sections[1].startswith("Every script, and `make bench`")  # the first section
    top = sections[1]
    missing = [name for name in sorted(_scripts()) if f"bench/{name}.py --quick" not in top]
    assert missing == []
