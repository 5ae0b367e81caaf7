"""Issue 12: the import leaves the concordance index to the first search, which builds it in
steps (with progress); searches are right after an import and after edits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.corpus import SearchQuery, search
from annotator.core.importing import import_paths
from annotator.core.store import Project
from annotator.core.store.search import STEP


def _corpus(path: Path, count: int, first: int = 0) -> Path:
    lines = [json.dumps({"id": f"d{n}", "text": f"خبر رقم {n} عن موسكو وباريس"},
                        ensure_ascii=False) for n in range(first, first + count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        yield proj


def _indexed(project: Project) -> int:
    return int(project.conn.execute("SELECT count(*) FROM search_text").fetchone()[0])


def test_the_import_does_not_index_and_the_first_search_does_in_steps(
        project: Project, tmp_path: Path) -> None:
    count = 2 * STEP + 50
    result = import_paths(project, [_corpus(tmp_path / "a.jsonl", count)], fmt="canonical")
    assert len(result.imported) == count
    assert _indexed(project) == 0
    assert project.search_index_pending() == count
    seen: list[tuple[int, int]] = []
    project.ensure_search_index(progress=lambda done, total: seen.append((done, total)))
    assert seen == [(STEP, count), (2 * STEP, count), (count, count)]
    assert _indexed(project) == count
    assert project.search_index_pending() == 0
    rows = search(project, SearchQuery("موسكو"))
    assert len(rows) == count
    assert {row.external_id for row in rows} == {f"d{n}" for n in range(count)}


def test_steps_follow_later_imports_and_edits(project: Project, tmp_path: Path) -> None:
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 5)], fmt="canonical")
    assert len(search(project, SearchQuery("باريس"))) == 5
    import_paths(project, [_corpus(tmp_path / "b.jsonl", 3, first=5)], fmt="canonical")
    assert project.search_index_pending() == 3
    assert project.index_search_step(2) == 1
    assert project.index_search_step(2) == 0
    assert len(search(project, SearchQuery("باريس"))) == 8
    # An edit: a label on one match shows at once in a label-filtered search.
    row = search(project, SearchQuery("موسكو"))[6]
    project.add_entity(row.doc_id, row.start, row.end, "GPE")
    labelled = search(project, SearchQuery("موسكو", label="GPE"))
    assert [(r.doc_id, r.start, r.label) for r in labelled] == [(row.doc_id, row.start, "GPE")]
    assert len(search(project, SearchQuery("موسكو", unlabelled=True))) == 7


def test_another_connection_indexing_meanwhile_is_skipped(project: Project,
                                                          tmp_path: Path) -> None:
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 6)], fmt="canonical")
    assert project.search_index_pending() == 6
    with Project.open(project.path, annotator="other") as other:
        other.ensure_search_index()
    # The other connection did it: the steps skip what it indexed, nothing goes in twice.
    assert project.index_search_step(4) == 2
    assert project.index_search_step(4) == 0
    assert _indexed(project) == 6
    assert len(search(project, SearchQuery("موسكو"))) == 6


def test_documents_removed_leave_the_index(project: Project, tmp_path: Path) -> None:
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 3)], fmt="canonical")
    project.ensure_search_index()
    with project.conn:  # a document removed by another path (a future delete action)
        project.conn.execute("DELETE FROM documents WHERE external_id = 'd1'")
    assert project.search_index_pending() == 0
    assert _indexed(project) == 2
    assert {r.external_id for r in search(project, SearchQuery("موسكو"))} == {"d0", "d2"}
