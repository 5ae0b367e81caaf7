"""Suggested quotes in the workbench (:mod:`annotator.core.suggest`).

Suggestions live only here until accepted: they are drawn dashed, accepting one stores a
quote (one journal entry) and rejecting one forgets it; either way the next suggestion is
selected, so a document is reviewed with Enter and Delete alone.
"""

from __future__ import annotations

from annotator.core.suggest import suggest_quotes
from annotator.ui.actions.link_state import LinkState


class SuggestionActions(LinkState):
    """Finding, accepting and rejecting suggested quotes."""

    def suggest(self) -> int:
        """Find suggested quotes in the open document (nothing is stored); selects the first."""
        if self.wb.doc_id is None:
            return 0
        schema = self.wb.project.schema
        self.suggestions = suggest_quotes(
            self.wb.text, self.wb.entities.values(), self.data.quotes.values(),
            cue_verbs=schema.cue_verbs, speaker_types=schema.speaker_types)
        self._sync()
        count = len(self.suggestions)
        if count:
            self.wb.select_annotation("g0")
            self.wb.message.emit(f"{count} suggested quote(s): Enter accepts, Delete rejects.")
        else:
            self.wb.message.emit("No quotation marks near a speech verb: nothing to suggest.")
        return count

    def _suggestion_index(self, owner: str | None) -> int | None:
        owner = owner if owner is not None else self.wb.selected
        if owner is None or owner[:1] != "g" or not self.exists(owner):
            self.wb.message.emit("Select a suggested quote first (Suggest Quotes finds them).")
            return None
        return int(owner[1:])

    def accept_suggestion(self, owner: str | None = None) -> bool:
        """Store a suggestion (default: the selected one) as a quote; select the next one."""
        index = self._suggestion_index(owner)
        doc_id = self.wb.doc_id
        if index is None or doc_id is None:
            return False
        chosen = self.suggestions.pop(index)
        speaker = chosen.speaker if chosen.speaker in self.wb.entities else None
        new_id = self.wb.run(lambda: self.wb.project.add_quote(
            doc_id, chosen.content, chosen.cue, speaker, chosen.kind))
        if new_id is None:
            self.suggestions.insert(index, chosen)
            return False
        self._after_review(index, f"q{new_id}")
        return True

    def reject_suggestion(self, owner: str | None = None) -> bool:
        """Forget a suggestion (default: the selected one); select the next one."""
        index = self._suggestion_index(owner)
        if index is None:
            return False
        self.suggestions.pop(index)
        self._sync()
        self._after_review(index, None)
        return True

    def _after_review(self, index: int, otherwise: str | None) -> None:
        if index < len(self.suggestions):
            self.wb.select_annotation(f"g{index}")
            self.wb.editor.scroll_to_codepoint(self.suggestions[index].cue.start)
        else:
            self.wb.select_annotation(otherwise)
