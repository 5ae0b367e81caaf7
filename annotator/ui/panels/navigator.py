"""The document navigator: status and text filters over the lazy document list.

Each row shows a status dot, the title (elided) and the entity count at the trailing edge.
The delegate paints with ``QStyle.visualRect`` so that "leading" and "trailing" follow the
layout direction (left-to-right or right-to-left). Keyboard: arrows/PgUp/PgDn move through
the list and open the document under the cursor; Down in the filter field moves into the
list; Enter in the filter field opens the first match.
"""

from __future__ import annotations

from annotator.core.model import STATUSES
from annotator.core.store import Project
from annotator.ui.i18n import translate
from annotator.ui.models.documents import (
    DISAGREEMENTS,
    DocIdRole,
    DocumentListModel,
    EntityCountRole,
    StatusRole,
    TitleRole,
    status_name,
)
from annotator.ui.panels.document_table import DocumentTable
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
from annotator.ui.row_text import is_rtl_text

STATUS_COLORS = {"todo": "#9aa4b2", "in-progress": "#e0a100", "done": "#2e9d5b",
                 "skipped": "#b05c5c"}
ROW_PADDING = 6


def row_height(metrics: QtGui.QFontMetrics) -> int:
    """The height of a navigator row for a font."""
    return metrics.height() + 2 * ROW_PADDING + 2


class DocumentDelegate(QtWidgets.QStyledItemDelegate):
    """Status dot at the leading edge, title, and the entity count at the trailing edge."""

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, row_height(option.fontMetrics))

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw the row background through the style, then the three parts."""
        style_option = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, style_option,
                          painter, widget)
        rect = option.rect.adjusted(ROW_PADDING, 0, -ROW_PADDING, 0)
        direction = option.direction
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        text_role = (QtGui.QPalette.ColorRole.HighlightedText if selected
                     else QtGui.QPalette.ColorRole.Text)
        metrics = option.fontMetrics
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        # Status dot (leading edge).
        status = str(index.data(StatusRole) or "todo")
        dot = 10
        dot_rect = QtCore.QRect(rect.left(), rect.center().y() - dot // 2, dot, dot)
        dot_rect = QtWidgets.QStyle.visualRect(direction, rect, dot_rect)
        color = QtGui.QColor(STATUS_COLORS.get(status, "#9aa4b2"))
        painter.setPen(QtGui.QPen(color.darker(130), 1.2))
        painter.setBrush(color if status in ("done", "in-progress", "skipped")
                         else QtCore.Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot_rect)
        # Entity count (trailing edge), as a small rounded badge.
        count_text = str(index.data(EntityCountRole) or 0)
        badge_w = metrics.horizontalAdvance(count_text) + 12
        badge_h = metrics.height()
        badge = QtCore.QRect(rect.right() - badge_w, rect.center().y() - badge_h // 2 + 1,
                             badge_w, badge_h)
        badge = QtWidgets.QStyle.visualRect(direction, rect, badge)
        badge_color = option.palette.color(QtGui.QPalette.ColorRole.Mid)
        badge_color.setAlpha(70)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(badge_color)
        painter.drawRoundedRect(badge, badge_h / 2, badge_h / 2)
        painter.setPen(option.palette.color(text_role))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, count_text)
        # Title between them, elided; its own direction decides its alignment.
        title = str(index.data(TitleRole) or "")
        title_rect = QtCore.QRect(rect.left() + dot + 8, rect.top(),
                                  rect.width() - dot - 8 - badge_w - 8, rect.height())
        title_rect = QtWidgets.QStyle.visualRect(direction, rect, title_rect)
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width())
        painter.setPen(option.palette.color(text_role))
        # Lay the title out in its own direction (an Arabic title reads from the right, its
        # ellipsis at its end on the left), whatever the layout direction of the list.
        rtl = is_rtl_text(title)
        text_option = QtGui.QTextOption(
            Qt.AlignmentFlag.AlignVCenter
            | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft))
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl
                                     else Qt.LayoutDirection.LeftToRight)
        text_option.setWrapMode(QtGui.QTextOption.WrapMode.NoWrap)
        painter.drawText(QtCore.QRectF(title_rect), elided, text_option)
        painter.restore()


class NavigatorPanel(QWidget):
    """Filters above the document list. ``documentActivated(doc_id)`` when the current row
    changes to a document (by mouse, keyboard or :meth:`select_document`)."""

    documentActivated = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(project, self)
        self.model.attach()
        self._current: int | None = None
        self._detached = False
        self.status_combo = QtWidgets.QComboBox(self)
        self.status_combo.addItem(translate("Navigator", "All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_name(status), status)
        self.status_combo.setAccessibleName(translate("Navigator", "Status filter"))
        self.assigned_check = QtWidgets.QCheckBox(translate("Navigator", "Assigned to me"), self)
        self.assigned_check.setToolTip(translate("Navigator", "Only the documents assigned to you"
                                       " (annotator assign)"))
        self.assigned_check.setAccessibleName(translate("Navigator", "Assigned to me filter"))
        self._annotator = project.annotator
        self.filter_edit = QtWidgets.QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("Navigator", "Filter titles…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(translate("Navigator", "Title filter"))
        self.count_label = QtWidgets.QLabel(self)
        self.count_label.setObjectName("navigatorCount")
        self.progress_label = QtWidgets.QLabel(self)
        self.progress_label.setObjectName("curationProgress")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()
        self.list_view = DocumentTable(row_height(self.fontMetrics()), self)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(DocumentDelegate(self.list_view))
        self.list_view.setAccessibleName(translate("Navigator", "Documents"))
        self.list_view.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        filters = QtWidgets.QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.filter_edit, 1)
        layout.addLayout(filters)
        layout.addWidget(self.assigned_check)  # its own line: the title field keeps its room
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.progress_label)
        self._filter_timer = QtCore.QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.status_combo.currentIndexChanged.connect(self.apply_filters)
        self.assigned_check.toggled.connect(self.apply_filters)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self._open_first)
        self.filter_edit.installEventFilter(self)
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self.model.filterChanged.connect(self._after_reset)
        self.model.dataChanged.connect(self._update_count)
        self._project = project
        self.refresh_assignments()
        self._update_count()

    def detach(self) -> None:
        """Stop following the store and drop a pending filter (before the project closes)."""
        self._filter_timer.stop()
        self._detached = True
        self.model.detach()

    # -- filters ------------------------------------------------------------------------------

    def apply_filters(self) -> None:
        """Apply the status combo and the text field now (the field is debounced)."""
        self._filter_timer.stop()
        if self._detached:
            return
        status = self.status_combo.currentData()
        self.model.use_assigned(self._annotator if self.assigned_check.isChecked() else None)
        self.model.set_filter(status if isinstance(status, str) else None,
                              self.filter_edit.text().strip() or None)

    def refresh_assignments(self) -> None:
        """Show "Assigned to me" when the project has assignments (one index probe);
        hiding it turns the filter off."""
        if self._detached:
            return
        has = self._project.has_assignments()
        self.assigned_check.setVisible(has)
        if not has and self.assigned_check.isChecked():
            self.assigned_check.setChecked(False)  # filters through toggled

    def set_status_filter(self, status: str | None) -> None:
        """Choose a status in the combo (None: all) and filter."""
        index = max(self.status_combo.findData(status), 0)
        if index == self.status_combo.currentIndex():
            self.apply_filters()
        else:
            self.status_combo.setCurrentIndex(index)  # filters through currentIndexChanged

    def set_curating(self, text: str | None) -> None:
        """The curation view: the "Disagreements left" filter and the progress line
        (``text``); None leaves curation (the filter and the line go)."""
        index = self.status_combo.findData(DISAGREEMENTS)
        if text is None:
            if index >= 0:
                self.status_combo.removeItem(index)
            self.progress_label.hide()
            return
        if index < 0:
            self.status_combo.addItem(translate("Navigator", "Disagreements left"), DISAGREEMENTS)
        self.progress_label.setText(text)
        self.progress_label.show()

    def _after_reset(self) -> None:
        """Reselect the current document in the rebuilt list, without reopening it."""
        self._update_count()
        if self._current is not None:
            row = self.model.row_of(self._current)
            if row is not None:
                self._set_row(row)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        model = self.model
        filtered = (model.status_filter is not None or model.text_filter is not None
                    or model.assigned_filter is not None)
        text = (translate("Navigator", "{count} document") if shown == 1
                else translate("Navigator", "{count} documents"))
        if filtered:
            text += translate("Navigator", " (filtered)")
        self.count_label.setText(text.format(count=shown))

    def _open_first(self) -> None:
        self.apply_filters()
        if self.model.rowCount():
            self.list_view.setFocus()
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Down in the filter field moves into the list."""
        if (watched is self.filter_edit and event.type() == QtCore.QEvent.Type.KeyPress
                and isinstance(event, QtGui.QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self.list_view.setFocus()
            if not self.list_view.currentIndex().isValid() and self.model.rowCount():
                self.list_view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    # -- current document ---------------------------------------------------------------------

    @property
    def current_document(self) -> int | None:
        """The document the navigator marks as current."""
        return self._current

    def select_document(self, doc_id: int) -> None:
        """Mark ``doc_id`` current, clearing the filters if they hide it. Emits
        ``documentActivated`` only when it changes the current document."""
        row = self.model.row_of(doc_id)
        if row is None:
            self.status_combo.blockSignals(True)
            self.status_combo.setCurrentIndex(0)
            self.status_combo.blockSignals(False)
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.assigned_check.blockSignals(True)
            self.assigned_check.setChecked(False)
            self.assigned_check.blockSignals(False)
            self.model.use_assigned(None)
            self.model.set_filter(None, None)
            row = self.model.row_of(doc_id)
        changed = doc_id != self._current
        self._current = doc_id
        if row is not None:
            self._set_row(row)
        if changed:
            self.documentActivated.emit(doc_id)

    def _set_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.list_view.viewport().update()
        self.list_view.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(DocIdRole)
        if doc_id is None or int(doc_id) == self._current:
            return
        self._current = int(doc_id)
        self.documentActivated.emit(int(doc_id))
