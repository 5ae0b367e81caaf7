"""Shared fixtures of the quote, event, stance and links-panel tests.

A project with one Arabic news paragraph (written for these tests) whose names are already
annotated, opened in a main window; helpers read the project file with sqlite3.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.ui.qt import Qt, QtCore, QtGui, QtWidgets
from annotator.ui.window.main_window import MainWindow

QUOTE_TEXT = (
    "وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي بموسكو: «لن نقبل بأي تسوية تفرض "
    "على الشعب السوري من الخارج». وأضاف: «الحوار هو الطريق الوحيد لإنهاء الأزمة».\n"
    "وشنت طائرات التحالف الدولي هجوماً على مواقع تنظيم داعش قرب مدينة الرقة يوم الأحد، "
    "بينما رحبت الحكومة الفرنسية بالعملية."
)
ENTITIES: list[tuple[str, str, int]] = [
    ("وزير الخارجية الروسي", "OCC", 0),
    ("سيرغي لافروف", "PERS", 0),
    ("موسكو", "GPE", 0),
    ("التحالف الدولي", "ORG", 0),
    ("داعش", "ORG", 0),
    ("الرقة", "GPE", 0),
    ("يوم الأحد", "DATE", 0),
    ("الحكومة الفرنسية", "ORG", 0),
]


def find(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """``(start, end)`` of the ``nth`` occurrence of ``surface``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


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
    window = MainWindow(Project.open(links_project, annotator="tester"))
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    yield window
    window.close()


def entity_id(window: MainWindow, surface: str) -> str:
    """The id of the entity over ``surface`` in the open document."""
    start, end = find(window.workbench.session.text, surface)
    for entity in window.workbench.session.entities.values():
        if (entity.start, entity.end) == (start, end):
            return entity.id
    raise KeyError(surface)


def rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of a query on the project file (a separate connection: what was committed)."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def journal_actions(path: Path) -> list[str]:
    """Names of the ``do`` journal entries, oldest first."""
    return [str(r[0]) for r in rows(path, "SELECT action FROM journal WHERE kind = 'do'"
                                    " ORDER BY id")]


def select_text(window: MainWindow, surface: str, nth: int = 0) -> tuple[int, int]:
    """Select ``surface`` in the editor (code points) and give the editor the focus."""
    start, end = find(window.workbench.session.text, surface, nth)
    window.editor.set_selection_codepoints(start, end)
    window.editor.setFocus()
    return start, end


def shortcut(qtbot: Any, window: MainWindow, keys: str) -> None:
    """Press a key sequence such as ``"Ctrl+Shift+Q"`` on the editor."""
    sequence = QtGui.QKeySequence(keys)
    combined = sequence[0]
    qtbot.keyClick(window.editor, combined.key(), combined.keyboardModifiers())


def click_span(window: MainWindow, span_id: str) -> None:
    """A left click in the middle of a span's first piece on screen."""
    fragments = [f for f in window.editor.frame().fragments if f.item.id == span_id]
    assert fragments, f"span {span_id} is not on screen"
    fragment = fragments[0]
    left, right = fragment.segments[0]
    point = QtCore.QPoint(int((left + right) / 2),
                          int(fragment.line.top + fragment.line.height / 2))
    viewport = window.editor.viewport()
    for kind, buttons in ((QtCore.QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QtCore.QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QtGui.QMouseEvent(kind, QtCore.QPointF(point),
                                  QtCore.QPointF(viewport.mapToGlobal(point)),
                                  Qt.MouseButton.LeftButton, buttons,
                                  Qt.KeyboardModifier.NoModifier)
        QtWidgets.QApplication.sendEvent(viewport, event)
