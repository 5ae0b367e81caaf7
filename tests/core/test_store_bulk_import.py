"""Issue 12: a big import into an empty project builds its secondary indexes after the rows;
the file is the same as a row-by-row import's, and a failed import leaves it exactly as it
was. The run remembers texts and ids in constant memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project, ProjectError
from annotator.core.store.bulk import DEFERRED_INDEXES
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
    who = project.annotator_id
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT doc_id FROM document_status"
        " WHERE annotator_id = ? AND status = 'done'", (who,)))
    assert "document_status_filter" in plan
    assert conn.execute("SELECT count(*) FROM document_status INDEXED BY document_status_filter"
                        " WHERE annotator_id = ? AND status = 'done'", (who,)).fetchone() == (25,)
    assert project.document_count(status="done") == 25


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


def test_duplicates_and_id_clashes_across_written_batches(project: Project,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The run remembers texts and ids by short keys; a hit is confirmed in the rows not
    written yet or in the database, so a repeat after a batch was written is still found."""
    from annotator.core.store import importer

    monkeypatch.setattr(importer, "BATCH_DOCUMENTS", 2)
    records = [DocumentRecord(id="a", text="نص أول"), DocumentRecord(id="b", text="نص ثان"),
               DocumentRecord(id="c", text="نص ثالث"),
               DocumentRecord(id="x", text="نص أول", source="f:4"),  # written batch
               DocumentRecord(id="c", text="نص رابع", source="f:5"),  # pending row
               DocumentRecord(id="a", text="نص خامس", source="f:6"),  # written batch
               DocumentRecord(id="y", text="نص ثالث", source="f:7")]  # pending row
    report = project.import_records(records)
    assert report.imported == 5
    assert report.duplicates == [("f:4", "a"), ("f:7", "c")]
    assert report.renamed == [("f:5", "c", "c-2"), ("f:6", "a", "a-2")]
    again = project.import_records([DocumentRecord(id="b", text="نص ثان", source="g:1"),
                                    DocumentRecord(id="b", text="نص سادس", source="g:2")])
    assert again.duplicates == [("g:1", "b")]
    assert again.renamed == [("g:2", "b", "b-2")]


def test_the_key_filter_never_misses_an_added_key() -> None:
    from annotator.core.store.bulk import KeyFilter

    keys = KeyFilter()
    added = [hash(f"doc-{n}") for n in range(5000)] + [-1, 0, 2**63 - 1, -(2**63)]
    for key in added:
        keys.add(key)
    assert all(key in keys for key in added)
    others = [hash(f"other-{n}") for n in range(5000)]
    assert sum(key in keys for key in others) <= 5  # false positives: about 1 in 700,000 here


def _statements(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Collects the statements ``conn`` runs that start with ``prefix`` (one a step)."""
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if sql.startswith(prefix) else None)
    return seen


def test_rows_are_written_many_to_a_statement(project: Project) -> None:
    """Bounded by counting: 250 documents of 3 entities go in as a few multi-row INSERT
    statements, not one statement a row (issue 12: the per-statement cost was half of it)."""
    start = TEXT.index("موسكو")
    records = [DocumentRecord(id=f"d{n}", text=f"{TEXT} {n}",
                              entities=[Entity(f"e{k}", start, start + 5, "GPE")
                                        for k in range(3)]) for n in range(250)]
    seen = _statements(project.conn, "INSERT INTO entities")
    report = project.import_records(records)
    project.conn.set_trace_callback(None)
    assert report.counts["entities"] == 750
    assert len(seen) == 7 + 50  # 7 statements of 100 rows, the 50 left one a statement
    assert {sql.count("'GPE'") for sql in seen} == {100, 1}  # two statement shapes only
    rows = project.conn.execute('SELECT doc_id, start, "end", label FROM entities'
                                " ORDER BY id").fetchall()
    assert rows == [(doc, start, start + 5, "GPE") for doc in report.doc_ids for _ in range(3)]


@pytest.mark.parametrize("count", [0, 1, 2, 5, 99, 100, 101, 250])
@pytest.mark.parametrize("limit", [22, 25, 32766])
def test_insert_rows_writes_every_row_in_order(count: int, limit: int) -> None:
    """Whole statements and the rest, with SQLite's limit on bound values low or high."""
    from annotator.core.store.bulk import insert_rows

    conn = sqlite3.connect(":memory:")
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT, "
                 '"end" INTEGER, c BLOB, d, e, f, g, h, i, j)')
    rows = [(n + 1, f"ن{n}", n * 2, None, 1.5, "{}", n, n, n, n, "x") for n in range(count)]
    insert_rows(conn, "t", ("id", "a", '"end"', "c", "d", "e", "f", "g", "h", "i", "j"), rows)
    assert conn.execute("SELECT * FROM t ORDER BY id").fetchall() == rows


@pytest.mark.parametrize("count", [0, 1, 2, 3, 99, 100, 101, 250])
@pytest.mark.parametrize("limit", [12, 17, 32766])
@pytest.mark.parametrize("shared", [1, 2, 6])
def test_insert_rows_binds_shared_columns_once_a_statement(count: int, limit: int,
                                                          shared: int) -> None:
    """Issue 12, fourth pass: the last columns, the same for every row, given once
    (``constants``) store exactly the rows they would as part of each row: every count, a
    limit on bound values that leaves room for one, a few or many rows a statement."""
    from annotator.core.store.bulk import insert_rows

    columns = ("id", "a", '"end"', "c", "d", "e", "f", "g", "h", "i", "j")
    conn = sqlite3.connect(":memory:")
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT, "
                 '"end" INTEGER, c BLOB, d, e, f, g, h, i, j)')
    rows = [(n + 1, f"ن{n}", n * 2, None, 1.5, "{}", n, n, n, n, "x") for n in range(count)]
    constants = ("{}", None, 7, 3, "2026-12-01T00:00:00.000000Z", "ب")[-shared:]
    seen = _statements(conn, "INSERT")
    insert_rows(conn, "t", columns, [row[:-shared] for row in rows], constants)
    full = [row[:-shared] + constants for row in rows]
    assert conn.execute("SELECT * FROM t ORDER BY id").fetchall() == full
    per = min(100, (limit - shared) // (len(columns) - shared))
    assert len(seen) == count // per + count % per  # many rows a statement, the rest one each


def test_insert_rows_reports_the_constraint_that_failed(project: Project) -> None:
    from annotator.core.store.bulk import insert_rows

    rows = [(n, f"d{n}", "t", f"{n:064x}", 1, None, "", "{}", "{}", "now", "now", "x")
            for n in range(1, 150)]
    rows.append((150, "d7", "t", "f" * 64, 1, None, "", "{}", "{}", "now", "now", "x"))
    with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE constraint failed: "
                                                     r"documents\.external_id"):
        insert_rows(project.conn, "documents", ("id", "external_id", "title", "sha256",
                                                "length", "source", "search_key", "meta",
                                                "normalization", "created", "updated",
                                                "text"), rows)


def test_remembered_normalization_json_is_each_record_s_own(project: Project) -> None:
    """The import remembers the JSON of flat normalization records; True and 1, or a record
    with a list, are never taken for one another."""
    from annotator.core.store.validation import json_text

    kinds: list[dict[str, object]] = [
        {"newlines": 0, "nfc": False}, {"newlines": 0, "nfc": True}, {"newlines": 0, "nfc": 1},
        {"newlines": 0, "nfc": False}, {"nfc": False, "newlines": 0}, {"newlines": 0.0},
        {"newlines": 2, "notes": ["a"]}, {"newlines": 2, "notes": ["b"]}, {}]
    records = [DocumentRecord(id=f"d{n}", text=f"{TEXT} {n}", normalization=kind)
               for n, kind in enumerate(kinds)]
    project.import_records(records)
    stored = [row[0] for row in project.conn.execute(
        "SELECT normalization FROM documents ORDER BY id")]
    assert stored == [json_text(kind, "normalization") for kind in kinds]
    assert stored[1] != stored[2]
