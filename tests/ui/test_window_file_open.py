"""Files the system asks the running app to open (macOS sends ``QFileOpenEvent``s), and the
app's icon."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import Project
from annotator.ui.qt import QApplication, QtGui
from annotator.ui.window import app as app_module
from annotator.ui.window.file_open import FileOpenHandler
from annotator.ui.window.icon import set_app_icon


def _second_project(tmp_path: Path) -> Path:
    path = tmp_path / "second.annotator"
    Project.open(path, create=True, annotator="tester").close()
    return path


def test_a_file_open_event_reaches_the_handler(qapp: QApplication) -> None:  # type: ignore[misc]
    opened: list[str] = []
    handler = FileOpenHandler(opened.append)
    qapp.installEventFilter(handler)
    try:
        QApplication.sendEvent(qapp, QtGui.QFileOpenEvent("/data/news.annotator"))
        QApplication.sendEvent(qapp, QtGui.QFileOpenEvent(""))  # nothing to open: ignored
    finally:
        qapp.removeEventFilter(handler)
    assert opened == ["/data/news.annotator"]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raise_()
def test_opening_a_file_opens_a_window_once(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, project_path: Path) -> None:
    first = app_module.open_window(str(project_path), annotator="tester")
    assert first is not None
    qtbot.addWidget(first)
    second = _second_project(tmp_path)
    before = list(app_module._windows)

    app_module._open_requested("tester", str(second))
    opened = [w for w in app_module._windows if w not in before]
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    assert opened[0].project.path.resolve() == second.resolve()
    assert opened[0].project.annotator == "tester"

    app_module._open_requested("tester", str(project_path))  # already open: raised, not again
    app_module._open_requested("tester", str(second))
    assert [w for w in app_module._windows if w not in before] == opened
    for window in (first, *opened):
        window.close()


def test_the_app_has_its_icon(qapp: QApplication) -> None:  # type: ignore[misc]
    set_app_icon(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    pixmap = icon.pixmap(64, 64)
    assert pixmap.width() == 64
    image = pixmap.toImage()
    # The icon's teal frame, not an empty or default image.
    assert QtGui.QColor(image.pixel(32, 4)).name() == "#1f5f6b"
