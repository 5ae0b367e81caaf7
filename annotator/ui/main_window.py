"""The workbench window: navigator, editor, inspector, label palette, status bar, menus.

Layout uses leading/trailing, never left/right: the navigator docks on the leading side and
the inspector and palette on the trailing side, so a right-to-left layout direction mirrors
the whole window (Qt swaps the dock areas). The editor itself always shows the document right
to left.

Keyboard: label keys (schema hotkeys) act only while the editor has the focus: with a text
selection they label it, on a selected annotation they relabel it. Escape drops the selected
annotation. Everything else is a menu action (see :mod:`.actions`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from annotator.core.model import AUTHOR
from annotator.core.store import (
    ChangeEvent,
    DocumentChanged,
    DocumentsAdded,
    Project,
    UndoStackChanged,
)
from annotator.ui.actions import WorkbenchActions
from annotator.ui.document_model import STATUS_NAMES
from annotator.ui.document_panel import DocumentPanel
from annotator.ui.edges import Edge, Unit
from annotator.ui.editor import AnnotationView
from annotator.ui.event_picker import EventTypePicker
from annotator.ui.find_bar import FindBar
from annotator.ui.hotkeys import hotkey_table, label_for_key
from annotator.ui.inspector import InspectorPanel
from annotator.ui.links_panel import LinksPanel
from annotator.ui.navigator import STATUS_COLORS, NavigatorPanel
from annotator.ui.palette import LabelPalette
from annotator.ui.preferences import (
    PreferencesDialog,
    apply_text_preferences,
    apply_theme,
)
from annotator.ui.qt import (
    QLabel,
    QMainWindow,
    Qt,
    QtCore,
    QtGui,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from annotator.ui.settings import Preferences, load_preferences, save_preferences
from annotator.ui.workbench import Workbench

SAVE_TEXT = {"saving": "Saving…", "saved": "Saved", "failed": "Not saved"}


class DocumentHeader(QWidget):
    """The current document's title and a status chip, above the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_chip = QLabel(self)
        self.status_chip.setObjectName("statusChip")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 6)
        layout.addWidget(self.title_label, 1)
        layout.addWidget(self.status_chip)

    def show_document(self, title: str, status: str) -> None:
        """Show ``title`` and the status chip (coloured like the navigator's dots)."""
        self.title_label.setText(title)
        color = STATUS_COLORS.get(status, "#9aa4b2")
        self.status_chip.setText(STATUS_NAMES.get(status, status))
        self.status_chip.setStyleSheet(
            f"QLabel#statusChip {{ color: white; background: {color}; border-radius: 8px;"
            " padding: 2px 10px; font-weight: 600; }")


class MainWindow(QMainWindow):
    """One open project. ``closed`` is emitted after the project was closed."""

    closed = Signal()

    def __init__(self, project: Project, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.project = project
        self.prefs = prefs or load_preferences()
        self.setWindowTitle(f"{Path(project.path).name} — annotator")
        self.editor = AnnotationView(self)
        self.editor.setObjectName("editor")
        self.workbench = Workbench(project, self.editor, self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.header = DocumentHeader(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.header)
        central_layout.addWidget(self.find_bar)
        central_layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        self.navigator = NavigatorPanel(project, self)
        self.inspector = InspectorPanel(self.workbench, self)
        self.label_palette = LabelPalette(project.schema, self)
        self.links_panel = LinksPanel(self.workbench, self)
        self.document_panel = DocumentPanel(self.workbench, self)
        self.event_picker: EventTypePicker | None = None
        self.role_menu: QtWidgets.QMenu | None = None
        self.docks = {
            "navigator": self._dock("Documents", self.navigator),
            "inspector": self._dock("Annotation", self.inspector),
            "palette": self._dock("Labels", self.label_palette),
            "links": self._dock("Links", self.links_panel),
            "document": self._dock("Document", self.document_panel),
        }
        self._place_docks()
        self.menu_actions = WorkbenchActions(self)
        self._hotkeys = hotkey_table({n: t.hotkey for n, t in project.schema.entity_types.items()})
        self._build_status_bar()
        self._connect()
        self._connect_links()
        project.events.subscribe(self._on_store_event)
        apply_theme(self.prefs.theme)
        apply_text_preferences(self.editor, self.prefs)
        self.editor.installEventFilter(self)
        self.resize(1280, 800)
        self._update_undo(project.undo_state())
        self._update_selection_actions("")
        self._update_project_progress()
        self._closed = False
        doc_id = self.workbench.restore_last_document()
        if doc_id is not None:
            self.navigator.select_document(doc_id)
        self.editor.setFocus()

    # -- construction -------------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"dock{title}")
        dock.setWidget(widget)
        dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        return dock

    def leading_area(self) -> Qt.DockWidgetArea:
        """The dock area on the side where reading starts (left, or right when the layout
        is right to left): QMainWindow does not mirror dock areas by itself."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return Qt.DockWidgetArea.RightDockWidgetArea
        return Qt.DockWidgetArea.LeftDockWidgetArea

    def trailing_area(self) -> Qt.DockWidgetArea:
        """The dock area opposite :meth:`leading_area`."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return Qt.DockWidgetArea.LeftDockWidgetArea
        return Qt.DockWidgetArea.RightDockWidgetArea

    def _place_docks(self) -> None:
        """Navigator on the leading side, inspector above the palette on the trailing side."""
        leading, trailing = self.leading_area(), self.trailing_area()
        self.addDockWidget(leading, self.docks["navigator"])
        self.addDockWidget(trailing, self.docks["inspector"])
        self.addDockWidget(trailing, self.docks["palette"])
        self.addDockWidget(leading, self.docks["links"])
        self.addDockWidget(trailing, self.docks["document"])
        self.tabifyDockWidget(self.docks["inspector"], self.docks["document"])
        self.docks["inspector"].raise_()
        self.resizeDocks([self.docks["navigator"], self.docks["inspector"]], [300, 290],
                         Qt.Orientation.Horizontal)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 - Qt override
        """Re-dock on the mirrored sides when the layout direction changes."""
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.LayoutDirectionChange and hasattr(self, "docks"):
            self._place_docks()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.cursor_label = QLabel(self)
        self.document_label = QLabel(self)
        self.project_label = QLabel(self)
        self.mode_label = QLabel(self)
        self.save_label = QLabel("No changes yet", self)
        self.save_label.setObjectName("saveState")
        for label in (self.cursor_label, self.document_label, self.project_label,
                      self.mode_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.mode_label.hide()

    def _connect(self) -> None:
        a, wb = self.menu_actions, self.workbench
        a.connect("open_project", self._open_project)
        a.connect("new_project", self._new_project)
        a.connect("import_files", self._import_files)
        a.connect("export_project", self._export_project)
        a.connect("quit", self.close)
        a.connect("undo", wb.undo)
        a.connect("redo", wb.redo)
        a.connect("delete_annotation", wb.delete_selected)
        a.connect("find", self.open_find)
        a.connect("find_next", self.find_bar.find_next)
        a.connect("find_previous", self.find_bar.find_previous)
        a.connect("preferences", self.edit_preferences)
        a.connect("zoom_in", lambda: self.editor.zoom(1))
        a.connect("zoom_out", lambda: self.editor.zoom(-1))
        a.connect("zoom_reset", lambda: self.editor.zoom(self.prefs.font_size
                                                         - self.editor.point_size))
        a.show_invisibles.toggled.connect(self._set_show_invisibles)
        a.character_mode.toggled.connect(self._set_character_mode)
        edges: tuple[Edge, ...] = ("start", "end")
        units: tuple[Unit, ...] = ("grapheme", "word")
        for edge in edges:
            for unit in units:
                for to, direction in (("start", -1), ("end", 1)):
                    a.connect(f"edge_{edge}_{unit}_{to}",
                              partial(wb.move_edge, edge, direction, unit))
        a.connect("mark_done", lambda: wb.set_status("done"))
        a.connect("mark_skipped", lambda: wb.set_status("skipped"))
        a.connect("mark_in_progress", lambda: wb.set_status("in-progress"))
        a.connect("next_unfinished", lambda: self.go_unfinished(forward=True))
        a.connect("previous_unfinished", lambda: self.go_unfinished(forward=False))
        self.navigator.documentActivated.connect(self._on_navigator)
        self.label_palette.labelChosen.connect(self._on_palette)
        self.find_bar.matchChosen.connect(self._show_match)
        self.find_bar.closed.connect(self.editor.setFocus)
        wb.documentOpened.connect(self._on_document_opened)
        wb.documentInfoChanged.connect(self._update_document_info)
        wb.annotationSelected.connect(self._update_selection_actions)
        wb.undoStateChanged.connect(self._update_undo)
        wb.saveStateChanged.connect(self._update_save_state)
        wb.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        wb.schemaChanged.connect(self._on_schema_changed)
        self.editor.cursorPositionChanged.connect(self._update_cursor)

    # -- keyboard -----------------------------------------------------------------------------

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Label keys and Escape while the editor has the focus."""
        if watched is self.editor and event.type() == QtCore.QEvent.Type.KeyPress \
                and isinstance(event, QtGui.QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            plain = modifiers in (Qt.KeyboardModifier.NoModifier,
                                  Qt.KeyboardModifier.ShiftModifier)
            links = self.workbench.links
            if plain and event.key() == Qt.Key.Key_Escape and links.picking:
                links.cancel_pick()
                self.statusBar().showMessage("Cancelled.", 3000)
                return True
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and self._enter_in_editor():
                return True
            if plain and event.key() == Qt.Key.Key_Escape and self.workbench.selected:
                self.workbench.select_annotation(None)
                return True
            label = label_for_key(self._hotkeys, event.text()) if plain else None
            if label is not None:
                self.workbench.label(label)
                return True
        return super().eventFilter(watched, event)

    def _enter_in_editor(self) -> bool:
        """Enter completes a pick with the entity at the cursor, or accepts the selected
        suggestion; False when it means nothing here."""
        wb = self.workbench
        if wb.links.picking:
            position = wb.cursor_codepoint()
            found = [s for s in self.editor.span_at(position) if s.id in wb.entities]
            if not found and position > 0:
                found = [s for s in self.editor.span_at(position - 1) if s.id in wb.entities]
            if not found:
                self.statusBar().showMessage("Put the cursor on an entity, or click one.", 5000)
                return True
            wb.links.complete_pick(found[0].id)
            return True
        if wb.selected is not None and wb.selected.startswith("g"):
            wb.links.accept_suggestion()
            return True
        return False

    # -- links --------------------------------------------------------------------------------

    def _connect_links(self) -> None:
        a, links = self.menu_actions, self.workbench.links
        a.connect("mark_quote", links.mark_quote)
        a.connect("cycle_quote_kind", links.cycle_quote_kind)
        a.connect("mark_cue", links.mark_cue)
        a.connect("link_speaker", lambda: links.begin_pick("speaker"))
        a.connect("plausible_speaker", links.link_plausible_speaker)
        a.connect("speaker_author", lambda: links.set_speaker(AUTHOR))
        a.connect("speaker_unknown", lambda: links.set_speaker(None))
        a.connect("mark_event", self.open_event_picker)
        a.connect("add_argument", lambda: links.begin_pick("argument"))
        for name in ("polarity", "modality", "genericity"):
            a.connect(f"cycle_{name}", partial(links.cycle_event_attribute, name))
        a.connect("new_stance", self.links_panel.open_stance_form)
        a.connect("suggest_quotes", links.suggest)
        a.connect("accept_suggestion", links.accept_suggestion)
        a.connect("reject_suggestion", links.reject_suggestion)
        links.roleChoiceNeeded.connect(self._choose_role)
        links.pickChanged.connect(self._on_pick_changed)
        self.links_panel.add_actions([a.mark_quote, a.mark_cue, a.mark_event, a.new_stance,
                                      a.suggest_quotes])

    def open_event_picker(self) -> None:
        """Choose the type of an event triggered by the selected words (type-ahead)."""
        if self.editor.selection_codepoints() is None:
            self.statusBar().showMessage("Select the words that trigger the event first.", 5000)
            return
        picker = EventTypePicker(self.project.schema, self)
        picker.typeChosen.connect(self._on_event_type)
        picker.finished.connect(lambda _r: self.editor.setFocus())
        self.event_picker = picker
        picker.open()
        picker.field.setFocus()

    def _on_event_type(self, event_type: str) -> None:
        self.workbench.links.add_event(event_type)

    def _choose_role(self, entity_id: str, roles: list[str]) -> None:
        """A menu of the roles the entity may fill (arrows + Enter, or a click)."""
        menu = QtWidgets.QMenu(self)
        menu.setTitle("Role")
        for role in roles:
            action = menu.addAction(role)
            action.triggered.connect(partial(self.workbench.links.add_argument, role, entity_id))
            action.triggered.connect(menu.close)
        menu.aboutToHide.connect(menu.deleteLater)
        self.role_menu = menu
        rect = self.editor.cursorRect()
        menu.popup(self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    def _on_pick_changed(self, purpose: str) -> None:
        self.mode_label.setText(f"Picking: {purpose}" if purpose else "")
        self.mode_label.setVisible(bool(purpose) or self.workbench.character_mode)
        if purpose:
            self.editor.viewport().setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.editor.viewport().unsetCursor()
            self._set_character_mode(self.workbench.character_mode)

    # -- navigation ---------------------------------------------------------------------------

    def _on_navigator(self, doc_id: int) -> None:
        if doc_id != self.workbench.doc_id:
            self.workbench.open_document(doc_id, self.workbench.saved_cursor(doc_id))

    def _on_document_opened(self, doc_id: int) -> None:
        self.navigator.select_document(doc_id)
        self.find_bar.set_text(self.workbench.text)
        self._update_document_info()
        self._update_cursor()

    def go_unfinished(self, *, forward: bool) -> None:
        """Open the next (or previous) document still to do or in progress."""
        doc_id = self.workbench.neighbour_unfinished(forward)
        if doc_id is None:
            self.statusBar().showMessage("Every other document is done or skipped.", 5000)
            return
        self.navigator.select_document(doc_id)
        self.editor.setFocus()

    def open_find(self) -> None:
        """Show the find bar, pre-filled with the selected text when there is some."""
        selection = self.editor.selection_codepoints()
        initial = ""
        if selection is not None and selection[1] - selection[0] <= 100:
            initial = self.workbench.text[selection[0]:selection[1]]
        self.find_bar.open_bar(initial)

    def _show_match(self, start: int, end: int) -> None:
        self.editor.set_selection_codepoints(start, end)

    def _on_palette(self, label: str) -> None:
        self.workbench.label(label)
        self.editor.setFocus()

    # -- status -------------------------------------------------------------------------------

    def _update_cursor(self) -> None:
        position = self.workbench.cursor_codepoint()
        line = self.workbench.text.count("\n", 0, position) + 1
        self.cursor_label.setText(f"Offset {position} · Line {line}")

    def _update_document_info(self) -> None:
        wb = self.workbench
        if wb.doc_id is None:
            return
        self.header.show_document(wb.title, wb.status)
        count = len(wb.entities)
        noun = "entity" if count == 1 else "entities"
        self.document_label.setText(f"{count} {noun} · {STATUS_NAMES.get(wb.status, wb.status)}")

    def _update_project_progress(self) -> None:
        total = self.project.document_count()
        done = self.project.document_count(status="done")
        self.project_label.setText(f"Project: {done} / {total} done")

    def _update_save_state(self, state: str, detail: str) -> None:
        text = SAVE_TEXT.get(state, state)
        if state == "saved":
            text = f"Saved {QtCore.QTime.currentTime().toString('HH:mm:ss')}"
        self.save_label.setText(text)
        self.save_label.setToolTip(detail or ("Committed to the project file"
                                              if state == "saved" else ""))

    def _update_undo(self, state: UndoStackChanged) -> None:
        self.menu_actions.undo.setText(state.undo_text or "&Undo")
        self.menu_actions.undo.setEnabled(state.can_undo)
        self.menu_actions.redo.setText(state.redo_text or "&Redo")
        self.menu_actions.redo.setEnabled(state.can_redo)

    def _update_selection_actions(self, entity_id: str) -> None:
        enabled = bool(entity_id)
        self.menu_actions.delete_annotation.setEnabled(enabled)
        is_entity = entity_id in self.workbench.entities
        for name in self.menu_actions.names():
            if name.startswith("edge_"):
                self.menu_actions[name].setEnabled(is_entity)

    def _on_store_event(self, event: ChangeEvent) -> None:
        if isinstance(event, DocumentsAdded) or (
                isinstance(event, DocumentChanged) and "status" in event.fields):
            self._update_project_progress()

    def _on_schema_changed(self) -> None:
        schema = self.project.schema
        self.label_palette.set_schema(schema)
        self._hotkeys = hotkey_table({n: t.hotkey for n, t in schema.entity_types.items()})
        self.workbench.relabel_colors()

    def _set_show_invisibles(self, on: bool) -> None:
        self.editor.show_invisibles = on

    def _set_character_mode(self, on: bool) -> None:
        self.workbench.character_mode = on
        if self.workbench.links.picking:
            return
        self.mode_label.setText("Character mode")
        self.mode_label.setVisible(on)

    # -- preferences and files ----------------------------------------------------------------

    def edit_preferences(self) -> None:
        """Show the preferences dialog; store and apply what was accepted."""
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.set_preferences(dialog.preferences())

    def set_preferences(self, prefs: Preferences) -> None:
        """Store ``prefs`` in QSettings and apply them."""
        self.prefs = prefs
        save_preferences(prefs)
        apply_theme(prefs.theme)
        apply_text_preferences(self.editor, prefs)

    def _open_project(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Open Project", str(Path(self.project.path).parent),
            "Projects (*.annotator);;All files (*)")
        if path:
            from annotator.ui.app import open_window

            if open_window(path) is not None:
                self.close()

    def _new_project(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "New Project", str(Path(self.project.path).parent / "untitled.annotator"),
            "Projects (*.annotator)")
        if path:
            from annotator.ui.app import open_window

            if open_window(path, create=True) is not None:
                self.close()

    def _import_files(self) -> None:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, "Import Documents", str(Path(self.project.path).parent),
            "Documents (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;All files (*)")
        if not paths:
            return
        from annotator.core.importing import import_paths

        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = import_paths(self.project, paths, skip_bad=True)
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        lines = [f"Imported {len(result.imported)} document(s) from {result.files} file(s)."]
        lines += [f"Duplicate skipped: {source}" for source, _ in result.duplicates[:10]]
        lines += [f"Problem: {problem}" for problem in result.bad[:10]]
        lines += [f"Note: {warning}" for warning in result.warnings[:10]]
        QtWidgets.QMessageBox.information(self, "Import", "\n".join(lines))

    def _export_project(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export", str(Path(self.project.path).with_suffix(".jsonl")),
            "Canonical JSONL (*.jsonl)")
        if not path:
            return
        from annotator.core.formats.export import export_canonical

        count = export_canonical(self.project, path)
        self.statusBar().showMessage(f"Exported {count} document(s) to {path}", 8000)

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save the cursor, stop following the store, close the project."""
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Everything :meth:`closeEvent` does; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.workbench.detach()
        self.navigator.detach()
        self.project.events.unsubscribe(self._on_store_event)
        self.project.close()
        self.closed.emit()
