"""Rows that show document text: isolated, cut at the reader's last end, entities with their
context, plurals, the event picker's gloss, and the stance form's defaults. No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from annotator.core.model import AUTHOR, DocumentRecord, Entity, Span, StanceTarget
from annotator.core.schema import load_schema
from annotator.core.store import Project
from annotator.ui.actions.document_actions import DocumentActions
from annotator.ui.row_text import (
    FSI,
    LRM,
    PDI,
    RLM,
    count,
    directed,
    doc_text,
    is_rtl_text,
    isolate,
    preview,
    strip_isolates,
)
from annotator.ui.session.choices import entity_choice
from annotator.ui.session.event_search import arabic_gloss, type_row
from annotator.ui.session.link_list import link_rows
from annotator.ui.session.links import load_links
from annotator.ui.session.session import DocumentSession
from annotator.ui.session.stance_form import NO_TARGET, stance_form
from tests.session.helpers import Desk, Told

# Two برلين: a list must tell them apart.
TEXT = ("وصل الوزير إلى برلين مساء الثلاثاء بعد جولة قصيرة. "
        "وفي برلين أيضا، تظاهر مئات الطلاب أمام البرلمان. "
        "وانتقد رئيس البلدية تنظيم داعش وقال إنه يهدد المنطقة.")


def _at(surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return start, start + len(surface)


def _id(desk: Desk, surface: str, nth: int = 0) -> str:
    span = _at(surface, nth)
    return next(e.id for e in desk.session.entities.values() if (e.start, e.end) == span)


@pytest.fixture
def berlin(tmp_path: Path) -> Iterator[Desk]:
    entities = [Entity("e0", *_at("برلين"), "GPE"), Entity("e1", *_at("برلين", 1), "GPE"),
                Entity("e2", *_at("رئيس البلدية"), "OCC"), Entity("e3", *_at("داعش"), "ORG")]
    with Project.open(tmp_path / "b.annotator", create=True, annotator="t") as project:
        project.import_records([DocumentRecord(id="b", text=TEXT, entities=entities)])
        selection: list[tuple[int, int] | None] = [None]
        session = DocumentSession(lambda: selection[0])
        told = Told()
        actions = DocumentActions(session, project, told.notify())
        project.events.subscribe(
            lambda event: session.follow(event, partial(load_links, project)))
        doc_id = project.find_document("b")
        assert doc_id is not None
        session.open(doc_id, project.get_record(doc_id), load_links(project, doc_id))
        yield Desk(project, session, actions, told, selection)


def test_document_text_in_a_row_is_isolated_and_cut_at_its_logical_end() -> None:
    assert isolate("«داعش»") == f"{FSI}«داعش»{PDI}"
    assert isolate("") == ""
    cut = preview("كلمة " * 30, 20)
    assert len(cut) == 20
    assert cut.endswith("…")
    assert cut.startswith("كلمة")
    assert preview("سطر\nثان") == "سطر ثان"
    assert doc_text("برلين") == f"{FSI}برلين{PDI}"
    assert strip_isolates(f"Topic: {isolate('«داعش»')}") == "Topic: «داعش»"


def test_a_rows_own_direction_skips_isolated_text() -> None:
    assert is_rtl_text("  «أخبار» 12")
    assert not is_rtl_text(f"{isolate('برلين')} (GPE)")  # the row reads as English
    assert is_rtl_text(f"{isolate('«نص»')} — {isolate('برلين')} قال")
    assert not is_rtl_text("")


def test_a_row_leads_with_a_mark_of_its_direction() -> None:
    assert directed(f"{isolate('برلين')} (GPE)") == f"{FSI}برلين{PDI} (GPE)"  # says it
    assert directed(isolate("COVID")) == f"{LRM}{FSI}COVID{PDI}"
    assert directed(isolate("«نص»")) == f"{RLM}{FSI}«نص»{PDI}"  # Arabic only: right to left
    assert strip_isolates(directed(isolate("«نص»"))) == "«نص»"


def test_plurals() -> None:
    assert count(1, "argument") == "1 argument"
    assert count(0, "argument") == "0 arguments"
    assert count(2, "entity", "entities") == "2 entities"


def test_two_names_alike_are_told_apart_by_their_context(berlin: Desk) -> None:
    first = entity_choice(berlin.session, _id(berlin, "برلين"))
    second = entity_choice(berlin.session, _id(berlin, "برلين", 1))
    assert first.text != second.text
    assert strip_isolates(first.text).startswith("برلين (GPE) — ")
    assert "مساء" in first.text
    assert "تظاهر" in second.text
    assert f"{FSI}برلين{PDI} (GPE)" in first.text
    # The tooltip is the whole sentence.
    assert second.detail == "وفي برلين أيضا، تظاهر مئات الطلاب أمام البرلمان."


def test_link_rows_isolate_quotes_and_say_one_argument(berlin: Desk) -> None:
    project, doc_id = berlin.project, berlin.session.doc_id
    assert doc_id is not None
    event = project.add_event(doc_id, "Conflict:Demonstrate", Span(*_at("تظاهر")))
    project.add_event_argument(event, "Place", _id(berlin, "برلين", 1))
    project.add_stance(doc_id, _id(berlin, "رئيس البلدية"),
                       StanceTarget(topic="anti-isis-coalition"), "FAVOR")
    rows = link_rows(berlin.session, project.schema)
    assert rows["v"][0].text == f"Conflict:Demonstrate: {FSI}تظاهر{PDI} (1 argument)"
    topic = project.schema.topics["anti-isis-coalition"].label
    assert f"{FSI}{topic}{PDI}" in rows["s"][0].text  # «داعش» keeps its marks


def test_the_event_picker_shows_the_arabic_gloss() -> None:
    schema = load_schema(Path(__file__).resolve().parents[2]
                         / "annotator/resources/schema/default.toml")
    attack = schema.event_types["Conflict:Attack"]
    assert arabic_gloss(attack.description) == "هجوم"
    assert type_row("Conflict:Attack", attack.description) == f"Conflict:Attack  {FSI}هجوم{PDI}"
    assert type_row("X:Y", "no gloss") == "X:Y"


def test_stance_form_preselects_no_topic_and_takes_the_selected_text(berlin: Desk) -> None:
    schema = berlin.project.schema
    form = stance_form(berlin.session, schema, 0)
    assert form.targets[0].text == NO_TARGET
    assert form.target is None
    assert form.evidence_choice is None
    berlin.selection[0] = _at("يهدد المنطقة")
    form = stance_form(berlin.session, schema, 0)
    start, end = _at("يهدد المنطقة")
    assert form.evidence_choice == f"span:{start}:{end}"
    assert any(c.data == form.evidence_choice for c in form.evidence)
    assert form.target is None  # still no topic chosen for the user


def test_stance_form_on_a_stored_stance_shows_all_of_it(berlin: Desk) -> None:
    berlin.selection[0] = _at("يهدد المنطقة")
    mayor, isis = _id(berlin, "رئيس البلدية"), _id(berlin, "داعش")
    assert berlin.actions.stance.add_stance(mayor, StanceTarget(entity=isis), "AGAINST",
                                            Span(*_at("يهدد المنطقة")))
    form = stance_form(berlin.session, berlin.project.schema, 0)
    start, end = _at("يهدد المنطقة")
    assert (form.holder, form.target, form.label) == (mayor, f"entity:{isis}", "AGAINST")
    assert form.evidence_choice == f"span:{start}:{end}"
    assert not form.can_add
    assert berlin.actions.stance.add_stance(AUTHOR, StanceTarget(topic="refugee-reception"),
                                            "NONE")
    form = stance_form(berlin.session, berlin.project.schema, 0)
    assert (form.holder, form.target, form.evidence_choice) == (
        AUTHOR, "topic:refugee-reception", None)
