"""How the annotation view's text looks: its face, size and line height, the metrics the span
marks are laid out with, and which keys zoom.

:class:`TextAppearance` holds the state and the rules (sizes clamped to 8..48 points, line
height to 100..300 %); :class:`~.view.AnnotationView` applies it to its document and repaints.
"""

from __future__ import annotations

from annotator.ui.editor.painter import Metrics, make_metrics
from annotator.ui.fonts import preferred_text_font
from annotator.ui.qt import QKeySequence, Qt, QtGui

DEFAULT_POINT_SIZE = 16
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48
LINE_HEIGHT_PERCENT = 170


def _clamp_size(size: int) -> int:
    return min(max(size, MIN_POINT_SIZE), MAX_POINT_SIZE)


class TextAppearance:
    """The text's face (``family`` None: the best installed Naskh face), size in points and
    line height in percent of the font's line spacing (room for tashkeel and lanes), with the
    ``font`` and ``metrics`` derived from them."""

    def __init__(self) -> None:
        self.point_size = DEFAULT_POINT_SIZE
        self.family: str | None = None
        self.line_height = LINE_HEIGHT_PERCENT
        self.font: QtGui.QFont = preferred_text_font(self.point_size)
        self.metrics: Metrics = make_metrics(self.font)

    def zoom(self, steps: int) -> bool:
        """Change the size by ``steps`` points; False when the size is already at its limit."""
        size = _clamp_size(self.point_size + steps)
        if size == self.point_size:
            return False
        self.point_size = size
        self._derive()
        return True

    def use_font(self, font: QtGui.QFont) -> None:
        """Take ``font``'s family (empty: the best Naskh face) and its size, if it has one."""
        self.family = font.family() or None
        size = font.pointSize()
        if size > 0:
            self.point_size = _clamp_size(size)
        self._derive()

    def use_line_height(self, percent: int) -> bool:
        """Set the line height (clamped); False when it is unchanged."""
        percent = max(100, min(int(percent), 300))
        if percent == self.line_height:
            return False
        self.line_height = percent
        return True

    def _derive(self) -> None:
        if self.family:
            self.font = QtGui.QFont(self.family, self.point_size)
        else:
            self.font = preferred_text_font(self.point_size)
        self.metrics = make_metrics(self.font)


def zoom_key_steps(event: QtGui.QKeyEvent, point_size: int) -> int | None:
    """The zoom a key press asks for, in points: Ctrl+= / Ctrl++ one in, Ctrl+- one out, Ctrl+0
    back to the default size; None for any other key."""
    control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            control and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)):
        return 1
    if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            control and event.key() == Qt.Key.Key_Minus):
        return -1
    if control and event.key() == Qt.Key.Key_0:
        return DEFAULT_POINT_SIZE - point_size
    return None


def wheel_zoom_steps(event: QtGui.QWheelEvent) -> int | None:
    """The zoom a wheel turn asks for: with Ctrl held, one point per turn in its direction (0
    for a horizontal turn); None without Ctrl (the wheel scrolls)."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    delta = event.angleDelta().y()
    return (1 if delta > 0 else -1) if delta else 0
