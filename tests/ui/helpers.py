"""Helpers of the UI tests: the texts their projects hold, finding words, reading the
project file with sqlite3, and simulated mouse and keyboard input. Fixtures are in
``conftest.py``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.store import Project
from annotator.ui.qt import Qt, QtCore, QtGui, QtWidgets
from annotator.ui.window.main_window import MainWindow

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"

# An emoji (two UTF-16 units) and tashkeel come before every name, so code-point and
# UTF-16 offsets differ for all of them.


TEXT_A = ("😀 قالَ وزيرُ الخارجيّة أحمد إنّ ولافروف وصل إلى موسكو أمس، "
          "ثم سافر والعراق بعد لقاء أحمد الثاني.")


TEXT_B = "🌍 أعلنت وزارةُ الخارجيّة في باريس أنّ كيري يزور القاهرة الأسبوع المقبل."


TEXT_C = "خبر ثالث عن ميناء بيروت وعن مطار دمشق الدولي."


def entity_rows(path: Path) -> list[tuple[int, int, int, str]]:
    """``(doc_id, start, end, label)`` of every entity, read straight from the file."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute('SELECT doc_id, start, "end", label FROM entities'
                            " ORDER BY doc_id, start").fetchall()
    return [(int(d), int(s), int(e), str(label)) for d, s, e, label in rows]


def document_status(path: Path, doc_id: int) -> str:
    """A document's status (in its only layer: no status row is ``todo``), read straight
    from the file."""
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT status FROM document_status WHERE doc_id = ?",
                           (doc_id,)).fetchone()
    return "todo" if row is None else str(row[0])


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


def shown_window(qtbot: Any, project: Project, width: int = 1400,
                 height: int = 860) -> MainWindow:
    """A main window on ``project``, shown at ``width`` x ``height``, the editor focused."""
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    return window


def save_shot(widget: QtWidgets.QWidget, folder: Path, name: str) -> None:
    """Save ``widget.grab()`` as ``folder/name`` (and in ``$ANNOTATOR_SHOTS`` when set), to
    be looked at."""
    assert widget.grab().save(str(folder / name))
    keep = os.environ.get("ANNOTATOR_SHOTS")
    if keep:
        assert widget.grab().save(os.path.join(keep, name))


def shown_window_at(qtbot: Any, path: Path, annotator: str = "tester") -> MainWindow:
    """The main window on the project at ``path`` as ``annotator``, shown (qtbot closes it
    at the end of the test)."""
    return shown_window(qtbot, Project.open(path, annotator=annotator))


def accept_first_suggestion(qtbot: Any, window: MainWindow) -> None:
    """Make ``window`` the active one (the shortcuts need it), select the first of the
    recommender's suggestions with F9 and accept it with Enter."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    shortcut(qtbot, window, "F9")
    assert window.workbench.session.selected == "m0"
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
