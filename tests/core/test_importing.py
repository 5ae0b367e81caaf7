"""The import pipeline with a real project: formats, all-or-nothing, --skip-bad, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from annotator.core.exports import export_canonical
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord
from annotator.core.resources import CANONICAL_JSON_SCHEMA, resource_path
from annotator.core.store import Project
from tests.seed_path import SEED as SEED_PATH

SCHEMA_PATH = resource_path(CANONICAL_JSON_SCHEMA)
SEED = SEED_PATH
SENTENCE = "قال بوتين إن موسكو مستعدة 😀 للحوار"


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _canonical_line(text: str, **extra: Any) -> str:
    putin = _span(text, "بوتين")
    obj = {"text": text, "entities": [{"id": "e1", "start": putin[0], "end": putin[1],
                                       "label": "PERS"}], **extra}
    return json.dumps(obj, ensure_ascii=False)


def _dump(project: Project) -> list[tuple[Any, ...]]:
    return [(r.id, r.text, r.title, [(e.start, e.end, e.label) for e in r.entities])
            for r in project.iter_records()]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="tester") as proj:
        yield proj


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("عنوان الخبر\n\nنص الخبر هنا.", encoding="utf-8")
    (folder / "b.md").write_text("# زيارة **هولاند**\n\nنص [الخبر](http://x).", "utf-8")
    (folder / "c.jsonl").write_text(
        _canonical_line("أول " + SENTENCE, id="c-1") + "\n"
        + _canonical_line("ثان\r\n" + SENTENCE, id="c-2") + "\n", encoding="utf-8")
    start, end = _span(SENTENCE, "موسكو")
    doccano = {"text": SENTENCE + " دوكانو", "label": [[start, end, "GPE"]]}
    (folder / "sub" / "d.jsonl").write_text(json.dumps(doccano, ensure_ascii=False), "utf-8")
    brat_text = "بيان\r\n" + SENTENCE
    (folder / "sub" / "e.txt").write_bytes(brat_text.encode("utf-8"))
    putin = _span(brat_text, "بوتين")
    (folder / "sub" / "e.ann").write_text(f"T1\tPERS {putin[0]} {putin[1]}\tبوتين\n", "utf-8")
    (folder / ".hidden.txt").write_text("لا يقرأ", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_folder_import_all_formats(project: Project, corpus: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = import_paths(project, [corpus], progress=lambda d, t: seen.append((d, t)))
    assert result.bad == []
    assert result.files == 5  # a.txt, b.md, c.jsonl (2 documents), d.jsonl, the e pair
    assert len(result.imported) == 6
    assert result.warnings == []  # notes.pdf and the hidden file are not even looked at
    assert seen
    assert seen[-1][0] == seen[-1][1]
    records = {r.id: r for r in project.iter_records()}
    assert "لا يقرأ" not in "".join(r.text for r in records.values())
    crlf = records["c-2"]
    entity = crlf.entities[0]
    assert crlf.text[entity.start:entity.end] == "بوتين"
    brat = records["e"]
    assert brat.text[brat.entities[0].start:brat.entities[0].end] == "بوتين"
    doccano = next(r for r in records.values() if r.text.endswith("دوكانو"))
    assert doccano.text[doccano.entities[0].start:doccano.entities[0].end] == "موسكو"
    assert any(r.title == "زيارة هولاند" for r in records.values())


def test_any_problem_means_nothing_is_imported(project: Project, corpus: Path) -> None:
    before = _dump(project)
    bad = corpus / "z-bad.jsonl"
    bad.write_text(_canonical_line(SENTENCE + " مختلف") + "\n{oops\n"
                   + json.dumps({"text": "علي", "entities": [{"start": 0, "end": 3,
                                                              "label": "PERSON"}]}) + "\n",
                   encoding="utf-8")
    result = import_paths(project, [corpus])
    assert result.imported == []
    assert _dump(project) == before
    messages = [str(e) for e in result.bad]
    assert any(m.startswith(f"{bad}:2: line is not valid JSON") for m in messages), messages
    assert any(m.startswith(f"{bad}:3: entity e1: unknown entity label 'PERSON' (schema has PERS")
               for m in messages), messages


def test_skip_bad_imports_the_good_files(project: Project, corpus: Path) -> None:
    bad = corpus / "sub" / "e.ann"
    bad.write_text("T1\tPERS 0 3;4 6\tx\n", encoding="utf-8")
    result = import_paths(project, [corpus], skip_bad=True)
    assert [e.path for e in result.bad] == [str(bad)]
    assert "discontinuous" in result.bad[0].reason
    assert len(result.imported) == 5
    assert project.document_count() == 5


def test_duplicates_and_missing_paths(project: Project, tmp_path: Path) -> None:
    first = tmp_path / "one.txt"
    first.write_text("نص مكرر", encoding="utf-8")
    assert len(import_paths(project, [first]).imported) == 1
    second = tmp_path / "two.txt"
    second.write_text("نص مكرر", encoding="utf-8")
    result = import_paths(project, [second])
    assert result.imported == []
    assert len(result.duplicates) == 1
    assert result.duplicates[0][0] == str(second)
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    problems = import_paths(project, [tmp_path], skip_bad=True).bad
    assert sorted((Path(e.path).name, e.reason) for e in problems) == [
        ("binary.txt", "binary file (NUL bytes at offset 0)"),
        ("empty.txt", "the file has no text"),
    ]
    missing = import_paths(project, [tmp_path / "nope.txt"])
    assert [e.reason for e in missing.bad] == ["no such file or folder"]
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF")
    unknown = import_paths(project, [pdf, second])
    assert "unknown file type" in unknown.bad[0].reason
    assert unknown.imported == []


def test_forced_format_and_codepoint_offsets(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    start, end = _span(SENTENCE, "للحوار")
    path.write_text(json.dumps({"text": SENTENCE, "label": [[start, end, "EVENT"]]}), "utf-8")
    utf16 = import_paths(project, [path], fmt="doccano")
    assert utf16.bad  # after the emoji the UTF-16 reading is off by one code point
    result = import_paths(project, [path], fmt="doccano", offsets="codepoint")
    assert result.bad == []
    (record,) = list(project.iter_records())
    assert record.text[record.entities[0].start:record.entities[0].end] == "للحوار"
    text_family = import_paths(project, [tmp_path], fmt="txt")
    assert text_family.files == 0  # only .jsonl here: the text family takes .txt and .md
    (tmp_path / "n.md").write_text("# عنوان ماركداون\n\nنص.", encoding="utf-8")
    (tmp_path / "n.txt").write_text("نص عادي بلا عنوان.", encoding="utf-8")
    text_family = import_paths(project, [tmp_path], fmt="txt")
    assert (text_family.files, len(text_family.imported)) == (2, 2)
    titles = sorted(r.title for r in project.iter_records())
    assert titles[0] == "n"
    assert "عنوان ماركداون" in titles
    with pytest.raises(ValueError, match="unknown format"):
        import_paths(project, [path], fmt="xml")


def test_seed_webpage_import(project: Project, tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("seed article not available")
    copy = tmp_path / "page.txt"
    copy.write_bytes(SEED.read_bytes())
    result = import_paths(project, [copy])
    assert result.bad == []
    (record,) = list(project.iter_records())
    assert record.title.startswith("الكرملين: زيارة هولاند")
    assert record.meta["date"] == "2015-11-21"
    assert "مواقيت الصلاة" not in record.text


def test_export_validates_and_reimports(project: Project, corpus: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert import_paths(project, [corpus]).bad == []
    out = tmp_path / "export.jsonl"
    calls: list[tuple[int, int]] = []
    count = export_canonical(project, out, progress=lambda d, t: calls.append((d, t)))
    assert count == 6
    assert calls[-1] == (6, 6)
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8")))
    lines = out.read_text(encoding="utf-8").splitlines()
    for line in lines:
        validator.validate(json.loads(line))
    assert not list(tmp_path.glob(".export.jsonl.*"))
    with Project.open(tmp_path / "q.annotator", create=True) as again:
        result = import_paths(again, [out])
        assert result.bad == []
        assert _dump(again) == _dump(project)
    assert export_canonical(project, "-", status="todo") == 6
    printed = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["id"] for x in printed] == [json.loads(x)["id"] for x in lines]
    assert export_canonical(project, tmp_path / "none.jsonl", status=["done"]) == 0


def test_failed_export_keeps_the_old_file(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    out.write_text("old\n", encoding="utf-8")

    class Broken:
        schema = project.schema
        path = project.path
        project_id = project.project_id

        def document_count(self, status: str | None = None, text: str | None = None) -> int:
            return 1

        def iter_records(self, status: str | None = None,
                         annotator: str | None = None) -> Iterator[DocumentRecord]:
            yield DocumentRecord(id="x", text="قصير")
            raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        export_canonical(Broken(), out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")]
