"""The list model of the label palette: the schema's entity types.

One row per entity type, in schema order: the name (display and :data:`LabelRole`), its
colour (:data:`ColorRole`), its hotkey (:data:`HotkeyRole`), a tooltip with the hotkey and
the description (English, then the Arabic gloss), escaped, and an accessible text.
:meth:`set_schema` shows the types of another schema version.
"""

from __future__ import annotations

from typing import Any

from annotator.core.schema import EntityType, Schema
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
LabelRole = Qt.ItemDataRole.UserRole + 1
ColorRole = Qt.ItemDataRole.UserRole + 2
HotkeyRole = Qt.ItemDataRole.UserRole + 3


class EntityTypeModel(QAbstractListModel):
    """The entity types of a schema."""

    def __init__(self, schema: Schema, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types: list[EntityType] = list(schema.entity_types.values())

    def set_schema(self, schema: Schema) -> None:
        """Show the entity types of ``schema``."""
        self.beginResetModel()
        self._types = list(schema.entity_types.values())
        self.endResetModel()

    def labels(self) -> list[str]:
        """The labels, in schema order."""
        return [t.name for t in self._types]

    def row_of(self, label: str) -> int:
        """The row of ``label``; -1 when the schema has no such type."""
        return next((n for n, t in enumerate(self._types) if t.name == label), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        """The number of entity types (a list: no children)."""
        return 0 if parent.isValid() else len(self._types)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, colour, hotkey, tooltip and accessible text of one entity type."""
        if not index.isValid() or not 0 <= index.row() < len(self._types):
            return None
        entity_type = self._types[index.row()]
        key = f" (key {entity_type.hotkey.upper()})" if entity_type.hotkey else ""
        if role in (Qt.ItemDataRole.DisplayRole, LabelRole):
            return entity_type.name
        if role == ColorRole:
            return entity_type.color
        if role == HotkeyRole:
            return entity_type.hotkey or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{entity_type.name}{key}\n{entity_type.description}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entity_type.name}{key}"
        return None
