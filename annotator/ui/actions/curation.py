"""A curator's decisions in the curation view: each ONE store action (undoable, in the
journal under the curator's name), through the core's :mod:`annotator.core.curation`.

The project is opened by a curator on the curated layer (``layer=CURATED``); the items and
the current one are a :class:`~annotator.ui.session.curation.CurationList`. After a decision
the store's events update the editor (the curated layer's rows); the caller reloads the list.
"""

from __future__ import annotations

from annotator.core.curation import accept_edit, mark_curated, reject, take
from annotator.core.store import Project
from annotator.ui.actions.base import Notify, SessionActions
from annotator.ui.i18n import translate
from annotator.ui.session.curation import CurationList, decision_for_key
from annotator.ui.session.session import DocumentSession


class CurationActions(SessionActions):
    """Take, reject, accept as edited, mark curated: on the current item of ``items``."""

    def __init__(self, session: DocumentSession, project: Project, notify: Notify,
                 items: CurationList) -> None:
        super().__init__(session, project, notify)
        self.items = items

    def decide_key(self, digit: int) -> bool:
        """``Alt+N``: take annotator N's version of the current item; ``Alt+0``: reject it."""
        item = self.items.current_item()
        doc_id = self.session.doc_id
        if item is None or doc_id is None:
            return self.refuse(translate("Curation",
                                         "No disagreement chosen: F8 goes to the next one."))
        decision = decision_for_key(digit, self.items.annotators)
        if decision is None:
            return self.refuse(translate(
                "Curation", "No annotator {digit} here: this document is curated from {count}"
                " annotators.").format(digit=digit, count=len(self.items.annotators)))
        if decision.kind == "reject":
            done = self.run(lambda: reject(self.project, doc_id, item))
            told = translate("Curation", "Rejected {kind} {key}").format(kind=item.kind,
                                                                        key=item.key)
        else:
            done = self.run(lambda: take(self.project, doc_id, item, decision.annotator))
            told = translate("Curation", "Took {annotator}'s {kind} {key}").format(
                annotator=decision.annotator, kind=item.kind, key=item.key)
        if done is None:
            return False
        self.notify.message(translate("Curation", "{told} (Ctrl+Z undoes it).").format(told=told))
        return True

    def accept_edited(self) -> bool:
        """Decide the current item as the curated layer holds it now (after editing it)."""
        item = self.items.current_item()
        doc_id = self.session.doc_id
        if item is None or doc_id is None:
            return self.refuse(translate("Curation",
                                         "No disagreement chosen: F8 goes to the next one."))
        if self.run(lambda: accept_edit(self.project, doc_id, item)) is None:
            return False
        self.notify.message(translate(
            "Curation", "Accepted the curated {kind} {key} as edited.").format(
                kind=item.kind, key=item.key))
        return True

    def mark_curated(self) -> bool:
        """Ctrl+Enter: mark the document curated (refused, with what is open, while
        disagreements are open)."""
        doc_id = self.session.doc_id
        if doc_id is None:
            return False
        if self.run(lambda: mark_curated(self.project, doc_id)) is None:
            return False
        self.notify.message(translate("Curation", "Document curated."))
        return True
