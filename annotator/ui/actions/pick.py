"""Pick mode: the mouse chooses a link target.

After :meth:`PickActions.begin` the next click on an entity (or Enter with the text cursor on
one) completes the pick: the speaker of the selected quote, an argument of the selected
event, or the holder or target of the stance form (which the form receives through the
session's ``picked`` hook). Escape cancels (:meth:`DocumentSession.cancel_pick`).
"""

from __future__ import annotations

from annotator.core.store import Project
from annotator.ui.actions.base import Notify, SessionActions
from annotator.ui.actions.event import EventActions
from annotator.ui.actions.quote import QuoteActions
from annotator.ui.i18n import translate
from annotator.ui.session.session import PICK_PROMPTS, DocumentSession


class PickActions(SessionActions):
    """Beginning and completing a pick; a speaker or an argument is stored at once."""

    def __init__(self, session: DocumentSession, project: Project, notify: Notify,
                 quotes: QuoteActions, events: EventActions) -> None:
        super().__init__(session, project, notify)
        self.quotes = quotes
        self.events = events

    def begin(self, purpose: str) -> bool:
        """Let the next click on an entity choose the speaker, an argument, a stance holder
        or target (``purpose`` one of :data:`PICK_PROMPTS`)."""
        why = self.session.begin_pick(purpose)
        if why:
            return self.refuse(why)
        self.notify.message(translate("Session", PICK_PROMPTS[purpose]))
        return True

    def complete(self, span_id: str) -> bool:
        """Use the clicked span for the pending pick."""
        purpose = self.session.picking
        self.session.cancel_pick()
        if purpose in ("holder", "target"):
            self.session.picked.emit(purpose, span_id)
            return True
        if span_id not in self.session.entities:
            if purpose == "speaker":
                return self.refuse(translate(
                    "Pick", "Refused: the speaker must be an annotated entity; that was not one."))
            return self.refuse(translate(
                "Pick", "Refused: the argument must be an annotated entity; that was not one."))
        if purpose == "speaker":
            return self.quotes.set_speaker(span_id)
        return self.events.add_argument_for(span_id)
