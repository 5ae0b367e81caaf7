"""A list model of choices, for every combo box and list that offers entities, roles,
arguments, holders, targets or evidence.

:class:`ChoiceListModel` shows :class:`~annotator.ui.session.choices.Choice` rows: the
text as display, the detail (else the text) escaped as tooltip (document text is never rich
text), the choice's data under ``Qt.UserRole``, so ``QComboBox.currentData()`` and
``findData()`` work as with items added by hand; :meth:`set_choices` replaces the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from annotator.ui.row_text import directed, strip_isolates
from annotator.ui.session.choices import Choice

Index = QModelIndex | QPersistentModelIndex


class ChoiceListModel(QAbstractListModel):
    """Rows of choices (text, data)."""

    def __init__(self, choices: Iterable[Choice] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def set_choices(self, choices: Iterable[Choice]) -> None:
        """Show other choices."""
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def choices(self) -> list[Choice]:
        """The rows, in order."""
        return list(self._choices)

    def row_of(self, data: str | None) -> int:
        """The row whose data is ``data``; -1 when none is."""
        return next((n for n, c in enumerate(self._choices) if c.data == data), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        """The number of choices (a list: no children)."""
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text (display, accessible), escaped tooltip, and the choice's data (UserRole)."""
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return directed(choice.text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return strip_isolates(choice.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(choice.detail or strip_isolates(choice.text))
        if role == Qt.ItemDataRole.UserRole:
            return choice.data
        return None
