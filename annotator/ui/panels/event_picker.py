"""A type-ahead picker of the schema's event subtypes (ACE ``Type:Subtype``).

Typing filters the list (a :class:`ChoiceListModel` of
:func:`~annotator.ui.session.event_search.ranked_types`: best match first). The first row
is current, so Enter takes the best match. Up/Down move in
the list while the focus stays in the field; Enter or a click chooses; Escape closes. The
picker is a non-blocking dialog: ``typeChosen`` carries the choice.
"""

from __future__ import annotations

from annotator.core.schema import Schema
from annotator.ui.i18n import translate
from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.qt import QModelIndex, Qt, QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget, Signal
from annotator.ui.rows import document_view
from annotator.ui.session.choices import Choice
from annotator.ui.session.event_search import ranked_types, type_row


class EventTypePicker(QtWidgets.QDialog):
    """Choose an event type by typing part of its name or description."""

    typeChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EventPicker", "Event Type"))
        self.schema = schema
        self.field = QtWidgets.QLineEdit(self)
        self.field.setPlaceholderText(translate("EventPicker",
                                                "Type to filter: attack, meet, هجوم…"))
        self.field.setAccessibleName(translate("EventPicker", "Filter event types"))
        self.field.setClearButtonEnabled(True)
        self.model = ChoiceListModel(parent=self)
        self.list_view = QtWidgets.QListView(self)
        self.list_view.setModel(self.model)
        document_view(self.list_view)
        self.list_view.setAccessibleName(translate("EventPicker", "Event types"))
        self.hint = QtWidgets.QLabel(translate("EventPicker", "Enter chooses · Esc cancels"), self)
        self.hint.setObjectName("pickerHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self.filter)
        self.field.installEventFilter(self)
        self.list_view.activated.connect(self._choose_row)
        self.list_view.clicked.connect(self._choose_row)
        self.resize(380, 420)
        self.filter("")

    def visible_types(self) -> list[str]:
        """The types the filter leaves, best match first."""
        return [str(choice.data) for choice in self.model.choices()]

    def filter(self, query: str) -> None:
        """List only the types matching ``query``, best first; the first one becomes
        current."""
        types = self.schema.event_types
        self.model.set_choices(
            Choice(type_row(name, types[name].description), name,
                   translate("EventPicker", "{description}\nRoles: {roles}").format(
                       description=types[name].description, roles=", ".join(types[name].roles)))
            for name in ranked_types(self.schema, query))
        self._set_row(0 if self.model.rowCount() else -1)

    def _set_row(self, row: int) -> None:
        self.list_view.setCurrentIndex(self.model.index(row) if row >= 0 else QModelIndex())

    def choose_current(self) -> str | None:
        """Choose the current type (what Enter does); None when the filter left nothing."""
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        self._choose_row(index)
        return str(index.data(Qt.ItemDataRole.UserRole))

    def _choose_row(self, index: QModelIndex) -> None:
        self.typeChosen.emit(str(index.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def _step(self, delta: int) -> None:
        count = self.model.rowCount()
        if count:
            current = self.list_view.currentIndex().row()
            self._set_row(max(0, min(count - 1, current + delta)))

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
