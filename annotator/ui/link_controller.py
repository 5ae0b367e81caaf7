"""Quotes, events, stances, suggestions and document labels: the workbench's link actions.

Owned by the :class:`~annotator.ui.workbench.Workbench` (``workbench.links``). Like the
entity actions, every operation is one store action (or one ``project.batch``), hence one
transaction and one journal entry, and the editor follows the store's change events, never
the action code: a committed change to ``quotes``, ``events``, ``event_arguments`` or
``stances`` of the open document reloads them (a few indexed rows) and updates only the
spans that changed.

What the schema forbids is refused by the store with a clear ``ValueError`` (a role the event
type does not have or that does not accept the entity's label, a speaker or holder label the
schema does not allow, a speaker that is not an entity of the document); the reason goes to
the status bar through ``workbench.message``.

*Pick mode* lets the mouse choose a link target: after :meth:`begin_pick` the next click on an
entity (or Enter with the text cursor on one) completes it; Escape cancels.

Suggestions (:mod:`annotator.core.suggest`) live only here until accepted: they are drawn
dashed, and accepting one stores a quote; rejecting one forgets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.model import AUTHOR, Span, StanceTarget
from annotator.core.store import AnnotationsChanged, ChangeEvent, DocumentChanged
from annotator.core.suggest import (
    SuggestedQuote,
    find_speech_verbs,
    plausible_speaker,
    suggest_quotes,
)
from annotator.core.text import settle_span
from annotator.ui.editor import SpanItem
from annotator.ui.links_model import (
    DocumentLinks,
    connected,
    link_items,
    load_links,
    owner_of,
    owners_touching,
    span_items,
)
from annotator.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from annotator.ui.workbench import Workbench

LINK_TABLES = frozenset({"quotes", "events", "event_arguments", "stances"})
PICK_PROMPTS = {
    "speaker": "Click the speaker's entity (Enter: the entity at the cursor; Esc cancels).",
    "argument": "Click the entity that fills a role of the event (Esc cancels).",
    "holder": "Click the entity that holds the stance (Esc cancels).",
    "target": "Click the entity or event trigger the stance is about (Esc cancels).",
}
_QUOTE_MARKS = "«»\"“”„'"


class LinkController(QObject):
    """The link actions and state of the workbench's open document."""

    linksChanged = Signal()  # noqa: N815 - Qt signal naming
    pickChanged = Signal(str)  # noqa: N815  (purpose, "" when pick mode ends)
    picked = Signal(str, str)  # (purpose, span id) for the panel's stance form
    roleChoiceNeeded = Signal(str, list)  # noqa: N815  (entity id, roles to choose from)

    def __init__(self, workbench: Workbench) -> None:
        super().__init__(workbench)
        self.wb = workbench
        self.data = DocumentLinks()
        self.suggestions: list[SuggestedQuote] = []
        self.picking = ""
        self._shown: dict[str, SpanItem] = {}
        workbench.project.events.subscribe(self._on_event)

    def detach(self) -> None:
        """Stop following the store."""
        self.wb.project.events.unsubscribe(self._on_event)

    # -- loading and the editor ---------------------------------------------------------------

    def load(self, doc_id: int) -> list[SpanItem]:
        """Read the document's links (suggestions are dropped); returns the spans to show."""
        self.data = load_links(self.wb.project, doc_id)
        self.suggestions = []
        self.cancel_pick()
        self._shown = {item.id: item for item in span_items(self.data, self.suggestions)}
        return list(self._shown.values())

    def after_open(self) -> None:
        """Draw the links of a newly shown document."""
        self.wb.editor.set_links(link_items(self.data, self.suggestions, self._topic_names()))
        self.wb.editor.set_highlight(frozenset(), frozenset())
        self.linksChanged.emit()

    def _topic_names(self) -> dict[str, str]:
        return {t.id: t.label for t in self.wb.project.schema.topics.values()}

    def _sync(self) -> None:
        """Bring the editor's link spans and links in line with :attr:`data` and suggestions."""
        editor = self.wb.editor
        fresh = {item.id: item for item in span_items(self.data, self.suggestions)}
        for span_id in [i for i in self._shown if i not in fresh]:
            editor.remove_span(span_id)
        for span_id, item in fresh.items():
            old = self._shown.get(span_id)
            if old is None:
                editor.add_span(item)
            elif old != item:
                editor.update_span(item)
        self._shown = fresh
        editor.set_links(link_items(self.data, self.suggestions, self._topic_names()))
        selected = self.wb.selected
        if selected is not None and owner_of(selected) is not None and not self.exists(selected):
            self.wb.select_annotation(None)
        else:
            self.highlight(selected)
        self.linksChanged.emit()

    def _on_event(self, event: ChangeEvent) -> None:
        doc_id = self.wb.doc_id
        if doc_id is None:
            return
        relevant = (isinstance(event, AnnotationsChanged) and event.doc_id == doc_id
                    and event.table in LINK_TABLES) or (
            isinstance(event, DocumentChanged) and event.doc_id == doc_id
            and "labels" in event.fields)
        if relevant:
            self.data = load_links(self.wb.project, doc_id)
            self._sync()

    # -- selection ----------------------------------------------------------------------------

    def exists(self, owner: str) -> bool:
        """Whether ``owner`` (``q12``, ``v3``, ``s4``, ``g0``) is a current link."""
        kind, key = owner[:1], owner[1:]
        if kind == "g":
            return key.isdecimal() and int(key) < len(self.suggestions)
        if kind == "q":
            return key in self.data.quotes
        if kind == "v":
            return key in self.data.events
        return kind == "s" and key in self.data.stances

    def highlight(self, selected: str | None) -> None:
        """Emphasize what ``selected`` connects (a link) or the links it takes part in (an
        entity)."""
        editor = self.wb.editor
        if selected is None:
            editor.set_highlight(frozenset(), frozenset())
        elif owner_of(selected) is not None:
            editor.set_highlight(connected(selected, self.data, self.suggestions) - {selected},
                                 {selected})
        else:
            editor.set_highlight(frozenset(), owners_touching(selected, self.data))

    def start_of(self, owner: str) -> int | None:
        """Where a link begins in the text (for scrolling to it)."""
        kind, key = owner[:1], owner[1:]
        if kind == "q" and key in self.data.quotes:
            quote = self.data.quotes[key]
            return min(quote.content.start, quote.cue.start if quote.cue else len(self.wb.text))
        if kind == "v" and key in self.data.events:
            return self.data.events[key].trigger.start
        if kind == "g" and self.exists(owner):
            return self.suggestions[int(key)].cue.start
        if kind == "s" and key in self.data.stances:
            spans = connected(owner, self.data, self.suggestions)
            starts = [self._span_start(s) for s in spans]
            found = [s for s in starts if s is not None]
            return min(found) if found else None
        return None

    def _span_start(self, span_id: str) -> int | None:
        entity = self.wb.entities.get(span_id)
        if entity is not None:
            return entity.start
        item = self._shown.get(span_id)
        return item.start if item is not None else None

    def selected_kind(self, kind: str) -> str | None:
        """The key of the selected link when it is of ``kind`` (``q``, ``v``, ``s``, ``g``)."""
        selected = self.wb.selected
        if selected and selected[0] == kind and owner_of(selected) == selected:
            return selected[1:]
        return None

    # -- quotes -------------------------------------------------------------------------------

    def _selection(self, what: str) -> Span | None:
        selection = self.wb.editor.selection_codepoints()
        if selection is None:
            self.wb.message.emit(f"Select the {what} in the text first.")
            return None
        text = self.wb.text
        start, end = settle_span(text, *selection)
        while start < end and (text[start] in _QUOTE_MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _QUOTE_MARKS or text[end - 1].isspace()):
            end -= 1
        start, end = settle_span(text, start, end)
        if start >= end:
            self.wb.message.emit(f"The selection holds no text for the {what}.")
            return None
        return Span(start, end)

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

    def cancel_pick(self) -> None:
        """Leave pick mode."""
        if self.picking:
            self.picking = ""
            self.pickChanged.emit("")

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

    # -- events -------------------------------------------------------------------------------

    def add_event(self, event_type: str) -> bool:
        """Store the text selection as the trigger of a new event of ``event_type``."""
        doc_id = self.wb.doc_id
        span = self._selection("trigger")
        if doc_id is None or span is None:
            return False
        new_id = self.wb.run(lambda: self.wb.project.add_event(doc_id, event_type, span))
        if new_id is None:
            return False
        self.wb.editor.set_selection_codepoints(span.end, span.end)
        self.wb.select_annotation(f"v{new_id}")
        return True

    def roles_for(self, entity_id: str) -> list[str]:
        """Roles of the selected event that accept the entity's label."""
        key = self.selected_kind("v")
        entity = self.wb.entities.get(entity_id)
        if key is None or entity is None:
            return []
        schema = self.wb.project.schema
        event_type = self.data.events[key].type
        return [r for r in schema.allowed_roles(event_type)
                if schema.role_accepts(event_type, r, entity.label)]

    def add_argument_for(self, entity_id: str) -> bool:
        """Add ``entity_id`` to the selected event: with its only possible role at once;
        with several, ask (``roleChoiceNeeded``); with none, refuse and say why."""
        key = self.selected_kind("v")
        entity = self.wb.entities.get(entity_id)
        if key is None or entity is None:
            self.wb.message.emit("Select an event, then an entity.")
            return False
        roles = self.roles_for(entity_id)
        if not roles:
            event_type = self.data.events[key].type
            allowed = ", ".join(self.wb.project.schema.allowed_roles(event_type)) or "none"
            self.wb.message.emit(f"Refused: no role of {event_type} accepts a {entity.label}"
                                 f" entity (roles: {allowed}).")
            return False
        if len(roles) == 1:
            return self.add_argument(roles[0], entity_id)
        self.roleChoiceNeeded.emit(entity_id, roles)
        return True

    def add_argument(self, role: str, entity_id: str) -> bool:
        """Let ``entity_id`` fill ``role`` of the selected event (the store refuses a role the
        type does not allow)."""
        key = self.selected_kind("v")
        if key is None:
            self.wb.message.emit("Select an event first.")
            return False
        return self.wb.run(lambda: self.wb.project.add_event_argument(
            int(key), role, entity_id)) is not None

    def remove_argument(self, argument_id: int) -> bool:
        """Remove one argument (by row id) of an event."""
        return self.wb.run(lambda: self.wb.project.remove_event_argument(argument_id)) \
            is not None

    def set_event_attribute(self, name: str, value: str | None) -> bool:
        """Set (None: remove) polarity, modality, genericity... of the selected event."""
        key = self.selected_kind("v")
        if key is None:
            self.wb.message.emit("Select an event first.")
            return False
        attrs = dict(self.data.events[key].attrs)
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
        if attrs == self.data.events[key].attrs:
            return False
        return self.wb.run(lambda: self.wb.project.set_event_attrs(int(key), attrs)) is not None

    def cycle_event_attribute(self, name: str) -> bool:
        """The next value of an event attribute (from its default) on the selected event."""
        key = self.selected_kind("v")
        definition = self.wb.project.schema.event_attributes.get(name)
        if key is None or definition is None:
            self.wb.message.emit("Select an event first.")
            return False
        current = self.data.events[key].attrs.get(name, definition.default)
        values = definition.values
        following = values[(values.index(current) + 1) % len(values)] if current in values \
            else values[0]
        return self.set_event_attribute(name, following)

    # -- stances ------------------------------------------------------------------------------

    def add_stance(self, holder: str | None, target: StanceTarget, label: str,
                   evidence: str | Span | None = None) -> bool:
        """Store a stance; ``evidence`` a quote id (``"12"``) or a span."""
        doc_id = self.wb.doc_id
        if doc_id is None:
            return False
        new_id = self.wb.run(lambda: self.wb.project.add_stance(doc_id, holder, target, label,
                                                                evidence))
        if new_id is None:
            return False
        self.wb.select_annotation(f"s{new_id}")
        return True

    def set_stance_label(self, label: str) -> bool:
        """Change the selected stance's label: one journal entry replacing the stance."""
        key = self.selected_kind("s")
        doc_id = self.wb.doc_id
        if key is None or doc_id is None:
            self.wb.message.emit("Select a stance first.")
            return False
        old = self.data.stances[key]
        if old.label == label:
            return False
        project = self.wb.project
        evidence = old.evidence

        def replace() -> int:
            with project.batch(f"Set stance {label}"):
                project.delete_stance(int(key))
                return project.add_stance(doc_id, old.holder, old.target, label, evidence,
                                          attrs=old.attrs)

        new_id = self.wb.run(replace)
        if new_id is None:
            return False
        self.wb.select_annotation(f"s{new_id}")
        return True

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

    # -- suggestions --------------------------------------------------------------------------

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

    # -- document labels ----------------------------------------------------------------------

    def set_document_label(self, key: str, value: Any) -> bool:
        """Set (None: clear) a document-level label of the open document."""
        doc_id = self.wb.doc_id
        if doc_id is None or self.data.labels.get(key) == value:
            return False
        return self.wb.run(lambda: self.wb.project.set_document_label(doc_id, key, value)) \
            is not None

    def set_topic_label(self, key: str, topic: str, value: str | None) -> bool:
        """Set one topic's value of a per-topic document label (overall stance)."""
        current = self.data.labels.get(key)
        values = dict(current) if isinstance(current, dict) else {}
        if value is None:
            values.pop(topic, None)
        else:
            values[topic] = value
        return self.set_document_label(key, values or None)
