"""The legend of the other annotators' layers shown over the text: one colour swatch and name
per shown layer, above the editor; hidden while no other layer is shown."""

from __future__ import annotations

from annotator.ui.i18n import translate
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import QtGui, QtWidgets, QWidget


def swatch(color: str, size: int = 12) -> QtGui.QPixmap:
    """A small square of ``color`` with a darker border (a layer's colour in menus)."""
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(QtGui.QColor(color))
    painter = QtGui.QPainter(pixmap)
    painter.setPen(QtGui.QColor(color).darker(150))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


class LayersLegend(QWidget):
    """``Other layers (read-only): ■ bob  ■ carol`` (names as plain text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layersLegend")
        self._row = QtWidgets.QHBoxLayout(self)
        self._row.setContentsMargins(8, 2, 8, 2)
        self._row.setSpacing(6)
        self.title = plain_label(translate("LayersLegend",
                                           "Other layers (read-only, outlined):"), self)
        self._row.addWidget(self.title)
        self._row.addStretch(1)
        self.entries: list[tuple[str, str]] = []
        self.hint = False
        """Showing only the hint that other layers exist (none shown)."""
        self.hide()

    def show_layers(self, layers: list[tuple[str, str]], hidden: int = 0) -> None:
        """Show ``(name, colour)`` of each layer shown; with none shown, a one-line hint
        when ``hidden`` other layers could be (a new user would not look in the View menu),
        else nothing."""
        self.title.setText(
            translate("LayersLegend", "Other layers (read-only, outlined):")
            if layers or not hidden else
            translate("LayersLegend", "{hidden} other annotator layer(s) on this document: View ▸"
                      " Layers shows them").format(hidden=hidden))
        self.hint = not layers and hidden > 0
        if layers == self.entries:
            self.setVisible(bool(layers) or self.hint)
            return
        self.entries = list(layers)
        while self._row.count() > 2:  # keep the title and the stretch
            item = self._row.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:  # hidden at once: deleteLater waits for the event loop
                widget.hide()
                widget.deleteLater()
        for position, (name, color) in enumerate(layers):
            mark = QtWidgets.QLabel(self)
            mark.setPixmap(swatch(color))
            label = plain_label(name, self)
            label.setStyleSheet(f"color: {QtGui.QColor(color).darker(115).name()};"
                                " font-weight: bold;")
            self._row.insertWidget(1 + 2 * position, mark)
            self._row.insertWidget(2 + 2 * position, label)
        self.setVisible(bool(layers) or self.hint)
