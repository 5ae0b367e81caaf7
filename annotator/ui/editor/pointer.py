"""What the pointer does over the spans: a click (a release near its press, not a drag) on the
innermost span, and the innermost span under the pointer as it moves.

:class:`SpanPointer` reads the spans under a point through the view's hit test and keeps the
press position and the hovered span; :class:`~.view.AnnotationView` feeds it its mouse events
and emits ``spanClicked`` / ``spanHovered`` from what it answers.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.ui.editor.layers import SpanItem
from annotator.ui.qt import Qt, QtCore, QtWidgets


class SpanPointer:
    """Clicks and hovering over spans; ``spans_at(point)`` lists the spans painted under a
    viewport point, innermost first."""

    def __init__(self, spans_at: Callable[[QtCore.QPointF], list[SpanItem]]) -> None:
        self._spans_at = spans_at
        self._press: QtCore.QPointF | None = None
        self.hovered = ""
        """The innermost span under the pointer, ``""`` for none."""

    def pressed(self, position: QtCore.QPointF) -> None:
        """A button went down here: a possible click starts."""
        self._press = position

    def clicked(self, position: QtCore.QPointF, button: Qt.MouseButton) -> str | None:
        """The span a release at ``position`` clicked: the innermost one under it (the
        user's own before another annotator's), when the left button is released near where
        it was pressed; None for a drag or nothing there."""
        press, self._press = self._press, None
        if press is None or button != Qt.MouseButton.LeftButton:
            return None
        if (position - press).manhattanLength() >= QtWidgets.QApplication.startDragDistance():
            return None
        found = self._spans_at(position)
        own = [item for item in found if not item.owner]
        found = own or found  # a click selects the user's own span before another layer's
        return found[0].id if found else None

    def moved(self, position: QtCore.QPointF | None) -> bool:
        """Follow the pointer to ``position`` (None: it left the view); whether
        :attr:`hovered` changed."""
        found = self._spans_at(position) if position is not None else []
        span_id = found[0].id if found else ""
        if span_id == self.hovered:
            return False
        self.hovered = span_id
        return True
