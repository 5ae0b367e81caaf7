"""The header above the editor: the current document's title and its status chip."""

from __future__ import annotations

from annotator.ui.models.documents import status_name
from annotator.ui.panels.navigator import STATUS_COLORS
from annotator.ui.qt import QLabel, Qt, QtWidgets, QWidget


class DocumentHeader(QWidget):
    """The current document's title and a status chip, above the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_chip = QLabel(self)
        self.status_chip.setObjectName("statusChip")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 6)
        layout.addWidget(self.title_label, 1)
        layout.addWidget(self.status_chip)
        self._shown: tuple[str, str] | None = None

    def show_document(self, title: str, status: str) -> None:
        """Show ``title`` and the status chip (coloured like the navigator's dots).

        Nothing is touched when both are what is shown: the workbench calls this after every
        change to the document's entities, and a style sheet set again re-polishes the chip
        and lays out the window around it."""
        if (title, status) == self._shown:
            return
        self._shown = (title, status)
        self.title_label.setText(title)
        color = STATUS_COLORS.get(status, "#9aa4b2")
        self.status_chip.setText(status_name(status))
        self.status_chip.setStyleSheet(
            f"QLabel#statusChip {{ color: white; background: {color}; border-radius: 8px;"
            " padding: 2px 10px; font-weight: 600; }")
