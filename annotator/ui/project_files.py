"""The File menu's dialogs: open or create another project, import documents, export.

Opening or creating a project opens a new window and closes this one only when that worked.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project
from annotator.ui.qt import QMainWindow, Qt, QtWidgets


def open_project(window: QMainWindow, project: Project) -> None:
    """Ask for a project file and open it in place of ``window``."""
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        window, "Open Project", str(Path(project.path).parent),
        "Projects (*.annotator);;All files (*)")
    if path:
        from annotator.ui.app import open_window

        if open_window(path) is not None:
            window.close()


def new_project(window: QMainWindow, project: Project) -> None:
    """Ask for a new project file, create it and open it in place of ``window``."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        window, "New Project", str(Path(project.path).parent / "untitled.annotator"),
        "Projects (*.annotator)")
    if path:
        from annotator.ui.app import open_window

        if open_window(path, create=True) is not None:
            window.close()


def import_files(window: QMainWindow, project: Project) -> None:
    """Ask for documents, import them (bad files skipped) and report what happened."""
    paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
        window, "Import Documents", str(Path(project.path).parent),
        "Documents (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;All files (*)")
    if not paths:
        return
    from annotator.core.importing import import_paths

    QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = import_paths(project, paths, skip_bad=True)
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()
    lines = [f"Imported {len(result.imported)} document(s) from {result.files} file(s)."]
    lines += [f"Duplicate skipped: {source}" for source, _ in result.duplicates[:10]]
    lines += [f"Problem: {problem}" for problem in result.bad[:10]]
    lines += [f"Note: {warning}" for warning in result.warnings[:10]]
    QtWidgets.QMessageBox.information(window, "Import", "\n".join(lines))


def export_project(window: QMainWindow, project: Project) -> None:
    """Ask for a file and export the project as canonical JSONL."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        window, "Export", str(Path(project.path).with_suffix(".jsonl")),
        "Canonical JSONL (*.jsonl)")
    if not path:
        return
    from annotator.core.exports import export_canonical
    from annotator.core.output import OutputError

    try:
        count = export_canonical(project, path)
    except (OutputError, OSError, ValueError) as error:  # refused destination, full disk...
        QtWidgets.QMessageBox.warning(window, "Export", f"Nothing was exported: {error}")
        return
    window.statusBar().showMessage(f"Exported {count} document(s) to {path}", 8000)
