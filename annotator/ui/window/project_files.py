"""The File menu's dialogs: open or create another project, import documents, export.

Opening or creating a project only asks for the file: the window emits ``projectRequested``
and the app (:mod:`.app`) opens the new window, closing this one only when that worked. This
module never imports the app, so there is no loop app -> main window -> project files -> app.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project
from annotator.ui.i18n import translate
from annotator.ui.qt import QMainWindow, Qt, QtWidgets


def ask_project_to_open(window: QMainWindow, project: Project) -> str | None:
    """Ask for a project file to open in place of ``window``; None when cancelled."""
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        window, translate("ProjectFiles", "Open Project"), str(Path(project.path).parent),
        translate("ProjectFiles", "Projects (*.annotator);;All files (*)"))
    return path or None


def ask_project_to_create(window: QMainWindow, project: Project) -> str | None:
    """Ask for the file of a new project; None when cancelled."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        window, translate("ProjectFiles",
                          "New Project"), str(Path(project.path).parent / "untitled.annotator"),
        translate("ProjectFiles", "Projects (*.annotator)"))
    return path or None


def import_files(window: QMainWindow, project: Project) -> None:
    """Ask for documents, import them (bad files skipped) and report what happened."""
    paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
        window, translate("ProjectFiles", "Import Documents"), str(Path(project.path).parent),
        translate("ProjectFiles",
                  "Documents (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;All files (*)"))
    if not paths:
        return
    from annotator.core.importing import import_paths

    QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = import_paths(project, paths, skip_bad=True)
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()
    lines = [translate("ProjectFiles", "Imported {count} document(s) from {files} file(s).")
             .format(count=len(result.imported), files=result.files)]
    if result.suggestions:
        lines.append(translate("ProjectFiles", "{count} prediction(s) became suggestions (F9"
                               " goes to them).").format(count=result.suggestions))
    lines += [translate("ProjectFiles", "Duplicate skipped: {source}").format(source=source)
              for source, _ in result.duplicates[:10]]
    lines += [translate("ProjectFiles", "Problem: {problem}").format(problem=problem)
              for problem in result.bad[:10]]
    lines += [translate("ProjectFiles", "Note: {warning}").format(warning=warning)
              for warning in result.warnings[:10]]
    QtWidgets.QMessageBox.information(window, translate("ProjectFiles", "Import"), "\n".join(lines))


def export_project(window: QMainWindow, project: Project) -> None:
    """Ask for a file and export the project as canonical JSONL."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        window, translate("ProjectFiles", "Export"), str(Path(project.path).with_suffix(".jsonl")),
        translate("ProjectFiles", "Canonical JSONL (*.jsonl)"))
    if not path:
        return
    from annotator.core.exports import export_canonical
    from annotator.core.output import OutputError

    try:
        count = export_canonical(project, path)
    except (OutputError, OSError, ValueError) as error:  # refused destination, full disk...
        QtWidgets.QMessageBox.warning(
            window, translate("ProjectFiles", "Export"),
            translate("ProjectFiles", "Nothing was exported: {error}").format(error=error))
        return
    window.statusBar().showMessage(translate(
        "ProjectFiles", "Exported {count} document(s) to {path}").format(count=count, path=path),
        8000)
