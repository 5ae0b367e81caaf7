"""The Curation panel: the open document's disagreements in reading order, one row each
(kind, the words or key, each annotator's version numbered as in the legend, decided or
open), the current one selected, and the keys in a line above. Text is plain text only.
"""

from __future__ import annotations

from annotator.ui.i18n import noop, translate
from annotator.ui.plain_text import plain_label, plain_tooltip
from annotator.ui.qt import QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget, Signal
from annotator.ui.session.curation import CurationRow

KEYS_HINT = noop("CurationPanel", "F8 / Shift+F8 next / previous · Alt+1/2/3 take that"
                 " annotator's · Alt+0 reject · Ctrl+Alt+Enter accept as edited · Ctrl+Enter"
                 " curated")
OPEN_BACKGROUND = "#fff3bf"


class CurationPanel(QWidget):
    """``rowChosen(row)`` when the user picks a row (click or keyboard in the list)."""

    rowChosen = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationPanel")
        self.summary = plain_label("", self)
        self.summary.setObjectName("curationSummary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.hint = plain_label(translate("CurationPanel", KEYS_HINT), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.table = QtWidgets.QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(False)
        self.table.setAccessibleName(translate("CurationPanel", "Disagreements"))
        self.table.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._filling = False
        self.table.currentItemChanged.connect(self._on_current)

    def show_rows(self, annotators: list[str], rows: list[CurationRow],
                  current: int | None) -> None:
        """Fill the list; select row ``current``."""
        self._filling = True
        self.table.clear()
        self.table.setHeaderLabels(["#", translate("CurationPanel",
                                                   "Kind"), translate("CurationPanel", "Text"),
                                    *(f"{n} {name}" for n, name in
                                      enumerate(annotators, start=1)), translate("CurationPanel",
                                                                                 "State")])
        open_brush = QtGui.QBrush(QtGui.QColor(OPEN_BACKGROUND))
        for number, row in enumerate(rows, start=1):
            item = QtWidgets.QTreeWidgetItem([str(number), row.kind, row.where,
                                              *row.versions, row.state])
            if not row.decided:
                for column in range(item.columnCount()):
                    item.setBackground(column, open_brush)
            item.setToolTip(2, plain_tooltip(" · ".join(f"{n} {name}: {v}" for n, (name, v) in
                                          enumerate(zip(annotators, row.versions,
                                                        strict=True), start=1))))
            self.table.addTopLevelItem(item)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        left = sum(1 for r in rows if not r.decided)
        self.summary.setText(translate("CurationPanel", "{left} open of {count} disagreements")
                             .format(left=left, count=len(rows)) if rows
                             else translate("CurationPanel", "No disagreement in this document"))
        if current is not None and 0 <= current < len(rows):
            chosen = self.table.topLevelItem(current)
            if chosen is not None:
                self.table.setCurrentItem(chosen)
                self.table.scrollToItem(chosen)
        self._filling = False

    def current_row(self) -> int | None:
        """The selected row, or None."""
        item = self.table.currentItem()
        return None if item is None else self.table.indexOfTopLevelItem(item)

    def _on_current(self, current: QtWidgets.QTreeWidgetItem | None,
                    _previous: QtWidgets.QTreeWidgetItem | None) -> None:
        if self._filling or current is None:
            return
        self.rowChosen.emit(self.table.indexOfTopLevelItem(current))

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 - Qt override
        return QtCore.QSize(700, 200)
