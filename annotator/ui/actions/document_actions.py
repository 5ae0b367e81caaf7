"""Every action on the open document, built by composition.

:class:`DocumentActions` gives each kind of annotation its own small action object, all
built from the same ``(session, project, notify)``: ``entity`` (:mod:`.entity`), ``quote``
(:mod:`.quote`), ``event`` (:mod:`.event`), ``stance`` (:mod:`.stance`, with the document
labels), ``suggestion`` (:mod:`.suggestion`), ``pick`` (:mod:`.pick`) and ``corpus``
(:mod:`.corpus`: label-all, names the lexicon must not learn) and ``layers``
(:mod:`.layers`: copy another annotator's span to your layer). It adds only what
crosses them: deleting and moving an edge of whatever is selected. ``corpus`` (and the
core's corpus search it needs) is built on first use, after the window's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.store import Project
from annotator.ui.actions.base import Notify
from annotator.ui.actions.entity import EntityActions
from annotator.ui.actions.event import EventActions
from annotator.ui.actions.layers import LayerActions
from annotator.ui.actions.pick import PickActions
from annotator.ui.actions.quote import QuoteActions
from annotator.ui.actions.stance import StanceActions
from annotator.ui.actions.suggestion import SuggestionActions
from annotator.ui.session.edges import Edge, Unit
from annotator.ui.session.session import DocumentSession

if TYPE_CHECKING:
    from annotator.ui.actions.corpus import CorpusActions
    from annotator.ui.actions.recommend import RecommenderActions


class DocumentActions:
    """The action objects of one session."""

    def __init__(self, session: DocumentSession, project: Project, notify: Notify) -> None:
        self.session = session
        self._parts = (project, notify)
        self._corpus: CorpusActions | None = None
        self._recommend: RecommenderActions | None = None
        self.entity = EntityActions(session, project, notify)
        self.quote = QuoteActions(session, project, notify)
        self.event = EventActions(session, project, notify)
        self.stance = StanceActions(session, project, notify)
        self.suggestion = SuggestionActions(session, project, notify)
        self.pick = PickActions(session, project, notify, self.quote, self.event)
        self.layers = LayerActions(session, project, notify)

    @property
    def corpus(self) -> CorpusActions:
        """Label-all and names not learned (built when first used)."""
        if self._corpus is None:
            from annotator.ui.actions.corpus import CorpusActions

            self._corpus = CorpusActions(self.session, *self._parts)
        return self._corpus

    @property
    def recommend(self) -> RecommenderActions:
        """The recommender's suggestions (built when first used: the recommender's modules
        are not imported before)."""
        if self._recommend is None:
            from annotator.ui.actions.recommend import RecommenderActions

            self._recommend = RecommenderActions(self.session, *self._parts)
        return self._recommend

    def delete_selected(self) -> bool:
        """Delete the selected annotation (with what refers to it); a selected suggestion
        is rejected."""
        selected = self.session.selected
        if selected is None:
            return False
        if selected in self.session.entities:
            return self.entity.delete()
        kind, key = selected[:1], selected[1:]
        if kind == "g":
            return self.suggestion.reject_suggestion(selected)
        if kind in ("m", "t"):
            return self.recommend.reject(selected)
        if kind == "q":
            return self.quote.delete(key)
        if kind == "v":
            return self.event.delete(key)
        return kind == "s" and self.stance.delete(key)

    def move_edge(self, edge: Edge, direction: int, unit: Unit = "grapheme") -> bool:
        """Move an edge of the selected entity, or of the selected quote's words or cue (the
        part the edge keys move), one grapheme or word; ``direction`` +1 is towards the
        reading end of the text."""
        if self.session.selected_kind("q") is not None:
            return self.quote.move_quote_edge(edge, direction, unit)
        return self.entity.move_edge(edge, direction, unit)
