"""Starting the app: which project to open, opening it in a workbench window.

``annotator PROJECT`` opens that project; with no argument the last project opened (kept in
QSettings), or the bundled sample project the first time. The project is opened as the
annotator of :func:`.identity.annotator_for_run` (``--annotator``, ``$ANNOTATOR_NAME``, the
remembered name, or asked once); Preferences reopens it as another name. A project that
cannot be opened (missing, not a project, damaged, made by a newer version) is explained in a
dialog with the store's own message.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from annotator.core.store import CURATED, Project, ProjectError
from annotator.core.store.engines.address import is_server_address
from annotator.ui.qt import QApplication, QMessageBox, Qt
from annotator.ui.window.identity import annotator_for_run
from annotator.ui.window.main_window import MainWindow
from annotator.ui.window.settings import (
    APPLICATION,
    ORGANIZATION,
    last_project,
    load_preferences,
    remember_project,
)

__all__ = ["APPLICATION", "ORGANIZATION", "MainWindow", "open_window", "resolve_project", "run"]

_windows: list[MainWindow] = []
"""Open windows (kept referenced so they are not garbage collected)."""


def open_window(path: str, *, create: bool = False, annotator: str | None = None,
                note: str = "", layer: str | None = None) -> MainWindow | None:
    """Open ``path`` as ``annotator`` (None: the store's default) in a new window, or explain
    in a dialog why it cannot be opened; ``note`` is shown in its status bar. ``layer``
    :data:`CURATED` opens the curation mode (a curator only).

    With ``create`` a missing file becomes a new, empty project. The file's full
    ``quick_check`` runs on a worker once the window is painted (``ProjectWatch.start_check``);
    only its header is checked before.
    """
    try:
        project = Project.open(path, create=create, annotator=annotator, quick_check=False,
                               layer=layer)
    except ProjectError as error:
        QMessageBox.critical(None, "Cannot open project", str(error))
        return None
    window = MainWindow(project, load_preferences())
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.closed.connect(lambda: _forget(window))
    window.projectRequested.connect(partial(_replace, window))
    window.reopenAs.connect(partial(_reopen_as, window))
    window.curateRequested.connect(partial(_reopen_curating, window))
    window.show()
    if note:
        window.status_line.show_message(note, 15000)
    _windows.append(window)
    remember_project(path)
    return window


def _replace(window: MainWindow, path: str, create: bool) -> None:
    """Open ``path`` (File > Open or New) and close ``window`` when that worked."""
    if open_window(path, create=create, annotator=window.project.annotator) is not None:
        window.close()


def _reopen_as(window: MainWindow, name: str) -> None:
    """Preferences changed the annotator name: open the same project as ``name`` (its own
    layer) and close ``window``."""
    path = str(window.project.path)
    note = (f"Reopened {Path(path).name} as {name}: you see and edit {name}'s layer"
            f" (was {window.project.annotator}'s).")
    if open_window(path, annotator=name, note=note) is not None:
        window.close()


def _reopen_curating(window: MainWindow, on: bool) -> None:
    """Curation ▸ Curate… (or Stop Curating): the same project, as the same person, on the
    curated layer (or on their own)."""
    path = str(window.project.path)
    name = window.project.annotator
    note = (f"Curating {Path(path).name} as {name}: F8 next disagreement, Alt+1/2/3 take,"
            " Alt+0 reject, Ctrl+Enter curated." if on
            else f"Stopped curating: you see and edit {name}'s own layer.")
    if open_window(path, annotator=name, note=note,
                   layer=CURATED if on else None) is not None:
        window.close()


def _forget(window: MainWindow) -> None:
    if window in _windows:
        _windows.remove(window)


def resolve_project(path: str | None, annotator: str | None = None,
                    sample: bool = False) -> str:
    """The project to open: the argument, else the last one, else the bundled sample (with
    ``sample``, the sample at once); a sample built now holds its annotations in
    ``annotator``'s layer."""
    if path and not sample:
        return path
    last = None if sample else last_project()
    if last is not None:
        return last
    from annotator.core.sample import ensure_sample_project

    return str(ensure_sample_project(annotator))


def run(path: str | None = None, annotator: str | None = None, sample: bool = False) -> int:
    """Start the app as ``annotator`` (see :func:`.identity.annotator_for_run`); returns the
    exit status."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("annotator")
    name = annotator_for_run(annotator)
    if name is None:  # the name question was cancelled
        return 1
    target = resolve_project(path, name, sample)
    if open_window(target if is_server_address(target) else str(Path(target)),
                   annotator=name) is None:
        return 1
    return int(app.exec())
