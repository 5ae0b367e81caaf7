"""Keeping the annotation view in line with the document session.

:class:`EditorSync` shows what a :class:`~annotator.ui.session.session.DocumentSession`
holds: the text with its entity spans (coloured by the schema's entity types), the link spans
and links (:mod:`.link_spans`), the selected span and what the selection connects, and the
entities of the other annotators' layers the user chose to show (read-only, in each
annotator's colour: ``STYLE_OTHER``). Updates are incremental: only spans that changed are
added, updated or removed; showing or hiding a layer reloads the spans in one bulk load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from annotator.core.model import Entity
from annotator.core.schema import Schema
from annotator.ui.editor.layers import STYLE_OTHER, STYLE_OTHER_AGREEING, SpanItem
from annotator.ui.editor.link_painter import LinkItem
from annotator.ui.editor.link_spans import link_items, span_items
from annotator.ui.editor.view import AnnotationView
from annotator.ui.session.session import DocumentSession

NO_COLOR = "#bbbbbb"


class EditorSync:
    """Draws a session in an annotation view."""

    def __init__(self, editor: AnnotationView, session: DocumentSession,
                 schema: Callable[[], Schema]) -> None:
        self.editor = editor
        self.session = session
        self.schema = schema
        self._colors: dict[str, str] | None = None
        self._link_spans: dict[str, SpanItem] = {}

    def entity_item(self, entity: Entity) -> SpanItem:
        """The span the editor shows for an entity."""
        if self._colors is None:  # read the schema once, not once per span
            self._colors = {n: t.color for n, t in self.schema().entity_types.items()}
        return SpanItem(entity.id, entity.start, entity.end, entity.label,
                        self._colors.get(entity.label, NO_COLOR))

    def show_document(self) -> None:
        """Show the session's document: text, entities, links, the shown other layers,
        nothing highlighted."""
        session = self.session
        self._link_spans = {i.id: i for i in span_items(session.links, session.suggestions,
                                                      session.model_suggestions,
                                                      session.trigger_suggestions)}
        self.editor.set_document(session.text, self._all_items())
        self.editor.set_links(self._link_items())
        self.editor.set_highlight(frozenset(), frozenset())

    def _all_items(self) -> list[SpanItem]:
        return ([self.entity_item(e) for e in self.session.entities.values()]
                + list(self._link_spans.values()) + self.other_items())

    def other_items(self) -> list[SpanItem]:
        """The spans of the other layers shown (read-only, in each annotator's colour); one
        your layer has too (same span and label) is drawn without its tag."""
        mine = {(e.start, e.end, e.label) for e in self.session.entities.values()}
        return [SpanItem(o.span_id, o.start, o.end, o.label, o.color,
                         STYLE_OTHER_AGREEING if (o.start, o.end, o.label) in mine
                         else STYLE_OTHER, o.annotator)
                for o in self.session.others.spans()]

    def show_other_layers(self) -> None:
        """Show the session's chosen other layers (after one was shown or hidden): every
        span is loaded again in bulk; the text stays laid out as it is."""
        self.editor.replace_spans(self._all_items())
        self.show_selection()

    def _link_items(self) -> list[LinkItem]:
        topics = {t.id: t.label for t in self.schema().topics.values()}
        return link_items(self.session.links, self.session.suggestions, topics)

    def show_entities(self, changed: Iterable[str], deleted: Iterable[str]) -> None:
        """Show committed entities of the session (inserted or updated ids) and remove
        deleted ones."""
        editor = self.editor
        touched: list[tuple[int, int]] = []
        for key in deleted:
            if editor.has_span(key):
                old = editor.span(key)
                touched.append((old.start, old.end))
                editor.remove_span(key)
        for key in changed:
            entity = self.session.entities.get(key)
            if entity is None:
                continue
            item = self.entity_item(entity)
            touched.append((item.start, item.end))
            if editor.has_span(key):
                old = editor.span(key)
                touched.append((old.start, old.end))
                editor.update_span(item)
            else:
                editor.add_span(item)
        if self.session.others.shown:
            self._restyle_others(touched)

    def _restyle_others(self, ranges: list[tuple[int, int]]) -> None:
        """Other layers' spans at ``ranges`` lose or get their tag as your layer now has (or
        no longer has) the same span and label."""
        for start, end in ranges:
            here = self.editor.spans_overlapping(start, end)
            mine = {(i.start, i.end, i.label) for i in here if not i.owner}
            for item in here:
                if item.owner and (item.start, item.end) == (start, end):
                    style = (STYLE_OTHER_AGREEING if (start, end, item.label) in mine
                             else STYLE_OTHER)
                    if style != item.style:
                        self.editor.update_span(replace(item, style=style))

    def show_links(self) -> None:
        """Bring the link spans and links in line with the session's links and
        suggestions."""
        session, editor = self.session, self.editor
        fresh = {i.id: i for i in span_items(session.links, session.suggestions,
                                                      session.model_suggestions,
                                                      session.trigger_suggestions)}
        for span_id in [i for i in self._link_spans if i not in fresh]:
            editor.remove_span(span_id)
        for span_id, item in fresh.items():
            old = self._link_spans.get(span_id)
            if old is None:
                editor.add_span(item)
            elif old != item:
                editor.update_span(item)
        self._link_spans = fresh
        editor.set_links(self._link_items())

    def show_selection(self) -> None:
        """Mark the selected span and emphasize what the selection connects."""
        span_id = self.session.selected_span()
        shown = span_id is not None and self.editor.has_span(span_id)
        self.editor.set_selected_span(span_id if shown else None)
        self.editor.set_highlight(*self.session.highlight())

    def recolor(self) -> None:
        """Recolour every entity span after a schema change."""
        self._colors = None
        for entity in self.session.entities.values():
            self.editor.update_span(self.entity_item(entity))
