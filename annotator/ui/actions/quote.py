"""Quote actions: mark a quote and its cue, its kind, its speaker, and move
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
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import noop, translate
from annotator.ui.session.edges import Edge, Unit, moved_span
from annotator.ui.session.session import QUOTE_MARKS, QuotePart

PART_NAMES = {"content": noop("Quote", "quoted words"), "cue": noop("Quote", "cue")}


class QuoteActions(SessionActions):
    """Marking and editing the quotes of the open document."""

    def mark_quote(self, kind: str = "direct") -> bool:
        """Store the text selection (without its quotation marks) as a quote of ``kind``."""
        doc_id = self.session.doc_id
        span, why = self.session.link_span(noop("Session", "quoted words"))
        if doc_id is None or span is None:
            return self.refuse(why) if why else False
        new_id = self.run(lambda: self.project.add_quote(doc_id, span, kind=kind))
        if new_id is None:
            return False
        self.session.cursor_requested.emit(span.end)
        self.session.select(f"q{new_id}")
        return True

    def delete(self, key: str) -> bool:
        """Delete the quote ``key`` (and what refers to it)."""
        if key not in self.session.links.quotes:
            return False
        return self.run(lambda: self.project.delete_quote(int(key))) is not None

    def _update_quote(self, **fields: Any) -> bool:
        key = self.session.selected_kind("q")
        if key is None:
            self.notify.message(translate("Quote", "Select a quote first."))
            return False
        return self.run(lambda: self.project.update_quote(int(key), **fields)) is not None

    def set_quote_kind(self, kind: str) -> bool:
        """Make the selected quote direct, indirect or mixed."""
        return self._update_quote(kind=kind)

    def cycle_quote_kind(self) -> bool:
        """The next kind of the schema for the selected quote."""
        key = self.session.selected_kind("q")
        kinds = self.project.schema.quote_kinds
        if key is None or not kinds:
            self.notify.message(translate("Quote", "Select a quote first."))
            return False
        current = self.session.links.quotes[key].kind
        following = kinds[(kinds.index(current) + 1) % len(kinds)] if current in kinds \
            else kinds[0]
        return self.set_quote_kind(following)

    def mark_cue(self) -> bool:
        """The text selection becomes the selected quote's cue; a conjunction و/ف attached
        to a selected speech verb (وقال) is left out."""
        if self.session.selected_kind("q") is None:
            self.notify.message(translate(
                "Quote", "Select a quote first, then the speech verb, then mark it."))
            return False
        span, why = self.session.link_span(noop("Session", "speech verb"))
        if span is None:
            return self.refuse(why)
        text = self.session.text
        verbs = find_speech_verbs(text[span.start:span.end], self.project.schema.cue_verbs)
        if len(verbs) == 1:
            span = Span(span.start + verbs[0].cue.start, span.start + verbs[0].cue.end)
        return self._update_quote(cue=span)

    def set_speaker(self, speaker: str | None) -> bool:
        """The selected quote's speaker: an entity id, ``AUTHOR`` or None (unknown)."""
        if speaker not in (None, AUTHOR) and speaker not in self.session.entities:
            self.notify.message(translate("Quote",
                                          "The speaker must be an annotated entity of this document"
                                 " (or AUTHOR, or unknown)."))
            return False
        return self._update_quote(speaker=speaker)

    def link_plausible_speaker(self) -> bool:
        """Link the most plausible speaker of the selected quote (for a dropped subject such
        as وأضاف: the speaker of the previous quote)."""
        key = self.session.selected_kind("q")
        if key is None:
            self.notify.message(translate("Quote", "Select a quote first."))
            return False
        quote = self.session.links.quotes[key]
        others = [q for k, q in self.session.links.quotes.items() if k != key]
        speaker, reason = plausible_speaker(
            self.session.text, self.session.entities.values(), quote.content, quote.cue, others,
            speaker_types=self.project.schema.speaker_types)
        if speaker is None:
            self.notify.message(translate("Quote",
                                          "No speaker in sight: click one (Link Speaker) or choose"
                                 " AUTHOR."))
            return False
        if self.set_speaker(speaker):
            self.notify.message(
                translate("Quote", "Speaker linked ({reason}).").format(reason=reason))
            return True
        return False

    # -- edges --------------------------------------------------------------------------------

    def set_quote_part(self, part: QuotePart) -> bool:
        """Choose whether edge moves act on the selected quote's words or on its cue."""
        key = self.session.selected_kind("q")
        if key is None:
            self.notify.message(translate("Quote", "Select a quote first."))
            return False
        if part == "cue" and self.session.links.quotes[key].cue is None:
            self.notify.message(translate("Quote", "This quote has no cue yet: select the speech"
                                          " verb and mark it (Ctrl+Shift+C)."))
            return False
        self.session.select(f"k{key}" if part == "cue" else f"q{key}")
        self.notify.message(translate("Quote", "Edge keys now move the quote's {part}.").format(
            part=translate("Quote", PART_NAMES[part])))
        return True

    def toggle_quote_part(self) -> bool:
        """Switch edge moves between the selected quote's words and its cue."""
        return self.set_quote_part("content" if self.session.quote_part == "cue" else "cue")

    def move_quote_edge(self, edge: Edge, direction: int, unit: Unit = "grapheme",
                        part: QuotePart | None = None) -> bool:
        """Move an edge of the selected quote's words or cue (``part``; default: the chosen
        part) one grapheme or word; ``direction`` +1 is towards the reading end."""
        key = self.session.selected_kind("q")
        if key is None:
            self.notify.message(translate("Quote", "Select a quote first."))
            return False
        part = part or self.session.quote_part
        quote = self.session.links.quotes[key]
        span = quote.content if part == "content" else quote.cue
        if span is None:
            self.notify.message(translate("Quote", "This quote has no cue yet: select the speech"
                                          " verb and mark it (Ctrl+Shift+C)."))
            return False
        moved = moved_span(self.session.text, span.start, span.end, edge, direction, unit,
                           avoid=QUOTE_MARKS)
        if moved is None:
            self.notify.message(translate("Quote", "That edge cannot move further."))
            return False
        if part == "content":
            return self._update_quote(content=Span(*moved))
        return self._update_quote(cue=Span(*moved))
