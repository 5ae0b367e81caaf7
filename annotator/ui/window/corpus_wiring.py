"""The window side of the corpus tools: the Concordance dock, the Corpus menu (concordance,
label-all with its preview, names the lexicon must not learn) and opening a match.

The actions themselves are Qt-free (``workbench.actions.corpus``,
:mod:`annotator.ui.actions.corpus`); this module creates the dock and the menu, shows the
preview dialog and routes the panel's signals. The menu exists from the start; the panel,
its dock and the preview dialog (and the core's corpus search) are imported and built the
first time they are needed, after the window's first paint (issue 12: start-up).

=====================  ===============================================================
Key                    What
=====================  ===============================================================
Ctrl+Shift+F           Concordance: show the panel and focus its query (filled with the
                       selected text)
Ctrl+Alt+L             Label all occurrences of the selected entity (preview first)
Enter / double click   (in the results) open the document at the match
a label key            (in the results) label the selected rows, one undoable action
=====================  ===============================================================
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from annotator.ui.i18n import translate
from annotator.ui.qt import QAction, QKeySequence, QMainWindow, QObject, Qt, QTimer, QtWidgets
from annotator.ui.window.status_line import StatusLine
from annotator.ui.workbench import Workbench

if TYPE_CHECKING:
    from annotator.core.corpus import ConcordanceRow
    from annotator.ui.panels.concordance import ConcordancePanel
    from annotator.ui.panels.label_all_dialog import LabelAllDialog

DOCK_SHARE = 0.4
"""Share of the window's height the concordance takes when it opens (below the text)."""
MAX_PREFILL = 100
"""Longest selected text copied into the concordance query."""


class CorpusWiring(QObject):
    """Creates the Concordance dock and the Corpus menu of ``window``."""

    def __init__(self, window: QMainWindow, workbench: Workbench, status: StatusLine) -> None:
        super().__init__(window)
        self.workbench = workbench
        self.status = status
        self.dialog: LabelAllDialog | None = None
        self._panel: ConcordancePanel | None = None
        self._dock: QtWidgets.QDockWidget | None = None
        menu = window.menuBar().addMenu(translate("CorpusWiring", "&Corpus"))
        self.menu = menu
        self.concordance = self._action(window, menu, translate("CorpusWiring",
                                                                "&Concordance…"), "Ctrl+Shift+F",
                                        translate("CorpusWiring",
                                                  "Search every document (keyword in context)"))
        self.label_all = self._action(window, menu, translate("CorpusWiring",
                                                              "&Label All Occurrences…"),
                                      "Ctrl+Alt+L",
                                      translate("CorpusWiring", "Label every occurrence of the"
                                                " selected entity's text with its label"
                                                " (preview first)"))
        menu.addSeparator()
        self.dont_learn = self._action(window, menu, translate("CorpusWiring",
                                                               "&Don't Learn This Name"), "",
                                       translate("CorpusWiring",
                                                 "The selected entity's text is no longer evidence"
                                       " for snapping off proclitics"))
        self.turned_off = menu.addMenu(translate("CorpusWiring", "&Names Not Learned"))
        self.turned_off.aboutToShow.connect(self._fill_turned_off)
        self.concordance.triggered.connect(self.open_concordance)
        self.label_all.triggered.connect(self.preview_label_all)
        self.dont_learn.triggered.connect(self.disable_selected_name)
        workbench.annotationSelected.connect(self._on_selection)
        workbench.schemaChanged.connect(self._on_schema_changed)
        self._on_selection("")

    def _window(self) -> QMainWindow:
        """The window (the parent; not kept as an attribute, which would keep its Python
        wrapper alive after Qt deleted it)."""
        parent = self.parent()
        assert isinstance(parent, QMainWindow)
        return parent

    @property
    def panel(self) -> ConcordancePanel:
        """The Concordance panel, built (with its hidden dock) when first asked for."""
        if self._panel is None:
            from annotator.ui.panels.concordance import ConcordancePanel

            panel = ConcordancePanel(self.workbench.project, self._window())
            dock = QtWidgets.QDockWidget(translate("CorpusWiring", "Concordance"), self._window())
            dock.setObjectName("dockConcordance")
            dock.setWidget(panel)
            self._window().addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
            panel.matchActivated.connect(self.open_match)
            panel.labelRequested.connect(self.label_rows)
            self._panel, self._dock = panel, dock
        return self._panel

    @property
    def dock(self) -> QtWidgets.QDockWidget:
        """The Concordance dock (built with :attr:`panel`)."""
        if self._dock is None:
            self.panel  # noqa: B018 - builds the dock
        assert self._dock is not None
        return self._dock

    def _on_schema_changed(self) -> None:
        if self._panel is not None:
            self._panel.set_schema(self.workbench.project.schema)

    @staticmethod
    def _action(window: QMainWindow, menu: QtWidgets.QMenu, text: str, key: str,
                tip: str) -> QAction:
        action = QAction(text, window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        menu.addAction(action)
        window.addAction(action)
        return action

    def detach(self) -> None:
        """Stop following the store (the window closes)."""
        if self._panel is not None:
            self._panel.model.detach()

    def _on_selection(self, selected: str) -> None:
        is_entity = bool(selected) and selected in self.workbench.session.entities
        self.label_all.setEnabled(is_entity)
        self.dont_learn.setEnabled(is_entity)

    # -- the concordance ----------------------------------------------------------------------

    def open_concordance(self) -> None:
        """Show the panel and focus its query, filled with the selected text (if short)."""
        editor = self.workbench.editor
        selection = editor.selection_codepoints()
        text = ""
        if selection is not None and 0 < selection[1] - selection[0] <= MAX_PREFILL:
            text = self.workbench.session.text[selection[0]:selection[1]].strip()
        if not self.dock.isVisible():
            self.dock.show()
            window = self._window()
            if not self.dock.isFloating():
                height = int(window.height() * DOCK_SHARE)
                # Once the dock is laid out; the side docks' minimum heights may leave less.
                QTimer.singleShot(0, lambda: window.resizeDocks(
                    [self.dock], [height], Qt.Orientation.Vertical))
        self.dock.raise_()
        self.panel.start(text)

    def open_match(self, row: ConcordanceRow) -> None:
        """Open the match's document with the match selected and in view."""
        wb = self.workbench
        if wb.session.doc_id != row.doc_id:
            wb.open_document(row.doc_id, row.start)
        if wb.session.doc_id != row.doc_id:  # a damaged document: the reason was told
            return
        wb.editor.set_selection_codepoints(row.start, row.end)
        wb.editor.scroll_to_codepoint(row.start)
        wb.editor.setFocus()

    def label_rows(self, rows: list[ConcordanceRow], label: str) -> None:
        """Label the selected concordance rows (one undoable action)."""
        actions = self.workbench.actions.corpus
        plan = actions.plan_rows(rows, label)
        if plan is not None:
            actions.apply(plan)

    # -- label-all from an entity -------------------------------------------------------------

    def preview_label_all(self) -> None:
        """Plan label-all for the selected entity and show the preview."""
        if self.workbench.project.search_index_pending():
            # The plan reads the search index: build it in the concordance, in steps.
            self.open_concordance()
            self.panel.search()
            self.status.show_message(translate("CorpusWiring",
                                               "The search index is being built (progress in the"
                                     " Concordance panel); try again when it is ready."), 8000)
            return
        actions = self.workbench.actions.corpus
        plan = actions.plan_for_selected()
        if plan is None:
            return
        if not plan.add:
            reasons = sorted({p.reason for p in plan.skipped})
            self.status.show_message(
                translate("CorpusWiring", "Nothing to add for «{text}»: {reasons}").format(
                    text=plan.text, reasons="; ".join(reasons)) if reasons
                else translate("CorpusWiring", "Nothing to add for «{text}».").format(
                    text=plan.text), 8000)
            return
        from annotator.ui.panels.label_all_dialog import LabelAllDialog

        dialog = LabelAllDialog(self.workbench.project, plan, self._window())
        dialog.accepted.connect(lambda: actions.apply(plan, dialog.left_out()))
        dialog.finished.connect(lambda _result: self.workbench.editor.setFocus())
        self.dialog = dialog
        dialog.open()

    # -- names not learned --------------------------------------------------------------------

    def disable_selected_name(self) -> None:
        """Corpus > Don't Learn This Name (the corpus actions load on first use)."""
        self.workbench.actions.corpus.disable_selected_name()

    def _fill_turned_off(self) -> None:
        menu = self.turned_off
        menu.clear()
        names = self.workbench.actions.corpus.disabled_names()
        if not names:
            empty = menu.addAction(translate("CorpusWiring", "(none)"))
            empty.setEnabled(False)
            return
        for name in names:
            action = menu.addAction(
                translate("CorpusWiring", "Learn «{name}» Again").format(name=name))
            action.triggered.connect(partial(self.workbench.actions.corpus.enable_name, name))
