"""``annotator export --split``: no split is empty when there are documents enough; an empty
one (fewer documents than splits) is named in the report, the card and on stderr."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.exports.splits import hashed_split
from tests.cli.helpers import run

RATIOS = "train=0.8,dev=0.1,test=0.1"


def project_with(tmp_path: Path, ids: list[str]) -> Path:
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(
        json.dumps({"id": i, "text": f"نص الخبر رقم {n} عن موسكو."}, ensure_ascii=False) + "\n"
        for n, i in enumerate(ids)), encoding="utf-8")
    path = tmp_path / "p.annotator"
    run("import", str(path), str(source))
    return path


def test_three_documents_fill_three_splits(tmp_path: Path) -> None:
    ids = ["doc-1", "doc-2", "doc-3"]
    assert {hashed_split(i, 0, {"train": 0.8, "dev": 0.1, "test": 0.1}) for i in ids} != {
        "train", "dev", "test"}  # the hash alone would leave one empty
    project = project_with(tmp_path, ids)
    out = tmp_path / "out"
    result = run("export", str(project), str(out), "--format", "canonical", "--split", RATIOS)
    assert "warning" not in result.stderr
    for name in ("train", "dev", "test"):
        assert (out / f"{name}.jsonl").read_text(encoding="utf-8").strip(), name
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["split"]["empty"] == []
    assert report["documents"] == {"dev": 1, "test": 1, "train": 1}
    again = tmp_path / "again"
    run("export", str(project), str(again), "--format", "canonical", "--split", RATIOS)
    assert (again / "splits.json").read_text(encoding="utf-8") == (
        out / "splits.json").read_text(encoding="utf-8")  # deterministic


def test_an_empty_split_is_reported(tmp_path: Path) -> None:
    project = project_with(tmp_path, ["doc-1", "doc-2"])
    out = tmp_path / "out"
    result = run("export", str(project), str(out), "--format", "canonical", "--split", RATIOS)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    empty = report["split"]["empty"]
    assert empty
    assert sum(report["documents"].values()) == 2
    names = ", ".join(empty)
    assert f"warning: split(s) {names} received no document (2 document(s) for 3 splits)" \
        in result.stderr
    assert any(names in note for note in report["notes"])
    assert f"split(s) {names} received no document" in (out / "README.md").read_text(
        encoding="utf-8")


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_split_folder_exports_follow_the_umask(tmp_path: Path, umask: None) -> None:
    """Every file and folder of a split export, nested ones included (brat's split folders,
    spaCy's shard folders), gets the modes the umask gives."""
    project = project_with(tmp_path, ["doc-1", "doc-2", "doc-3"])
    for fmt in ("brat", "canonical"):
        out = tmp_path / fmt
        run("export", str(project), str(out), "--format", fmt, "--split", RATIOS)
        paths = [out, *out.rglob("*")]
        assert len(paths) > 5
        for path in paths:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o750 if path.is_dir() else 0o640), (path, oct(mode))
