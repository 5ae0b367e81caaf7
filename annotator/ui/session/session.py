"""The document session: what the window is working on, without Qt.

One :class:`DocumentSession` holds the open document (id, text, status, title), its entities
and links (quotes, events, stances, document labels), the suggested quotes, the selection
(the selected annotation, which part of a selected quote the edge keys move, and a reader
of the editor's text selection), pick mode, character mode and the snapping lexicon.

Its logic is plain Python and tested headless (``tests/session``): which annotation a click
selects, which spans a selection connects, a text selection as the span of a new quote,
event or entity, pick mode. It never writes to the store: the actions
(:mod:`annotator.ui.actions`) do, and the store's change events bring the committed rows
back (:meth:`apply_entities`, :attr:`links`). The views follow its hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from annotator.core.model import DocumentRecord, Entity, Span
from annotator.core.store import AnnotationsChanged, ChangeEvent, DocumentChanged
from annotator.core.suggest import SuggestedQuote
from annotator.core.text import settle_span
from annotator.ui.i18n import noop, translate
from annotator.ui.session.edges import labelled_span
from annotator.ui.session.hook import Hook
from annotator.ui.session.lexicon import SessionLexicon
from annotator.ui.session.links import DocumentLinks, connected, owner_of, owners_touching
from annotator.ui.session.other_layers import OtherLayers

QuotePart = Literal["content", "cue"]
LINK_TABLES = frozenset({"quotes", "events", "event_arguments", "stances"})
QUOTE_MARKS = "«»\"“”„'"
"""Quotation marks: never the first or last character of quoted words or a cue."""
PICK_PROMPTS = {
    "speaker": noop("Session", "Click the speaker's entity (Enter: the entity at the cursor;"
                    " Esc cancels)."),
    "argument": noop("Session", "Click the entity that fills a role of the event (Esc"
                     " cancels)."),
    "holder": noop("Session", "Click the entity that holds the stance (Esc cancels)."),
    "target": noop("Session", "Click the entity or event trigger the stance is about (Esc"
                   " cancels)."),
}
"""Pick mode's purposes, with the prompt (English; shown as ``translate("Session", ...)``)
while one is pending."""
TextSelection = Callable[[], tuple[int, int] | None]


@dataclass(frozen=True, slots=True)
class Followed:
    """What a store event changed in the session: ``entities`` (with the ids committed and
    deleted), ``links`` (read again) or ``status``."""

    what: Literal["entities", "links", "status"]
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def no_text_selection() -> tuple[int, int] | None:
    """The text selection of a session without an editor: none."""
    return None


class DocumentSession:
    """The open document, its annotations and the selection; hooks tell the views."""

    def __init__(self, text_selection: TextSelection = no_text_selection) -> None:
        self.doc_id: int | None = None
        self.text = ""
        self.status = ""
        self.title = ""
        self.entities: dict[str, Entity] = {}
        self.links = DocumentLinks()
        self.suggestions: list[SuggestedQuote] = []
        self.model_suggestions: list[tuple[int, int, str]] = []
        """The recommender's suggestions ``(start, end, label)``, ``m0``, ``m1``... (issue 16):
        drawn dashed, never stored until accepted."""
        self.model_version = ""
        """The version of the model that made :attr:`model_suggestions`."""
        self.suggestion_sources: dict[tuple[int, int, str], str] = {}
        """The source of each of :attr:`model_suggestions` imported from another tool's
        predictions (``label-studio:ner-v2``; issue 18); the others are the model's."""
        self.selected: str | None = None
        """The selected annotation: an entity id, or a link owner (``q12``, ``v3``, ``s4``,
        ``g0``); None when nothing is selected."""
        self.quote_part: QuotePart = "content"
        """Which span of the selected quote its edge keys move (the cue after a click on
        the cue, or after "Quote Edges: Content/Cue")."""
        self.picking = ""
        """The pending pick's purpose (one of :data:`PICK_PROMPTS`), "" when none."""
        self.character_mode = False
        """New entities keep the selection's edges (no proclitic snapping)."""
        self.lexicon: SessionLexicon | None = None
        """The snapping lexicon; it learns every committed entity of the open document."""
        self.text_selection = text_selection
        """Reads the editor's text selection, in code points of :attr:`text`."""
        self.selection_changed: Hook[[str | None]] = Hook()
        self.suggestions_changed: Hook[[]] = Hook()
        self.pick_changed: Hook[[str]] = Hook()
        self.picked: Hook[[str, str]] = Hook()
        """(purpose, span id) of a finished holder or target pick, for the stance form."""
        self.role_choice_needed: Hook[[str, list[str]]] = Hook()
        """(entity id, roles): the entity may fill several roles of the selected event."""
        self.cursor_requested: Hook[[int]] = Hook()
        """Put the text cursor (and an empty text selection) at this code point."""
        self.scroll_requested: Hook[[int]] = Hook()
        self.others = OtherLayers()
        """Other annotators' layers of the document, shown read-only when chosen."""

    # -- the document -------------------------------------------------------------------------

    def open(self, doc_id: int, record: DocumentRecord, links: DocumentLinks) -> None:
        """Hold another document: nothing selected, no suggestions, no pick pending."""
        self.doc_id = doc_id
        self.text = record.text
        self.status = record.status
        self.title = (record.title or record.id
                      or translate("Session", "Document {doc_id}").format(doc_id=doc_id))
        self.entities = {e.id: e for e in record.entities}
        self.links = links
        self.suggestions = []
        self.model_suggestions = []
        self.suggestion_sources = {}
        self.selected = None
        self.quote_part = "content"
        self.cancel_pick()
        if self.lexicon is not None:
            self.lexicon.learn_text(doc_id, record.text)

    def use_lexicon(self, lexicon: SessionLexicon) -> None:
        """Snap new entities with ``lexicon`` (which learns the open document's words)."""
        self.lexicon = lexicon
        if self.doc_id is not None:
            lexicon.learn_text(self.doc_id, self.text)

    def apply_entities(self, changed: Mapping[str, Entity], deleted: Iterable[str]) -> None:
        """Take committed entities (inserted or updated) and forget deleted ones; the
        lexicon learns the new strings and forgets the old ones."""
        lexicon = self.lexicon
        for key in deleted:
            old = self.entities.pop(key, None)
            if lexicon is not None and old is not None:
                lexicon.entity_changed(self.text, old, None)
        if lexicon is not None:
            for key, entity in changed.items():
                lexicon.entity_changed(self.text, self.entities.get(key), entity)
        self.entities.update(changed)

    def follow(self, event: ChangeEvent,
               read_links: Callable[[int], DocumentLinks]) -> Followed | None:
        """Apply a store change event to the open document: entities from the committed rows
        the event carries, links read again (``read_links(doc_id)``: a few indexed rows), the
        status from the event's values. Returns what changed (None: nothing here)."""
        doc_id = self.doc_id
        if doc_id is None or getattr(event, "doc_id", None) != doc_id:
            return None
        if isinstance(event, AnnotationsChanged) and event.table == "entities":
            changed = event.entities()
            deleted = [str(i) for i in event.deleted]
            self.apply_entities(changed, deleted)
            return Followed("entities", list(changed), deleted)
        if isinstance(event, AnnotationsChanged) and event.table in LINK_TABLES:
            self.links = read_links(doc_id)
            return Followed("links")
        if not isinstance(event, DocumentChanged):
            return None
        if "status" in event.values:
            self.status = str(event.values["status"])
        if "labels" in event.fields:
            self.links = read_links(doc_id)
            return Followed("links")
        return Followed("status") if "status" in event.values else None

    def set_suggestions(self, suggestions: list[SuggestedQuote]) -> None:
        """Show other suggested quotes (none are stored until accepted)."""
        self.suggestions = suggestions
        self.suggestions_changed.emit()

    def set_model_suggestions(self, suggestions: list[tuple[int, int, str]],
                              version: str,
                              sources: dict[tuple[int, int, str], str] | None = None) -> None:
        """Show the recommender's suggestions for the open document (``sources``: those
        imported, with their source; kept when None)."""
        self.model_suggestions = suggestions
        self.model_version = version
        if sources is not None:
            self.suggestion_sources = sources
        self.suggestions_changed.emit()

    # -- the selection ------------------------------------------------------------------------

    def select(self, span_id: str | None) -> None:
        """Select what a click on ``span_id`` means: an entity, or the quote, event, stance
        or suggestion a link span belongs to (a cue ``k12`` selects its quote and makes the
        cue the part its edge keys move). An unknown id selects nothing."""
        self.quote_part = "cue" if span_id is not None and span_id[:1] == "k" else "content"
        if span_id is not None and span_id not in self.entities:
            owner = owner_of(span_id)
            span_id = owner if owner is not None and self.exists(owner) else None
        self.selected = span_id
        self.selection_changed.emit(span_id)

    def refresh_selection(self) -> None:
        """After a change: drop a selection that no longer exists, else tell the views it
        may look different."""
        selected = self.selected
        if selected is not None and selected not in self.entities \
                and not (owner_of(selected) is not None and self.exists(selected)):
            self.select(None)
        else:
            self.selection_changed.emit(selected)

    def selected_entity(self) -> Entity | None:
        """The selected entity, if an entity is selected."""
        return self.entities.get(self.selected) if self.selected is not None else None

    def selected_kind(self, kind: str) -> str | None:
        """The key of the selected link when it is of ``kind`` (``q``, ``v``, ``s``, ``g``)."""
        selected = self.selected
        if selected and selected[0] == kind and owner_of(selected) == selected:
            return selected[1:]
        return None

    def exists(self, owner: str) -> bool:
        """Whether ``owner`` (``q12``, ``v3``, ``s4``, ``g0``) is a current link."""
        kind, key = owner[:1], owner[1:]
        if kind == "g":
            return key.isdecimal() and int(key) < len(self.suggestions)
        if kind == "m":
            return key.isdecimal() and int(key) < len(self.model_suggestions)
        if kind == "q":
            return key in self.links.quotes
        if kind == "v":
            return key in self.links.events
        return kind == "s" and key in self.links.stances

    def selected_span(self) -> str | None:
        """The span that shows the selection: the cue ``k12`` of a quote whose cue part is
        chosen, else the selected id itself."""
        selected = self.selected
        if selected is not None and selected[:1] == "q" and self.quote_part == "cue":
            quote = self.links.quotes.get(selected[1:])
            if quote is not None and quote.cue is not None:
                return f"k{selected[1:]}"
        return selected

    def highlight(self) -> tuple[frozenset[str], frozenset[str]]:
        """(spans, links) to emphasize: what a selected link connects (but the selected span
        itself), or the links a selected entity takes part in."""
        selected = self.selected
        if selected is None:
            return frozenset(), frozenset()
        if owner_of(selected) is not None:
            spans = connected(selected, self.links, self.suggestions) - {self.selected_span()}
            return frozenset(spans), frozenset({selected})
        return frozenset(), frozenset(owners_touching(selected, self.links))

    def start_of(self, annotation: str) -> int | None:
        """Where an entity or a link begins in the text (for scrolling to it)."""
        entity = self.entities.get(annotation)
        if entity is not None:
            return entity.start
        kind, key = annotation[:1], annotation[1:]
        if kind == "q" and key in self.links.quotes:
            quote = self.links.quotes[key]
            return min(quote.content.start, quote.cue.start if quote.cue else len(self.text))
        if kind == "v" and key in self.links.events:
            return self.links.events[key].trigger.start
        if kind == "g" and self.exists(annotation):
            return self.suggestions[int(key)].cue.start
        if kind == "m" and self.exists(annotation):
            return self.model_suggestions[int(key)][0]
        if kind == "s" and key in self.links.stances:
            starts = [self._span_start(s)
                      for s in connected(annotation, self.links, self.suggestions)]
            found = [s for s in starts if s is not None]
            return min(found) if found else None
        return None

    def _span_start(self, span_id: str) -> int | None:
        if span_id in self.entities:
            return self.entities[span_id].start
        kind, key = span_id[:1], span_id[1:]
        quote = self.links.quotes.get(key) if kind in ("q", "k") else None
        if quote is not None:
            span = quote.cue if kind == "k" else quote.content
            return span.start if span is not None else None
        if kind == "v" and key in self.links.events:
            return self.links.events[key].trigger.start
        stance = self.links.stances.get(key) if kind == "x" else None
        if stance is not None and isinstance(stance.evidence, Span):
            return stance.evidence.start
        return None

    # -- the text selection as a span ---------------------------------------------------------

    def link_span(self, what: str) -> tuple[Span | None, str]:
        """The text selection as the span of a quote, cue or trigger: settled on grapheme
        boundaries, without surrounding whitespace and quotation marks. ``(span, "")``, or
        ``(None, why)`` when there is no selection or nothing is left of it."""
        selection = self.text_selection()
        if selection is None:
            return None, translate("Session", "Select the {what} in the text first.").format(
                what=translate("Session", what))
        text = self.text
        start, end = settle_span(text, *selection)
        while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
            end -= 1
        start, end = settle_span(text, start, end)
        if start >= end:
            return None, translate("Session", "The selection holds no text for the {what}.").format(
                what=translate("Session", what))
        return Span(start, end), ""

    def entity_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span a new entity over ``[start, end)`` gets: snapped to a name without
        proclitics (docs/ARABIC.md, Proclitics) or, in character mode, only settled and
        trimmed (docs/ARABIC.md, Span edges); None when nothing is left."""
        return labelled_span(self.text, start, end, character_mode=self.character_mode,
                             lexicon=self.lexicon.lexicon if self.lexicon else None)

    def evidence_span(self) -> Span | None:
        """The text selection as a stance's evidence: trimmed like every span, or None."""
        selection = self.text_selection()
        if selection is None:
            return None
        start, end = settle_span(self.text, *selection)
        return Span(start, end) if start < end else None

    # -- pick mode ----------------------------------------------------------------------------

    def begin_pick(self, purpose: str) -> str:
        """Let the next click on an entity complete ``purpose``; returns why not ("" when
        pick mode began). A speaker needs a selected quote, an argument a selected event."""
        needs = {"speaker": ("q", noop("Session", "Select a quote first.")),
                 "argument": ("v", noop("Session", "Select an event first."))}.get(purpose)
        if needs is not None and self.selected_kind(needs[0]) is None:
            return translate("Session", needs[1])
        self.picking = purpose
        self.pick_changed.emit(purpose)
        return ""

    def cancel_pick(self) -> None:
        """Leave pick mode."""
        if self.picking:
            self.picking = ""
            self.pick_changed.emit("")
