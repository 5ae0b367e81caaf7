"""The state the link actions share: the open document's links, the suggestions, pick mode,
and keeping the editor in line with the store.

:class:`LinkState` is the base of the action mixins (:mod:`.quote_actions`,
:mod:`.event_actions`, :mod:`.stance_actions`, :mod:`.suggestion_actions`) that
:class:`~annotator.ui.actions.links.LinkController` combines. The editor follows the store's
change events, never the action code: a committed change to ``quotes``, ``events``,
``event_arguments`` or ``stances`` of the open document (or to its labels) reloads them (a
few indexed rows, :meth:`Project.get_links`) and updates only the spans that changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from annotator.core.model import Span
from annotator.core.store import AnnotationsChanged, ChangeEvent, DocumentChanged
from annotator.core.suggest import SuggestedQuote
from annotator.core.text import settle_span
from annotator.ui.editor import SpanItem
from annotator.ui.editor.link_spans import link_items, span_items
from annotator.ui.qt import QObject, Signal
from annotator.ui.session.links import (
    DocumentLinks,
    connected,
    load_links,
    owner_of,
    owners_touching,
)

if TYPE_CHECKING:
    from annotator.ui.workbench import Workbench

LINK_TABLES = frozenset({"quotes", "events", "event_arguments", "stances"})
QUOTE_MARKS = "«»\"“”„'"
"""Quotation marks: never the first or last character of quoted words or a cue."""
QuotePart = Literal["content", "cue"]


class LinkState(QObject):
    """The links, suggestions and pick mode of the workbench's open document."""

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
        self.quote_part: QuotePart = "content"
        """Which span of the selected quote its edge keys move (the cue after a click on
        the cue, or after "Quote Edges: Content/Cue")."""
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

    def selected_span(self, selected: str | None) -> str | None:
        """The editor span that shows the selection ``selected``: the cue ``k12`` of a quote
        whose cue part is chosen, else ``selected`` itself."""
        if selected is not None and selected[:1] == "q" and self.quote_part == "cue" \
                and self.wb.editor.has_span(f"k{selected[1:]}"):
            return f"k{selected[1:]}"
        return selected

    def highlight(self, selected: str | None) -> None:
        """Emphasize what ``selected`` connects (a link) or the links it takes part in (an
        entity)."""
        editor = self.wb.editor
        if selected is None:
            editor.set_highlight(frozenset(), frozenset())
        elif owner_of(selected) is not None:
            shown = self.selected_span(selected)
            editor.set_highlight(connected(selected, self.data, self.suggestions) - {shown},
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

    def _selection(self, what: str) -> Span | None:
        """The editor's text selection settled on grapheme boundaries, without surrounding
        whitespace and quotation marks; None (with a message) when there is none."""
        selection = self.wb.editor.selection_codepoints()
        if selection is None:
            self.wb.message.emit(f"Select the {what} in the text first.")
            return None
        text = self.wb.text
        start, end = settle_span(text, *selection)
        while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
            end -= 1
        start, end = settle_span(text, start, end)
        if start >= end:
            self.wb.message.emit(f"The selection holds no text for the {what}.")
            return None
        return Span(start, end)

    # -- pick mode ----------------------------------------------------------------------------

    def cancel_pick(self) -> None:
        """Leave pick mode."""
        if self.picking:
            self.picking = ""
            self.pickChanged.emit("")
