"""Issue 12: an import checks each span once, and streams records into its transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import annotator.core.checks
import annotator.core.formats.spans
import annotator.core.store.validation
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord
from annotator.core.store import Project, importer
from annotator.core.text import spans as text_spans
from annotator.core.text.graphemes import grapheme_boundaries, is_grapheme_boundary


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="tester") as proj:
        yield proj


TEXT = "قال 👍🏽 بُوتِينُ في موسكو 👨\u200d👩\u200d👧 إنّ الرياض"


def _lines(count: int) -> list[str]:
    start = TEXT.index("بُوتِينُ")
    outer = TEXT.index(" في") + 3
    city = TEXT.index("موسكو")
    entities = [{"id": "e1", "start": start, "end": start + len("بُوتِينُ"), "label": "PERS"},
                {"id": "e2", "start": start, "end": outer, "label": "PERS"},
                {"id": "e3", "start": city, "end": city + 5, "label": "GPE"}]
    return [json.dumps({"id": f"d{n}", "text": f"{TEXT} {n}", "entities": entities},
                       ensure_ascii=False) for n in range(count)]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    original = text_spans.span_problem

    def counted(text: str, start: int, end: int) -> str | None:
        calls[0] += 1
        return original(text, start, end)

    for module in (annotator.core.checks, annotator.core.formats.spans,
                   annotator.core.store.validation):
        monkeypatch.setattr(module, "span_problem", counted)
    return calls


def test_each_span_is_checked_once(project: Project, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text("\n".join(_lines(4)) + "\n", encoding="utf-8")
    calls = _counting(monkeypatch)
    result = import_paths(project, [source], fmt="canonical")
    assert not result.bad
    assert len(result.imported) == 4
    # At most once each: the quick path's set lookups prove some spans without span_problem.
    assert calls[0] <= 4 * 3
    assert project.stats()["annotations"]["entities"] == 12


def test_plain_spans_are_proven_without_span_problem(project: Project, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = "قال الرئيس في موسكو إن الوفد وصل إلى القاهرة"
    words = [(text.index(w), text.index(w) + len(w)) for w in ("موسكو", "القاهرة", "الرئيس")]

    def line(n: int) -> str:
        entities = [{"id": f"e{i}", "start": s, "end": e, "label": "GPE", "text": text[s:e]}
                    for i, (s, e) in enumerate(words)]
        return json.dumps({"id": f"d{n}", "text": f"{text} {n}", "entities": entities},
                          ensure_ascii=False)

    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(line(0) + "\n", encoding="utf-8")
    second.write_text("\n".join(line(n) for n in range(1, 21)) + "\n", encoding="utf-8")
    assert not import_paths(project, [first], fmt="canonical").bad  # learns the characters
    calls = _counting(monkeypatch)
    result = import_paths(project, [second], fmt="canonical")
    assert not result.bad
    assert len(result.imported) == 20
    assert calls[0] == 0
    assert project.stats()["annotations"]["entities"] == 63


def test_a_bad_span_is_still_refused_after_normalization(project: Project,
                                                          tmp_path: Path) -> None:
    # "e\u0301" becomes one code point: a span ending between them is refused.
    line = {"id": "x", "text": "ab e\u0301 cd", "entities": [
        {"id": "e1", "start": 3, "end": 4, "label": "PERS"}]}
    source = tmp_path / "b.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = import_paths(project, [source], fmt="canonical")
    assert result.bad
    assert not result.imported


@pytest.mark.parametrize("text", [TEXT, "ab\r\ncd", "🇸🇦🇪🇬x", "\u0600١٢ب", "가각",
                                  "ب\u200cت", "a\u0308\u0301b", "क्\u200dष"])
def test_the_cheap_boundary_test_agrees_with_the_walk(text: str) -> None:
    bounds = set(grapheme_boundaries(text))
    assert [is_grapheme_boundary(text, i) for i in range(len(text) + 1)] == [
        i in bounds for i in range(len(text) + 1)]


class _Target:
    """Records how far the file was read when the store saw its first record."""

    def __init__(self, project: Project, done: list[int]) -> None:
        self.project, self.done, self.seen_at = project, done, -1

    @property
    def schema(self) -> Any:
        return self.project.schema

    def import_records(self, records: Iterable[DocumentRecord], **options: Any) -> Any:
        def watched() -> Iterable[DocumentRecord]:
            for record in records:
                if self.seen_at < 0:
                    self.seen_at = self.done[0]
                yield record
        return self.project.import_records(watched(), **options)


def test_records_stream_into_the_transaction(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(_lines(50)) + "\n", encoding="utf-8")
    done = [0]

    def progress(read: int, _total: int) -> None:
        done[0] = read

    target = _Target(project, done)
    result = import_paths(target, [source], fmt="canonical", progress=progress)
    assert len(result.imported) == 50
    assert 0 <= target.seen_at < source.stat().st_size // 2


def test_a_late_bad_record_still_imports_nothing(project: Project, tmp_path: Path) -> None:
    lines = _lines(30)
    lines[25] = json.dumps({"id": "bad", "text": "abc", "entities": [
        {"id": "e1", "start": 1, "end": 9, "label": "PERS"}]})
    lines[28] = json.dumps({"id": "bad2", "text": "abc", "status": "nonsense"})
    source = tmp_path / "d.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_paths(project, [source], fmt="canonical")
    assert not result.imported
    assert len(result.bad) == 2
    assert [b.line for b in result.bad] == [26, 29]
    assert project.stats()["documents"]["total"] == 0


def test_rows_are_written_by_text_size(project: Project,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "BATCH_CHARS", 100)
    buffered: list[int] = []
    flush = importer._Run.flush

    def counted(run: importer._Run) -> None:
        buffered.append(len(run.rows["documents"]))
        flush(run)

    monkeypatch.setattr(importer._Run, "flush", counted)
    report = project.import_records(DocumentRecord(id=f"t{n}", text=f"{TEXT} {n}")
                                    for n in range(10))
    assert report.imported == 10
    assert max(buffered) == 3  # about 47 code points each: the third passes 100
    assert sum(buffered) == 10
