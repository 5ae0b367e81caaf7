"""``annotator export --format ...`` end to end, and the atomic writer."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.output import atomic_file
from annotator.core.store import Project


def run(*args: str, code: int = 0) -> object:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_split_export_writes_folder_report_card_and_manifest(
    project_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hf"
    result = run("export", str(project_path), str(out), "--format", "hf-tokens", "--split",
                 "train=0.8,dev=0.1,test=0.1", "--seed", "7", "--status", "done")
    assert "exported 31 document(s) as hf-tokens" in result.stderr  # type: ignore[attr-defined]
    names = sorted(p.name for p in out.iterdir())
    assert names == [".annotator-export.json", "README.md", "card-labels.svg", "card-splits.svg",
                     "dev.jsonl", "report.json", "splits.json", "test.jsonl", "train.jsonl"]
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "![Annotations per label](card-labels.svg)" in card
    assert "![Documents per split](card-splits.svg)" in card
    for chart in ("card-labels.svg", "card-splits.svg"):
        root = ElementTree.fromstring((out / chart).read_bytes())  # well-formed SVG
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "train" in "".join(root.itertext())
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {"card-labels.svg", "card-splits.svg"} <= set(report["files"])
    assert sum(report["documents"].values()) == 31
    assert report["split"]["seed"] == 7
    assert report["schema"] == {"name": "annotator-news-ar", "version": 1}
    manifest = json.loads((out / "splits.json").read_text(encoding="utf-8"))["documents"]
    for split in ("train", "dev", "test"):
        ids = {json.loads(line)["doc_id"]
               for line in (out / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()}
        assert ids == {d for d, s in manifest.items() if s == split}
    again = run("export", str(project_path), str(out), "--format", "hf-tokens", "--split",
                "train=0.8,dev=0.1,test=0.1", "--seed", "7", "--no-charts")
    assert again.exit_code == 0  # type: ignore[attr-defined]
    assert not list(out.glob("*.svg"))  # --no-charts: the earlier charts went with the folder
    assert "## Charts" not in (out / "README.md").read_text(encoding="utf-8")
    assert json.loads((out / "splits.json").read_text(encoding="utf-8"))["documents"] == manifest


def test_canonical_default_is_unchanged(project_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    run("export", str(project_path), str(out))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 31
    assert not (tmp_path / "c.jsonl.report.json").exists()
    split = tmp_path / "canon"
    run("export", str(project_path), str(split), "--split", "a=0.5,b=0.5", "--layers",
        "entities")
    lines = [json.loads(x) for p in ("a.jsonl", "b.jsonl")
             for x in (split / p).read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 31
    assert all(line["quotes"] == [] and line["entities"] for line in lines)


def test_user_mistakes_are_one_line(project_path: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("keep me", encoding="utf-8")
    failed = run("export", str(project_path), str(mine), "--format", "brat", code=1)
    assert "refusing to replace" in failed.output  # type: ignore[attr-defined]
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "keep me"
    bad = run("export", str(project_path), str(tmp_path / "x"), "--format", "conll", "--split",
              "train=0.9", code=1)
    assert "sum to 0.9" in bad.output  # type: ignore[attr-defined]
    layers = run("export", str(project_path), str(tmp_path / "y"), "--format", "conll",
                 "--layers", "quotes", code=1)
    assert "cannot carry quotes" in layers.output  # type: ignore[attr-defined]
    stdout = run("export", str(project_path), "-", "--format", "conll", code=1)
    assert "stdout" in stdout.output  # type: ignore[attr-defined]


def test_failed_export_leaves_the_old_one(project_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "old.jsonl"
    out.write_text("earlier export\n", encoding="utf-8")

    class BoomError(RuntimeError):
        pass

    def half_written() -> None:
        with atomic_file(out) as temp:
            temp.write_text("half", encoding="utf-8")
            raise BoomError

    with pytest.raises(BoomError):
        half_written()
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    beside = [] if isinstance(project_path, str) else [Path(project_path).name]  # the file
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["old.jsonl", *beside])
    with Project.open(project_path) as project:

        def explode(_done: int, _total: int) -> None:
            raise BoomError

        with pytest.raises(BoomError):
            export_dataset(project, tmp_path / "folder", ExportOptions(
                format="brat", ratios={"train": 1.0}), progress=explode)
    assert not (tmp_path / "folder").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
