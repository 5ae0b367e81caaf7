"""The document session without Qt: selection, what it connects, spans from the text
selection, pick mode and following the store's change events."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.core.store import AnnotationsChanged
from annotator.ui.session.session import DocumentSession
from tests.session.helpers import Desk, find


def test_a_cue_click_selects_its_quote_and_chooses_the_cue(desk: Desk) -> None:
    desk.select_text("«لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج»")
    assert desk.actions.quote.mark_quote()
    desk.select_text("وقال")
    assert desk.actions.quote.mark_cue()
    selected: list[str | None] = []
    desk.session.selection_changed.connect(selected.append)
    desk.session.select("k1")
    assert (desk.session.selected, desk.session.quote_part) == ("q1", "cue")
    assert desk.session.selected_span() == "k1"
    desk.session.select("q1")
    assert (desk.session.quote_part, desk.session.selected_span()) == ("content", "q1")
    desk.session.select("k999")
    assert desk.session.selected is None
    assert selected == ["q1", "q1", None]


def test_a_selected_quote_highlights_what_it_connects(desk: Desk) -> None:
    lavrov = desk.entity("سيرغي لافروف")
    desk.select_text("«لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج»")
    desk.actions.quote.mark_quote()
    desk.actions.quote.set_speaker(lavrov)
    assert desk.session.highlight() == (frozenset({"k1", lavrov}), frozenset({"q1"}))
    desk.session.select(lavrov)
    assert desk.session.highlight() == (frozenset(), frozenset({"q1"}))
    assert desk.session.start_of("q1") == find("لن نقبل")[0]


def test_the_text_selection_loses_its_quotation_marks_and_spaces(desk: Desk) -> None:
    desk.selection[0] = (find("«الحوار")[0] - 1, find("الأزمة»")[1])
    span, why = desk.session.link_span("quoted words")
    assert (span, why) == (Span(find("الحوار")[0], find("الأزمة")[1]), "")
    desk.selection[0] = find("«")
    assert desk.session.link_span("quoted words") == (
        None, "The selection holds no text for the quoted words.")
    desk.selection[0] = None
    assert desk.session.link_span("cue") == (None, "Select the cue in the text first.")


def test_a_new_entity_drops_the_proclitic_unless_in_character_mode(desk: Desk) -> None:
    start, end = find("بموسكو")
    desk.actions.entity.ensure_lexicon()
    assert desk.session.entity_span(start, end) == (start + 1, end)
    desk.session.character_mode = True
    assert desk.session.entity_span(start - 1, end) == (start, end)


def test_pick_mode_needs_the_right_selection(desk: Desk) -> None:
    purposes: list[str] = []
    desk.session.pick_changed.connect(purposes.append)
    assert desk.session.begin_pick("speaker") == "Select a quote first."
    assert desk.session.begin_pick("holder") == ""
    assert desk.session.picking == "holder"
    desk.session.cancel_pick()
    assert purposes == ["holder", ""]


def test_the_session_follows_committed_entities(desk: Desk) -> None:
    start, end = find("داعش")
    new_id = desk.project.add_entity(desk.session.doc_id or 0, start, end, "ORG")
    assert desk.session.entities[str(new_id)].span == Span(start, end)
    desk.session.select(str(new_id))
    desk.project.delete_entity(new_id)
    assert str(new_id) not in desk.session.entities
    desk.session.refresh_selection()
    assert desk.session.selected is None


def test_events_of_another_document_change_nothing() -> None:
    session = DocumentSession()
    event = AnnotationsChanged(7, "entities", (1,), rows=(
        {"id": 1, "start": 0, "end": 2, "label": "PERS", "attrs": "{}"},))
    assert session.follow(event, lambda _doc: session.links) is None
    assert session.entities == {}
