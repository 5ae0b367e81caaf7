"""The concordance panel (Ctrl+Shift+F): every occurrence of a word in every document, as
keyword-in-context rows read right to left.

The query matches folded text (hamza forms, tashkeel, tatweel, ى/ي, ة/ه ignored), whole words
by default and after attached proclitics (و ف ب ل ك, لل); "Substring" finds parts of words,
"Regex" a regular expression. The label filter keeps matches with an entity of one label on
them, or with none. Rows come a page at a time (:class:`~annotator.ui.models.concordance
.ConcordanceModel`).

Keys in the result table: Enter (or a double click) opens the document at the match; a label
key (the palette's hotkeys, Latin or Arabic layout) labels the selected rows as one undoable
action (``labelRequested``).
"""

from __future__ import annotations

from annotator.core.corpus import Concordance, ConcordanceRow, Mode, SearchQuery
from annotator.core.schema import Schema
from annotator.core.store import Project, ProjectError
from annotator.ui.i18n import noop, translate
from annotator.ui.models.concordance import (
    AFTER,
    BEFORE,
    DOCUMENT,
    LABEL,
    MATCH,
    ConcordanceModel,
    ElideRole,
    RowRole,
)
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtGui,
    QTimer,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from annotator.ui.session.hotkeys import hotkey_table, label_for_key

MODES = ((noop("Concordance", "Whole words"), Mode.WORD),
         (noop("Concordance", "Substring"), Mode.SUBSTRING),
         (noop("Concordance", "Regex"), Mode.REGEX))
ANY_LABEL, UNLABELLED = "", "\x00unlabelled"
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
INDEX_STEP = 50
"""Documents indexed between two rounds of events while the search index builds (about
50 ms of work: the window keeps answering)."""


class KwicDelegate(QtWidgets.QStyledItemDelegate):
    """Each context elided at its far end from the match (the model's :data:`ElideRole`)."""

    def initStyleOption(self, option: QtWidgets.QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        mode = index.data(ElideRole)
        if isinstance(mode, Qt.TextElideMode):
            option.textElideMode = mode


class ConcordancePanel(QWidget):
    """Query, options, result table. ``matchActivated(row)`` asks to open a match;
    ``labelRequested(rows, label)`` to label the selected rows."""

    matchActivated = Signal(object)  # noqa: N815 - Qt signal naming (a ConcordanceRow)
    labelRequested = Signal(list, str)  # noqa: N815  (rows, label)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.hotkeys: dict[str, str] = {}
        self.query_edit = QtWidgets.QLineEdit(self)
        self.query_edit.setPlaceholderText(translate("Concordance",
                                                     "Search every document (hamza, tashkeel, ى/ي,"
                                           " ة/ه ignored)"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(translate("Concordance", "Concordance query"))
        self.query_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.mode_box = QtWidgets.QComboBox(self)
        for text, mode in MODES:
            self.mode_box.addItem(translate("Concordance", text), mode)
        self.mode_box.setAccessibleName(translate("Concordance", "Match"))
        self.label_box = QtWidgets.QComboBox(self)
        self.label_box.setAccessibleName(translate("Concordance", "Label filter"))
        self.search_button = QtWidgets.QPushButton(translate("Concordance", "Search"), self)
        self.count_label = plain_label("", self)
        self.model = ConcordanceModel(project, self)
        self.model.attach()
        self.table = QtWidgets.QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(KwicDelegate(self.table))
        self.table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(translate("Concordance", "Concordance"))
        header = self.table.horizontalHeader()
        for column in (BEFORE, AFTER):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in (MATCH, LABEL, DOCUMENT):
            header.setSectionResizeMode(column,
                                        QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(320)
        options = QtWidgets.QHBoxLayout()
        options.addWidget(self.query_edit, 1)
        options.addWidget(self.mode_box)
        options.addWidget(self.label_box)
        options.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(options)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self.set_schema(project.schema)
        self.query_edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.table.doubleClicked.connect(self._activate)
        self.table.installEventFilter(self)
        self.index_timer = QTimer(self)
        """Indexes the documents the search index lacks, a step per tick, then searches."""
        self.index_timer.setInterval(0)
        self.index_timer.timeout.connect(self._index_step)
        self._index_total = 0
        self.model.rowsInserted.connect(self._show_count)

    def set_schema(self, schema: Schema) -> None:
        """Labels of the filter and the label keys."""
        current = self.label_box.currentData()
        self.label_box.clear()
        self.label_box.addItem(translate("Concordance", "Any label"), ANY_LABEL)
        self.label_box.addItem(translate("Concordance", "Unlabelled"), UNLABELLED)
        for name in schema.entity_types:
            self.label_box.addItem(name, name)
        found = self.label_box.findData(current)
        self.label_box.setCurrentIndex(max(found, 0))
        self.hotkeys = hotkey_table({n: t.hotkey for n, t in schema.entity_types.items()})

    def start(self, text: str = "") -> None:
        """Focus the query (filled with ``text`` when given) for a new search."""
        if text:
            self.query_edit.setText(text)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def query(self) -> SearchQuery:
        """The search the fields describe."""
        label = self.label_box.currentData()
        mode = self.mode_box.currentData()
        return SearchQuery(self.query_edit.text(), mode if isinstance(mode, Mode) else Mode.WORD,
                           label=label if label not in (ANY_LABEL, UNLABELLED) else None,
                           unlabelled=label == UNLABELLED)

    def search(self) -> bool:
        """Run the query; a bad one (empty, a broken regex) is told in the panel. While the
        search index lacks documents (after an import) it is built first, in steps between
        events with its progress in the panel, and the search runs when it is complete."""
        pending = self.project.search_index_pending()
        if pending:
            self._index_total = max(self._index_total, pending)
            self.model.search(None)
            self._show_building(pending)
            self.index_timer.start()
            return False
        try:
            concordance = Concordance(self.project, self.query())
            self.model.search(concordance)
        except ValueError as error:
            self.model.search(None)
            self.count_label.setText(str(error))
            return False
        self._show_count()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, MATCH))
        return True

    def _index_step(self) -> None:
        try:
            left = self.project.index_search_step(INDEX_STEP)
        except ProjectError as error:
            self.index_timer.stop()
            self.count_label.setText(translate(
                "Concordance", "The search index could not be built: {error}").format(error=error))
            return
        if left:
            self._show_building(left)
            return
        self.index_timer.stop()
        self._index_total = 0
        self.search()

    def _show_building(self, left: int) -> None:
        total = max(self._index_total, left)
        self.count_label.setText(translate(
            "Concordance", "Building the search index: {done:,} of {total:,} documents… the search"
            " runs when it is ready").format(done=total - left, total=total))

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.model.complete:
            text = (translate("Concordance", "{count} match") if count == 1
                    else translate("Concordance", "{count} matches"))
        else:
            text = translate("Concordance", "{count}+ (scroll for more) matches")
        if count:
            text += translate("Concordance", " · Enter opens, a label key labels the selected rows")
        self.count_label.setText(text.format(count=count))

    def selected_rows(self) -> list[ConcordanceRow]:
        """The selected concordance rows, in table order."""
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        rows = [self.model.row(n) for n in numbers]
        return [row for row in rows if row is not None]

    def _activate(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, ConcordanceRow):
            self.matchActivated.emit(row)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Enter and label keys in the result table."""
        if watched is self.table and event.type() == QtCore.QEvent.Type.KeyPress \
                and isinstance(event, QtGui.QKeyEvent) and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QtGui.QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        if event.key() in RETURN_KEYS:
            current = self.table.currentIndex()
            if current.isValid():
                self._activate(current)
            return True
        label = label_for_key(self.hotkeys, event.text())
        if label is None:
            return False
        rows = self.selected_rows()
        if rows:
            self.labelRequested.emit(rows, label)
        return True
