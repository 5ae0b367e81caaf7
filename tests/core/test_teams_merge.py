"""Work packages and merge (annotator.core.teams.package, .merge), end to end through the core
API: assign -> package -> annotate in each package as its annotator -> merge -> layers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.output import OutputError
from annotator.core.store import Project, ProjectError
from annotator.core.teams.assigning import assign_documents
from annotator.core.teams.merge import merge_package
from annotator.core.teams.package import write_package
from annotator.core.teams.package_info import read_package_info

PEOPLE = ["alice", "bob", "carol"]
SKIP = {"journal", "undo_stack", "ui_state", "annotators"}


def text(i: int) -> str:
    return f"قال الرئيس فلاديمير بوتين في موسكو يوم {i} إن روسيا تدعم الحل السياسي."


def span(t: str, word: str) -> tuple[int, int]:
    start = t.index(word)
    return start, start + len(word)


def dump(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(project.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in tables if t not in SKIP and not t.startswith(("sqlite_", "search"))}


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """Nine documents, pre-annotated (a GPE on موسكو) by the ``preannotate`` annotator,
    assigned to three people with a third shared."""
    path = tmp_path / "team.annotator"
    with Project.open(path, create=True, annotator="lead") as project:
        project.import_records([DocumentRecord(id=f"d{i}", text=text(i)) for i in range(9)])
    with Project.open(path, annotator="preannotate") as project:
        for doc in project.document_ids():
            project.add_entity(doc, *span(project.get_text(doc), "موسكو"), "GPE")
    with Project.open(path, annotator="lead") as project:
        assign_documents(project, PEOPLE, overlap=1 / 3, seed=4)
    return path


def package_id(package: Path) -> str:
    with Project.open(package, readonly=True) as work:
        info = read_package_info(work.conn, str(package))
        assert info is not None
        return info.package_id


def package_all(path: Path) -> dict[str, Path]:
    out = {}
    with Project.open(path, annotator="lead") as project:
        for name in PEOPLE:
            out[name] = path.parent / f"{name}.annotator"
            report = write_package(project, name, out[name], start_from="preannotate")
            assert report.documents == len(project.assignments(name))
            assert report.annotations == {"entities": report.documents}
    return out


def annotate(package: Path, name: str) -> None:
    """What an annotator does in the app, through the same core API, as that annotator: keep
    the pre-annotated GPE, add PERS on بوتين and a quote, mark done."""
    with Project.open(package, annotator=name) as work:
        assert work.document_ids(assigned_to=name) == work.document_ids()
        for doc in work.document_ids():
            t = work.get_text(doc)
            putin = work.add_entity(doc, *span(t, "فلاديمير بوتين"), "PERS")
            work.add_quote(doc, Span(*span(t, "روسيا تدعم الحل السياسي")),
                           cue=Span(*span(t, "قال")), speaker=str(putin))
            work.set_status(doc, "done")


def test_three_annotators_end_to_end(project_path: Path) -> None:
    packages = package_all(project_path)
    for name, package in packages.items():
        annotate(package, name)
    with Project.open(project_path, annotator="lead") as project:
        for name in PEOPLE:
            report = merge_package(project, packages[name])
            assert report.conflicts == []
            assert report.added[name] == {"entities": 2 * report.documents,
                                          "quotes": report.documents}
        assert project.validate() == []
        layers = {name: {r.id: r for r in project.iter_records(annotator=name)}
                  for name in PEOPLE}
        shared = [d for d in project.document_ids() if len(project.assigned_to(d)) >= 2]
        assert shared
        for doc in shared:
            names = project.assigned_to(doc)
            ext = project.get_record(doc).id
            for name in names:
                record = layers[name][ext]
                assert sorted(e.label for e in record.entities) == ["GPE", "PERS"]
                assert {e.annotator for e in record.entities} == {name}
                assert record.quotes[0].speaker in {e.id for e in record.entities}
        for doc in project.document_ids():
            assert project.statuses(doc) == dict.fromkeys(project.assigned_to(doc), "done")
            holders = [n for n in PEOPLE if layers[n][project.get_record(doc).id].entities]
            assert sorted(holders) == project.assigned_to(doc)


def test_merging_the_same_package_twice_changes_nothing(project_path: Path) -> None:
    packages = package_all(project_path)
    annotate(packages["alice"], "alice")
    with Project.open(project_path, annotator="lead") as project:
        merge_package(project, packages["alice"])
        before = dump(project)
        meta = project.conn.execute("SELECT * FROM meta ORDER BY key").fetchall()
        entries = project.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
        again = merge_package(project, packages["alice"])
        assert again.changed == 0
        assert again.unchanged == again.documents > 0
        assert dump(project) == before
        assert project.conn.execute("SELECT * FROM meta ORDER BY key").fetchall() == meta
        assert project.conn.execute("SELECT count(*) FROM journal").fetchone()[0] == entries


def test_undo_removes_exactly_what_the_merge_added(project_path: Path) -> None:
    packages = package_all(project_path)
    annotate(packages["bob"], "bob")
    with Project.open(project_path, annotator="lead") as project:
        before = dump(project)
        report = merge_package(project, packages["bob"])
        assert project.undo_text() == f"Undo {report.action}"
        project.undo()
        after = dump(project)
        # Only the note of what this package brought in stays (it never decides alone what
        # a merge may overwrite: docs/RELIABILITY.md, Teams).
        assert [k for k, _v in after.pop("meta")] == [
            k for k, _v in before.pop("meta")] + [f"merged:{package_id(packages['bob'])}"]
        assert after == before
        project.redo()
        assert sum(len(r.entities) for r in project.iter_records(annotator="bob")) == \
            2 * report.documents


def test_a_layer_changed_in_the_project_is_a_conflict(project_path: Path) -> None:
    packages = package_all(project_path)
    annotate(packages["carol"], "carol")
    with Project.open(project_path, annotator="lead") as project:
        doc = project.assignments("carol")[0]
    with Project.open(project_path, annotator="carol") as project:
        project.add_entity(doc, *span(project.get_text(doc), "روسيا"), "GPE")
    with Project.open(project_path, annotator="lead") as project:
        kept = merge_package(project, packages["carol"])
        assert [c.annotator for c in kept.conflicts] == ["carol"]
        assert "kept the project's" in kept.conflicts[0].reason
        labels = [e.label for e in project.get_record(doc, layer="carol").entities]
        assert labels == ["GPE"]
        assert project.status(doc, layer="carol") == "todo"
        replaced = merge_package(project, packages["carol"], replace=True)
        assert "replaced by the package's" in replaced.conflicts[0].reason
        record = project.get_record(doc, layer="carol")
        assert sorted(e.label for e in record.entities) == ["GPE", "PERS"]
        assert project.status(doc, layer="carol") == "done"


def test_a_package_merged_then_worked_on_merges_again(project_path: Path) -> None:
    packages = package_all(project_path)
    with Project.open(project_path, annotator="lead") as project:
        first = merge_package(project, packages["alice"])
        assert first.added["alice"] == {"entities": first.documents}
    annotate(packages["alice"], "alice")
    with Project.open(project_path, annotator="lead") as project:
        second = merge_package(project, packages["alice"])
        assert second.conflicts == []
        assert second.removed["alice"] == {"entities": second.documents}


def test_refusals_name_the_reason(project_path: Path, tmp_path: Path) -> None:
    packages = package_all(project_path)
    other = tmp_path / "other.annotator"
    with Project.open(other, create=True, annotator="lead") as project:
        project.import_records([DocumentRecord(id="d0", text=text(0))])
        with pytest.raises(ProjectError, match="a package of another project"):
            merge_package(project, packages["alice"])
        with pytest.raises(ProjectError, match="not a work package"):
            merge_package(project, project_path)
    with Project.open(packages["bob"], annotator="bob") as work:
        work.set_schema(work.schema.to_toml())
    with Project.open(project_path, annotator="lead") as project:
        before = dump(project)
        with pytest.raises(ProjectError, match="incompatible schema: it has schema version 2"):
            merge_package(project, packages["bob"])
        with pytest.raises(ProjectError, match="is the project itself"):
            merge_package(project, project_path)
        assert dump(project) == before


def test_a_text_no_longer_in_the_project_is_reported(project_path: Path, tmp_path: Path
                                                     ) -> None:
    copy = tmp_path / "copy.annotator"
    shutil.copy(project_path, copy)  # a copy keeps the project id
    with Project.open(copy, annotator="lead") as project:
        project.import_records([DocumentRecord(id="new", text="نص جديد لم يكن في المشروع.")])
        assign_documents(project, ["dave"])
        write_package(project, "dave", tmp_path / "dave.annotator")
    with Project.open(project_path, annotator="lead") as project:
        report = merge_package(project, tmp_path / "dave.annotator")
        assert [(c.document, c.annotator) for c in report.conflicts] == [("new", None)]
        assert "no longer in the project" in report.conflicts[0].reason


def test_a_package_is_never_written_over_the_project(project_path: Path) -> None:
    with Project.open(project_path, annotator="lead") as project:
        with pytest.raises(OutputError):
            write_package(project, "alice", project_path)
        with pytest.raises(ProjectError, match="no document is assigned to 'nobody'"):
            write_package(project, "nobody", project_path.parent / "x.annotator")
        with pytest.raises(ProjectError, match="no annotator named 'ghost'"):
            write_package(project, "alice", project_path.parent / "x.annotator",
                          start_from="ghost")
        assert project.validate() == []
    assert not (project_path.parent / "x.annotator").exists()
