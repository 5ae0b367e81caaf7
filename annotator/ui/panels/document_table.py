"""A one-column list view whose layout costs nothing per row.

``QListView`` lays out every row after each model reset, asking the (Python) model for an
index of each: about 1 s per reset at 100,000 documents, so every filter keystroke in the
navigator froze the window (issue 12). A ``QTableView`` with fixed-height rows places rows by
arithmetic in its (hidden) vertical header and only asks the model about the rows it paints.
This view looks and moves like a list: no headers, grid or horizontal scrolling, one row
selected at a time, Home and End go to the first and last row.
"""

from __future__ import annotations

from annotator.ui.qt import QModelIndex, Qt, QtWidgets


class DocumentTable(QtWidgets.QTableView):
    """A list of equal-height rows (``row_height`` pixels) in one stretched column."""

    def __init__(self, row_height: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(row_height)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)

    def moveCursor(self, cursor_action: QtWidgets.QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Home and End move to the first and last row, as in a list."""
        action = QtWidgets.QAbstractItemView.CursorAction
        model = self.model()
        if cursor_action in (action.MoveHome, action.MoveEnd) and model is not None:
            count = model.rowCount()
            if count:
                return model.index(0 if cursor_action == action.MoveHome else count - 1, 0)
        return super().moveCursor(cursor_action, modifiers)
