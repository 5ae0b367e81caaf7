"""The label palette: every entity type of the schema with its colour and hotkey.

A click emits ``labelChosen(label)``; the workbench labels the selection with it (or relabels
the selected annotation). The hotkey is drawn as a key cap at the trailing edge, and the
description (English, then the Arabic gloss) is the row's tooltip.
"""

from __future__ import annotations

from annotator.core.schema import Schema
from annotator.ui.i18n import translate
from annotator.ui.models.labels import ColorRole, EntityTypeModel, HotkeyRole, LabelRole
from annotator.ui.qt import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QtCore,
    QtGui,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)

PADDING = 4
SWATCH = 14
COLUMN_WIDTH = 104
"""The narrowest column of the compact grid: the palette shows as many as fit (two in the
default dock), so every label of the default schema is visible at 800 px without scrolling."""


class LabelDelegate(QtWidgets.QStyledItemDelegate):
    """Swatch at the leading edge, label name, key cap at the trailing edge."""

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(COLUMN_WIDTH, option.fontMetrics.height() + PADDING + 2)

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Background through the style, then swatch, name and key cap."""
        style_option = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        style_option.icon = QtGui.QIcon()
        widget = option.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, style_option,
                          painter, widget)
        rect = option.rect.adjusted(PADDING, 0, -PADDING, 0)
        direction = option.direction
        metrics = option.fontMetrics
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QtGui.QPalette.ColorRole.HighlightedText if selected
                                          else QtGui.QPalette.ColorRole.Text)
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        swatch = QtCore.QRect(rect.left(), rect.center().y() - SWATCH // 2 + 1, SWATCH, SWATCH)
        swatch = QtWidgets.QStyle.visualRect(direction, rect, swatch)
        color = QtGui.QColor(str(index.data(ColorRole) or "#cccccc"))
        painter.setPen(QtGui.QPen(color.darker(150), 1))
        painter.setBrush(color)
        painter.drawRoundedRect(QtCore.QRectF(swatch), 3, 3)
        hotkey = str(index.data(HotkeyRole) or "")
        cap_w = 0
        if hotkey:
            cap_w = max(metrics.horizontalAdvance(hotkey.upper()) + 8, metrics.height() - 2)
            cap = QtCore.QRect(rect.right() - cap_w, rect.center().y() - metrics.height() // 2,
                               cap_w, metrics.height())
            cap = QtWidgets.QStyle.visualRect(direction, rect, cap)
            painter.setPen(QtGui.QPen(option.palette.color(QtGui.QPalette.ColorRole.Mid), 1))
            painter.setBrush(option.palette.color(QtGui.QPalette.ColorRole.Button))
            painter.drawRoundedRect(QtCore.QRectF(cap).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(option.palette.color(QtGui.QPalette.ColorRole.ButtonText))
            painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, hotkey.upper())
        name_rect = QtCore.QRect(rect.left() + SWATCH + 5, rect.top(),
                                 rect.width() - SWATCH - 9 - cap_w, rect.height())
        name_rect = QtWidgets.QStyle.visualRect(direction, rect, name_rect)
        painter.setPen(text_color)
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        painter.drawText(name_rect, align, metrics.elidedText(str(index.data(LabelRole) or ""),
                                                              Qt.TextElideMode.ElideRight,
                                                              name_rect.width()))
        painter.restore()


class LabelPalette(QWidget):
    """The schema's entity types, one row each; a click emits ``labelChosen(label)``."""

    labelChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntityTypeModel(schema, self)
        self.list_view = QtWidgets.QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(LabelDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.list_view.setAccessibleName(translate("Palette", "Entity labels"))
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.clicked.connect(self._on_clicked)
        # A compact grid: rows flow across as many columns as the dock's width allows.
        self.list_view.setFlow(QtWidgets.QListView.Flow.LeftToRight)
        self.list_view.setWrapping(True)
        self.list_view.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list_view)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Size the grid's cells to the list's width (equal columns)."""
        if watched is self.list_view and event.type() == QtCore.QEvent.Type.Resize:
            self._fit_grid()
        return super().eventFilter(watched, event)

    def _columns(self) -> tuple[int, int]:
        """(columns, width) of the grid: from the list's own width, less the scroll bar only
        when the rows do not fit without it (the viewport's width depends on the scroll bar,
        which depends on the columns)."""
        view = self.list_view
        width = view.contentsRect().width()
        height = view.fontMetrics().height() + PADDING + 2
        columns = max(1, width // COLUMN_WIDTH)
        if -(-self.model.rowCount() // columns) * height > view.contentsRect().height():
            width -= view.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
            columns = max(1, width // COLUMN_WIDTH)
        return columns, width

    def _fit_grid(self) -> None:
        view = self.list_view
        columns, width = self._columns()
        height = view.fontMetrics().height() + PADDING + 2
        fits = width == view.contentsRect().width()
        # No scroll bar when every label fits (one shown "as needed" while the grid was
        # still one column wide would stay and keep it one column).
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setGridSize(QSize(max(width // columns, 1) - 1, height))

    def rows_needed(self) -> int:
        """The grid's rows at the current width."""
        return -(-self.model.rowCount() // self._columns()[0])

    def set_schema(self, schema: Schema) -> None:
        """Show the entity types of ``schema`` (after a schema change)."""
        self.model.set_schema(schema)

    def labels(self) -> list[str]:
        """The labels shown, in schema order."""
        return self.model.labels()

    def _index(self, label: str) -> QModelIndex:
        row = self.model.row_of(label)
        if row < 0:
            raise KeyError(label)
        return self.model.index(row)

    def click_label(self, label: str) -> None:
        """Act as if the row of ``label`` was clicked (for tests and the keyboard)."""
        self._on_clicked(self._index(label))

    def item_rect(self, label: str) -> QtCore.QRect:
        """Where the row of ``label`` is, in the list's viewport (for simulated clicks)."""
        return self.list_view.visualRect(self._index(label))

    def _on_clicked(self, index: QModelIndex) -> None:
        self.list_view.clearSelection()
        self.labelChosen.emit(str(index.data(LabelRole)))
