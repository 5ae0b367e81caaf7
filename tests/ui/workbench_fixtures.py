"""Shared fixtures and helpers of the workbench tests (imported by the test modules).

Every test gets its own QSettings file (INI format in a temporary folder), so preferences
and the last project never leak between tests or into the user's real settings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.ui.qt import QSettings, Qt, QtCore, QtGui, QtWidgets

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"

# An emoji (two UTF-16 units) and tashkeel come before every name, so code-point and
# UTF-16 offsets differ for all of them.
TEXT_A = ("😀 قالَ وزيرُ الخارجيّة أحمد إنّ ولافروف وصل إلى موسكو أمس، "
          "ثم سافر والعراق بعد لقاء أحمد الثاني.")
TEXT_B = "🌍 أعلنت وزارةُ الخارجيّة في باريس أنّ كيري يزور القاهرة الأسبوع المقبل."
TEXT_C = "خبر ثالث عن ميناء بيروت وعن مطار دمشق الدولي."


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


def entity_rows(path: Path) -> list[tuple[int, int, int, str]]:
    """``(doc_id, start, end, label)`` of every entity, read straight from the file."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute('SELECT doc_id, start, "end", label FROM entities'
                            " ORDER BY doc_id, start").fetchall()
    return [(int(d), int(s), int(e), str(label)) for d, s, e, label in rows]


def document_status(path: Path, doc_id: int) -> str:
    """A document's status, read straight from the file."""
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT status FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return str(row[0])


def utf16_offset(text: str, codepoint: int) -> int:
    """The UTF-16 offset of a code-point offset (as Qt counts)."""
    return len(text[:codepoint].encode("utf-16-le")) // 2


def caret_point(editor: QtWidgets.QTextEdit, text: str, codepoint: int) -> QtCore.QPoint:
    """A viewport point where a click puts the caret before code point ``codepoint``.

    ``cursorRect`` gives the caret's x, but Qt's hit test rounds to the nearest cluster edge
    of shaped Arabic, which can differ by a pixel or two; so the point is the middle of the
    pixels around that x which the hit test maps back to the same position.
    """
    target = utf16_offset(text, codepoint)
    cursor = QtGui.QTextCursor(editor.document())
    cursor.setPosition(target)
    rect = editor.cursorRect(cursor)
    y = rect.center().y()
    hits = [x for x in range(rect.x() - 12, rect.x() + 13)
            if editor.cursorForPosition(QtCore.QPoint(x, y)).position() == target]
    x = hits[len(hits) // 2] if hits else rect.x()
    return QtCore.QPoint(x, y)


def _mouse(widget: QtWidgets.QWidget, kind: QtCore.QEvent.Type, point: QtCore.QPoint,
           buttons: Qt.MouseButton) -> None:
    local = QtCore.QPointF(point)
    event = QtGui.QMouseEvent(kind, local, QtCore.QPointF(widget.mapToGlobal(point)),
                              Qt.MouseButton.LeftButton, buttons,
                              Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)


def drag(widget: QtWidgets.QWidget, start: QtCore.QPoint, end: QtCore.QPoint) -> None:
    """Press the left button at ``start``, move in steps to ``end``, release there."""
    _mouse(widget, QtCore.QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    steps = 6
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        _mouse(widget, QtCore.QEvent.Type.MouseMove, QtCore.QPoint(x, y),
               Qt.MouseButton.LeftButton)
    _mouse(widget, QtCore.QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def click(widget: QtWidgets.QWidget, point: QtCore.QPoint) -> None:
    """A left click at ``point``."""
    _mouse(widget, QtCore.QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton)
    _mouse(widget, QtCore.QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)


def type_text_key(widget: QtWidgets.QWidget, typed: str) -> None:
    """Press and release a key that types ``typed`` (any script, unlike QTest's ASCII keys)."""
    key = ord(typed.upper()) if typed.isascii() else ord(typed)
    for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
        event = QtGui.QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
        QtWidgets.QApplication.sendEvent(widget, event)
