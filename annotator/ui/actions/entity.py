"""Entity actions: label the text selection, relabel, delete, move an edge, set an
attribute or a note, and set the document's status.

A new entity's span is the text selection snapped to a name without proclitics
(docs/ARABIC.md, Proclitics) or, in character mode, only settled on grapheme boundaries and
trimmed (docs/ARABIC.md, Span edges). Edges move by a grapheme cluster or a word and never
rest on whitespace, a joiner or a bidi mark (:func:`~annotator.ui.session.edges.moved_span`).
"""

from __future__ import annotations

from annotator.core.model import Entity
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate
from annotator.ui.session.edges import Edge, Unit, moved_span
from annotator.ui.session.lexicon import full_lexicon


class EntityActions(SessionActions):
    """Adding and editing the entities of the open document."""

    def ensure_lexicon(self) -> None:
        """Build the snapping lexicon (every annotated name of the project, the shipped
        names, the gazetteer; the open document's words) if there is none yet."""
        if self.session.lexicon is None and self.session.doc_id is not None:
            self.session.use_lexicon(full_lexicon(self.project))

    def label(self, label: str) -> bool:
        """Label the text selection (snapped) with ``label``; without a selection, relabel
        the selected annotation. Returns whether something changed."""
        selection = self.session.text_selection()
        if selection is not None and self.session.doc_id is not None:
            return self.add(label, *selection)
        if self.session.selected is not None:
            return self.relabel(label)
        return self.refuse(translate("Entity", "Select some text or an annotation first."))

    def add(self, label: str, start: int, end: int) -> bool:
        """Store an entity of ``label`` over the selection ``[start, end)`` (snapped) and
        select it; the text cursor goes to its end."""
        session, doc_id = self.session, self.session.doc_id
        if doc_id is None:
            return False
        if not session.character_mode:
            self.ensure_lexicon()
        span = session.entity_span(start, end)
        if span is None:
            return self.refuse(translate("Entity", "The selection holds no text to annotate."))
        new_id = self.run(lambda: self.project.add_entity(doc_id, span[0], span[1], label))
        if new_id is None:
            return False
        session.cursor_requested.emit(span[1])
        session.select(str(new_id))
        return True

    def _selected(self) -> Entity | None:
        return self.session.selected_entity()

    def relabel(self, label: str) -> bool:
        """Give the selected entity ``label``."""
        entity = self._selected()
        if entity is None:
            return self.refuse(translate("Entity",
                                         "Only an entity takes a label: select text to add one, or "
                               "click an entity to relabel it."))
        if entity.label == label:
            return False
        return self.run(lambda: self.project.relabel_entity(int(entity.id), label)) is not None

    def delete(self) -> bool:
        """Delete the selected entity."""
        entity = self._selected()
        if entity is None:
            return False
        return self.run(lambda: self.project.delete_entity(int(entity.id))) is not None

    def move_edge(self, edge: Edge, direction: int, unit: Unit = "grapheme") -> bool:
        """Move an edge of the selected entity one grapheme or word; ``direction`` +1 is
        towards the reading end of the text, -1 towards the reading start."""
        entity = self._selected()
        if entity is None:
            return False
        span = moved_span(self.session.text, entity.start, entity.end, edge, direction, unit)
        if span is None:
            return self.refuse(translate("Entity", "That edge cannot move further."))
        return self.run(lambda: self.project.resize_entity(int(entity.id), *span)) is not None

    def set_attribute(self, name: str, value: str | None) -> bool:
        """Set (or, with None, remove) one attribute of the selected entity."""
        entity = self._selected()
        if entity is None:
            return False
        attrs = dict(entity.attrs)
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
        if attrs == entity.attrs:
            return False
        return self.run(lambda: self.project.set_entity_attrs(int(entity.id), attrs)) \
            is not None

    def set_note(self, note: str) -> bool:
        """Set the note of the selected entity (blank clears it)."""
        entity = self._selected()
        if entity is None or (note.strip() or None) == entity.note:
            return False
        return self.run(lambda: self.project.set_note("entities", int(entity.id), note)) \
            is not None

    def set_status(self, status: str) -> bool:
        """Set the open document's status."""
        doc_id = self.session.doc_id
        if doc_id is None or status == self.session.status:
            return False
        return self.run(lambda: self.project.set_status(doc_id, status)) is not None
