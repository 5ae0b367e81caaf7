"""The find bar (Ctrl+F): matches on the folded text, so ``احمد`` finds ``أحمد``.

Matching uses :func:`annotator.core.text.find_folded` (alef forms, ى/ي, ة/ه, tashkeel and
tatweel folded; presentation forms expanded) and gives offsets into the stored text. The
current match is shown by selecting it in the editor. Enter goes to the next match,
Shift+Enter to the previous one, Escape closes the bar.
"""

from __future__ import annotations

from annotator.core.text import Folded, find_folded, fold
from annotator.ui.i18n import translate
from annotator.ui.qt import QLabel, Qt, QtCore, QtGui, QtWidgets, QWidget, Signal


class FindBar(QWidget):
    """Query field, match counter, previous/next and close buttons.

    ``matchChosen(start, end)`` asks the owner to select a match (code points);
    ``closed()`` when the bar hides.
    """

    matchChosen = Signal(int, int)  # noqa: N815 - Qt signal naming
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._folded: Folded | None = None
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.query_edit = QtWidgets.QLineEdit(self)
        self.query_edit.setPlaceholderText(
            translate("FindBar", "Find (ignores hamza forms, tashkeel, tatweel)"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(translate("FindBar", "Find"))
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(80)
        self.previous_button = QtWidgets.QToolButton(self)
        self.previous_button.setText(translate("FindBar", "Previous"))
        self.previous_button.setToolTip(translate("FindBar", "Previous match (Shift+Enter)"))
        self.next_button = QtWidgets.QToolButton(self)
        self.next_button.setText(translate("FindBar", "Next"))
        self.next_button.setToolTip(translate("FindBar", "Next match (Enter)"))
        self.close_button = QtWidgets.QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("FindBar", "Close (Escape)"))
        self.close_button.setAutoRaise(True)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(translate("FindBar", "Find:"), self))
        layout.addWidget(self.query_edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.query_edit.textChanged.connect(self._search)
        self.query_edit.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)

    def set_text(self, text: str) -> None:
        """Search ``text`` from now on (the document changed); keeps the query."""
        self._text = text
        self._folded = None
        self._matches = []
        self._current = -1
        if self.isVisible():
            self._search()

    def open_bar(self, initial: str = "") -> None:
        """Show the bar with the field focused (pre-filled with ``initial`` when given)."""
        self.show()
        if initial:
            self.query_edit.setText(initial)
        self.query_edit.setFocus()
        self.query_edit.selectAll()
        self._search()

    def close_bar(self) -> None:
        """Hide the bar."""
        self.hide()
        self.closed.emit()

    @property
    def matches(self) -> list[tuple[int, int]]:
        """The matches of the current query, in text order (code points)."""
        return list(self._matches)

    def find_next(self) -> None:
        """Select the next match (wrapping)."""
        self._step(1)

    def find_previous(self) -> None:
        """Select the previous match (wrapping)."""
        self._step(-1)

    def _search(self) -> None:
        query = self.query_edit.text()
        if self._folded is None and self._text:
            self._folded = fold(self._text)
        self._matches = (find_folded(self._text, query, folded=self._folded)
                         if query.strip() and self._text else [])
        self._current = -1
        if self._matches:
            self._step(1)
        else:
            self._show_count()

    def _step(self, delta: int) -> None:
        if not self._matches:
            self._show_count()
            return
        self._current = (self._current + delta) % len(self._matches)
        self._show_count()
        self.matchChosen.emit(*self._matches[self._current])

    def _show_count(self) -> None:
        if not self.query_edit.text().strip():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(translate("FindBar", "No matches"))
        else:
            self.count_label.setText(translate("FindBar", "{current} of {count}").format(
                current=self._current + 1, count=len(self._matches)))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Enter / Shift+Enter / Escape in the query field."""
        if watched is self.query_edit and event.type() == QtCore.QEvent.Type.KeyPress \
                and isinstance(event, QtGui.QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
