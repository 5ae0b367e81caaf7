"""What the store's change events carry: the committed rows of an action, of its undo and of
its redo, so a view updates from the event and never reads the journal back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Entity, Span
from annotator.core.store import AnnotationsChanged, ChangeEvent, DocumentChanged, Project

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
PUTIN = (TEXT.index("فلاديمير"), TEXT.index("بوتين") + len("بوتين"))
MOSCOW = (TEXT.index("موسكو"), TEXT.index("موسكو") + len("موسكو"))


@pytest.fixture
def project(project_address: Path) -> Iterator[Project]:
    with Project.open(project_address, create=True, annotator="alice") as opened:
        opened.import_records([DocumentRecord(id="a", text=TEXT)])
        yield opened


@pytest.fixture
def doc_id(project: Project) -> int:
    found = project.find_document("a")
    assert found is not None
    return found


@pytest.fixture
def received(project: Project) -> list[ChangeEvent]:
    events: list[ChangeEvent] = []
    project.events.subscribe(events.append, AnnotationsChanged, DocumentChanged)
    return events


def only(events: list[ChangeEvent]) -> AnnotationsChanged:
    assert len(events) == 1
    event = events.pop()
    assert isinstance(event, AnnotationsChanged)
    return event


def test_an_added_entity_comes_with_its_committed_row(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    new_id = project.add_entity(doc_id, *PUTIN, "PERS", {"mention": "NAM"})
    event = only(received)
    assert event.inserted == (new_id,)
    assert event.committed()[new_id]["label"] == "PERS"
    assert event.entities() == {str(new_id): Entity(str(new_id), *PUTIN, "PERS",
                                                    {"mention": "NAM"}, schema_version=1)}


def test_a_relabel_carries_the_new_values_and_a_delete_the_old_row(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    new_id = project.add_entity(doc_id, *MOSCOW, "PERS")
    received.clear()
    project.relabel_entity(new_id, "GPE")
    relabelled = only(received)
    assert relabelled.updated == (new_id,)
    assert relabelled.entities()[str(new_id)].label == "GPE"
    project.delete_entity(new_id)
    deleted = only(received)
    assert deleted.deleted == (new_id,)
    assert deleted.rows == ()
    assert [row["label"] for row in deleted.removed] == ["GPE"]


def test_undo_and_redo_carry_the_rows_they_restore(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    new_id = project.add_entity(doc_id, *PUTIN, "PERS")
    project.relabel_entity(new_id, "ORG")
    received.clear()
    project.undo()
    undone = only(received)
    assert undone.updated == (new_id,)
    assert undone.entities()[str(new_id)].label == "PERS"
    project.undo()
    assert only(received).deleted == (new_id,)
    project.redo()
    redone = only(received)
    assert redone.inserted == (new_id,)
    assert redone.entities()[str(new_id)].span == Span(*PUTIN)


def test_a_row_added_and_removed_in_one_batch_is_not_reported(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    with project.batch("add and remove"):
        kept = project.add_entity(doc_id, *PUTIN, "PERS")
        gone = project.add_entity(doc_id, *MOSCOW, "GPE")
        project.delete_entity(gone)
    event = only(received)
    assert (event.inserted, event.deleted) == ((kept,), ())
    assert list(event.entities()) == [str(kept)]


def test_quote_rows_are_carried_but_are_no_entities(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    quote_id = project.add_quote(doc_id, Span(*MOSCOW))
    event = only(received)
    assert event.table == "quotes"
    assert event.committed()[quote_id]["content_start"] == MOSCOW[0]
    assert event.entities() == {}


def test_a_status_change_carries_the_new_status(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    project.set_status(doc_id, "done")
    assert received == [DocumentChanged(doc_id, ("status",), {"status": "done"})]
    received.clear()
    project.undo()
    assert received == [DocumentChanged(doc_id, ("status",), {"status": "todo"})]


def test_a_document_label_names_labels_without_values(
        project: Project, doc_id: int, received: list[ChangeEvent]) -> None:
    key = next(iter(project.schema.document_labels))
    value = project.schema.document_labels[key].values[0]
    project.set_document_label(doc_id, key, value)
    assert received == [DocumentChanged(doc_id, ("labels",), {})]
