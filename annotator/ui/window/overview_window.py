"""Project ▸ Overview…: where the project stands (issue 17, part 2). Documents per status and
annotator, journal actions per day, entity labels per layer (tables and charts), and the
agreement headline on request (it reads every done document). The figures come from
:mod:`annotator.core.overview`; the charts are the report's, titled in the interface
language."""

from __future__ import annotations

from annotator.core.overview import Overview, project_overview
from annotator.core.store import Project
from annotator.ui.i18n import translate
from annotator.ui.models.documents import status_name
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import QLabel, Qt, QtGui, QtWidgets, QWidget

STATUS_ORDER = ("todo", "in-progress", "done", "skipped")


def _table(headers: list[str], rows: list[list[str]], parent: QWidget) -> QtWidgets.QTableWidget:
    table = QtWidgets.QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QtWidgets.QTableWidgetItem(value))
    table.resizeColumnsToContents()
    return table


def _chart(png: bytes, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    pixmap = QtGui.QPixmap()
    pixmap.loadFromData(png, "PNG")
    label.setPixmap(pixmap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class OverviewWindow(QtWidgets.QDialog):
    """The overview of one project: tabs Documents, Progress, Labels, Agreement."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(translate("Overview", "Project Overview"))
        self.overview = project_overview(project, agreement=False)
        self.tabs = QtWidgets.QTabWidget(self)
        self.summary = plain_label(translate("Overview", "Documents: {count}").format(
            count=self.overview.documents), self)
        self.agreement_button = QtWidgets.QPushButton(
            translate("Overview", "Compute Agreement"), self)
        self.agreement_button.setEnabled(len(self.overview.statuses) >= 2)
        self.agreement_button.clicked.connect(self.compute_agreement)
        self.agreement_page = QWidget(self)
        self.agreement_layout = QtWidgets.QVBoxLayout(self.agreement_page)
        self.agreement_note = plain_label(translate(
            "Overview", "Agreement needs two or more annotators who marked the same documents"
            " done."), self.agreement_page)
        self.agreement_layout.addWidget(self.agreement_note)
        self.agreement_layout.addWidget(self.agreement_button)
        self.agreement_layout.addStretch(1)
        self._fill(self.overview)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close,
                                             self)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def _page(self, *widgets: QWidget) -> QtWidgets.QScrollArea:
        page = QWidget(self)
        column = QtWidgets.QVBoxLayout(page)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        area = QtWidgets.QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(page)
        return area

    def _fill(self, overview: Overview) -> None:
        from annotator.core.overview.charts import labels_png, per_day_png, status_png

        names = {s: status_name(s) for s in STATUS_ORDER}
        statuses = _table([translate("Overview", "Annotator"), *names.values()],
                          [[who, *(str(found.get(s, 0)) for s in STATUS_ORDER)]
                           for who, found in overview.statuses.items()], self)
        documents = translate("Overview", "Documents")
        self.tabs.addTab(self._page(statuses, _chart(status_png(
            overview, translate("Overview", "Documents per status"), documents, names), self)),
            documents)
        days = sorted({who for day in overview.per_day.values() for who in day})
        per_day = _table([translate("Overview", "Day"), *days],
                         [[day, *(str(found.get(who, 0)) for who in days)]
                          for day, found in overview.per_day.items()], self)
        self.tabs.addTab(self._page(per_day, _chart(per_day_png(
            overview, translate("Overview", "Actions per day (journal)"),
            translate("Overview", "Actions")), self)), translate("Overview", "Progress"))
        layers = list(overview.labels)
        label_names = sorted({label for found in overview.labels.values() for label in found})
        labels = _table([translate("Overview", "Label"), *layers],
                        [[label, *(str(overview.labels[who].get(label, 0)) for who in layers)]
                         for label in label_names], self)
        self.tabs.addTab(self._page(labels, _chart(labels_png(
            overview, translate("Overview", "Entity labels per layer"),
            translate("Overview", "Entities")), self)), translate("Overview", "Labels"))
        self.tabs.addTab(self.agreement_page, translate("Overview", "Agreement"))

    def compute_agreement(self) -> None:
        """Compute the agreement headline (reads every done document) and show it."""
        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = project_overview(self.project)
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        if not found.agreement:
            self.agreement_note.setText(translate(
                "Overview", "No document was marked done by two or more annotators."))
            return
        self.agreement_note.setText(translate("Overview", "Shared documents: {count}").format(
            count=found.shared_documents))
        table = _table([translate("Agreement", "layer"), translate("Agreement", "figure"),
                        translate("Agreement", "annotators"), translate("Agreement", "value")],
                       [[r.layer, r.figure, r.who, r.shown] for r in found.agreement], self)
        self.agreement_layout.insertWidget(1, table, 1)
        self.agreement_button.setEnabled(False)
