"""hf-tokens and conll pad a document's tag columns as they write it (to the deepest level
seen so far); only what was written before a deeper document appeared is padded again, and
the output is exactly what padding the whole file afterwards gave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.exports import writer as writer_module
from annotator.core.exports.hf_tokens import level_key
from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from tests.exports.hard_cases import filler_records, main_record
from tests.exports.test_tokens_reference import _expected_hf_lines


def _project(path: Path, deep_at: int, count: int = 40) -> Path:
    """``count`` documents with one level of entities and the two-level main document at
    position ``deep_at``."""
    records: list[DocumentRecord] = list(filler_records(count))
    records.insert(deep_at, main_record())
    with Project.open(path, create=True, annotator="t") as project:
        project.import_records(records)
    return path


def _count_passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of the file each padding pass rewrote."""
    sizes: list[int] = []
    for name in ("rewrite_lines", "rewrite_chunks"):
        real = getattr(writer_module, name)

        def counted(path: Path, *args: object, _real: object = real) -> None:
            sizes.append(path.stat().st_size)
            _real(path, *args)  # type: ignore[operator]

        monkeypatch.setattr(writer_module, name, counted)
    return sizes


def _conll_rows(lines: list[dict[str, object]]) -> list[list[str]]:
    return [[str(token), *(str(line[level_key(n)][i])  # type: ignore[index]
                           for n in range(1, len(line) - 2))]
            for line in lines for i, token in enumerate(line["tokens"])]  # type: ignore[arg-type]


@pytest.mark.parametrize("deep_at", [0, 3, 40])
def test_only_the_part_written_before_a_deeper_document_is_padded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deep_at: int
) -> None:
    path = _project(tmp_path / "p.annotator", deep_at)
    with Project.open(path) as project:
        records = list(project.iter_records())
        sizes = _count_passes(monkeypatch)
        hf, conll = tmp_path / "hf.jsonl", tmp_path / "c.conll"
        export_dataset(project, hf, ExportOptions(format="hf-tokens"))
        export_dataset(project, conll, ExportOptions(format="conll"))
    expected = _expected_hf_lines(records)
    assert [json.loads(line) for line in hf.read_text(encoding="utf-8").splitlines()] == expected
    rows = [line.split(" ") for line in conll.read_text(encoding="utf-8").split("\n")
            if line and not line.startswith("-DOCSTART-")]
    assert rows == _conll_rows(expected)
    assert {line.count(" ") for line in conll.read_text(encoding="utf-8").split("\n")
            if line.startswith("-DOCSTART-")} == {2}
    if deep_at == 0:
        assert sizes == []  # the deepest document came first: no second pass at all
    else:
        # one pass per file, over what the documents before the deep one wrote
        assert len(sizes) == 2
        whole = (hf.stat().st_size, conll.stat().st_size)
        for size, total in zip(sizes, whole, strict=True):
            assert 0 < size < total * (deep_at + 2) / 41


def test_every_split_file_is_padded_to_the_deepest_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A split whose last document came before the deepest one is padded on close."""
    path = _project(tmp_path / "p.annotator", 20)
    ratios = {"train": 0.5, "dev": 0.25, "test": 0.25}
    with Project.open(path) as project:
        _count_passes(monkeypatch)
        for fmt in ("hf-tokens", "conll"):
            export_dataset(project, tmp_path / fmt, ExportOptions(format=fmt, ratios=ratios))
    for split in ratios:
        for line in (tmp_path / "hf-tokens" / f"{split}.jsonl").read_text(
                encoding="utf-8").splitlines():
            assert "ner_tags_l2" in json.loads(line)
        for line in (tmp_path / "conll" / f"{split}.conll").read_text(
                encoding="utf-8").split("\n"):
            assert line == "" or line.count(" ") == 2
