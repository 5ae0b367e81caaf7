"""Other annotators' layers in the session (no Qt): which are offered, read only when shown,
their span ids and colours, and Copy to My Layer as one undoable action."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project
from annotator.ui.session.other_layers import LAYER_COLORS, OtherLayers, other_span_id
from tests.session.helpers import Desk, find


def _bob_adds(path: Path, doc_id: int, surface: str, label: str) -> int:
    with Project.open(path, annotator="bob") as bob:
        return bob.add_entity(doc_id, *find(surface), label)


def test_only_shown_layers_are_read_and_their_spans_name_the_annotator(desk: Desk) -> None:
    doc_id = desk.session.doc_id
    assert doc_id is not None
    bob_id = _bob_adds(desk.project.path, doc_id, "مؤتمر صحفي", "EVENT")
    others = OtherLayers()
    others.open(desk.project, doc_id)
    assert others.available == ["bob"]
    assert others.reads == 0
    assert list(others.spans()) == []
    others.set_shown(desk.project, "bob", True)
    assert others.reads == 1
    (span,) = others.spans()
    assert (span.span_id, span.label, span.annotator) == (other_span_id(str(bob_id)), "EVENT",
                                                          "bob")
    assert span.color == LAYER_COLORS[0]
    assert others.entity(span.span_id) is not None
    assert others.entity(str(bob_id)) is None
    others.set_shown(desk.project, "bob", False)
    assert list(others.spans()) == []
    assert others.wanted == set()


def test_copy_to_my_layer_adds_one_entity_and_one_undo_removes_it(desk: Desk) -> None:
    session, project = desk.session, desk.project
    doc_id = session.doc_id
    assert doc_id is not None
    bob_id = _bob_adds(project.path, doc_id, "مؤتمر صحفي", "EVENT")
    session.others.open(project, doc_id)
    session.others.set_shown(project, "bob", True)
    mine = len(session.entities)
    assert desk.actions.layers.copy_to_mine(other_span_id(str(bob_id)))
    assert len(session.entities) == mine + 1
    copy = session.entities[str(session.selected)]
    assert (copy.start, copy.end, copy.label) == (*find("مؤتمر صحفي"), "EVENT")
    assert not desk.actions.layers.copy_to_mine(other_span_id(str(bob_id)))  # already mine
    project.undo()
    assert len(session.entities) == mine
    assert len(project.get_record(doc_id, layer="bob").entities) == 1


def test_copy_without_an_other_span_says_how(desk: Desk) -> None:
    assert not desk.actions.layers.copy_to_mine()
    assert "another annotator's span" in desk.told.messages[-1]
