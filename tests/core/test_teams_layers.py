"""Teams on annotator layers: assign chooses by every layer's statuses, a package carries its
annotator's layer (status, labels, annotations), merge brings them back into that layer
(never ``documents.status``), and the journal names the person acting."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.curation import CURATED
from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError
from annotator.core.teams.assigning import assign_documents
from annotator.core.teams.merge import merge_package
from annotator.core.teams.package import write_package


def text(i: int) -> str:
    return f"قال الرئيس فلاديمير بوتين في موسكو يوم {i} إن روسيا تدعم الحل السياسي."


def project_of(path: Path, n: int) -> list[int]:
    with Project.open(path, create=True, annotator="lead") as project:
        project.import_records([DocumentRecord(id=f"d{i}", text=text(i)) for i in range(n)])
        return project.document_ids()


def old_status_column(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as project:
        return [str(r[0]) for r in project.conn.execute("SELECT status FROM documents")]


def test_assign_chooses_by_the_statuses_of_every_layer(tmp_path: Path,
                                                       project_address: Path) -> None:
    """``--status todo``: no annotator has started the document; ``--status S``: some
    annotator's layer has it at S (whoever runs assign)."""
    path = project_address
    docs = project_of(path, 6)
    with Project.open(path, annotator="alice") as project:
        project.set_status(docs[0], "done")
    with Project.open(path, annotator="bob") as project:
        project.set_status(docs[1], "in-progress")
        project.set_status(docs[0], "skipped")
    with Project.open(path, annotator="lead") as project:
        assert assign_documents(project, ["carol"], status="done").chosen == 1
        assert project.assignments("carol") == [docs[0]]
        assert assign_documents(project, ["carol"], status="skipped").chosen == 1
        assert assign_documents(project, ["dave"], status="in-progress").chosen == 1
        assert project.assignments("dave") == [docs[1]]
        todo = assign_documents(project, ["erin"], status="todo")
        assert todo.chosen == 4
        assert project.assignments("erin") == docs[2:]


def test_the_journal_names_the_person_not_the_layer(tmp_path: Path, project_address: Path) -> None:
    path = project_address
    project_of(path, 3)
    with Project.open(path, annotator="dana") as project:
        project.grant_role("curator", "dana")
    with Project.open(path, annotator="dana", layer=CURATED) as project:
        assign_documents(project, ["alice"])
        entry = project.history(1)[0]
        assert entry.action == "Assign 3 documents"
        assert entry.annotator == "dana"


def test_a_package_carries_the_annotators_status_and_labels(tmp_path: Path,
                                                            project_address: Path) -> None:
    path = project_address
    docs = project_of(path, 2)
    with Project.open(path, annotator="lead") as project:
        assign_documents(project, ["alice"])
    with Project.open(path, annotator="alice") as project:
        project.set_status(docs[0], "in-progress")
        project.set_document_label(docs[0], "topic", "politics")
    with Project.open(path, annotator="pre") as project:
        project.set_status(docs[1], "done")
        project.add_entity(docs[1], 11, 25, "PERS")
    with Project.open(path, annotator="lead") as project:
        write_package(project, "alice", tmp_path / "own.annotator")
        write_package(project, "alice", tmp_path / "pre.annotator", start_from="pre")
    with Project.open(tmp_path / "own.annotator", annotator="alice") as work:
        first, second = work.document_ids()
        assert work.statuses(first) == {"alice": "in-progress"}
        assert work.get_record(first).labels == {"topic": "politics"}
        assert work.statuses(second) == {}
    with Project.open(tmp_path / "pre.annotator", annotator="alice") as work:
        first, second = work.document_ids()
        # alice starts at todo with pre's annotations (pre's statuses are pre's own)
        assert work.statuses(first) == {}
        assert work.statuses(second) == {}
        assert [e.label for e in work.get_record(second).entities] == ["PERS"]
        assert work.layer_names() == ["alice"]


def test_merge_brings_statuses_and_labels_into_each_layer(tmp_path: Path,
                                                          project_address: Path) -> None:
    """Two annotators set the same document label of a shared document: each keeps theirs
    (labels are per annotator: no conflict); statuses land in each one's layer."""
    path = project_address
    docs = project_of(path, 2)
    with Project.open(path, annotator="lead") as project:
        assign_documents(project, ["alice", "bob"], overlap=1.0)
        assert project.assigned_to(docs[0]) == ["alice", "bob"]
        for name in ("alice", "bob"):
            write_package(project, name, tmp_path / f"{name}.annotator")
    topics = {"alice": "politics", "bob": "security"}
    for name, topic in topics.items():
        with Project.open(tmp_path / f"{name}.annotator", annotator=name) as work:
            for doc in work.document_ids():
                work.set_document_label(doc, "topic", topic)
                work.set_status(doc, "done")
    with Project.open(path, annotator="lead") as project:
        for name in topics:
            report = merge_package(project, tmp_path / f"{name}.annotator")
            assert report.conflicts == []
            assert report.statuses == 2
            assert report.added[name] == {"document_labels": 2}
        for doc in docs:
            assert project.statuses(doc) == {"alice": "done", "bob": "done"}
            assert project.status(doc) == "todo"  # the lead's own layer
            for name, topic in topics.items():
                assert project.get_record(doc, layer=name).labels == {"topic": topic}
        assert project.validate() == []
        project.undo()  # bob's package: his labels and statuses go, alice's stay
        assert project.statuses(docs[0]) == {"alice": "done"}
        assert project.get_record(docs[0], layer="bob").labels == {}
    assert old_status_column(path) == ["todo", "todo"]


def test_a_status_alone_merges_and_twice_changes_nothing(tmp_path: Path,
                                                         project_address: Path) -> None:
    path = project_address
    docs = project_of(path, 3)
    with Project.open(path, annotator="lead") as project:
        assign_documents(project, ["alice"])
        write_package(project, "alice", tmp_path / "alice.annotator")
    with Project.open(tmp_path / "alice.annotator", annotator="alice") as work:
        work.set_status(work.document_ids()[1], "skipped")
    with Project.open(path, annotator="lead") as project:
        report = merge_package(project, tmp_path / "alice.annotator")
        assert (report.changed, report.unchanged, report.statuses) == (1, 2, 1)
        assert report.added == {}
        assert project.statuses(docs[1]) == {"alice": "skipped"}
        again = merge_package(project, tmp_path / "alice.annotator")
        assert (again.changed, again.statuses) == (0, 0)
    with Project.open(tmp_path / "alice.annotator", annotator="alice") as work:
        work.set_status(work.document_ids()[1], "in-progress")  # she took it back up
    with Project.open(path, annotator="lead") as project:
        report = merge_package(project, tmp_path / "alice.annotator")
        assert report.conflicts == []
        assert project.statuses(docs[1]) == {"alice": "in-progress"}


def test_the_curated_layer_is_never_assigned(tmp_path: Path, project_address: Path) -> None:
    path = project_address
    project_of(path, 2)
    with Project.open(path, annotator="lead") as project:
        with pytest.raises(ProjectError, match="name of the curated layer"):
            assign_documents(project, ["alice", CURATED])
        assert project.assignments("alice") == []
