"""The action objects without Qt: each is one store action, refuses with a reason, and
leaves the session as the store committed it."""

from __future__ import annotations

from annotator.core.model import AUTHOR, Span, StanceTarget
from tests.session.helpers import Desk, find

QUOTE = "«لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج»"


def test_label_adds_a_snapped_entity_selects_it_and_moves_the_cursor(desk: Desk) -> None:
    cursor: list[int] = []
    desk.session.cursor_requested.connect(cursor.append)
    desk.select_text("بموسكو")
    assert desk.actions.entity.label("GPE")
    entity = desk.session.selected_entity()
    assert entity is not None
    assert (entity.start, entity.end, entity.label) == (find("بموسكو")[0] + 1,
                                                       find("بموسكو")[1], "GPE")
    assert cursor == [entity.end]
    assert desk.told.states == ["saving", "saved"]


def test_label_without_selection_relabels_or_says_why(desk: Desk) -> None:
    assert not desk.actions.entity.label("PERS")
    assert desk.told.messages == ["Select some text or an annotation first."]
    desk.session.select(desk.entity("الرقة"))
    assert desk.actions.entity.label("LOC")
    assert desk.session.entities[desk.entity("الرقة")].label == "LOC"


def test_a_refused_action_reports_the_store_reason(desk: Desk) -> None:
    desk.select_text("داعش")
    assert not desk.actions.entity.label("NOPE")
    assert desk.told.states == ["saving", "failed"]
    assert "NOPE" in desk.told.messages[-1]


def test_edges_move_by_a_word_and_stop_at_the_text(desk: Desk) -> None:
    lavrov = desk.entity("سيرغي لافروف")
    desk.session.select(lavrov)
    assert desk.actions.move_edge("end", -1, "word")
    assert desk.session.entities[lavrov].end == find("سيرغي")[1]


def test_quote_cue_and_speaker(desk: Desk) -> None:
    desk.select_text(QUOTE)
    assert desk.actions.quote.mark_quote()
    quote = desk.session.links.quotes["1"]
    assert quote.content == Span(find(QUOTE)[0] + 1, find(QUOTE)[1] - 1)
    desk.select_text("وقال")
    assert desk.actions.quote.mark_cue()
    assert desk.session.links.quotes["1"].cue == Span(*find("قال"))
    assert desk.actions.quote.link_plausible_speaker()
    assert desk.session.links.quotes["1"].speaker == desk.entity("سيرغي لافروف")
    assert not desk.actions.quote.set_speaker(desk.entity("الرقة") + "0")


def test_an_argument_with_one_possible_role_is_stored_at_once(desk: Desk) -> None:
    # Every fixture entity fills some role of an attack (OCC is a Target since issue 11), so
    # the refusal below needs an entity of another label.
    desk.select_text("مؤتمر صحفي")
    assert desk.actions.entity.label("EVENT")
    desk.select_text("هجوماً")
    assert desk.actions.event.add_event("Conflict:Attack")
    assert desk.session.selected == "v1"
    asked: list[tuple[str, list[str]]] = []
    desk.session.role_choice_needed.connect(lambda entity, roles: asked.append((entity, roles)))
    day = desk.entity("يوم الأحد")
    assert desk.actions.event.roles_for(day) == ["Time"]
    assert desk.actions.event.add_argument_for(day)
    assert [a.role for a in desk.session.links.events["1"].arguments] == ["Time"]
    coalition = desk.entity("التحالف الدولي")
    roles = desk.actions.event.roles_for(coalition)
    assert len(roles) > 1
    assert desk.actions.event.add_argument_for(coalition)
    assert asked == [(coalition, roles)]
    assert not desk.actions.event.add_argument_for(desk.entity("مؤتمر صحفي"))
    assert desk.told.messages[-1].startswith("Refused: no role of Conflict:Attack accepts")
    # A person named by a title (OCC) takes every role a person takes (docs/FORMAT.md).
    assert "Target" in desk.actions.event.roles_for(desk.entity("وزير الخارجية الروسي"))


def test_pick_completes_the_speaker(desk: Desk) -> None:
    desk.select_text(QUOTE)
    desk.actions.quote.mark_quote()
    assert desk.actions.pick.begin("speaker")
    assert desk.actions.pick.complete(desk.entity("سيرغي لافروف"))
    assert desk.session.picking == ""
    assert desk.session.links.quotes["1"].speaker == desk.entity("سيرغي لافروف")
    assert desk.actions.pick.begin("speaker")
    assert not desk.actions.pick.complete("q1")
    picked: list[tuple[str, str]] = []
    desk.session.picked.connect(lambda purpose, span: picked.append((purpose, span)))
    assert desk.actions.pick.begin("holder")
    assert desk.actions.pick.complete("17")
    assert picked == [("holder", "17")]


def test_a_new_stance_label_replaces_the_stance_in_one_undo_step(desk: Desk) -> None:
    government = desk.entity("الحكومة الفرنسية")
    target = StanceTarget(topic="anti-isis-coalition")
    assert desk.actions.stance.add_stance(government, target, "FAVOR")
    assert desk.session.selected == "s1"
    assert desk.actions.stance.set_stance_label("AGAINST")
    assert [s.label for s in desk.session.links.stances.values()] == ["AGAINST"]
    assert desk.project.undo_text() == "Undo Set stance AGAINST"
    assert desk.actions.delete_selected()
    assert desk.session.links.stances == {}


def test_suggestions_are_reviewed_with_accept_and_reject(desk: Desk) -> None:
    changes: list[None] = []
    desk.session.suggestions_changed.connect(lambda: changes.append(None))
    assert desk.actions.suggestion.suggest() == 2
    assert desk.session.selected == "g0"
    assert desk.actions.suggestion.accept_suggestion()
    assert len(desk.session.links.quotes) == 1
    assert desk.session.selected == "g0"
    assert desk.actions.delete_selected()  # a selected suggestion is rejected
    assert desk.session.suggestions == []
    assert len(changes) == 2


def test_document_labels_per_topic(desk: Desk) -> None:
    key = next(k for k, d in desk.project.schema.document_labels.items() if d.per_topic)
    topic = next(iter(desk.project.schema.topics))
    value = desk.project.schema.document_labels[key].values[0]
    assert desk.actions.stance.set_topic_label(key, topic, value)
    assert desk.session.links.labels[key] == {topic: value}
    assert desk.actions.stance.set_topic_label(key, topic, None)
    assert key not in desk.session.links.labels


def test_status(desk: Desk) -> None:
    assert desk.actions.entity.set_status("done")
    assert desk.session.status == "done"
    assert not desk.actions.entity.set_status("done")
    assert desk.told.states == ["saving", "saved"]


def test_the_author_speaks_a_quote(desk: Desk) -> None:
    desk.select_text(QUOTE)
    desk.actions.quote.mark_quote()
    assert desk.actions.quote.set_speaker(AUTHOR)
    assert desk.session.links.quotes["1"].speaker == AUTHOR
