"""The curation mode of the window (issue 14): Curation ▸ Curate… reopens the project on the
curated layer (a curator only; anyone else is told why not and who can grant it), and a
window opened on the curated layer (``project.layer_name == CURATED``) curates:

* every chosen annotator's layer is shown (the other-layers overlay, all on, numbered in the
  legend as the keys take them), the curated layer is the editable one (all normal keys);
* the Curation dock lists the document's disagreements (:class:`CurationPanel`), the text
  marks them (:meth:`AnnotationView.set_disputes`), F8 / Shift+F8 move to the next / previous
  open one (caret on it, scrolled), Alt+1/2/3 take that annotator's version, Alt+0 rejects,
  Ctrl+Alt+Enter accepts the curated layer as edited, Ctrl+Enter marks the document curated;
  each decision is one undoable action (Ctrl+Z);
* the title and the status line say "Curating", the navigator shows the progress and offers
  the "Disagreements left" filter.

The state (items, current item, key -> decision) is Qt-free in
:mod:`annotator.ui.session.curation`; the decisions in :mod:`annotator.ui.actions.curation`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.store import (
    CURATED,
    AnnotationsChanged,
    ChangeEvent,
    DocumentChanged,
    ProjectError,
)
from annotator.ui.actions.base import Notify
from annotator.ui.i18n import translate
from annotator.ui.panels.navigator import NavigatorPanel
from annotator.ui.qt import QMainWindow, QObject, Qt, QtCore, QtWidgets, Signal
from annotator.ui.session.curation import CurationList, item_span
from annotator.ui.window.menu_actions import WorkbenchActions
from annotator.ui.window.status_line import StatusLine
from annotator.ui.workbench import Workbench

if TYPE_CHECKING:  # loaded when the window curates (issue 12: start-up)
    from annotator.ui.actions.curation import CurationActions
    from annotator.ui.panels.curation_panel import CurationPanel

DOCK_HEIGHT = 250
ONLY_CURATING = ("next_disagreement", "previous_disagreement", "take_1", "take_2", "take_3",
                 "reject_item", "accept_edited")


class CurationRequests(QObject):
    """``curate(on)``: reopen the project on the curated layer, or off it (the window
    forwards it to the app). A signal of its own keeps the wiring from holding the window,
    whose Python wrapper must die with it."""

    curate = Signal(bool)


class CurationWiring:
    """The Curation menu of one window and, on the curated layer, the curation mode."""

    def __init__(self, window: QMainWindow, workbench: Workbench, actions: WorkbenchActions,
                 navigator: NavigatorPanel, status: StatusLine) -> None:
        self.requests = CurationRequests(workbench)
        self.workbench = workbench
        self.project = project = workbench.project
        self.menu_actions = actions
        self.navigator = navigator
        self.status = status
        self.curating = project.layer_name == CURATED
        self.items = CurationList()
        self.panel: CurationPanel | None = None
        self._stale = False
        actions.connect("curate", self.toggle)
        for name in ONLY_CURATING:
            actions[name].setEnabled(self.curating)
        if not self.curating:
            return
        from annotator.ui.actions.curation import CurationActions
        from annotator.ui.panels.curation_panel import CurationPanel

        self.actions: CurationActions = CurationActions(
            workbench.session, project,
            Notify(workbench.message.emit, workbench.saveStateChanged.emit), self.items)
        actions.curate.setText(translate("CurationWiring", "Stop &Curating"))
        actions.curate.setToolTip(translate("CurationWiring",
                                            "Reopen the project on your own layer"))
        window.setWindowTitle(translate(
            "CurationWiring", "{name} — Curating as {annotator} — annotator").format(
                name=Path(project.path).name, annotator=project.annotator))
        status.annotator_label.setText(translate(
            "CurationWiring", "Curating as {annotator}").format(annotator=project.annotator))
        status.annotator_label.setToolTip(translate(
            "CurationWiring", "You edit the curated (gold) layer; the annotators' layers are shown"
            " read-only"))
        self.panel = CurationPanel(window)
        dock = QtWidgets.QDockWidget(translate("CurationWiring", "Curation"), window)
        dock.setObjectName("dockCuration")
        dock.setWidget(self.panel)
        dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.dock = dock
        self.panel.rowChosen.connect(self._on_row)
        actions.connect("next_disagreement", partial(self.move, 1))
        actions.connect("previous_disagreement", partial(self.move, -1))
        for digit in (1, 2, 3):
            actions.connect(f"take_{digit}", partial(self.decide, digit))
        actions.connect("reject_item", partial(self.decide, 0))
        actions.connect("accept_edited", self.accept_edited)
        mark = actions.mark_done
        mark.triggered.disconnect()
        mark.setText(translate("CurationWiring", "Mark &Curated"))
        actions.connect("mark_done", self.mark_curated)
        workbench.documentOpened.connect(lambda _doc: self.reload())
        project.events.subscribe(self._on_event)
        self._timer = QtCore.QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def detach(self) -> None:
        """Stop following the store (before the project closes)."""
        if self.curating:
            self._timer.stop()
            self.project.events.unsubscribe(self._on_event)

    # -- entering and leaving ---------------------------------------------------------------

    def toggle(self) -> None:
        """Curate… (a curator only; anyone else is told why not), or Stop Curating."""
        if self.curating:
            self.requests.curate.emit(False)
            return
        try:
            self.project.check_curator(self.project.annotator)
        except ProjectError as error:
            self.status.show_message(str(error), 30000)
            return
        self.requests.curate.emit(True)

    # -- following the document and the store ----------------------------------------------

    def _on_event(self, event: ChangeEvent) -> None:
        doc_id = self.workbench.session.doc_id
        if isinstance(event, AnnotationsChanged | DocumentChanged) and event.doc_id == doc_id:
            self._stale = True
            self._timer.start()

    def flush(self) -> None:
        """Reload the items now if a change is pending (before a key acts on them)."""
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the open document's items; show them in the panel, the text, the legend."""
        self._stale = False
        session = self.workbench.session
        if session.doc_id is None or self.panel is None:
            return
        try:
            self.items.load(self.project, session.doc_id, session.text)
        except ProjectError as error:
            self.status.show_message(translate(
                "CurationWiring", "Cannot list the disagreements: {error}").format(error=error))
            return
        others = session.others
        others.numbers = {n: i for i, n in enumerate(self.items.annotators, start=1)}
        for name in self.items.annotators:
            self.workbench.set_layer_shown(name, True)
        self.workbench.layersChanged.emit()  # the legend numbers the annotators
        self._show()

    def _show(self) -> None:
        assert self.panel is not None
        items = self.items
        self.panel.show_rows(items.annotators, items.rows(), items.current)
        self.workbench.editor.set_disputes(items.marks())
        progress = self.project.curation_progress()
        self.navigator.set_curating(
            translate("CurationWiring", "Curation: {curated} curated of {documents} in curation ·"
                      " {left} with disagreements left ({open} open)").format(
                curated=progress.curated, documents=progress.documents,
                left=progress.with_disagreements, open=progress.open_disagreements))

    # -- keys ------------------------------------------------------------------------------

    def move(self, step: int) -> None:
        """F8 / Shift+F8: the next / previous open disagreement; caret on it, scrolled."""
        self.flush()
        item = self.items.move(step)
        if item is None:
            self.status.show_message(translate("CurationWiring",
                                               "No disagreement in this document."))
            return
        self._go_to_current()

    def _on_row(self, row: int) -> None:
        self.flush()
        if self.items.choose(row) is not None:
            self._go_to_current()

    def _go_to_current(self) -> None:
        item = self.items.current_item()
        if item is None:
            return
        editor = self.workbench.editor
        span = item_span(item)
        start = span[0] if span is not None else item.position
        if 0 <= start <= len(self.workbench.session.text):
            if span is not None:
                editor.set_selection_codepoints(*span)
            else:
                editor.set_selection_codepoints(start, start)
            editor.scroll_to_codepoint(start)
        self._show()
        where = self.items.where(item)
        # Latin first, the document's words last: the line reads left to right in one piece.
        self.status.show_message(f"{self.items.who_said(item)} — {item.kind} «{where}»", 15000)
        editor.setFocus()

    def decide(self, digit: int) -> None:
        """Alt+1/2/3: take that annotator's version; Alt+0: reject."""
        self.flush()
        self.actions.decide_key(digit)

    def accept_edited(self) -> None:
        """Ctrl+Alt+Enter: the curated layer as edited decides the current item."""
        self.flush()
        self.actions.accept_edited()

    def mark_curated(self) -> None:
        """Ctrl+Enter: the document is curated (refused while disagreements are open)."""
        self.flush()
        self.actions.mark_curated()
