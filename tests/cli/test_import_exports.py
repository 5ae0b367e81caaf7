"""``annotator import`` of our own exports: their report, card and manifest are not
documents; every export is read back (issue 18) but the stance records and a doccano export
with quotes or events, which are refused with the export to make instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats.own_exports import export_files, export_of_folder
from annotator.core.output import MARKER_NAME
from annotator.core.sample import build_sample_project
from annotator.core.store import Project
from tests.cli.helpers import run


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project: entities, quotes, events and stances in every article of corpora/."""
    return build_sample_project(tmp_path_factory.mktemp("sample") / "s.annotator")


def documents(project: Path) -> int:
    with Project.open(project, readonly=True) as proj:
        return int(proj.document_count())


@pytest.mark.parametrize(("fmt", "extra"), [
    ("brat", ()), ("canonical", ()), ("doccano", ("--layers", "entities")),
    ("label-studio", ()), ("hf-tokens", ("--unit", "document")),
    ("conll", ("--unit", "document")), ("events", ("--unit", "document")),
])
def test_an_export_folder_imports_back(sample: Path, tmp_path: Path, fmt: str,
                                       extra: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    run("export", str(sample), str(out), "--format", fmt, "--split", "train=0.5,test=0.5",
        *extra)
    assert {"report.json", "README.md", "splits.json", MARKER_NAME} <= {
        p.name for p in out.iterdir()}
    target = tmp_path / "back.annotator"
    result = run("import", str(target), str(out))
    assert f"imported {documents(sample)} document(s)" in result.stdout
    assert "error" not in result.stderr
    assert f"is an annotator {fmt} export" in result.stderr
    assert "README.md, card-labels.svg, card-splits.svg, report.json, splits.json" in result.stderr
    assert documents(target) == documents(sample)


@pytest.mark.parametrize("fmt", ["doccano", "stance"])
def test_an_export_that_cannot_come_back_is_refused_in_one_line(
        sample: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    run("export", str(sample), str(out), "--format", fmt, "--split", "train=0.5,test=0.5")
    target = tmp_path / "back.annotator"
    result = run("import", str(target), str(out), ok=False)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert f": a {fmt} export" in errors[0]
    assert "made by annotator: it cannot be imported back" in errors[0]
    assert "--format canonical" in errors[0]
    assert not target.exists()


def test_files_named_one_by_one(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "ls"
    run("export", str(sample), str(out), "--format", "label-studio", "--split", "train=1")
    result = run("import", str(tmp_path / "x.annotator"), str(out / "train.json"),
                 str(out / "report.json"))
    assert "ls/report.json is a file of an annotator export" in result.stderr
    assert f"imported {documents(sample)} document(s)" in result.stdout


def test_one_file_exports_beside_their_reports(sample: Path, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    run("export", str(sample), str(folder / "all.jsonl"), "--layers",
        "entities,quotes,events,stances")
    run("export", str(sample), str(folder / "ents.jsonl"), "--format", "doccano",
        "--layers", "entities")
    assert (folder / "all.jsonl.report.json").is_file()
    target = tmp_path / "back.annotator"
    result = run("import", str(target), str(folder))
    assert "all.jsonl.report.json is the report of an annotator export" in result.stderr
    assert "ents.jsonl.report.json is the report" in result.stderr
    assert f"imported {documents(sample)} document(s)" in result.stdout  # the same texts twice
    run("export", str(sample), str(folder / "stances.jsonl"), "--format", "stance")
    refused = run("import", str(tmp_path / "other.annotator"), str(folder), ok=False)
    assert "stances.jsonl: a stance export (one line per stance" in refused.stderr


def test_a_crafted_marker_is_only_a_hint(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / MARKER_NAME).write_text('{"format": ["x"]}', encoding="utf-8")
    (folder / "report.json").write_text('{"layers": "entities"}', encoding="utf-8")
    found = export_of_folder(folder)
    assert found is not None
    assert found.format is None
    assert found.layers is None
    assert not found.readable
    (folder / MARKER_NAME).write_text("\x00not json", encoding="utf-8")
    assert export_of_folder(folder) is not None
    assert export_of_folder(tmp_path) is None
    (folder / "a.txt").write_text("نص عربي قصير.", encoding="utf-8")
    result = run("import", str(tmp_path / "p.annotator"), str(folder), ok=False)
    assert "an export made by annotator: it cannot be imported back" in result.stderr


def test_the_names_are_the_exporters_names() -> None:
    from annotator.core.exports.pipeline import CARD_NAME
    from annotator.core.exports.report import LABELS_CHART, SPLITS_CHART
    from annotator.core.exports.splits import MANIFEST_NAME
    from annotator.core.exports.writer import REPORT_NAME

    assert export_files() == {CARD_NAME, MANIFEST_NAME, REPORT_NAME, MARKER_NAME, LABELS_CHART,
                              SPLITS_CHART}
