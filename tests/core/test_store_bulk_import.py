"""Issue 12: a big import into an empty project builds its secondary indexes after the rows,
with a larger page cache; the file is the same as a row-by-row import's, and a failed import
leaves it exactly as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project, ProjectError
from annotator.core.store.bulk import BULK_CACHE_KIB, DEFERRED_INDEXES
from annotator.core.store.schema_objects import QUERY

TEXT = "قال الرئيس في موسكو إن الوفد وصل إلى القاهرة"


def _records(count: int, first: int = 0) -> Iterator[DocumentRecord]:
    start = TEXT.index("موسكو")
    for n in range(first, first + count):
        yield DocumentRecord(id=f"d{n}", text=f"{TEXT} {n}", status="todo" if n % 2 else "done",
                             entities=[Entity("e1", start, start + 5, "GPE")])


def _objects(conn: sqlite3.Connection) -> set[tuple[str, str, str, str | None]]:
    return {tuple(row) for row in conn.execute(QUERY)}


def _roots(conn: sqlite3.Connection) -> dict[str, int]:
    marks = ",".join("?" for _ in DEFERRED_INDEXES)
    return dict(conn.execute(f"SELECT name, rootpage FROM sqlite_master WHERE name IN ({marks})",
                             DEFERRED_INDEXES).fetchall())


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        yield proj


def test_indexes_of_an_empty_project_are_built_after_the_rows(project: Project) -> None:
    conn = project.conn
    objects, roots = _objects(conn), _roots(conn)
    assert set(roots) == set(DEFERRED_INDEXES)
    report = project.import_records(_records(50))
    assert report.imported == 50
    assert _objects(conn) == objects  # the same indexes, with the same SQL...
    assert _roots(conn) != roots  # ...made again after the rows
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert project.validate() == []
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE status = 'done'"))
    assert "documents_status" in plan
    assert conn.execute("SELECT count(*) FROM documents INDEXED BY documents_status"
                        " WHERE status = 'done'").fetchone() == (25,)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] != -BULK_CACHE_KIB  # restored


def test_a_project_with_documents_keeps_its_indexes(project: Project) -> None:
    project.import_records(_records(3))
    roots = _roots(project.conn)
    project.import_records(_records(3, first=3))
    assert _roots(project.conn) == roots
    assert project.validate() == []


def test_a_failed_import_leaves_the_indexes_as_they_were(project: Project) -> None:
    conn = project.conn
    objects, roots = _objects(conn), _roots(conn)

    def records() -> Iterator[DocumentRecord]:
        yield from _records(5)
        yield DocumentRecord(id="bad", text="نص آخر", entities=[Entity("e1", 0, 2, "NOPE")])

    with pytest.raises(ProjectError, match="unknown entity label"):
        project.import_records(records())
    assert _objects(conn) == objects
    assert _roots(conn) == roots
    assert project.document_count() == 0
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_project_reopens_after_a_bulk_import(tmp_path: Path) -> None:
    path = tmp_path / "q.annotator"
    with Project.open(path, create=True, annotator="t") as project:
        project.import_records(_records(20))
    with Project.open(path, annotator="t") as again:  # the open checks every schema object
        assert again.document_count() == 20
        assert again.validate() == []
