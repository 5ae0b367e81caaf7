"""Quote actions of the workbench: mark a quote and its cue, its kind, its speaker, and move
the edges of its content or cue.

Every operation is one store action (``add_quote`` or ``update_quote``), hence one journal
entry. Edge moves follow the rules of entity edges (:func:`~annotator.ui.session.edges.moved_span`:
by a grapheme cluster or a word, never resting on whitespace, a joiner or a bidi mark) and
never put a quotation mark at the edge of the quoted words or the cue.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import AUTHOR, Span
from annotator.core.suggest import find_speech_verbs, plausible_speaker
from annotator.ui.actions.link_state import QUOTE_MARKS, LinkState, QuotePart
from annotator.ui.session.edges import Edge, Unit, moved_span

PART_NAMES = {"content": "quoted words", "cue": "cue"}


class QuoteActions(LinkState):
    """Marking and editing the quotes of the open document."""

    def mark_quote(self, kind: str = "direct") -> bool:
        """Store the text selection (without its quotation marks) as a quote of ``kind``."""
        doc_id = self.wb.doc_id
        span = self._selection("quoted words")
        if doc_id is None or span is None:
            return False
        new_id = self.wb.run(lambda: self.wb.project.add_quote(doc_id, span, kind=kind))
        if new_id is None:
            return False
        self.wb.editor.set_selection_codepoints(span.end, span.end)
        self.wb.select_annotation(f"q{new_id}")
        return True

    def _update_quote(self, **fields: Any) -> bool:
        key = self.selected_kind("q")
        if key is None:
            self.wb.message.emit("Select a quote first.")
            return False
        return self.wb.run(lambda: self.wb.project.update_quote(int(key), **fields)) is not None

    def set_quote_kind(self, kind: str) -> bool:
        """Make the selected quote direct, indirect or mixed."""
        return self._update_quote(kind=kind)

    def cycle_quote_kind(self) -> bool:
        """The next kind of the schema for the selected quote."""
        key = self.selected_kind("q")
        kinds = self.wb.project.schema.quote_kinds
        if key is None or not kinds:
            self.wb.message.emit("Select a quote first.")
            return False
        current = self.data.quotes[key].kind
        following = kinds[(kinds.index(current) + 1) % len(kinds)] if current in kinds \
            else kinds[0]
        return self.set_quote_kind(following)

    def mark_cue(self) -> bool:
        """The text selection becomes the selected quote's cue; a conjunction و/ف attached
        to a selected speech verb (وقال) is left out."""
        if self.selected_kind("q") is None:
            self.wb.message.emit("Select a quote first, then the speech verb, then mark it.")
            return False
        span = self._selection("speech verb")
        if span is None:
            return False
        text = self.wb.text
        verbs = find_speech_verbs(text[span.start:span.end], self.wb.project.schema.cue_verbs)
        if len(verbs) == 1:
            span = Span(span.start + verbs[0].cue.start, span.start + verbs[0].cue.end)
        return self._update_quote(cue=span)

    def set_speaker(self, speaker: str | None) -> bool:
        """The selected quote's speaker: an entity id, ``AUTHOR`` or None (unknown)."""
        if speaker not in (None, AUTHOR) and speaker not in self.wb.entities:
            self.wb.message.emit("The speaker must be an annotated entity of this document"
                                 " (or AUTHOR, or unknown).")
            return False
        return self._update_quote(speaker=speaker)

    def link_plausible_speaker(self) -> bool:
        """Link the most plausible speaker of the selected quote (for a dropped subject such
        as وأضاف: the speaker of the previous quote)."""
        key = self.selected_kind("q")
        if key is None:
            self.wb.message.emit("Select a quote first.")
            return False
        quote = self.data.quotes[key]
        others = [q for k, q in self.data.quotes.items() if k != key]
        speaker, reason = plausible_speaker(
            self.wb.text, self.wb.entities.values(), quote.content, quote.cue, others,
            speaker_types=self.wb.project.schema.speaker_types)
        if speaker is None:
            self.wb.message.emit("No speaker in sight: click one (Link Speaker) or choose"
                                 " AUTHOR.")
            return False
        if self.set_speaker(speaker):
            self.wb.message.emit(f"Speaker linked ({reason}).")
            return True
        return False

    # -- edges --------------------------------------------------------------------------------

    def note_selected_span(self, span_id: str | None) -> None:
        """Remember which part of a quote was chosen: a cue span (``k12``) chooses the cue,
        anything else the quoted words."""
        self.quote_part = "cue" if span_id is not None and span_id[:1] == "k" else "content"

    def set_quote_part(self, part: QuotePart) -> bool:
        """Choose whether edge moves act on the selected quote's words or on its cue."""
        key = self.selected_kind("q")
        if key is None:
            self.wb.message.emit("Select a quote first.")
            return False
        if part == "cue" and self.data.quotes[key].cue is None:
            self.wb.message.emit("This quote has no cue yet: select the speech verb and mark"
                                 " it (Ctrl+Shift+C).")
            return False
        self.wb.select_annotation(f"k{key}" if part == "cue" else f"q{key}")
        self.wb.message.emit(f"Edge keys now move the quote's {PART_NAMES[part]}.")
        return True

    def toggle_quote_part(self) -> bool:
        """Switch edge moves between the selected quote's words and its cue."""
        return self.set_quote_part("content" if self.quote_part == "cue" else "cue")

    def move_quote_edge(self, edge: Edge, direction: int, unit: Unit = "grapheme",
                        part: QuotePart | None = None) -> bool:
        """Move an edge of the selected quote's words or cue (``part``; default: the chosen
        part) one grapheme or word; ``direction`` +1 is towards the reading end."""
        key = self.selected_kind("q")
        if key is None:
            self.wb.message.emit("Select a quote first.")
            return False
        part = part or self.quote_part
        quote = self.data.quotes[key]
        span = quote.content if part == "content" else quote.cue
        if span is None:
            self.wb.message.emit("This quote has no cue yet: select the speech verb and mark"
                                 " it (Ctrl+Shift+C).")
            return False
        moved = moved_span(self.wb.text, span.start, span.end, edge, direction, unit,
                           avoid=QUOTE_MARKS)
        if moved is None:
            self.wb.message.emit("That edge cannot move further.")
            return False
        if part == "content":
            return self._update_quote(content=Span(*moved))
        return self._update_quote(cue=Span(*moved))
