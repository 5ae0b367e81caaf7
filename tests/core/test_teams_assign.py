"""Stored assignments (annotator.core.teams.assigning) and the store's reads of them."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.core.teams.assigning import (
    assign_documents,
    assigned_documents,
    assignment_table,
)
from tests.pg_databases import skip_on_server

PEOPLE = ["alice", "bob", "carol"]


def records(first: int, n: int) -> list[DocumentRecord]:
    return [DocumentRecord(id=f"d{i}", text=f"نص الخبر رقم {i} عن موسكو.")
            for i in range(first, first + n)]


def held(project: Project) -> dict[str, list[int]]:
    return {name: project.assignments(name) for name in PEOPLE}


def test_assign_stores_reports_and_reads_back(project_address: Path) -> None:
    with Project.open(project_address, create=True, annotator="lead") as project:
        project.import_records(records(0, 30))
        report = assign_documents(project, PEOPLE, overlap=0.2, seed=1)
        assert report.new_documents == 30
        assert report.new_shared == 6
        assert round(report.shared_fraction, 2) == 0.2
        assert sum(row.documents for row in report.table) == 36
        assert sum(row.shared for row in report.table) == 12
        assert report.table == assignment_table(project)
        for name, ids in held(project).items():
            assert project.document_ids(assigned_to=name) == ids
            assert project.document_count(assigned_to=name) == len(ids)
            assert [s.doc_id for s in project.list_documents(assigned_to=name)] == ids
            assert all(name in project.assigned_to(d) for d in ids)
        shared = [ext for ext, names in assigned_documents(project) if len(names) == 2]
        assert len(shared) == 6
        assert project.history(1)[0].action == "Assign 30 documents"


def test_rerunning_adds_only_the_unassigned_documents(project_address: Path) -> None:
    with Project.open(project_address, create=True, annotator="lead") as project:
        project.import_records(records(0, 12))
        assign_documents(project, PEOPLE, overlap=0.25, seed=2)
        before = held(project)
        again = assign_documents(project, PEOPLE, overlap=0.25, seed=2)
        assert again.new_documents == 0
        assert again.already == 12
        assert held(project) == before
        project.import_records(records(12, 6))
        more = assign_documents(project, PEOPLE, overlap=0.25, seed=2)
        assert more.new_documents == 6
        after = held(project)
        for name in PEOPLE:
            assert set(before[name]) <= set(after[name])
        totals = [row.documents for row in assignment_table(project)]
        assert max(totals) - min(totals) <= 1


def test_reassign_and_the_status_filter(project_address: Path) -> None:
    with Project.open(project_address, create=True, annotator="lead") as project:
        project.import_records(records(0, 9))
        done = project.document_ids()[:3]
        for doc in done:
            project.set_status(doc, "done")
        report = assign_documents(project, ["alice", "bob"], status="todo")
        assert report.chosen == 6
        assert not set(done) & set(project.assignments("alice") + project.assignments("bob"))
        moved = assign_documents(project, ["carol"], status="todo", reassign=True)
        assert moved.released == 6
        assert project.assignments("carol") == project.document_ids(status="todo")
        assert project.assignments("alice") == []


def test_the_assigned_filter_seeks_by_index(project_address: Path) -> None:
    """"Assigned to me" on a large project: SQLite looks each assigned id up in the
    navigator's covering index, it does not scan every document (bench/assigned_filter.py
    times it on 100,000 documents)."""
    skip_on_server(project_address, "SQLite's query plan")
    with Project.open(project_address, create=True, annotator="lead") as project:
        project.import_records(records(0, 4))
        assign_documents(project, ["alice"])
        where, params = project._filter(None, None, assigned_to="alice")
        plan = " | ".join(str(r[3]) for r in project.conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM documents AS d INDEXED BY documents_nav"
            + where, params))
        assert "SEARCH d USING COVERING INDEX documents_nav (id=?)" in plan
        assert "SCAN d" not in plan
        assert "assignments" in plan


def test_a_name_without_assignments_has_none(project_address: Path) -> None:
    with Project.open(project_address, create=True, annotator="lead") as project:
        project.import_records(records(0, 2))
        assert project.assignments("nobody") == []
        assert project.document_count(assigned_to="nobody") == 0
        assert project.assigned_to(project.document_ids()[0]) == []
