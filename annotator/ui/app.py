"""The application window.

This first window lists the project's documents (lazily) and shows the selected one as read-only,
right-to-left plain text. The annotation workbench replaces the viewer in the next milestone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.store import Project, ProjectError
from annotator.ui.document_model import DocIdRole, DocumentListModel
from annotator.ui.fonts import preferred_text_font
from annotator.ui.qt import (
    QAction,
    QApplication,
    QFileDialog,
    QKeySequence,
    QListView,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QSettings,
    QSplitter,
    Qt,
    QTextEdit,
    QTextOption,
)

ORGANIZATION = "annotator"
APPLICATION = "annotator"


class MainWindow(QMainWindow):
    """Document navigator on one side, the document text on the other."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{Path(project.path).name} — annotator")
        self.model = DocumentListModel(project, self)
        self.navigator = QListView(self)
        self.navigator.setModel(self.model)
        self.navigator.setUniformItemSizes(True)
        self.navigator.selectionModel().currentChanged.connect(self._show_document)
        self.viewer = QTextEdit(self)
        self.viewer.setReadOnly(True)
        self.viewer.setAcceptRichText(False)
        self.viewer.setFont(preferred_text_font())
        self.viewer.document().setDefaultTextOption(_rtl_option())
        self.viewer.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        splitter = QSplitter(self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.statusBar().showMessage(f"{self.model.rowCount()} documents")
        self.resize(1100, 700)
        if self.model.rowCount():
            self.navigator.setCurrentIndex(self.model.index(0, 0))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open Project…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._open_project)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(open_action)
        file_menu.addAction(quit_action)

    def _show_document(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(DocIdRole)
        if doc_id is None:
            return
        # Plain text only: document text is untrusted input and must never be parsed as HTML.
        self.viewer.setPlainText(self.project.get_text(int(doc_id)))

    def _open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Project", str(Path(self.project.path).parent), "Projects (*.annotator)"
        )
        if path:
            open_window(path)


def _rtl_option() -> QTextOption:
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


_windows: list[MainWindow] = []


def open_window(path: str) -> MainWindow | None:
    """Open ``path`` in a new window, or explain in a dialog why it cannot be opened."""
    try:
        project = Project.open(path)
    except ProjectError as error:
        QMessageBox.critical(None, "Cannot open project", str(error))
        return None
    window = MainWindow(project)
    window.show()
    _windows.append(window)
    QSettings(ORGANIZATION, APPLICATION).setValue("last_project", str(Path(path).resolve()))
    return window


def resolve_project(path: str | None) -> str:
    """The project to open: the argument, else the last one, else the bundled sample."""
    if path:
        return path
    last = QSettings(ORGANIZATION, APPLICATION).value("last_project")
    if isinstance(last, str) and Path(last).exists():
        return last
    from annotator.core.sample import ensure_sample_project

    return str(ensure_sample_project())


def run(path: str | None = None) -> int:
    """Start the app; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if open_window(resolve_project(path)) is None:
        return 1
    return int(app.exec())
