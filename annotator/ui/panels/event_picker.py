"""A type-ahead picker of the schema's event subtypes (ACE ``Type:Subtype``).

Typing filters the list: every word typed must occur in the subtype, its type or its
description (English or the Arabic gloss, compared folded, so ``هجوم`` finds Conflict:Attack
and ``attack`` too). The best matches come first (:func:`match_rank`): subtypes that begin
with the query, then types that do, then names that contain it, then descriptions; ties keep
the schema's order. The first row is current, so Enter takes the best match. Up/Down move in
the list while the focus stays in the field; Enter or a click chooses; Escape closes. The
picker is a non-blocking dialog: ``typeChosen`` carries the choice.
"""

from __future__ import annotations

from annotator.core.schema import Schema
from annotator.core.text import fold_text
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import Qt, QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget, Signal

RANK_SUBTYPE_PREFIX = 0
RANK_TYPE_PREFIX = 1
RANK_NAME = 2
RANK_DESCRIPTION = 3


def _folded(text: str) -> str:
    return fold_text(text).casefold()


def matches(query: str, name: str, description: str) -> bool:
    """Whether every word of ``query`` occurs in the type name or its description (folded)."""
    return match_rank(query, name, description) is not None


def match_rank(query: str, name: str, description: str) -> int | None:
    """How well ``query`` matches the event type ``name`` (``Type:Subtype``), lower is
    better; None when it does not match (see :func:`matches`).

    ``RANK_SUBTYPE_PREFIX``: the subtype begins with the query (``att`` → Conflict:Attack);
    ``RANK_TYPE_PREFIX``: the type or the whole name does (``con`` → Contact:Meet,
    ``justice:sent`` → Justice:Sentence); ``RANK_NAME``: every word occurs in the name;
    ``RANK_DESCRIPTION``: some word only in the description (English or the Arabic gloss).
    An empty query matches everything equally."""
    words = [_folded(word) for word in query.split()]
    if not words:
        return RANK_SUBTYPE_PREFIX
    full = _folded(name)
    spaced = full.replace(":", " ")
    kind, _, subtype = full.partition(":")
    phrase = " ".join(words)
    if subtype.startswith(phrase):
        return RANK_SUBTYPE_PREFIX
    if kind.startswith(phrase) or full.startswith(phrase) or spaced.startswith(phrase):
        return RANK_TYPE_PREFIX
    if all(word in full or word in spaced for word in words):
        return RANK_NAME
    haystack = f"{full} {spaced} {_folded(description)}"
    if all(word in haystack for word in words):
        return RANK_DESCRIPTION
    return None


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
        self.field.textChanged.connect(self.filter)
        self.field.installEventFilter(self)
        self.list_widget.itemActivated.connect(self._choose_item)
        self.list_widget.itemClicked.connect(self._choose_item)
        self.resize(380, 420)
        self.filter("")

    def visible_types(self) -> list[str]:
        """The types the filter leaves, best match first."""
        return [str(self.list_widget.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list_widget.count())]

    def filter(self, query: str) -> None:
        """List only the types matching ``query``, best first (:func:`match_rank`; ties in
        schema order); the first one becomes current."""
        ranked: list[tuple[int, int, str]] = []
        for order, event_type in enumerate(self.schema.event_types.values()):
            rank = match_rank(query, event_type.name, event_type.description)
            if rank is not None:
                ranked.append((rank, order, event_type.name))
        ranked.sort()
        self.list_widget.clear()
        for _rank, _order, name in ranked:
            event_type = self.schema.event_types[name]
            item = QtWidgets.QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(plain_tooltip(
                f"{event_type.description}\nRoles: {', '.join(event_type.roles)}"))
            self.list_widget.addItem(item)
        self.list_widget.setCurrentRow(0 if ranked else -1)

    def choose_current(self) -> str | None:
        """Choose the current type (what Enter does); None when the filter left nothing."""
        item = self.list_widget.currentItem()
        if item is None:
            return None
        self._choose_item(item)
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _choose_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.typeChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def _step(self, delta: int) -> None:
        count = self.list_widget.count()
        if count:
            current = self.list_widget.currentRow()
            self.list_widget.setCurrentRow(max(0, min(count - 1, current + delta)))

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
