"""The controller between the editor widget and the :class:`Project`.

The editor only shows text and spans and reports selections and clicks; the store holds the
truth. This class turns user intentions into store actions (each one transaction and one
journal entry) and turns the store's change events back into editor updates:

* labelling: the selection is snapped to a name without proclitics (or, in character mode,
  only settled on grapheme boundaries and trimmed), then ``add_entity``;
* relabel, delete, resize (an edge by a grapheme or a word), attributes, note, status;
* undo/redo, switching to the document of the undone action and selecting what changed;
* the editor is updated from ``AnnotationsChanged`` events only, never directly by the
  action code, so what the editor shows is what the store committed.

Save state is a fact: ``saveStateChanged("saved")`` is emitted after an action returned,
i.e. after its transaction committed (the store publishes events only after COMMIT);
a failed action emits ``"failed"`` with the reason.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.model import Entity
from annotator.core.store import (
    AnnotationsChanged,
    ChangeEvent,
    DocumentChanged,
    Project,
    ProjectError,
    SchemaChanged,
    UndoStackChanged,
)
from annotator.core.text import Utf16Map
from annotator.ui.actions.links import LinkController
from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.qt import QObject, QtCore, Signal
from annotator.ui.session.edges import Edge, Unit, labelled_span, moved_span
from annotator.ui.session.lexicon import ProjectLexicon
from annotator.ui.session.links import owner_of

UNFINISHED = ("todo", "in-progress")
CURSOR_SAVE_DELAY_MS = 800


class Workbench(QObject):
    """Editor <-> store glue for one open project (one document shown at a time)."""

    documentOpened = Signal(int)  # noqa: N815 - Qt signal naming
    annotationSelected = Signal(str)  # noqa: N815  ("" when none)
    annotationsChanged = Signal()  # noqa: N815  (the current document's entities changed)
    documentInfoChanged = Signal()  # noqa: N815  (status or counts of the current document)
    undoStateChanged = Signal(object)  # noqa: N815  (an UndoStackChanged)
    saveStateChanged = Signal(str, str)  # noqa: N815  (state, detail)
    message = Signal(str)
    schemaChanged = Signal()  # noqa: N815

    def __init__(self, project: Project, editor: AnnotationView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.editor = editor
        self.doc_id: int | None = None
        self.text = ""
        self.status = ""
        self.title = ""
        self.entities: dict[str, Entity] = {}
        self.selected: str | None = None
        self.character_mode = False
        self._utf16 = Utf16Map("")
        self._lexicon: ProjectLexicon | None = None
        self._colors: dict[str, str] | None = None
        self._last_change: AnnotationsChanged | None = None
        self._detached = False
        self._cursor_timer = QtCore.QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_SAVE_DELAY_MS)
        self._cursor_timer.timeout.connect(self.save_cursor)
        project.events.subscribe(self._on_event)
        self.links = LinkController(self)
        """Quotes, events, stances, suggestions and document labels (see its module)."""
        editor.spanClicked.connect(self._on_span_clicked)
        editor.cursorPositionChanged.connect(self._cursor_timer.start)

    def detach(self) -> None:
        """Save the cursor and stop following the store (before the project closes)."""
        self._cursor_timer.stop()
        self.save_cursor()
        self._detached = True
        self.editor.cursorPositionChanged.disconnect(self._cursor_timer.start)
        self.project.events.unsubscribe(self._on_event)
        self.links.detach()

    # -- documents ----------------------------------------------------------------------------

    def open_document(self, doc_id: int, cursor: int | None = None) -> None:
        """Show ``doc_id`` in the editor (cursor at code point ``cursor``, if given) and
        remember it as this annotator's last document."""
        if self.doc_id is not None and doc_id != self.doc_id:
            self._cursor_timer.stop()
            self.save_cursor()
        record = self.project.get_record(doc_id)
        self.doc_id = doc_id
        self.text = record.text
        self.status = record.status
        self.title = record.title or record.id or f"Document {doc_id}"
        self._utf16 = Utf16Map(record.text)
        self.entities = {e.id: e for e in record.entities}
        self.selected = None
        link_spans = self.links.load(doc_id)
        self.editor.set_document(record.text,
                                 [self._item(e) for e in record.entities] + link_spans)
        self.links.after_open()
        if self._lexicon is not None:
            self._lexicon.learn_document(doc_id, record.text, record.entities)
        if cursor is not None and 0 <= cursor <= len(record.text):
            self.editor.set_selection_codepoints(cursor, cursor)
        self.project.set_state("last_document", doc_id)
        self.annotationSelected.emit("")
        self.documentOpened.emit(doc_id)
        # The snapping lexicon reads the project's names and words: build it once the
        # document is painted, so neither the first paint nor the first label waits for it.
        QtCore.QTimer.singleShot(0, self._ensure_lexicon)

    def _ensure_lexicon(self) -> None:
        if self._lexicon is None and self.doc_id is not None and not self._detached:
            self._lexicon = ProjectLexicon(self.project)
            self._lexicon.learn_document(self.doc_id, self.text, self.entities.values())

    def restore_last_document(self) -> int | None:
        """Open the document (and cursor) this annotator had open last; else the first
        document; None for an empty project."""
        last = self.project.get_state("last_document")
        if isinstance(last, int):
            try:
                self.open_document(last, self.saved_cursor(last))
                return last
            except ProjectError:
                pass  # the document is gone (never deleted today, but be safe)
        first = self.project.list_documents(0, 1)
        if not first:
            return None
        self.open_document(first[0].doc_id, self.saved_cursor(first[0].doc_id))
        return first[0].doc_id

    def saved_cursor(self, doc_id: int) -> int | None:
        """The cursor position stored for ``doc_id`` by this annotator, if any."""
        cursors = self.project.get_state("cursor", {})
        position = cursors.get(str(doc_id)) if isinstance(cursors, dict) else None
        return position if isinstance(position, int) else None

    def cursor_codepoint(self) -> int:
        """The text cursor's position in code points of the stored text."""
        position = self.editor.textCursor().position()
        try:
            return self._utf16.to_codepoint(min(position, self._utf16.to_utf16(len(self.text))))
        except ValueError:
            return 0

    def save_cursor(self) -> None:
        """Store the cursor position of the current document (per annotator, per document)."""
        if self.doc_id is None or self._detached:
            return
        cursors = self.project.get_state("cursor", {})
        if not isinstance(cursors, dict):
            cursors = {}
        position = self.cursor_codepoint()
        if cursors.get(str(self.doc_id)) != position:
            cursors[str(self.doc_id)] = position
            self.project.set_state("cursor", cursors)

    def neighbour_unfinished(self, forward: bool = True) -> int | None:
        """The next (or previous) document still to do or in progress, wrapping around;
        None when every other document is done or skipped."""
        ids = sorted(set(self.project.document_ids("todo"))
                     | set(self.project.document_ids("in-progress")))
        ids = [i for i in ids if i != self.doc_id]
        if not ids:
            return None
        here = self.doc_id or 0
        if forward:
            later = [i for i in ids if i > here]
            return later[0] if later else ids[0]
        earlier = [i for i in ids if i < here]
        return earlier[-1] if earlier else ids[-1]

    # -- selection ----------------------------------------------------------------------------

    def select_annotation(self, entity_id: str | None) -> None:
        """Make ``entity_id`` the selected annotation (None: none); the inspector follows.

        Besides an entity id this may be a quote, event, stance or suggestion (``q12``,
        ``v3``, ``s4``, ``g0``) or one of their spans (a cue ``k12`` selects its quote, and
        makes the cue the part its edge keys move); what the selection connects is
        highlighted."""
        self.links.note_selected_span(entity_id)
        if entity_id is not None and entity_id not in self.entities:
            owner = owner_of(entity_id)
            entity_id = owner if owner is not None and self.links.exists(owner) else None
        self.selected = entity_id
        span_id = self.links.selected_span(entity_id)
        shown = span_id is not None and self.editor.has_span(span_id)
        self.editor.set_selected_span(span_id if shown else None)
        self.links.highlight(entity_id)
        self.annotationSelected.emit(entity_id or "")

    def _on_span_clicked(self, span_id: str) -> None:
        """A click on a span completes a pending pick, or selects the span's annotation."""
        if self.links.picking:
            self.links.complete_pick(span_id)
        else:
            self.select_annotation(span_id)

    def reveal(self, annotation_id: str) -> None:
        """Select an annotation (entity or link) and scroll the editor to it."""
        self.select_annotation(annotation_id)
        if self.selected is None:
            return
        entity = self.entities.get(self.selected)
        start = entity.start if entity is not None else self.links.start_of(self.selected)
        if start is not None:
            self.editor.scroll_to_codepoint(start)

    def selected_entity(self) -> Entity | None:
        """The selected annotation, if any."""
        return self.entities.get(self.selected) if self.selected is not None else None

    # -- actions ------------------------------------------------------------------------------

    def label(self, label: str) -> bool:
        """Label the editor's selection (snapped) with ``label``; without a selection,
        relabel the selected annotation. Returns whether something changed."""
        selection = self.editor.selection_codepoints()
        if selection is not None and self.doc_id is not None:
            return self._add(label, *selection)
        if self.selected is not None:
            return self.relabel(label)
        self.message.emit("Select some text or an annotation first.")
        return False

    def _add(self, label: str, start: int, end: int) -> bool:
        assert self.doc_id is not None
        if not self.character_mode:
            self._ensure_lexicon()
        span = labelled_span(self.text, start, end, character_mode=self.character_mode,
                             lexicon=self._lexicon.lexicon if self._lexicon else None)
        if span is None:
            self.message.emit("The selection holds no text to annotate.")
            return False
        doc_id = self.doc_id
        new_id = self._run(lambda: self.project.add_entity(doc_id, span[0], span[1], label))
        if new_id is None:
            return False
        if self._lexicon is not None:
            self._lexicon.learn_name(self.text[span[0]:span[1]])
        self.editor.set_selection_codepoints(span[1], span[1])
        self.select_annotation(str(new_id))
        return True

    def relabel(self, label: str) -> bool:
        """Give the selected annotation ``label``."""
        entity = self.selected_entity()
        if entity is None:
            self.message.emit("Only an entity takes a label: select text to add one, or click "
                              "an entity to relabel it.")
            return False
        if entity.label == label:
            return False
        return self._run(lambda: self.project.relabel_entity(int(entity.id), label)) is not None

    def delete_selected(self) -> bool:
        """Delete the selected annotation (a selected suggestion is rejected)."""
        if self.selected is not None and self.selected not in self.entities:
            return self.links.delete(self.selected)
        entity = self.selected_entity()
        if entity is None:
            return False
        return self._run(lambda: self.project.delete_entity(int(entity.id))) is not None

    def move_edge(self, edge: Edge, direction: int, unit: Unit = "grapheme") -> bool:
        """Move an edge of the selected annotation one grapheme or word; ``direction`` +1
        is towards the reading end of the text, -1 towards the reading start. On a selected
        quote this moves an edge of its words or of its cue (see ``links.quote_part``)."""
        if self.links.selected_kind("q") is not None:
            return self.links.move_quote_edge(edge, direction, unit)
        entity = self.selected_entity()
        if entity is None:
            return False
        span = moved_span(self.text, entity.start, entity.end, edge, direction, unit)
        if span is None:
            self.message.emit("That edge cannot move further.")
            return False
        return self._run(lambda: self.project.resize_entity(int(entity.id), *span)) is not None

    def set_attribute(self, name: str, value: str | None) -> bool:
        """Set (or, with None, remove) one attribute of the selected annotation."""
        entity = self.selected_entity()
        if entity is None:
            return False
        attrs = dict(entity.attrs)
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
        if attrs == entity.attrs:
            return False
        return self._run(lambda: self.project.set_entity_attrs(int(entity.id), attrs)) \
            is not None

    def set_note(self, note: str) -> bool:
        """Set the note of the selected annotation (blank clears it)."""
        entity = self.selected_entity()
        if entity is None or (note.strip() or None) == entity.note:
            return False
        return self._run(lambda: self.project.set_note("entities", int(entity.id), note)) \
            is not None

    def set_status(self, status: str) -> bool:
        """Set the current document's status."""
        doc_id = self.doc_id
        if doc_id is None or status == self.status:
            return False
        return self._run(lambda: self.project.set_status(doc_id, status)) is not None

    def undo(self) -> bool:
        """Undo this annotator's latest action, showing its document."""
        return self._undo_redo(redo=False)

    def redo(self) -> bool:
        """Redo the latest undone action, showing its document."""
        return self._undo_redo(redo=True)

    def _undo_redo(self, *, redo: bool) -> bool:
        self._last_change = None
        self.saveStateChanged.emit("saving", "")
        try:
            info = self.project.redo() if redo else self.project.undo()
        except ProjectError as error:  # e.g. someone else changed the row since
            self.saveStateChanged.emit("failed", str(error))
            self.message.emit(str(error))
            return False
        self.saveStateChanged.emit("saved", "")
        if info is None:
            self.message.emit(f"Nothing to {'redo' if redo else 'undo'}.")
            return False
        change = self._last_change
        target = info.doc_id if info.doc_id is not None else (
            change.doc_id if change is not None else None)
        if target is not None and target != self.doc_id:
            self.open_document(target)
        if change is not None and change.doc_id == self.doc_id:
            touched = [str(i) for i in (*change.inserted, *change.updated)]
            shown = [i for i in touched if i in self.entities]
            if shown:
                entity = self.entities[shown[0]]
                self.select_annotation(entity.id)
                self.editor.scroll_to_codepoint(entity.start)
            else:
                self.select_annotation(None)
        self.message.emit(f"{'Redid' if redo else 'Undid'}: {info.name}")
        return True

    def run(self, action: Any) -> Any:
        """Run a store action (see :meth:`_run`): for the link controller."""
        return self._run(action)

    def _run(self, action: Any) -> Any:
        """Run a store action; report the save state. Returns the action's result (True for
        actions returning None) or None when it failed."""
        self.saveStateChanged.emit("saving", "")
        try:
            result = action()
        except (ValueError, ProjectError) as error:
            self.saveStateChanged.emit("failed", str(error))
            self.message.emit(str(error))
            return None
        self.saveStateChanged.emit("saved", "")
        return True if result is None else result

    # -- store events -------------------------------------------------------------------------

    def _on_event(self, event: ChangeEvent) -> None:
        if isinstance(event, AnnotationsChanged):
            if event.table == "entities":
                self._last_change = event
                if event.doc_id == self.doc_id:
                    self._apply_entity_change(event)
        elif isinstance(event, DocumentChanged):
            if event.doc_id == self.doc_id and "status" in event.fields:
                self.status = self.project.get_record(event.doc_id).status
                self.documentInfoChanged.emit()
        elif isinstance(event, UndoStackChanged):
            self.undoStateChanged.emit(event)
        elif isinstance(event, SchemaChanged):
            self.schemaChanged.emit()

    def _apply_entity_change(self, event: AnnotationsChanged) -> None:
        """Bring the editor in line with committed entity rows of the current document."""
        assert self.doc_id is not None
        fresh = self._changed_entities(event)
        for row_id in event.deleted:
            key = str(row_id)
            if key in self.entities:
                del self.entities[key]
                self.editor.remove_span(key)
        for row_id in event.inserted:
            key = str(row_id)
            if key in fresh:
                self.entities[key] = fresh[key]
                self.editor.add_span(self._item(fresh[key]))
        for row_id in event.updated:
            key = str(row_id)
            if key in fresh:
                self.entities[key] = fresh[key]
                self.editor.update_span(self._item(fresh[key]))
        if self.selected is not None and self.selected not in self.entities:
            self.select_annotation(None)
        elif self.selected is not None:
            self.annotationSelected.emit(self.selected)
        self.annotationsChanged.emit()
        self.documentInfoChanged.emit()

    def _changed_entities(self, event: AnnotationsChanged) -> dict[str, Entity]:
        """The committed rows of the entities an event inserted or updated.

        Read from the newest journal entry of the document (the action just committed: a
        few rows), not by re-reading the whole document, which takes ~100 ms with 20,000
        entities. Falls back to the whole record when the entry does not hold every row
        (another process wrote in between).
        """
        wanted = {str(i) for i in (*event.inserted, *event.updated)}
        if not wanted:
            return {}
        found: dict[str, Entity] = {}
        for entry in self.project.history(limit=1, doc_id=event.doc_id):
            for change in entry.changes:
                row = change.get("after")
                if change.get("table") == "entities" and isinstance(row, dict) \
                        and str(row.get("id")) in wanted:
                    found[str(row["id"])] = _entity_from_row(row)
        if set(found) == wanted:
            return found
        return {e.id: e for e in self.project.get_record(event.doc_id).entities}

    def _item(self, entity: Entity) -> SpanItem:
        if self._colors is None:  # read the schema once, not once per span
            self._colors = {n: t.color for n, t in self.project.schema.entity_types.items()}
        color = self._colors.get(entity.label, "#bbbbbb")
        return SpanItem(entity.id, entity.start, entity.end, entity.label, color)

    def relabel_colors(self) -> None:
        """Recolour every span after a schema change."""
        self._colors = None
        for entity in self.entities.values():
            self.editor.update_span(self._item(entity))


def _entity_from_row(row: dict[str, Any]) -> Entity:
    """An :class:`Entity` from a journaled ``entities`` row (``attrs`` is JSON text)."""
    attrs = row.get("attrs")
    decoded = json.loads(attrs) if isinstance(attrs, str) and attrs else {}
    return Entity(id=str(row["id"]), start=int(row["start"]), end=int(row["end"]),
                  label=str(row["label"]), attrs=decoded if isinstance(decoded, dict) else {},
                  note=row.get("note"), schema_version=row.get("schema_version"))
