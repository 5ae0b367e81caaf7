"""A type-ahead picker of the schema's event subtypes (ACE ``Type:Subtype``).

Typing filters the list: every word typed must occur in the subtype, its type or its
description (English or the Arabic gloss, compared folded, so ``هجوم`` finds Conflict:Attack
and ``attack`` too). Up/Down move in the list while the focus stays in the field; Enter or
a click chooses; Escape closes. The picker is a non-blocking dialog: ``typeChosen`` carries
the choice.
"""

from __future__ import annotations

from annotator.core.schema import Schema
from annotator.core.text import fold_text
from annotator.ui.qt import Qt, QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget, Signal


def matches(query: str, name: str, description: str) -> bool:
    """Whether every word of ``query`` occurs in the type name or its description (folded)."""
    haystack = fold_text(f"{name} {name.replace(':', ' ')} {description}").casefold()
    return all(fold_text(word).casefold() in haystack for word in query.split())


class EventTypePicker(QtWidgets.QDialog):
    """Choose an event type by typing part of its name or description."""

    typeChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Event Type")
        self.schema = schema
        self.field = QtWidgets.QLineEdit(self)
        self.field.setPlaceholderText("Type to filter: attack, meet, هجوم…")
        self.field.setAccessibleName("Filter event types")
        self.field.setClearButtonEnabled(True)
        self.list_widget = QtWidgets.QListWidget(self)
        self.list_widget.setAccessibleName("Event types")
        self.hint = QtWidgets.QLabel("Enter chooses · Esc cancels", self)
        self.hint.setObjectName("pickerHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list_widget, 1)
        layout.addWidget(self.hint)
        for event_type in schema.event_types.values():
            item = QtWidgets.QListWidgetItem(event_type.name)
            item.setData(Qt.ItemDataRole.UserRole, event_type.name)
            item.setToolTip(f"{event_type.description}\nRoles: {', '.join(event_type.roles)}")
            self.list_widget.addItem(item)
        self.field.textChanged.connect(self.filter)
        self.field.installEventFilter(self)
        self.list_widget.itemActivated.connect(self._choose_item)
        self.list_widget.itemClicked.connect(self._choose_item)
        self.resize(380, 420)
        self.filter("")

    def visible_types(self) -> list[str]:
        """The types the filter leaves, in schema order."""
        return [str(self.list_widget.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list_widget.count())
                if not self.list_widget.item(i).isHidden()]

    def filter(self, query: str) -> None:
        """Show only the types matching ``query``; the first one becomes current."""
        first: QtWidgets.QListWidgetItem | None = None
        for i in range(self.list_widget.count()):
            item = self.list_widget.item(i)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            shown = matches(query, name, self.schema.event_types[name].description)
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        if first is not None:
            self.list_widget.setCurrentItem(first)
        else:
            self.list_widget.setCurrentRow(-1)

    def choose_current(self) -> str | None:
        """Choose the current type (what Enter does); None when the filter left nothing."""
        item = self.list_widget.currentItem()
        if item is None or item.isHidden():
            return None
        self._choose_item(item)
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _choose_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.typeChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def _step(self, delta: int) -> None:
        rows = [i for i in range(self.list_widget.count())
                if not self.list_widget.item(i).isHidden()]
        if not rows:
            return
        current = self.list_widget.currentRow()
        position = rows.index(current) if current in rows else -1
        self.list_widget.setCurrentRow(rows[max(0, min(len(rows) - 1, position + delta))])

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Up/Down/Enter in the field act on the list."""
        if watched is self.field and event.type() == QtCore.QEvent.Type.KeyPress \
                and isinstance(event, QtGui.QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
        return super().eventFilter(watched, event)
