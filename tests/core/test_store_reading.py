"""Read-only link queries of the store: ``Project.get_links`` and ``Project.event_arguments``
(argument row ids, order, agreement with ``get_record``, errors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import AUTHOR, DocumentRecord, Span, StanceTarget
from annotator.core.store import Project, ProjectError
from annotator.core.store.records import EventArgumentRow

TEXT = ("قال الرئيس فلاديمير بوتين في موسكو: «روسيا تدعم الحل السياسي في سوريا». "
        "وشنت طائرات التحالف هجوماً على مواقع قرب الرقة يوم الأحد.")
OTHER = "أعلن كيري في واشنطن أن الولايات المتحدة ستواصل الضربات."


def at(text: str, surface: str) -> tuple[int, int]:
    """``(start, end)`` of the first occurrence of ``surface``."""
    start = text.index(surface)
    return start, start + len(surface)


@pytest.fixture
def project(project_address: Path) -> Project:
    """Two documents; the first with quotes, an event with three arguments and stances."""
    opened = Project.open(project_address, create=True, annotator="tester")
    opened.import_records([DocumentRecord(id="a", text=TEXT),
                           DocumentRecord(id="b", text=OTHER)])
    return opened


def _annotate(project: Project) -> dict[str, int]:
    doc = project.find_document("a")
    other = project.find_document("b")
    assert doc is not None
    assert other is not None
    ids = {name: project.add_entity(doc, *at(TEXT, surface), label) for name, surface, label in (
        ("putin", "فلاديمير بوتين", "PERS"), ("coalition", "التحالف", "ORG"),
        ("raqqa", "الرقة", "GPE"), ("sunday", "يوم الأحد", "DATE"))}
    ids["kerry"] = project.add_entity(other, *at(OTHER, "كيري"), "PERS")
    ids["quote"] = project.add_quote(doc, Span(*at(TEXT, "روسيا تدعم الحل السياسي في سوريا")),
                                     Span(*at(TEXT, "قال")), str(ids["putin"]))
    project.add_quote(other, Span(*at(OTHER, "الولايات المتحدة ستواصل الضربات")),
                      Span(*at(OTHER, "أعلن")), str(ids["kerry"]), "indirect")
    ids["event"] = project.add_event(doc, "Conflict:Attack", Span(*at(TEXT, "هجوماً")))
    ids["attacker"] = project.add_event_argument(ids["event"], "Attacker", ids["coalition"])
    ids["place"] = project.add_event_argument(ids["event"], "Place", ids["raqqa"])
    ids["time"] = project.add_event_argument(ids["event"], "Time", ids["sunday"])
    ids["stance"] = project.add_stance(doc, str(ids["putin"]),
                                       StanceTarget(topic="syria-political-solution"), "FAVOR",
                                       str(ids["quote"]))
    ids["author_stance"] = project.add_stance(doc, AUTHOR, StanceTarget(event=str(ids["event"])),
                                              "NONE", Span(*at(TEXT, "هجوماً")))
    project.set_document_label(doc, "topic", "security")
    return ids


def test_get_links_matches_the_record_and_carries_argument_row_ids(project: Project) -> None:
    ids = _annotate(project)
    doc = project.find_document("a")
    assert doc is not None
    links = project.get_links(doc)
    record = project.get_record(doc)
    assert links.quotes == record.quotes
    assert links.events == record.events
    assert links.stances == record.stances
    assert links.labels == record.labels == {"topic": "security"}
    event = str(ids["event"])
    assert list(links.arguments) == [event]
    assert links.arguments[event] == [
        EventArgumentRow(ids["attacker"], "Attacker", str(ids["coalition"])),
        EventArgumentRow(ids["place"], "Place", str(ids["raqqa"])),
        EventArgumentRow(ids["time"], "Time", str(ids["sunday"])),
    ]
    # The rows are in the order of the event's arguments.
    assert [(a.role, a.entity_id) for a in links.arguments[event]] == [
        (a.role, a.entity) for a in links.events[0].arguments]
    # Nothing of the other document leaks in.
    assert [q.id for q in links.quotes] == [str(ids["quote"])]


def test_event_arguments_follow_changes(project: Project) -> None:
    ids = _annotate(project)
    event = ids["event"]
    assert [a.id for a in project.event_arguments(event)] == [
        ids["attacker"], ids["place"], ids["time"]]
    project.remove_event_argument(ids["place"])
    assert project.event_arguments(event) == [
        EventArgumentRow(ids["attacker"], "Attacker", str(ids["coalition"])),
        EventArgumentRow(ids["time"], "Time", str(ids["sunday"]))]
    project.undo()  # the argument comes back with its row id, hence in its place
    assert [(a.id, a.role) for a in project.event_arguments(event)] == [
        (ids["attacker"], "Attacker"), (ids["place"], "Place"), (ids["time"], "Time")]


def test_empty_document_and_errors(project: Project) -> None:
    other = project.find_document("b")
    assert other is not None
    links = project.get_links(other)
    assert (links.quotes, links.events, links.arguments, links.stances, links.labels) == (
        [], [], {}, [], {})
    with pytest.raises(ProjectError, match="no document 999"):
        project.get_links(999)
    with pytest.raises(ProjectError, match="no event 999"):
        project.event_arguments(999)
    project.close()
    with pytest.raises(ProjectError, match="closed"):
        project.get_links(other)
