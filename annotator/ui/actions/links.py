"""Quotes, events, stances, suggestions and document labels: the workbench's link actions.

Owned by the :class:`~annotator.ui.workbench.Workbench` (``workbench.links``).
:class:`LinkController` combines the shared state (:mod:`.link_state`: the document's links,
keeping the editor in line with the store) with one mixin per kind of link
(:mod:`.quote_actions`, :mod:`.event_actions`, :mod:`.stance_actions`,
:mod:`.suggestion_actions`) and adds what crosses them: pick mode and deleting.

Like the entity actions, every operation is one store action (or one ``project.batch``),
hence one transaction and one journal entry. What the schema forbids is refused by the store
with a clear ``ValueError`` (a role the event type does not have or that does not accept the
entity's label, a speaker or holder label the schema does not allow, a speaker that is not an
entity of the document); the reason goes to the status bar through ``workbench.message``.

*Pick mode* lets the mouse choose a link target: after :meth:`begin_pick` the next click on an
entity (or Enter with the text cursor on one) completes it; Escape cancels.
"""

from __future__ import annotations

from annotator.ui.actions.event import EventActions
from annotator.ui.actions.quote import QuoteActions
from annotator.ui.actions.stance import StanceActions
from annotator.ui.actions.suggestion import SuggestionActions

PICK_PROMPTS = {
    "speaker": "Click the speaker's entity (Enter: the entity at the cursor; Esc cancels).",
    "argument": "Click the entity that fills a role of the event (Esc cancels).",
    "holder": "Click the entity that holds the stance (Esc cancels).",
    "target": "Click the entity or event trigger the stance is about (Esc cancels).",
}


class LinkController(QuoteActions, EventActions, StanceActions, SuggestionActions):
    """The link actions and state of the workbench's open document."""

    # -- pick mode ----------------------------------------------------------------------------

    def begin_pick(self, purpose: str) -> bool:
        """Let the next click on an entity choose the speaker, an argument, a stance holder
        or target (``purpose`` one of :data:`PICK_PROMPTS`)."""
        needs = {"speaker": ("q", "quote"), "argument": ("v", "event")}.get(purpose)
        if needs is not None and self.selected_kind(needs[0]) is None:
            self.wb.message.emit(f"Select a {needs[1]} first.")
            return False
        self.picking = purpose
        self.wb.message.emit(PICK_PROMPTS[purpose])
        self.pickChanged.emit(purpose)
        return True

    def complete_pick(self, span_id: str) -> bool:
        """Use the clicked span for the pending pick."""
        purpose = self.picking
        self.cancel_pick()
        if purpose in ("holder", "target"):
            self.picked.emit(purpose, span_id)
            return True
        if span_id not in self.wb.entities:
            what = "speaker" if purpose == "speaker" else "argument"
            self.wb.message.emit(f"Refused: the {what} must be an annotated entity; "
                                 "that was not one.")
            return False
        if purpose == "speaker":
            return self.set_speaker(span_id)
        return self.add_argument_for(span_id)

    # -- deleting -----------------------------------------------------------------------------

    def delete(self, owner: str) -> bool:
        """Delete a quote, event or stance (with what refers to it), or reject a suggestion."""
        kind, key = owner[:1], owner[1:]
        project = self.wb.project
        if kind == "g":
            return self.reject_suggestion(owner)
        action = {"q": project.delete_quote, "v": project.delete_event,
                  "s": project.delete_stance}.get(kind)
        if action is None or not self.exists(owner):
            return False
        return self.wb.run(lambda: action(int(key))) is not None
