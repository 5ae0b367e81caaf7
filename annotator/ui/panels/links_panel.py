"""The links panel: the document's quotes, events, stances and suggestions, and their details.

* The list (a :class:`~annotator.ui.models.links.LinksTreeModel` over the session) groups the
  links; choosing one (click, or arrows + Enter) selects it in the workbench and scrolls the
  editor to it, and selecting one in the editor makes it current.
* Below it, the selected link's details: a quote's kind, speaker and boundaries
  (:mod:`.quote_page`), an event's attributes and arguments (:mod:`.event_page`), a
  suggestion's Accept and Reject.
* The stance form (:mod:`.stance_form`) adds a stance; on a selected stance its label
  changes it.

Every control is reachable with Tab.
"""

from __future__ import annotations

from annotator.ui.i18n import translate
from annotator.ui.models.links import LinksTreeModel, OwnerRole
from annotator.ui.panels.event_page import EventPage
from annotator.ui.panels.quote_page import QuotePage, page_form
from annotator.ui.panels.stance_form import StanceFormBox
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import (
    QAction,
    QLabel,
    QModelIndex,
    Qt,
    QtCore,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from annotator.ui.rows import document_view
from annotator.ui.session.choices import UNKNOWN, entity_text
from annotator.ui.workbench import Workbench


class LinksPanel(QWidget):
    """Lists and edits the links of the workbench's document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = workbench
        self._updating = False
        self.buttons = QtWidgets.QWidget(self)
        self.button_row = QtWidgets.QGridLayout(self.buttons)
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.button_row.setSpacing(4)
        self._button_count = 0
        self.model = LinksTreeModel(workbench.session, lambda: workbench.project.schema, self)
        self.tree = QtWidgets.QTreeView(self)
        self.tree.setModel(self.model)
        document_view(self.tree)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(translate("LinksPanel", "Quotes, events and stances"))
        self.tree.setRootIsDecorated(True)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.details = QtWidgets.QStackedWidget(self)
        self.empty_page = QLabel(translate("LinksPanel",
                                           "Select a quote, event or stance, or mark one:\n"
                                 "select text, then Quote (Ctrl+Shift+Q) or Event "
                                 "(Ctrl+Shift+E)."), self)
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.details.addWidget(self.empty_page)
        self.quote_page = QuotePage(workbench, self)
        self.details.addWidget(self.quote_page)
        self.event_page = EventPage(workbench, self)
        self.details.addWidget(self.event_page)
        self._build_suggestion_page()
        self.stance_form = StanceFormBox(workbench, self)
        # Details and the stance form scroll inside the panel: opening them never asks the
        # dock for more room, so the other panels and the text keep their size.
        self.form_area = QtWidgets.QScrollArea(self)
        self.form_area.setObjectName("linkForms")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        forms = QWidget(self.form_area)
        forms_layout = QVBoxLayout(forms)
        forms_layout.setContentsMargins(0, 0, 0, 0)
        forms_layout.addWidget(self.details)
        forms_layout.addWidget(self.stance_form)
        forms_layout.addStretch(1)
        self.form_area.setWidget(forms)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.buttons)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.form_area, 3)
        self.tree.expandAll()
        self.tree.activated.connect(self._on_row)
        self.tree.clicked.connect(self._on_row)
        workbench.linksChanged.connect(self.refresh)
        # A row names its speaker, holder, target and arguments with their labels.
        workbench.annotationsChanged.connect(self.refresh)
        workbench.annotationSelected.connect(self._on_selected)
        # The stance form holds the open document's entities, quotes and selected text:
        # another document must not inherit them (a span would point into the wrong text).
        workbench.documentOpened.connect(lambda _doc_id: self.stance_form.hide())
        self.refresh()

    def add_actions(self, actions: list[QAction]) -> None:
        """Tool buttons for the window's link actions (the panel's mouse path)."""
        for action in actions:
            button = QtWidgets.QToolButton(self.buttons)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                 QtWidgets.QSizePolicy.Policy.Fixed)
            # Three to a row: the panel stays narrow enough to leave the text most of the
            # window.
            self.button_row.addWidget(button, self._button_count // 3, self._button_count % 3)
            self._button_count += 1

    def _build_suggestion_page(self) -> None:
        self.suggestion_page = QWidget(self)
        form = page_form(self.suggestion_page)
        self.details.addWidget(self.suggestion_page)
        self.suggestion_label = plain_label("", self.suggestion_page)
        self.suggestion_label.setWordWrap(True)
        self.accept_button = QtWidgets.QPushButton(translate("LinksPanel", "Accept (Enter)"),
                                                   self.suggestion_page)
        self.reject_button = QtWidgets.QPushButton(translate("LinksPanel", "Reject (Delete)"),
                                                   self.suggestion_page)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        form.addRow(self.suggestion_label)
        form.addRow(row)
        suggestions = self.wb.actions.suggestion
        self.accept_button.clicked.connect(lambda _checked=False: suggestions.accept_suggestion())
        self.reject_button.clicked.connect(lambda _checked=False: suggestions.reject_suggestion())

    # -- following the session ----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again and show the selection's details."""
        self._updating = True
        if self.model.refresh():
            self.tree.expandAll()
        self._updating = False
        self._on_selected(self.wb.session.selected or "")

    def index_for(self, owner: str) -> QModelIndex:
        """The list row of a link (invalid when it is not listed)."""
        return self.model.index_of(owner)

    def open_stance_form(self, focus: bool = True) -> None:
        """Fill and show the stance form for the selection."""
        self.stance_form.open_form(focus)
        # Scrolled into view once the form has its place (the next turn of the event loop).
        QtCore.QTimer.singleShot(0, lambda: self.form_area.ensureWidgetVisible(
            self.stance_form, 0, 0))

    def _on_row(self, index: QModelIndex) -> None:
        owner = index.data(OwnerRole)
        if isinstance(owner, str) and not self._updating:
            self.wb.reveal(owner)

    def _on_selected(self, selected: str) -> None:
        """Follow the workbench's selection: current row and details page."""
        self._updating = True
        row = self.index_for(selected) if selected else QModelIndex()
        if row.isValid():
            self.tree.setCurrentIndex(row)
        elif self.tree.currentIndex().isValid():
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
        kind, key = selected[:1], selected[1:]
        if row.isValid() and kind == "q":
            self.quote_page.show_quote(key)
            self.details.setCurrentWidget(self.quote_page)
        elif row.isValid() and kind == "v":
            self.event_page.show_event(key)
            self.details.setCurrentWidget(self.event_page)
        elif row.isValid() and kind == "g":
            self._show_suggestion(int(key))
        elif row.isValid() and kind == "s":
            self.details.setCurrentWidget(self.empty_page)
            self.open_stance_form(focus=False)
        else:
            self.details.setCurrentWidget(self.empty_page)
        self._updating = False

    def _show_suggestion(self, index: int) -> None:
        session = self.wb.session
        suggestion = session.suggestions[index]
        speaker = entity_text(session, suggestion.speaker) if suggestion.speaker else (
            translate("Choices", UNKNOWN))
        self.suggestion_label.setText(
            translate("LinksPanel", "Cue: {cue} ({cue_lemma})\nSpeaker: {speaker} —"
                      " {speaker_reason}\nKind: {kind}").format(
                cue=suggestion.cue.slice(session.text), cue_lemma=suggestion.cue_lemma,
                speaker=speaker, speaker_reason=suggestion.speaker_reason, kind=suggestion.kind))
        self.details.setCurrentWidget(self.suggestion_page)
