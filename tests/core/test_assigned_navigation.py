"""The navigator's reads under "assigned to me" (issue 13): a document's position and the
question whether a project has assignments at all."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.core.teams.assigning import assign_documents


def _project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "p.annotator", create=True, annotator="alice")
    project.import_records(DocumentRecord(id=f"d{i}", text=f"نص الخبر رقم {i}.")
                           for i in range(40))
    return project


def test_position_under_a_status_counts_only_the_assigned(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        assign_documents(project, ["alice", "bob"], seed=3)
        mine = project.assignments("alice")
        others = [d for d in project.document_ids() if d not in mine]
        for doc_id in (*others[:3], *mine[:4]):
            project.set_status(doc_id, "done")
        for status in ("done", "todo"):
            listed = project.document_ids(status=status, assigned_to="alice")
            assert listed
            for row, doc_id in enumerate(listed):
                assert project.document_position(doc_id, status,
                                                 assigned_to="alice") == row
            assert project.document_position(others[0] if status == "done" else others[5],
                                             status, assigned_to="alice") is None


def test_has_assignments(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        assert not project.has_assignments()
        assign_documents(project, ["bob"], seed=1)
        assert project.has_assignments()
