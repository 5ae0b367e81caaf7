"""Suggested quotes (:mod:`annotator.core.suggest`).

Suggestions live only here until accepted: they are drawn dashed, accepting one stores a
quote (one journal entry) and rejecting one forgets it; either way the next suggestion is
selected, so a document is reviewed with Enter and Delete alone.
"""

from __future__ import annotations

from annotator.core.suggest import suggest_quotes
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate


class SuggestionActions(SessionActions):
    """Finding, accepting and rejecting suggested quotes."""

    def suggest(self) -> int:
        """Find suggested quotes in the open document (nothing is stored); selects the first."""
        if self.session.doc_id is None:
            return 0
        schema = self.project.schema
        session = self.session
        session.set_suggestions(suggest_quotes(
            session.text, session.entities.values(), session.links.quotes.values(),
            cue_verbs=schema.cue_verbs, speaker_types=schema.speaker_types))
        count = len(self.session.suggestions)
        if count:
            self.session.select("g0")
            self.notify.message(translate(
                "Suggestion", "{count} suggested quote(s): Enter accepts, Delete rejects.").format(
                    count=count))
        else:
            self.notify.message(translate(
                "Suggestion", "No quotation marks near a speech verb: nothing to suggest."))
        return count

    def _suggestion_index(self, owner: str | None) -> int | None:
        owner = owner if owner is not None else self.session.selected
        if owner is None or owner[:1] != "g" or not self.session.exists(owner):
            self.notify.message(translate(
                "Suggestion", "Select a suggested quote first (Suggest Quotes finds them)."))
            return None
        return int(owner[1:])

    def accept_suggestion(self, owner: str | None = None) -> bool:
        """Store a suggestion (default: the selected one) as a quote; select the next one."""
        index = self._suggestion_index(owner)
        doc_id = self.session.doc_id
        if index is None or doc_id is None:
            return False
        chosen = self.session.suggestions.pop(index)
        speaker = chosen.speaker if chosen.speaker in self.session.entities else None
        new_id = self.run(lambda: self.project.add_quote(
            doc_id, chosen.content, chosen.cue, speaker, chosen.kind))
        if new_id is None:
            self.session.suggestions.insert(index, chosen)
            return False
        self._after_review(index, f"q{new_id}")
        return True

    def reject_suggestion(self, owner: str | None = None) -> bool:
        """Forget a suggestion (default: the selected one); select the next one."""
        index = self._suggestion_index(owner)
        if index is None:
            return False
        self.session.suggestions.pop(index)
        self.session.suggestions_changed.emit()
        self._after_review(index, None)
        return True

    def _after_review(self, index: int, otherwise: str | None) -> None:
        if index < len(self.session.suggestions):
            self.session.select(f"g{index}")
            self.session.scroll_requested.emit(self.session.suggestions[index].cue.start)
        else:
            self.session.select(otherwise)
