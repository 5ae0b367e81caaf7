"""The snapping lexicon learns as the annotator works (issue 11): every annotated name of
the project, each committed correction, turned-off names left out; and label-all as one
undoable action. Headless: no Qt (these run in the no-Qt venv too)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from annotator.core.lexicon import LexiconParts, build_lexicon_parts
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.core.text import NameLexicon
from annotator.ui.actions.document_actions import DocumentActions
from annotator.ui.session.lexicon import SessionLexicon, starting_lexicon
from annotator.ui.session.links import load_links
from annotator.ui.session.session import DocumentSession
from tests.session.helpers import Desk, Told

NEWS = ("زار الوزير برلين وكرانوفسك أمس، ثم زار الرئيس باريس وكرانوفسك اليوم. "
        "وقال مسؤول إن وكرانوفسك مدينة صغيرة.")
OTHER = "قال شاهد إن سكان غرانتفيل غادروا، ثم عاد أهل غرانتفيل إليها."


def nth(text: str, surface: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    other_entity = Entity("o1", *nth(OTHER, "غرانتفيل", 0), "GPE")
    with Project.open(tmp_path / "learn.annotator", create=True, annotator="tester") as project:
        project.import_records([DocumentRecord(id="news", text=NEWS, title="خبر"),
                                DocumentRecord(id="other", text=OTHER, title="آخر",
                                               entities=[other_entity])])
        selection: list[tuple[int, int] | None] = [None]
        session = DocumentSession(lambda: selection[0])
        told = Told()
        actions = DocumentActions(session, project, told.notify())
        project.events.subscribe(lambda event: session.follow(event,
                                                              partial(load_links, project)))
        doc_id = project.find_document("news")
        assert doc_id is not None
        session.open(doc_id, project.get_record(doc_id), load_links(project, doc_id))
        actions.entity.ensure_lexicon()
        yield Desk(project, session, actions, told, selection)


def label_nth(desk: Desk, surface: str, n: int, label: str = "GPE") -> str:
    desk.selection[0] = nth(NEWS, surface, n)
    assert desk.actions.entity.label(label)
    assert desk.session.selected is not None
    return desk.session.selected


def span_of(desk: Desk, entity_id: str) -> str:
    entity = desk.session.entities[entity_id]
    return NEWS[entity.start:entity.end]


def test_one_correction_makes_the_next_occurrence_snap_right(desk: Desk) -> None:
    first = label_nth(desk, "وكرانوفسك", 0)
    assert span_of(desk, first) == "وكرانوفسك"  # no evidence yet: the و stays
    second = label_nth(desk, "وكرانوفسك", 1)
    assert span_of(desk, second) == "وكرانوفسك"  # the glued name was learned as it is
    # The annotator corrects the first: its start edge moves past the و.
    desk.session.select(first)
    assert desk.actions.entity.move_edge("start", 1)
    assert span_of(desk, first) == "كرانوفسك"
    # The glued spelling is still annotated once (the second): it is still a name.
    assert desk.session.lexicon is not None
    assert desk.session.lexicon.lexicon.is_name("وكرانوفسك")
    desk.session.select(second)
    assert desk.actions.entity.move_edge("start", 1)
    assert not desk.session.lexicon.lexicon.is_name("وكرانوفسك")
    third = label_nth(desk, "وكرانوفسك", 2)
    assert span_of(desk, third) == "كرانوفسك"


def test_undo_forgets_what_the_undone_action_taught(desk: Desk) -> None:
    label_nth(desk, "وكرانوفسك", 0)
    assert desk.session.lexicon is not None
    assert desk.session.lexicon.lexicon.is_name("وكرانوفسك")
    assert desk.project.undo() is not None
    assert not desk.session.lexicon.lexicon.is_name("وكرانوفسك")


def test_names_annotated_in_other_documents_are_evidence(desk: Desk) -> None:
    assert desk.session.lexicon is not None
    assert desk.session.lexicon.lexicon.is_name("غرانتفيل")
    # A shipped name keeps its proclitic-like first letter (واشنطن), cuts the real one.
    assert desk.session.lexicon.lexicon.is_name("واشنطن")


def test_a_turned_off_name_is_not_used_until_turned_on(desk: Desk) -> None:
    first = label_nth(desk, "وكرانوفسك", 0)
    desk.session.select(first)
    desk.actions.entity.move_edge("start", 1)
    desk.session.select(first)
    assert desk.actions.corpus.disable_selected_name()
    assert desk.actions.corpus.disabled_names() == ["كرانوفسك"]
    assert "no longer learned" in desk.told.messages[-1]
    second = label_nth(desk, "وكرانوفسك", 1)
    assert span_of(desk, second) == "وكرانوفسك"  # the turned-off correction does not spread
    desk.project.undo()
    # Labelling it again does not teach it back while it is off.
    desk.session.select(first)
    assert desk.session.lexicon is not None
    desk.session.lexicon.learn("كرانوفسك", "GPE")
    assert not desk.session.lexicon.lexicon.is_name("كرانوفسك")
    assert desk.actions.corpus.enable_name("كرانوفسك")
    assert desk.actions.corpus.disabled_names() == []
    again = label_nth(desk, "وكرانوفسك", 1)
    assert span_of(desk, again) == "كرانوفسك"


def test_a_full_build_keeps_what_was_learned_while_it_ran(desk: Desk) -> None:
    started = starting_lexicon(desk.project)
    assert not started.complete
    assert not started.lexicon.is_name("غرانتفيل")  # annotated names come with the build
    started.learn("كرانوفسك", "GPE")
    started.learn_text(1, NEWS)
    full = started.merged(build_lexicon_parts(desk.project))
    assert full.complete
    assert full.lexicon.is_name("غرانتفيل")
    assert full.lexicon.is_name("كرانوفسك")
    assert full.lexicon.count("وكرانوفسك") == 3


def test_forgetting_a_name_keeps_words_other_names_give() -> None:
    lexicon = SessionLexicon(_empty_parts())
    lexicon.learn("سامر خليل", "PERS")
    lexicon.learn("خليل", "PERS")
    lexicon.forget("سامر خليل")
    assert lexicon.lexicon.is_name("خليل")
    assert not lexicon.lexicon.is_name("سامر")


def _empty_parts() -> LexiconParts:
    return LexiconParts(NameLexicon())


def test_label_all_from_a_selected_entity_is_one_undoable_action(desk: Desk) -> None:
    first = label_nth(desk, "وكرانوفسك", 0)
    desk.session.select(first)
    desk.actions.entity.move_edge("start", 1)
    desk.session.select(first)
    plan = desk.actions.corpus.plan_for_selected()
    assert plan is not None
    assert [p.text for p in plan.add] == ["كرانوفسك", "كرانوفسك"]
    assert [p.reason for p in plan.skipped] == ["already labelled GPE"]
    added = desk.actions.corpus.apply(plan, leave_out=[1])
    assert len(added) == 1
    assert desk.told.messages[-1].startswith("Added 1 GPE entity in 1 document")
    spans = sorted(NEWS[e.start:e.end] for e in desk.session.entities.values())
    assert spans == ["كرانوفسك", "كرانوفسك"]
    assert desk.project.undo() is not None  # one undo removes what label-all added
    assert len(desk.session.entities) == 1
