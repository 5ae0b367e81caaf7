"""The workbench window: navigator, editor, inspector, label palette, links, status bar, menus.

The window puts the parts together and routes what crosses them; the parts live in their own
modules: the header above the editor (:mod:`.document_header`), the docks and their
leading/trailing placement (:mod:`.docks`), the status bar's fields
(:mod:`.status_line`), label keys, Enter and Escape in the editor (:mod:`.editor_keys`), the
Links menu with the event picker and role menu (:mod:`.link_wiring`) and the File dialogs
(:mod:`.project_files`). The editor itself always shows the document right to left.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.store import (
    ChangeEvent,
    DocumentChanged,
    DocumentsAdded,
    Project,
    UndoStackChanged,
)
from annotator.core.store.engines.address import ServerPath
from annotator.ui.editor import AnnotationView
from annotator.ui.i18n import translate
from annotator.ui.panels.document_header import DocumentHeader
from annotator.ui.panels.document_panel import DocumentPanel
from annotator.ui.panels.find_bar import FindBar
from annotator.ui.panels.inspector import InspectorPanel
from annotator.ui.panels.links_panel import LinksPanel
from annotator.ui.panels.navigator import NavigatorPanel
from annotator.ui.panels.palette import LabelPalette
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import QMainWindow, QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget, Signal
from annotator.ui.session.edges import Edge, Unit
from annotator.ui.window import project_files
from annotator.ui.window.corpus_wiring import CorpusWiring
from annotator.ui.window.curation_wiring import CurationWiring
from annotator.ui.window.docks import make_docks, place_docks
from annotator.ui.window.editor_keys import EditorKeys
from annotator.ui.window.first_paint import AfterFirstPaint
from annotator.ui.window.layers_wiring import LayersWiring
from annotator.ui.window.link_wiring import LinkWiring
from annotator.ui.window.menu_actions import WorkbenchActions, undo_label
from annotator.ui.window.preferences import (
    PreferencesDialog,
    apply_text_preferences,
    apply_theme,
)
from annotator.ui.window.project_watch import ProjectWatch
from annotator.ui.window.recommender_wiring import RecommenderWiring
from annotator.ui.window.settings import (
    Preferences,
    load_preferences,
    remember_annotator,
    save_preferences,
)
from annotator.ui.window.status_line import StatusLine
from annotator.ui.workbench import Workbench

if TYPE_CHECKING:
    from annotator.ui.window.agreement_window import AgreementWindow
    from annotator.ui.window.live_updates import LiveUpdates


def wrap_connection(project: Project) -> None:
    """Just after the first paint (issue 12: start-up): sqlite-utils, the store's SQLite
    layer, wrapped around the project's connection (``Project.db``). A function, not a method:
    the callback must not keep the window's Python wrapper alive."""
    with suppress(sqlite3.ProgrammingError):  # closed before its first paint (Python 3.12+)
        project.db  # noqa: B018  (the property wraps the connection: a real import)


class MainWindow(QMainWindow):
    """One open project. ``closed`` is emitted after the project was closed."""

    closed = Signal()
    projectRequested = Signal(str, bool)  # noqa: N815  (path, create): the app opens it
    reopenAs = Signal(str)  # noqa: N815  (annotator name): the app reopens the project
    curateRequested = Signal(bool)  # noqa: N815  (on): reopen on the curated layer, or off it

    def __init__(self, project: Project, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.project = project
        self.prefs = prefs or load_preferences()
        self.setWindowTitle(translate("MainWindow", "{name} — {annotator} — annotator").format(
            name=Path(project.path).name, annotator=project.annotator))
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
        self.banner = plain_label("", self)
        self.banner.setObjectName("fileProblemBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#fileProblemBanner { background: #b3261e; color: white;"
                                  " padding: 6px 10px; }")
        self.banner.hide()
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.header)
        central_layout.addWidget(self.find_bar)
        central_layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        self.navigator = NavigatorPanel(project, self)
        self.inspector = InspectorPanel(self.workbench, self)
        self.label_palette = LabelPalette(project.schema, self)
        self.links_panel = LinksPanel(self.workbench, self)
        self.document_panel = DocumentPanel(self.workbench, self)
        self.docks = make_docks(self, {
            "navigator": self.navigator, "inspector": self.inspector,
            "palette": self.label_palette, "links": self.links_panel,
            "document": self.document_panel})
        place_docks(self, self.docks)
        self.menu_actions = WorkbenchActions(self)
        self.status_line = StatusLine(self, self.workbench)
        self._connect()
        self.link_wiring = LinkWiring(self, self.workbench, self.menu_actions,
                                      self.links_panel, self.status_line)
        self.corpus = CorpusWiring(self, self.workbench, self.status_line)
        self.layers = LayersWiring(self, self.workbench, self.menu_actions, central_layout,
                                   central_layout.indexOf(self.header) + 1)
        self.curation = CurationWiring(self, self.workbench, self.menu_actions, self.navigator,
                                       self.status_line)
        self.curation.requests.curate.connect(self.curateRequested)
        self.recommender = RecommenderWiring(self, self.workbench, self.menu_actions,
                                             self.status_line)
        project.events.subscribe(self._on_store_event)
        apply_theme(self.prefs.theme)
        apply_text_preferences(self.editor, self.prefs)
        self.agreement: AgreementWindow | None = None
        """Project ▸ Agreement…, made the first time it is opened."""
        self.editor_keys = EditorKeys(self.workbench, self.editor, self.status_line.show_message)
        self.resize(1280, 800)
        self._update_undo(project.undo_state())
        self._update_selection_actions("")
        self.status_line.update_project()
        self._closed = False
        self.watch = ProjectWatch(project, self)
        self.watch.fileProblem.connect(self._show_file_problem)
        self.watch.message.connect(self.status_line.show_message)
        self.live: LiveUpdates | None = None
        """A server project's colleagues' saves as they commit (issue 15); None for a file."""
        if isinstance(project.path, ServerPath) and not project.readonly:
            from annotator.ui.window.live_updates import LiveUpdates

            self.live = LiveUpdates(project, self.workbench, self)
            self.live.reloadNeeded.connect(self.reload_after_external_change)
        else:
            # On a server every colleague's save moves the data version: the notifications
            # say what changed, and only a change to the open document reloads it.
            self.watch.externalChange.connect(self.reload_after_external_change)
        self.after_paint = AfterFirstPaint(self)
        """Work that waits for the window's first paint (issue 12: start-up)."""
        self.after_paint.add(self.watch.start_check)
        self.after_paint.add(partial(wrap_connection, project))
        doc_id = self.workbench.restore_last_document()
        if doc_id is not None:
            self.navigator.select_document(doc_id)
        self.editor.setFocus()

    # -- construction -------------------------------------------------------------------------

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 - Qt override
        """Re-dock on the mirrored sides when the layout direction changes."""
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.LayoutDirectionChange and hasattr(self, "docks"):
            place_docks(self, self.docks)

    def _connect(self) -> None:
        a, wb, status = self.menu_actions, self.workbench, self.status_line
        a.connect("open_project", self.ask_open_project)
        a.connect("new_project", self.ask_new_project)
        a.connect("import_files", partial(project_files.import_files, self, self.project))
        a.connect("export_project", partial(project_files.export_project, self, self.project))
        a.connect("quit", self.close)
        a.connect("undo", wb.undo)
        a.connect("redo", wb.redo)
        a.connect("delete_annotation", wb.actions.delete_selected)
        a.connect("find", self.open_find)
        a.connect("find_next", self.find_bar.find_next)
        a.connect("find_previous", self.find_bar.find_previous)
        a.connect("preferences", self.edit_preferences)
        a.connect("edit_schema", self.edit_schema)
        a.connect("agreement", self.open_agreement)
        a.connect("overview", self.open_overview)
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
                              partial(wb.actions.move_edge, edge, direction, unit))
        a.connect("mark_done", lambda: wb.actions.entity.set_status("done"))
        a.connect("mark_skipped", lambda: wb.actions.entity.set_status("skipped"))
        a.connect("mark_in_progress", lambda: wb.actions.entity.set_status("in-progress"))
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
        wb.saveStateChanged.connect(status.update_save_state)
        wb.message.connect(status.show_message)
        wb.schemaChanged.connect(self._on_schema_changed)
        self.editor.cursorPositionChanged.connect(status.update_cursor)

    def ask_open_project(self) -> None:
        """Ask for a project to open in place of this window (the app opens it)."""
        path = project_files.ask_project_to_open(self, self.project)
        if path is not None:
            self.projectRequested.emit(path, False)

    def ask_new_project(self) -> None:
        """Ask for a new project file to create and open in place of this window."""
        path = project_files.ask_project_to_create(self, self.project)
        if path is not None:
            self.projectRequested.emit(path, True)

    # -- navigation ---------------------------------------------------------------------------

    def _on_navigator(self, doc_id: int) -> None:
        if doc_id != self.workbench.session.doc_id:
            self.workbench.open_document(doc_id, self.workbench.saved_cursor(doc_id))

    def _on_document_opened(self, doc_id: int) -> None:
        self.navigator.select_document(doc_id)
        self.find_bar.set_text(self.workbench.session.text)
        self._update_document_info()
        self.status_line.update_cursor()

    def go_unfinished(self, *, forward: bool) -> None:
        """Open the next (or previous) document still to do or in progress."""
        doc_id = self.workbench.neighbour_unfinished(forward)
        if doc_id is None:
            self.status_line.show_message(translate("MainWindow",
                                                    "Every other document is done or skipped."))
            return
        self.navigator.select_document(doc_id)
        self.editor.setFocus()

    def open_find(self) -> None:
        """Show the find bar, pre-filled with the selected text when there is some."""
        selection = self.editor.selection_codepoints()
        initial = ""
        if selection is not None and selection[1] - selection[0] <= 100:
            initial = self.workbench.session.text[selection[0]:selection[1]]
        self.find_bar.open_bar(initial)

    def _show_match(self, start: int, end: int) -> None:
        self.editor.set_selection_codepoints(start, end)

    def _on_palette(self, label: str) -> None:
        self.workbench.actions.entity.label(label)
        self.editor.setFocus()

    # -- following the workbench and the store ------------------------------------------------

    def _update_document_info(self) -> None:
        wb = self.workbench
        if wb.session.doc_id is None:
            return
        self.header.show_document(wb.session.title, wb.session.status)
        self.status_line.update_document()

    def _update_undo(self, state: UndoStackChanged) -> None:
        self.menu_actions.undo.setText(undo_label(state.undo_text, "Undo"))
        self.menu_actions.undo.setEnabled(state.can_undo)
        self.menu_actions.redo.setText(undo_label(state.redo_text, "Redo"))
        self.menu_actions.redo.setEnabled(state.can_redo)

    def _update_selection_actions(self, selected: str) -> None:
        """Delete needs a selection; edge keys an entity or a quote."""
        self.menu_actions.delete_annotation.setEnabled(bool(selected))
        has_edges = selected in self.workbench.session.entities or selected[:1] == "q"
        for name in self.menu_actions.names():
            if name.startswith("edge_"):
                self.menu_actions[name].setEnabled(has_edges)
        self.menu_actions.quote_part.setEnabled(selected[:1] == "q")

    def _on_store_event(self, event: ChangeEvent) -> None:
        if isinstance(event, DocumentsAdded) or (
                isinstance(event, DocumentChanged) and "status" in event.fields):
            self.status_line.update_project()

    def edit_schema(self) -> None:
        """Project ▸ Edit Schema…: the schema editor (the window follows SchemaChanged)."""
        from annotator.ui.window.schema_editor import SchemaEditor

        SchemaEditor(self.project, self).exec()

    def open_agreement(self) -> None:
        """Project ▸ Agreement…: the Agreement window (one per main window)."""
        if self.agreement is None:
            from annotator.ui.window.agreement_window import AgreementWindow

            self.agreement = AgreementWindow(self.project, self)
            self.agreement.spanRequested.connect(self.open_span)
        elif self.agreement.isVisible():
            self.agreement.raise_()
        self.agreement.show()
        self.agreement.activateWindow()

    def open_overview(self) -> None:
        """Project ▸ Overview…: the project overview (figures read when it opens)."""
        from annotator.ui.window.overview_window import OverviewWindow

        OverviewWindow(self.project, self).exec()

    def open_span(self, doc_id: int, start: int, end: int) -> None:
        """Open ``doc_id`` with the code points ``start``-``end`` selected and in view."""
        wb = self.workbench
        if wb.session.doc_id != doc_id:
            self.navigator.select_document(doc_id)
        if wb.session.doc_id != doc_id:  # a damaged document: the reason was told
            return
        wb.editor.set_selection_codepoints(start, end)
        wb.editor.scroll_to_codepoint(start)
        self.activateWindow()
        wb.editor.setFocus()

    def _on_schema_changed(self) -> None:
        schema = self.project.schema
        self.label_palette.set_schema(schema)
        self.editor_keys.set_schema(schema)
        self.workbench.relabel_colors()

    def _set_show_invisibles(self, on: bool) -> None:
        self.editor.show_invisibles = on

    def _set_character_mode(self, on: bool) -> None:
        self.workbench.session.character_mode = on
        if not self.workbench.session.picking:
            self.status_line.show_mode("")

    def reload_after_external_change(self) -> None:
        """Another window or program saved: show the store as it is now."""
        wb = self.workbench
        if wb.session.doc_id is not None:
            wb.open_document(wb.session.doc_id, wb.cursor_codepoint())
        self.navigator.refresh_assignments()  # an assign run by the CLI shows the filter
        self.navigator.apply_filters()
        self.status_line.update_project()
        self.status_line.show_message(translate("MainWindow",
                                                "Another window or program changed this project; "
                                      "the view was reloaded."))

    def _show_file_problem(self, problem: str) -> None:
        self.banner.setText(translate(
            "MainWindow", "{problem} Nothing more can be saved: copy your work elsewhere or"
            " restore a backup.").format(problem=problem) if problem else "")
        self.banner.setVisible(bool(problem))

    # -- preferences --------------------------------------------------------------------------

    def edit_preferences(self) -> None:
        """Show the preferences dialog; store and apply what was accepted. A new annotator
        name is remembered and the project reopened as that annotator (``reopenAs``)."""
        dialog = PreferencesDialog(self.prefs, self, annotator=self.project.annotator)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            language = self.prefs.language
            self.set_preferences(dialog.preferences())
            if self.prefs.language != language:
                self.status_line.show_message(translate(
                    "MainWindow", "The language changes when annotator starts again."), 15000)
            name = dialog.annotator_name()
            if name != self.project.annotator:
                remember_annotator(name)
                self.reopenAs.emit(name)

    def set_preferences(self, prefs: Preferences) -> None:
        """Store ``prefs`` in QSettings and apply them."""
        self.prefs = prefs
        save_preferences(prefs)
        apply_theme(prefs.theme)
        apply_text_preferences(self.editor, prefs)

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
        if self.agreement is not None:
            self.agreement.stop()
        self.recommender.stop()
        self.watch.stop()
        if self.live is not None:
            self.live.stop()
        self.workbench.detach()
        self.navigator.detach()
        self.corpus.detach()
        self.curation.detach()
        self.project.events.unsubscribe(self._on_store_event)
        self.project.close()
        self.closed.emit()
