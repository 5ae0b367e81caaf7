"""The workbench: one open project's document session, its actions, and the editor.

The Qt side of the session: it owns the :class:`DocumentSession` (what is open and
selected), the :class:`DocumentActions` (each user action one store action) and the
:class:`EditorSync` (the editor drawn from the session), and it follows the store:

* a user action goes widget -> action object -> one ``Project`` action (one transaction, one
  journal entry) -> the store's change event after COMMIT -> :meth:`_on_event` applies the
  committed rows the event carries to the session and the editor, and emits the Qt signals
  the panels follow. What the editor shows is what the store committed; nothing reads the
  journal back;
* documents: open one, restore the last one and its cursor, find the next unfinished one;
* undo/redo: the store's, switching to the document of the undone action and selecting what
  changed (from the event of the undo itself);
* other annotators' layers: which ones are shown (read-only, :meth:`set_layer_shown`), and
  the other span last pointed at (what Copy to My Layer copies); a click on one never
  selects it for editing.

Save state is a fact: ``saveStateChanged("saved")`` is emitted after an action returned,
i.e. after its transaction committed (the store publishes events only after COMMIT); a failed
action emits ``"failed"`` with the reason.
"""

from __future__ import annotations

import contextlib
from functools import partial

from annotator.core.lexicon import LexiconParts
from annotator.core.store import (
    AnnotationsChanged,
    ChangeEvent,
    DamagedRowError,
    Project,
    ProjectError,
    SchemaChanged,
    UndoStackChanged,
)
from annotator.core.text import Utf16Map
from annotator.ui.action_names import action_text
from annotator.ui.actions.base import Notify
from annotator.ui.actions.document_actions import DocumentActions
from annotator.ui.editor import AnnotationView
from annotator.ui.editor.sync import EditorSync
from annotator.ui.i18n import translate
from annotator.ui.qt import QObject, QtCore, Signal
from annotator.ui.session.lexicon import build_in_thread, needs_background, starting_lexicon
from annotator.ui.session.links import load_links
from annotator.ui.session.other_layers import is_other_span
from annotator.ui.session.session import DocumentSession

CURSOR_SAVE_DELAY_MS = 800
LEXICON_FALLBACK_MS = 2000
"""When the lexicon is built if the editor is not painted (a window never shown)."""


class Workbench(QObject):
    """Session, actions and editor of one open project (one document shown at a time)."""

    documentOpened = Signal(int)  # noqa: N815 - Qt signal naming
    annotationSelected = Signal(str)  # noqa: N815  ("" when none)
    annotationsChanged = Signal()  # noqa: N815  (the current document's entities changed)
    linksChanged = Signal()  # noqa: N815  (its quotes, events, stances, labels or suggestions)
    documentInfoChanged = Signal()  # noqa: N815  (status or counts of the current document)
    undoStateChanged = Signal(object)  # noqa: N815  (an UndoStackChanged)
    saveStateChanged = Signal(str, str)  # noqa: N815  (state, detail)
    message = Signal(str)
    schemaChanged = Signal()  # noqa: N815
    pickChanged = Signal(str)  # noqa: N815  (purpose, "" when pick mode ends)
    picked = Signal(str, str)  # (purpose, span id) for the stance form
    roleChoiceNeeded = Signal(str, list)  # noqa: N815  (entity id, roles to choose from)
    lexiconBuilt = Signal(object, str)  # noqa: N815  (LexiconParts or None, why not)
    layersChanged = Signal()  # noqa: N815  (the other layers available or shown changed)
    otherSpanFocused = Signal(str)  # noqa: N815  (another layer's span pointed at, or "")

    def __init__(self, project: Project, editor: AnnotationView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.editor = editor
        self.session = DocumentSession(editor.selection_codepoints)
        self.actions = DocumentActions(self.session, project,
                                       Notify(self.message.emit, self.saveStateChanged.emit))
        self.sync = EditorSync(editor, self.session, lambda: self.project.schema)
        self._utf16 = Utf16Map("")
        self._last_change: AnnotationsChanged | None = None
        self._detached = False
        self._lexicon_waiting = False
        self._cursor_timer = QtCore.QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_SAVE_DELAY_MS)
        self._cursor_timer.timeout.connect(self.save_cursor)
        session = self.session
        session.selection_changed.connect(self._on_selection)
        session.suggestions_changed.connect(self._on_suggestions)
        session.pick_changed.connect(self.pickChanged.emit)
        session.picked.connect(self.picked.emit)
        session.role_choice_needed.connect(self.roleChoiceNeeded.emit)
        session.cursor_requested.connect(lambda at: editor.set_selection_codepoints(at, at))
        session.scroll_requested.connect(editor.scroll_to_codepoint)
        project.events.subscribe(self._on_event)
        self.lexiconBuilt.connect(self._on_lexicon_built)
        editor.spanClicked.connect(self._on_span_clicked)
        editor.spanHovered.connect(self._on_span_hovered)
        editor.cursorPositionChanged.connect(self._cursor_timer.start)

    def detach(self) -> None:
        """Save the cursor and stop following the store (before the project closes)."""
        self._cursor_timer.stop()
        self.save_cursor()
        self._detached = True
        self.editor.cursorPositionChanged.disconnect(self._cursor_timer.start)
        self.project.events.unsubscribe(self._on_event)

    # -- documents ----------------------------------------------------------------------------

    def open_document(self, doc_id: int, cursor: int | None = None) -> None:
        """Show ``doc_id`` in the editor (cursor at code point ``cursor``, if given) and
        remember it as this annotator's last document."""
        if self.session.doc_id is not None and doc_id != self.session.doc_id:
            self._cursor_timer.stop()
            self.save_cursor()
        try:
            record = self.project.get_record(doc_id)
        except DamagedRowError as error:  # a damaged file: say so, keep what is shown
            self.message.emit(translate(
                "Workbench", "Cannot show document {doc_id}: {message} (run annotator"
                " validate)").format(doc_id=doc_id, message=error.message))
            return
        damaged = self.project.document_damage(doc_id)
        self.session.open(doc_id, record, load_links(self.project, doc_id))
        self.session.others.open(self.project, doc_id)
        self._utf16 = Utf16Map(record.text)
        self.sync.show_document()
        self.layersChanged.emit()
        self.otherSpanFocused.emit("")
        self.linksChanged.emit()
        if cursor is not None and 0 <= cursor <= len(record.text):
            self.editor.set_selection_codepoints(cursor, cursor)
        self.project.set_state("last_document", doc_id)
        self.annotationSelected.emit("")
        self.documentOpened.emit(doc_id)
        if damaged:
            self.message.emit(translate(
                "Workbench", "Document {doc_id} has {count} damaged row(s), not shown: {message}"
                " (run annotator validate)").format(
                    doc_id=doc_id, count=len(damaged), message=damaged[0].message))
        # The snapping lexicon reads the project's names and words: build it once the
        # document is painted, so neither the first paint nor the first label waits for it.
        self._lexicon_after_paint()

    def _lexicon_after_paint(self) -> None:
        """Build the lexicon in the event-loop pass after the editor's next paint (a
        0 ms timer alone ran before the window's first paint); a hidden editor gets it
        after ``LEXICON_FALLBACK_MS``."""
        if self._lexicon_waiting or self.session.lexicon is not None:
            return
        self._lexicon_waiting = True
        self.editor.viewport().installEventFilter(self)
        QtCore.QTimer.singleShot(LEXICON_FALLBACK_MS, self, self._lexicon_now)

    def _lexicon_now(self) -> None:
        if self._lexicon_waiting:
            self._lexicon_waiting = False
            self.editor.viewport().removeEventFilter(self)
            self._ensure_lexicon()

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """The editor's first paint after a document opened schedules the lexicon."""
        if event.type() == QtCore.QEvent.Type.Paint and self._lexicon_waiting:
            QtCore.QTimer.singleShot(0, self, self._lexicon_now)
        return False

    def _ensure_lexicon(self) -> None:
        """A small project's lexicon is read at once; a large one starts from the shipped
        names and the gazetteer while a thread reads every annotated name on a read-only
        connection of its own (the window never waits for it)."""
        session = self.session
        if self._detached or session.lexicon is not None or session.doc_id is None:
            return
        if not needs_background(self.project):
            self.actions.entity.ensure_lexicon()
            return
        session.use_lexicon(starting_lexicon(self.project))
        build_in_thread(self.project.path, self.lexiconBuilt.emit)

    def _on_lexicon_built(self, parts: LexiconParts | None, why: str) -> None:
        """The full lexicon arrived from its thread (queued to the GUI thread)."""
        current = self.session.lexicon
        if self._detached or current is None or current.complete:
            return
        if parts is None:
            self.message.emit(translate(
                "Workbench", "Only the shipped names help snapping: {why}").format(why=why))
            return
        self.session.use_lexicon(current.merged(parts))

    def restore_last_document(self) -> int | None:
        """Open the document (and cursor) this annotator had open last; else the first
        document; None for an empty project."""
        last = self.project.get_state("last_document")
        if isinstance(last, int):
            with contextlib.suppress(ProjectError):  # gone (never deleted today, but be safe)
                self.open_document(last, self.saved_cursor(last))
            if self.session.doc_id == last:  # else it is gone or damaged: show the first one
                return last
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
        text = self.session.text
        try:
            return self._utf16.to_codepoint(min(position, self._utf16.to_utf16(len(text))))
        except ValueError:
            return 0

    def save_cursor(self) -> None:
        """Store the cursor position of the current document (per annotator, per document)."""
        doc_id = self.session.doc_id
        if doc_id is None or self._detached:
            return
        cursors = self.project.get_state("cursor", {})
        if not isinstance(cursors, dict):
            cursors = {}
        position = self.cursor_codepoint()
        if cursors.get(str(doc_id)) != position:
            cursors[str(doc_id)] = position
            # Housekeeping: a file that can no longer be written (gone, damaged) keeps the
            # old cursor; the banner already says why nothing is saved.
            with contextlib.suppress(ProjectError):
                self.project.set_state("cursor", cursors)

    def neighbour_unfinished(self, forward: bool = True) -> int | None:
        """The next (or previous) document still to do or in progress, wrapping around;
        None when every other document is done or skipped."""
        here = self.session.doc_id
        ids = sorted(set(self.project.document_ids("todo"))
                     | set(self.project.document_ids("in-progress")))
        ids = [i for i in ids if i != here]
        if not ids:
            return None
        start = here or 0
        if forward:
            later = [i for i in ids if i > start]
            return later[0] if later else ids[0]
        earlier = [i for i in ids if i < start]
        return earlier[-1] if earlier else ids[-1]

    # -- selection ----------------------------------------------------------------------------

    def select_annotation(self, span_id: str | None) -> None:
        """Select what a click on ``span_id`` means (see :meth:`DocumentSession.select`);
        the editor, the inspector and the links panel follow."""
        self.session.select(span_id)

    def _on_selection(self, selected: str | None) -> None:
        self.sync.show_selection()
        self.annotationSelected.emit(selected or "")

    def _on_span_clicked(self, span_id: str) -> None:
        """A click on a span completes a pending pick, or selects the span's annotation;
        another annotator's span is only pointed at (it is never yours to edit)."""
        if is_other_span(span_id):
            self._focus_other(span_id, clicked=True)
            return
        if self.session.picking:
            self.actions.pick.complete(span_id)
        else:
            self.session.select(span_id)

    def _on_span_hovered(self, span_id: str) -> None:
        if is_other_span(span_id):
            self._focus_other(span_id, clicked=False)

    def _focus_other(self, span_id: str, *, clicked: bool) -> None:
        found = self.session.others.entity(span_id)
        if found is None:
            return
        self.session.others.focused = span_id
        self.otherSpanFocused.emit(span_id)
        if clicked:
            owner, entity = found
            self.message.emit(translate(
                "Workbench", "{owner}'s {label} span (read-only): Copy to My Layer (Ctrl+Shift+Y)"
                " adds it to yours.").format(owner=owner, label=entity.label))

    def set_layer_shown(self, name: str, on: bool) -> None:
        """Show (or hide) ``name``'s layer of the open document, read-only."""
        others = self.session.others
        if (name in others.wanted) == on:
            return
        try:
            others.set_shown(self.project, name, on)
        except ProjectError as error:
            self.message.emit(translate(
                "Workbench", "Cannot show {name}'s layer: {error}").format(name=name, error=error))
            return
        self.sync.show_other_layers()
        self.layersChanged.emit()
        self.linksChanged.emit()

    def reveal(self, annotation_id: str) -> None:
        """Select an annotation (entity or link) and scroll the editor to it."""
        self.session.select(annotation_id)
        if self.session.selected is None:
            return
        start = self.session.start_of(self.session.selected)
        if start is not None:
            self.editor.scroll_to_codepoint(start)

    # -- undo and redo ------------------------------------------------------------------------

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
            self.message.emit(translate("Workbench", "Nothing to redo.") if redo
                              else translate("Workbench", "Nothing to undo."))
            return False
        change = self._last_change
        target = info.doc_id if info.doc_id is not None else (
            change.doc_id if change is not None else None)
        if target is not None and target != self.session.doc_id:
            self.open_document(target)
        if change is not None and change.doc_id == self.session.doc_id:
            touched = [str(i) for i in (*change.inserted, *change.updated)]
            shown = [i for i in touched if i in self.session.entities]
            if shown:
                entity = self.session.entities[shown[0]]
                self.session.select(entity.id)
                self.editor.scroll_to_codepoint(entity.start)
            else:
                self.session.select(None)
        self.message.emit((translate("Workbench", "Redid: {action}") if redo
                           else translate("Workbench", "Undid: {action}"))
                          .format(action=action_text(info.name)))
        return True

    # -- store events -------------------------------------------------------------------------

    def _on_event(self, event: ChangeEvent) -> None:
        if isinstance(event, AnnotationsChanged) and event.table == "entities":
            self._last_change = event
        followed = self.session.follow(event, partial(load_links, self.project))
        if followed is not None and followed.what in ("entities", "links"):
            self._collapse_text_selection()
        if followed is not None and followed.what == "entities":
            self.sync.show_entities(followed.changed, followed.deleted)
            self.session.refresh_selection()
            self.annotationsChanged.emit()
            self.documentInfoChanged.emit()
        elif followed is not None and followed.what == "links":
            self._on_suggestions()
            self.documentInfoChanged.emit()
        elif followed is not None:
            self.documentInfoChanged.emit()
        elif isinstance(event, UndoStackChanged):
            self.undoStateChanged.emit(event)
        elif isinstance(event, SchemaChanged):
            self.schemaChanged.emit()

    def _collapse_text_selection(self) -> None:
        """After a stored change the selected words are done with: the text selection
        collapses to its end (the caret stays), so the new span's colour shows instead of
        the selection highlight."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.editor.setTextCursor(cursor)

    def _on_suggestions(self) -> None:
        self.sync.show_links()
        self.session.refresh_selection()
        self.linksChanged.emit()

    def relabel_colors(self) -> None:
        """Recolour every span after a schema change."""
        self.sync.recolor()
