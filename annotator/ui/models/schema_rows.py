"""Editable tables of the schema editor: one row per entry, string cells.

:class:`SchemaRowsModel` holds rows of text cells under named columns. Each row remembers
the name it was loaded with (``original``, None for a row added in the editor), so that a
name edited in place is a *rename* (``OLD=NEW``) rather than a removal and an addition. A
column named ``color`` shows its ``#rrggbb`` value as a swatch. Cells are plain text: Qt's
item views never interpret them as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.ui.qt import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtGui,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Row:
    """The cells of one entry and the name it had when the editor opened."""

    cells: list[str]
    original: str | None


class SchemaRowsModel(QAbstractItemModel):
    """A flat, editable table of strings (a list when it has one column)."""

    def __init__(self, columns: list[str], rows: list[list[str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows = [Row(list(cells), cells[0]) for cells in rows]

    # -- what the dialog reads -----------------------------------------------------------

    def rows(self) -> list[list[str]]:
        """The cells of every row, stripped, rows with an empty name left out."""
        return [[c.strip() for c in row.cells] for row in self._rows if row.cells[0].strip()]

    def renames(self) -> dict[str, str]:
        """``{old: new}`` for every loaded row whose name was edited."""
        return {row.original: row.cells[0].strip() for row in self._rows
                if row.original is not None and row.cells[0].strip()
                and row.cells[0].strip() != row.original}

    def add_row(self, cells: list[str]) -> int:
        """Append a new row (no original name); its row number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Row(list(cells) + [""] * (len(self.columns) - len(cells)), None))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        """Remove a row (nothing for a row number out of range)."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # -- Qt model ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a cell (a table: no children)."""
        if parent.isValid() or not (0 <= row < len(self._rows)
                                    and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Any = QModelIndex()) -> Any:  # noqa: B008 - Qt override
        """No cell has a parent (the no-argument form is QObject.parent)."""
        if not isinstance(index, (QModelIndex, QPersistentModelIndex)):
            return super().parent()
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The number of rows (none under a cell)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The number of columns (none under a cell)."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column names across the top, row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text; a colour swatch in the ``color`` column."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._rows[index.row()].cells[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.DecorationRole and self.columns[index.column()] == "color":
            color = QtGui.QColor(text)
            return color if color.isValid() else None
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Edit one cell's text."""
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole
                or not isinstance(value, str)):
            return False
        self._rows[index.row()].cells[index.column()] = value
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every cell is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)
