"""User actions, the journal, undo/redo and change events (annotator.core.store)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import AUTHOR, DocumentRecord, EventArgument, Span, StanceTarget
from annotator.core.store import (
    AnnotationsChanged,
    DocumentChanged,
    Project,
    ProjectError,
    UndoStackChanged,
)

TEXT_A = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
TEXT_B = "أعلن كيري في واشنطن أن الولايات المتحدة ستواصل الضربات."
PUTIN = (TEXT_A.index("فلاديمير"), TEXT_A.index("بوتين") + len("بوتين"))
MOSCOW = (TEXT_A.index("موسكو"), TEXT_A.index("موسكو") + len("موسكو"))
RUSSIA = (TEXT_A.index("روسيا"), TEXT_A.index("روسيا") + len("روسيا"))
KERRY = (TEXT_B.index("كيري"), TEXT_B.index("كيري") + len("كيري"))
SKIP_TABLES = {"journal", "undo_stack", "ui_state", "annotators"}


def dump(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table, rows sorted: what undo must restore exactly."""
    tables = [r[0] for r in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(project.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in tables if t not in SKIP_TABLES and not t.startswith("sqlite_")}


@pytest.fixture
def path(project_address: Path) -> Path:
    return project_address


@pytest.fixture
def project(path: Path) -> Iterator[Project]:
    with Project.open(path, create=True, annotator="alice") as opened:
        opened.import_records([DocumentRecord(id="a", text=TEXT_A, title="موسكو"),
                               DocumentRecord(id="b", text=TEXT_B, title="واشنطن")])
        yield opened


def doc(project: Project, external_id: str) -> int:
    found = project.find_document(external_id)
    assert found is not None
    return found


def test_add_entity_returns_id_and_validates(project: Project) -> None:
    a = doc(project, "a")
    entity_id = project.add_entity(a, *PUTIN, "PERS", {"mention": "NAM"})
    assert isinstance(entity_id, int)
    record = project.get_record(a)
    assert record.entities[0].id == str(entity_id)
    assert TEXT_A[record.entities[0].start:record.entities[0].end] == "فلاديمير بوتين"
    with pytest.raises(ValueError, match="unknown entity label"):
        project.add_entity(a, *PUTIN, "NOPE")
    with pytest.raises(ValueError, match="whitespace"):
        project.add_entity(a, PUTIN[0] - 1, PUTIN[1], "PERS")
    with pytest.raises(ValueError, match="out of range"):
        project.add_entity(a, 0, len(TEXT_A) + 3, "PERS")
    with pytest.raises(ValueError, match="mention"):
        project.add_entity(a, *PUTIN, "PERS", {"mention": "XYZ"})
    with pytest.raises(ProjectError, match="no document"):
        project.add_entity(999, 0, 3, "PERS")


def test_span_inside_a_grapheme_cluster_is_refused(project: Project) -> None:
    text = "قالَ محمدٌ"
    report = project.import_records([DocumentRecord(id="marks", text=text)])
    d = report.doc_ids[0]
    with pytest.raises(ValueError, match="grapheme"):
        project.add_entity(d, 5, len(text) - 1, "PERS")  # splits ٌ from د
    assert project.add_entity(d, 5, len(text), "PERS") > 0


def scenario_actions(project: Project) -> list[tuple[str, Callable[[], object]]]:
    """(name, action) pairs each run on a project that already has some annotations."""
    a, b = doc(project, "a"), doc(project, "b")
    putin = project.add_entity(a, *PUTIN, "PERS")
    moscow = project.add_entity(a, *MOSCOW, "GPE")
    quote = project.add_quote(a, Span(RUSSIA[0], len(TEXT_A) - 1), Span(0, 3), putin,
                              "indirect")
    event = project.add_event(a, "Contact:Meet", Span(*RUSSIA),
                              [EventArgument("Place", str(moscow))])
    stance = project.add_stance(a, putin, StanceTarget(topic="syria-political-solution"),
                                "FAVOR", str(quote))
    args = project.conn.execute("SELECT id FROM event_arguments").fetchall()
    return [
        ("add_entity", lambda: project.add_entity(b, *KERRY, "PERS")),
        ("delete_entity", lambda: project.delete_entity(putin)),
        ("relabel_entity", lambda: project.relabel_entity(moscow, "LOC")),
        ("resize_entity", lambda: project.resize_entity(putin, *RUSSIA)),
        ("set_entity_attrs", lambda: project.set_entity_attrs(putin, {"mention": "NOM"})),
        ("set_note", lambda: project.set_note("entities", putin, "ملاحظة")),
        ("set_status", lambda: project.set_status(a, "done")),
        ("add_quote", lambda: project.add_quote(b, Span(*KERRY), None, AUTHOR, "direct")),
        ("update_quote", lambda: project.update_quote(quote, kind="direct", speaker=AUTHOR,
                                                      cue=None, note="n")),
        ("delete_quote", lambda: project.delete_quote(quote)),
        ("add_event", lambda: project.add_event(a, "Conflict:Attack", Span(*MOSCOW))),
        ("add_event_argument", lambda: project.add_event_argument(event, "Entity", putin)),
        ("remove_event_argument", lambda: project.remove_event_argument(args[0][0])),
        ("delete_event", lambda: project.delete_event(event)),
        ("set_event_attrs", lambda: project.set_event_attrs(event, {"polarity": "Negative"})),
        ("add_stance", lambda: project.add_stance(a, AUTHOR, StanceTarget(entity=str(putin)),
                                                  "AGAINST", Span(*MOSCOW))),
        ("delete_stance", lambda: project.delete_stance(stance)),
        ("set_document_label", lambda: project.set_document_label(a, "topic", "politics")),
        ("add_document_note", lambda: project.add_document_note(a, "مقال مهم")),
    ]


@pytest.mark.parametrize("name", [
    "add_entity", "delete_entity", "relabel_entity", "resize_entity", "set_entity_attrs",
    "set_note", "set_status", "add_quote", "update_quote", "delete_quote", "add_event",
    "add_event_argument", "remove_event_argument", "delete_event", "set_event_attrs",
    "add_stance", "delete_stance", "set_document_label", "add_document_note"])
def test_each_action_undo_redo_restores_exactly(project: Project, name: str) -> None:
    action = dict(scenario_actions(project))[name]
    before = dump(project)
    action()
    after = dump(project)
    assert after != before
    assert project.validate() == []
    info = project.undo()
    assert info is not None
    assert dump(project) == before
    assert project.redo() is not None
    assert dump(project) == after
    assert project.validate() == []
    kinds = [e.kind for e in project.history(3)]
    assert kinds == ["redo", "undo", "do"]


def test_delete_entity_cascades_in_one_entry(project: Project) -> None:
    a = doc(project, "a")
    putin = project.add_entity(a, *PUTIN, "PERS")
    moscow = project.add_entity(a, *MOSCOW, "GPE")
    project.add_quote(a, Span(RUSSIA[0], len(TEXT_A) - 1), None, putin, "indirect")
    project.add_event(a, "Contact:Meet", Span(*RUSSIA),
                      [EventArgument("Entity", str(putin)), EventArgument("Place", str(moscow))])
    project.add_stance(a, putin, StanceTarget(topic="syria-political-solution"), "FAVOR")
    project.add_stance(a, AUTHOR, StanceTarget(entity=str(putin)), "AGAINST")
    before = dump(project)
    project.delete_entity(putin)
    entry = project.history(1)[0]
    assert entry.action == "Delete PERS entity"
    ops = sorted((c["table"], c["op"]) for c in entry.changes)
    assert ops == [("entities", "delete"), ("event_arguments", "delete"),
                   ("quotes", "update"), ("stances", "delete"), ("stances", "update")]
    record = project.get_record(a)
    assert record.quotes[0].speaker is None
    assert [arg.role for arg in record.events[0].arguments] == ["Place"]
    assert [s.holder for s in record.stances] == [None]
    project.undo()
    assert dump(project) == before


def test_undo_across_documents_and_restarts(path: Path, project: Project) -> None:
    a, b = doc(project, "a"), doc(project, "b")
    start = dump(project)
    project.add_entity(a, *PUTIN, "PERS")
    middle = dump(project)
    project.add_entity(b, *KERRY, "PERS")
    project.close()
    with Project.open(path, annotator="alice") as again:
        assert again.undo_text() == "Undo Add PERS entity"
        info = again.undo()
        assert info is not None
        assert info.doc_id == b
        assert dump(again) == middle
    with Project.open(path, annotator="alice") as again:
        info = again.undo()
        assert info is not None
        assert info.doc_id == a
        assert dump(again) == start
        assert again.undo() is None
        assert not again.can_undo()
        assert again.redo_text() == "Redo Add PERS entity"
    with Project.open(path, annotator="alice") as again:
        assert again.redo() is not None
        assert again.redo() is not None
        assert again.redo() is None
        assert len(again.get_record(b).entities) == 1


def test_new_action_clears_redo(project: Project) -> None:
    a = doc(project, "a")
    project.add_entity(a, *PUTIN, "PERS")
    project.undo()
    assert project.can_redo()
    project.add_entity(a, *MOSCOW, "GPE")
    assert not project.can_redo()
    assert project.redo() is None
    assert project.undo_text() == "Undo Add GPE entity"


def test_undo_stacks_are_per_annotator(path: Path, project: Project) -> None:
    a = doc(project, "a")
    project.add_entity(a, *PUTIN, "PERS")
    with Project.open(path, annotator="bob") as bob:
        assert not bob.can_undo()
        bob.add_entity(a, *MOSCOW, "GPE")
        assert bob.undo_text() == "Undo Add GPE entity"
    assert project.undo_text() == "Undo Add PERS entity"


def test_batch_is_one_undoable_entry(project: Project) -> None:
    a, b = doc(project, "a"), doc(project, "b")
    before = dump(project)
    seen: list[object] = []
    project.events.subscribe(seen.append)
    with project.batch("Pre-annotate"):
        project.add_entity(a, *PUTIN, "PERS")
        project.add_entity(a, *MOSCOW, "GPE")
        project.add_entity(b, *KERRY, "PERS")
        assert seen == []  # nothing published before the batch commits
    assert project.undo_text() == "Undo Pre-annotate"
    entry = project.history(1)[0]
    assert entry.kind == "do"
    assert entry.doc_id is None
    assert len(entry.changes) == 3
    assert any(isinstance(e, AnnotationsChanged) and e.doc_id == b for e in seen)
    info = project.undo()
    assert info is not None
    assert info.name == "Pre-annotate"
    assert dump(project) == before


def test_batch_failure_rolls_back_everything(project: Project) -> None:
    a = doc(project, "a")
    before = dump(project)

    def broken_batch() -> None:
        with project.batch("Broken"):
            project.add_entity(a, *PUTIN, "PERS")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        broken_batch()
    assert dump(project) == before
    assert not project.can_undo()


def test_failed_action_inside_batch_keeps_the_others(project: Project) -> None:
    a = doc(project, "a")
    with project.batch("Some"):
        project.add_entity(a, *PUTIN, "PERS")
        with pytest.raises(ValueError, match="unknown entity label"):
            project.add_entity(a, *MOSCOW, "NOPE")
    assert len(project.get_record(a).entities) == 1
    assert len(project.history(1)[0].changes) == 1


def test_stale_undo_is_refused(path: Path, project: Project) -> None:
    a = doc(project, "a")
    entity = project.add_entity(a, *PUTIN, "PERS")
    with Project.open(path, annotator="bob") as bob, \
            pytest.raises(ProjectError, match=r"entity \d+ belongs to alice's layer"):
        bob.relabel_entity(entity, "NORP")
    project.conn.execute("UPDATE entities SET label = 'NORP' WHERE id = ?", (entity,))
    before = dump(project)  # changed by another program since
    with pytest.raises(ProjectError, match="Add PERS entity"):
        project.undo()
    assert dump(project) == before
    assert project.can_undo()


def test_events_after_commit_not_on_rollback(project: Project) -> None:
    a = doc(project, "a")
    received: list[object] = []
    committed: list[bool] = []

    def listener(event: object) -> None:
        received.append(event)
        # the change is visible from a second connection: it was committed
        other = Project.open(project.path, annotator="observer")
        committed.append(other.conn.execute("SELECT count(*) FROM entities").fetchone()[0] > 0)
        other.close()

    project.events.subscribe(listener, AnnotationsChanged)
    undo_events: list[object] = []
    project.events.subscribe(undo_events.append, UndoStackChanged)
    entity = project.add_entity(a, *PUTIN, "PERS")
    assert [(e.doc_id, e.table, e.inserted, e.updated, e.deleted) for e in received
            if isinstance(e, AnnotationsChanged)] == [(a, "entities", (entity,), (), ())]
    assert committed == [True]
    assert undo_events == [UndoStackChanged(True, False, "Undo Add PERS entity", None)]
    with pytest.raises(ValueError, match="unknown entity label"):
        project.add_entity(a, *MOSCOW, "NOPE")

    def rolled_back_batch() -> None:
        with project.batch("x"):
            project.add_entity(a, *MOSCOW, "GPE")
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError, match="rolled back"):
        rolled_back_batch()
    assert len(received) == 1


def test_broken_subscriber_does_not_stop_others(project: Project,
                                                caplog: pytest.LogCaptureFixture) -> None:
    a = doc(project, "a")
    got: list[object] = []

    def broken(event: object) -> None:
        raise RuntimeError("subscriber bug")

    project.events.subscribe(broken)
    project.events.subscribe(got.append)
    project.set_status(a, "in-progress")
    assert DocumentChanged(a, ("status",), {"status": "in-progress"}) in got
    assert "subscriber" in caplog.text
    project.events.unsubscribe(broken)
    project.set_status(a, "done")
    assert got[-1] == UndoStackChanged(True, False, "Undo Mark done", None)


def test_validation_of_references_and_roles(project: Project) -> None:
    a, b = doc(project, "a"), doc(project, "b")
    putin = project.add_entity(a, *PUTIN, "PERS")
    kerry = project.add_entity(b, *KERRY, "PERS")
    with pytest.raises(ValueError, match="belongs to document"):
        project.add_quote(a, Span(*RUSSIA), None, kerry, "direct")
    with pytest.raises(ValueError, match="not allowed"):
        project.add_event(a, "Contact:Meet", Span(*RUSSIA), [EventArgument("Victim", str(putin))])
    with pytest.raises(ValueError, match="unknown event type"):
        project.add_event(a, "Nope:Nope", Span(*RUSSIA))
    with pytest.raises(ValueError, match="unknown quote kind"):
        project.add_quote(a, Span(*RUSSIA), None, None, "shouted")
    with pytest.raises(ValueError, match="unknown stance topic"):
        project.add_stance(a, AUTHOR, StanceTarget(topic="nope"), "FAVOR")
    with pytest.raises(ValueError, match="unknown status"):
        project.set_status(a, "finished")
    with pytest.raises(ValueError, match="notes go on"):
        project.set_note("documents", a, "x")
    moscow = project.add_entity(a, *MOSCOW, "GPE")
    project.add_event(a, "Contact:Meet", Span(*RUSSIA), [EventArgument("Place", str(moscow))])
    with pytest.raises(ValueError, match="does not accept"):
        project.relabel_entity(moscow, "PERS")
    assert project.history(1)[0].action == "Add Contact:Meet event"


def test_unchanged_action_writes_no_entry(project: Project) -> None:
    a = doc(project, "a")
    project.set_status(a, "done")
    size = len(project.history(100))
    project.set_status(a, "done")
    assert len(project.history(100)) == size


def test_action_names(project: Project) -> None:
    a = doc(project, "a")
    entity = project.add_entity(a, *MOSCOW, "ORG")
    project.relabel_entity(entity, "GPE")
    project.set_status(a, "done")
    names = [e.action for e in project.history(3)]
    assert names == ["Mark done", "Relabel ORG → GPE", "Add ORG entity"]
    assert project.undo_text() == "Undo Mark done"
