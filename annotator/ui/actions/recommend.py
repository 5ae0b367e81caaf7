"""The recommender's suggestions in the app (issue 16; :mod:`annotator.core.recommend`).

When the project has a trained entities model, each opened document gets its suggestions
(stored ones of the model's version, else predicted: a few tens of milliseconds for a news
article, docs/BENCHMARKS.md), less what is annotated and what was ever rejected. They are
drawn dashed (``m0``, ``m1``...). Enter accepts the selected one (an ordinary undoable entity),
Delete rejects it (never offered again); either way the next one is selected. One key accepts
every suggestion of the selected one's label (one undoable action). Each review is counted
per label, and the status line says how the label fares.

Suggestions imported from another tool's predictions (Label Studio, issue 18:
:mod:`annotator.core.recommend.imported`) are offered with the model's, even without a
model, and reviewed the same way; their reviews are counted under their source.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.recommend.imported import with_imported
from annotator.core.recommend.model_store import ENTITIES, Recommender, available
from annotator.core.recommend.suggest import (
    accept_suggestion,
    document_suggestions,
    reject_suggestion,
)
from annotator.core.store.recommender import ACCEPTED, REJECTED
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate
from annotator.ui.row_text import isolate


class RecommenderActions(SessionActions):
    """Showing, accepting and rejecting the recommender's suggestions."""

    _recommender: Recommender | None = None
    _loaded_version: str | None = None

    def recommender(self) -> Recommender | None:
        """The project's entities model (loaded again when a newer one was trained), or
        None without a model or without python-crfsuite."""
        version = self.project.model_version(ENTITIES)
        if version is None or not available():
            self._recommender = None
            return None
        if self._recommender is None or self._loaded_version != version:
            self._recommender = Recommender.load(self.project, ENTITIES)
            self._loaded_version = version
        return self._recommender

    def suggest(self) -> int:
        """Compute the open document's suggestions (the model's, and the imported ones);
        their count."""
        session = self.session
        if session.doc_id is None:
            return 0
        recommender = self.recommender()
        existing = [(e.start, e.end) for e in session.entities.values()]
        model = [] if recommender is None else document_suggestions(
            self.project, session.doc_id, recommender, session.text, existing)
        found, sources = with_imported(self.project, session.doc_id, ENTITIES, existing, model)
        if found or session.model_suggestions:
            session.set_model_suggestions(found, "" if recommender is None
                                          else recommender.version, sources)
        return len(found)

    def _source(self, suggestion: tuple[int, int, str]) -> str:
        """The source a suggestion's review is counted under: its imported source, else the
        model's version."""
        return self.session.suggestion_sources.get(suggestion, self.session.model_version)

    def next_suggestion(self) -> bool:
        """Select the first suggestion after the cursor's one (or the first)."""
        count = len(self.session.model_suggestions)
        if not count:
            self.notify.message(translate(
                "Recommender", "No suggestions from the recommender in this document."))
            return False
        current = self._index(self.session.selected, quiet=True)
        index = 0 if current is None else (current + 1) % count
        self._select(index)
        return True

    def _index(self, owner: str | None, quiet: bool = False) -> int | None:
        owner = owner if owner is not None else self.session.selected
        if owner is None or owner[:1] != "m" or not self.session.exists(owner):
            if not quiet:
                self.notify.message(translate(
                    "Recommender",
                    "Select a suggested entity first (dashed; F9 goes to the next one)."))
            return None
        return int(owner[1:])

    def _select(self, index: int) -> None:
        suggestions = self.session.model_suggestions
        if index < len(suggestions):
            self.session.select(f"m{index}")
            self.session.scroll_requested.emit(suggestions[index][0])
        else:
            self.session.select(None)

    def accept(self, owner: str | None = None) -> bool:
        """Add the selected suggestion as an entity (one undoable action); select the next."""
        return self._review(owner, accept_suggestion)

    def reject(self, owner: str | None = None) -> bool:
        """Reject the selected suggestion (never offered again); select the next."""
        return self._review(owner, reject_suggestion)

    def _review(self, owner: str | None, review: Callable[..., object]) -> bool:
        index = self._index(owner)
        doc_id = self.session.doc_id
        if index is None or doc_id is None:
            return False
        chosen = self.session.model_suggestions[index]
        version = self._source(chosen)
        if self.run(lambda: review(self.project, doc_id, ENTITIES, chosen, version)) is None:
            return False
        self._drop(index, chosen[2], self.session.suggestion_sources.get(chosen))
        return True

    def accept_label(self, owner: str | None = None) -> int:
        """Accept every suggestion of the selected one's label in this document, as one
        undoable action; returns how many."""
        index = self._index(owner)
        doc_id = self.session.doc_id
        if index is None or doc_id is None:
            return 0
        label = self.session.model_suggestions[index][2]
        chosen = [s for s in self.session.model_suggestions if s[2] == label]
        version = self.session.model_version

        def accept_all() -> None:
            with self.project.batch(f"Accept {len(chosen)} suggested {label}"):
                for suggestion in chosen:
                    accept_suggestion(self.project, doc_id, ENTITIES, suggestion,
                                      self._source(suggestion))

        if self.run(accept_all) is None:
            return 0
        rest = [s for s in self.session.model_suggestions if s[2] != label]
        self.session.set_model_suggestions(rest, version)
        self._select(0)
        self.notify.message(translate("Recommender", "Accepted {count} suggested {label}.")
                            .format(count=len(chosen), label=label)
                            + " " + self.precision(label))
        return len(chosen)

    def _drop(self, index: int, label: str, source: str | None = None) -> None:
        suggestions = self.session.model_suggestions
        suggestions.pop(index)
        self.session.set_model_suggestions(suggestions, self.session.model_version)
        self._select(index)
        self.notify.message(self.precision(label, source))

    def precision(self, label: str, source: str | None = None) -> str:
        """``Recommender PERS: 12 accepted, 2 rejected (86%)``: how the label fares (with an
        imported ``source``, how it fares from that source)."""
        counts = (self.project.review_counts(ENTITIES) if source is None else
                  self.project.source_review_counts(ENTITIES, source)
                  ).get(label, {ACCEPTED: 0, REJECTED: 0})
        accepted, rejected = counts[ACCEPTED], counts[REJECTED]
        seen = accepted + rejected
        share = f" ({100 * accepted // seen}%)" if seen else ""
        left = len(self.session.model_suggestions)
        if source is not None:
            return translate("Recommender", "{source} {label}: {accepted} accepted, {rejected}"
                             " rejected{share}; suggestions left here: {left}.").format(
                source=isolate(source), label=label, accepted=accepted, rejected=rejected,
                share=share, left=left)
        return translate("Recommender", "Recommender {label}: {accepted} accepted, {rejected}"
                         " rejected{share}; suggestions left here: {left}.").format(
            label=label, accepted=accepted, rejected=rejected, share=share, left=left)
