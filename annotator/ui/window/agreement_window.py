"""Project ▸ Agreement…: inter-annotator agreement in a window of its own.

Tick the annotators (those who marked documents done start ticked) and the layers, press
Compute: an :class:`~annotator.ui.session.agreement.AgreementJob` runs on a worker thread with
its own read-only connection while a progress bar follows it (a timer looks at the job; the
window never waits). Then the tabs show what ``annotator agreement`` prints: every figure
(per layer and pair), the per-label scores of the chosen pair, its charts (matplotlib PNGs
in labels) and its entity disagreements. A disagreement's text is document text: plain text
in table cells, each piece isolated (FSI...PDI) so that it reads right to left inside this
left-to-right window; Enter or a double click opens the document with the span selected
(``spanRequested``). Save Report… writes the folder ``annotator agreement --report`` writes.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.agreement import LAYERS
from annotator.core.agreement.entities import Disagreement
from annotator.core.store import Project
from annotator.ui.i18n import translate
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import QtCore, QtGui, QtWidgets, QWidget, Signal
from annotator.ui.row_text import directed, isolate, preview
from annotator.ui.session.agreement import (
    DISAGREEMENT_HEADERS,
    FIGURE_HEADERS,
    LABEL_HEADERS,
    AgreementJob,
    PairView,
    ReportJob,
    candidates,
    disagreements_of,
    figure_cells,
    label_rows,
)

POLL_MS = 100
"""How often a running job is looked at."""
CONTEXT_CHARS = 120
"""Characters of a disagreement's context shown in its cell."""

Job = AgreementJob | ReportJob


def _table(headers: tuple[str, ...], parent: QWidget) -> QtWidgets.QTableWidget:
    table = QtWidgets.QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels([translate("Agreement", header) for header in headers])
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QtWidgets.QTableWidget, rows: list[tuple[str, ...]],
          right: frozenset[int] = frozenset()) -> None:
    """Plain-text cells (an item view never reads its text as HTML); columns in ``right``
    aligned to the right (numbers, right-to-left text)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QtWidgets.QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight
                                      | QtCore.Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def disagreement_cells(found: Disagreement) -> tuple[str, ...]:
    """A disagreement as table cells: document text and names isolated, the span between
    ⟦ ⟧ in its context."""
    context = (preview(found.before, CONTEXT_CHARS) + " ⟦" + preview(found.surface)
               + "⟧ " + preview(found.after, CONTEXT_CHARS))
    return (directed(isolate(found.doc_id)), found.kind, directed(isolate(found.label_a)),
            directed(isolate(found.label_b)), directed(isolate(preview(found.surface))),
            directed(isolate(context)))


class AgreementWindow(QtWidgets.QDialog):
    """The Agreement window of ``project`` (its path is what the job opens read-only).
    ``spanRequested(doc_id, start, end)``: open that document with the span selected."""

    spanRequested = Signal(int, int, int)  # noqa: N815 - Qt signal naming

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AgreementWindow", "Agreement — {name}").format(
            name=Path(project.path).name))
        self.setModal(False)
        self.project = project
        self.job: Job | None = None
        self.computed: AgreementJob | None = None
        self._disagreements: list[Disagreement] = []
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self._choices())
        layout.addLayout(self._progress_row())
        pair_row = QtWidgets.QHBoxLayout()
        pair_row.addWidget(plain_label(translate("AgreementWindow", "Pair:"), self))
        self.pair_combo = QtWidgets.QComboBox(self)
        self.pair_combo.setAccessibleName(translate("AgreementWindow", "Pair of annotators"))
        self.pair_combo.currentIndexChanged.connect(self._show_pair)
        pair_row.addWidget(self.pair_combo, 1)
        layout.addLayout(pair_row)
        self.tabs = QtWidgets.QTabWidget(self)
        self.figures = _table(FIGURE_HEADERS, self)
        self.labels = _table(LABEL_HEADERS, self)
        self.labels.horizontalHeader().setStretchLastSection(False)  # numbers by their header
        self.disagreements = _table(DISAGREEMENT_HEADERS, self)
        self.disagreements.setToolTip(translate(
            "AgreementWindow", "Enter or double click: open the document at the span"))
        self.disagreements.activated.connect(self._open_disagreement)  # Enter, double click
        self.tabs.addTab(self.figures, translate("AgreementWindow", "Figures"))
        self.tabs.addTab(self.labels, translate("AgreementWindow", "Per label"))
        self.tabs.addTab(self._charts_page(), translate("AgreementWindow", "Charts"))
        self.tabs.addTab(self.disagreements, translate("AgreementWindow", "Disagreements"))
        layout.addWidget(self.tabs, 1)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.save_button = buttons.addButton(translate("AgreementWindow", "Save Report…"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_report)
        close = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        layout.addWidget(buttons)
        self.resize(980, 720)

    # -- construction -------------------------------------------------------------------------

    def _choices(self) -> QtWidgets.QFormLayout:
        form = QtWidgets.QFormLayout()
        people = QtWidgets.QHBoxLayout()
        self.annotator_boxes: dict[str, QtWidgets.QCheckBox] = {}
        for found in candidates(self.project):
            box = QtWidgets.QCheckBox(translate("AgreementWindow", "{name} ({done} done)").format(
                name=found.name, done=found.done), self)
            box.setChecked(found.default)
            box.toggled.connect(self._update_compute)
            self.annotator_boxes[found.name] = box
            people.addWidget(box)
        people.addStretch(1)
        form.addRow(plain_label(translate("AgreementWindow", "Annotators:"), self), people)
        layers = QtWidgets.QHBoxLayout()
        self.layer_boxes: dict[str, QtWidgets.QCheckBox] = {}
        for name in LAYERS:
            box = QtWidgets.QCheckBox(name, self)
            box.setChecked(True)
            box.toggled.connect(self._update_compute)
            self.layer_boxes[name] = box
            layers.addWidget(box)
        layers.addStretch(1)
        form.addRow(plain_label(translate("AgreementWindow", "Layers:"), self), layers)
        return form

    def _progress_row(self) -> QtWidgets.QHBoxLayout:
        row = QtWidgets.QHBoxLayout()
        self.compute_button = QtWidgets.QPushButton(translate("AgreementWindow", "Compute"), self)
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.progress = QtWidgets.QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        row.addWidget(self.compute_button)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        self._update_compute()
        return row

    def _charts_page(self) -> QtWidgets.QScrollArea:
        area = QtWidgets.QScrollArea(self)
        area.setWidgetResizable(True)
        page = QWidget(area)
        self.charts_layout = QtWidgets.QVBoxLayout(page)
        self.charts_layout.addStretch(1)
        area.setWidget(page)
        return area

    # -- choosing -----------------------------------------------------------------------------

    def chosen_annotators(self) -> list[str]:
        return [name for name, box in self.annotator_boxes.items() if box.isChecked()]

    def chosen_layers(self) -> list[str]:
        return [name for name, box in self.layer_boxes.items() if box.isChecked()]

    def _update_compute(self) -> None:
        ready = len(self.chosen_annotators()) >= 2 and bool(self.chosen_layers())
        self.compute_button.setEnabled(ready and self.job is None)
        if not ready and self.job is None:
            self.status.setText(translate("AgreementWindow",
                                          "Tick two or more annotators and a layer."))
        elif self.job is None and self.computed is None:
            self.status.setText("")

    # -- computing ----------------------------------------------------------------------------

    def compute(self) -> None:
        """Start the computation on its worker thread (nothing while one runs)."""
        if self.job is not None:
            return
        self.job = AgreementJob(self.project.path, self.chosen_annotators(),
                                self.chosen_layers()).start()
        self.progress.setRange(0, 0)  # busy until the job knows its total
        self.status.setText(translate("AgreementWindow", "Comparing…"))
        self._update_compute()
        self.save_button.setEnabled(False)
        self._timer.start()

    def poll(self) -> None:
        """Follow the running job (the timer calls this); show its result once done."""
        job = self.job
        if job is None:
            self._timer.stop()
            return
        if isinstance(job, AgreementJob) and job.total:
            self.progress.setRange(0, job.total)
            self.progress.setValue(min(job.read, job.total))
        if not job.done():
            return
        self.job = None
        self._timer.stop()
        self._update_compute()
        if isinstance(job, ReportJob):
            self._report_done(job)
            return
        self.progress.setRange(0, max(job.total, 1))
        self.progress.setValue(max(job.total, 1) if job.error is None else 0)
        if job.error is not None or job.result is None:
            self.status.setText(job.error or translate("AgreementWindow", "Cancelled."))
            return
        self.computed = job
        self.save_button.setEnabled(True)
        self._show(job)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running job and show its result (tests, benches)."""
        if self.job is not None:
            self.job.wait(timeout)
        self.poll()

    def _show(self, job: AgreementJob) -> None:
        result = job.result
        assert result is not None
        self.status.setText(
            translate("AgreementWindow", "{count} shared documents (done by two or more of"
                      " {annotators}); ").format(count=result.documents,
                                                 annotators=", ".join(result.annotators))
            + ", ".join(f"{k}: {v}" for k, v in result.per_annotator.items())
            + (f"; {job.charts_missing}" if job.charts_missing else ""))
        _fill(self.figures, [figure_cells(row) for row in job.rows], frozenset({3}))
        self.pair_combo.blockSignals(True)
        self.pair_combo.clear()
        for view in job.pairs:
            self.pair_combo.addItem(view.name)
        self.pair_combo.blockSignals(False)
        self._show_pair(0)

    def _pair(self) -> PairView | None:
        job, index = self.computed, self.pair_combo.currentIndex()
        if job is None or not 0 <= index < len(job.pairs):
            return None
        return job.pairs[index]

    def _show_pair(self, _index: int) -> None:
        view = self._pair()
        _fill(self.labels, [] if view is None else label_rows(view.found),
              frozenset(range(1, len(LABEL_HEADERS))))
        self._disagreements = [] if view is None else disagreements_of(view)
        _fill(self.disagreements, [disagreement_cells(d) for d in self._disagreements],
              frozenset({4, 5}))
        self._show_charts(view)

    def _show_charts(self, view: PairView | None) -> None:
        layout = self.charts_layout
        while layout.count() > 1:
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        charts = [] if view is None else view.charts
        for at, (kind, caption, png) in enumerate(charts):
            title = plain_label(f"{caption}, {view.name}" if view else caption, self)
            title.setObjectName(f"chartTitle_{kind}")
            picture = QtWidgets.QLabel(self)
            picture.setObjectName(f"chart_{kind}")
            pixmap = QtGui.QPixmap()
            pixmap.loadFromData(png, "PNG")
            picture.setPixmap(pixmap)
            layout.insertWidget(2 * at, title)
            layout.insertWidget(2 * at + 1, picture)

    # -- disagreements ------------------------------------------------------------------------

    def _open_disagreement(self, index: QtCore.QModelIndex) -> None:
        row = index.row()
        if not 0 <= row < len(self._disagreements):
            return
        found = self._disagreements[row]
        doc_id = self.project.find_document(found.doc_id)
        if doc_id is None:
            self.status.setText(translate(
                "AgreementWindow", "Document {doc_id} is no longer in the project.").format(
                    doc_id=found.doc_id))
            return
        self.spanRequested.emit(doc_id, found.start, found.end)

    # -- the report ---------------------------------------------------------------------------

    def ask_report(self) -> None:
        """Ask where to write the report folder, then write it."""
        start = str(Path(self.project.path).with_name("agreement-report"))
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, translate("AgreementWindow", "Save Agreement Report (a folder)"), start,
            translate("AgreementWindow", "Report folder (*)"))
        if target:
            self.save_report(Path(target))

    def save_report(self, target: Path) -> None:
        """Write ``annotator agreement --report`` of the last result into ``target``, on a
        worker thread."""
        computed = self.computed
        if computed is None or computed.result is None or self.job is not None:
            return
        self.job = ReportJob(computed.result, computed.data, target, Path(self.project.path),
                             self.project.project_id).start()
        self.status.setText(translate("AgreementWindow", "Writing the report to {target}…").format(
            target=target))
        self.save_button.setEnabled(False)
        self._update_compute()
        self._timer.start()

    def _report_done(self, job: ReportJob) -> None:
        self.save_button.setEnabled(True)
        if job.error is not None:
            self.status.setText(translate(
                "AgreementWindow", "The report was not written: {error}").format(error=job.error))
        else:
            self.status.setText(translate(
                "AgreementWindow", "Wrote {count} files to {target}.").format(
                    count=len(job.files), target=job.target))

    # -- closing ------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """Cancel a running job and wait for its thread (the window or project closes)."""
        self._timer.stop()
        if self.job is not None:
            self.job.cancel()
            self.job = None
