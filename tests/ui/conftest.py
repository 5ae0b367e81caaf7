"""Fixtures of the UI tests, found by pytest (never imported by name).

Every test gets its own QSettings file (INI format in a temporary folder), so preferences
and the last project never leak between tests or into the user's real settings. The projects
are built from the texts in :mod:`tests.ui.helpers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.ui.qt import QSettings, Qt, QtWidgets
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import ENTITIES, QUOTE_TEXT, TEXT_A, TEXT_B, TEXT_C, find, shown_window


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings in a temporary INI file for the duration of the test."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder
    QtWidgets.QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A closed project file with three documents (A, B, C) and no annotations."""
    path = tmp_path / "work.annotator"
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([
            DocumentRecord(id="a", text=TEXT_A, title="خبر أ"),
            DocumentRecord(id="b", text=TEXT_B, title="خبر ب"),
            DocumentRecord(id="c", text=TEXT_C, title="خبر ج"),
        ])
    return path


@pytest.fixture
def links_project(tmp_path: Path) -> Path:
    """A closed project with the paragraph and its entities."""
    path = tmp_path / "links.annotator"
    entities = [Entity(f"e{n}", *find(QUOTE_TEXT, surface, nth), label)
                for n, (surface, label, nth) in enumerate(ENTITIES)]
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([DocumentRecord(id="news", text=QUOTE_TEXT, title="خبر",
                                               entities=entities)])
    return path


@pytest.fixture
def links_window(qtbot: Any, links_project: Path) -> Iterator[MainWindow]:
    """The main window on :func:`links_project`, shown."""
    window = shown_window(qtbot, Project.open(links_project, annotator="tester"))
    yield window
    window.close()
