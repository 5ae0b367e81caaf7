"""Buttons that move the start or end edge of a span by a grapheme or a word (the mouse path
of the edge keys), for an entity in the inspector and a quote in the links panel.

The editor always shows the text right to left, so the reading start is on the right: the
arrows are screen directions and the buttons keep their left-to-right order (←← ← → →→) in
either layout direction; only the row labels follow it.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.ui.i18n import noop, translate
from annotator.ui.qt import QLabel, Qt, QtWidgets, QWidget
from annotator.ui.session.edges import Edge, Unit

COLUMNS: tuple[tuple[int, Unit, str], ...] = (
    (1, "word", "←←"), (1, "grapheme", "←"), (-1, "grapheme", "→"), (-1, "word", "→→"))
"""Direction (+1 towards the reading end), unit and arrow of each button column."""
ANNOTATION = noop("EdgeButtons", "annotation")
EDGE_NAMES = {"start": noop("EdgeButtons", "Start edge"), "end": noop("EdgeButtons", "End edge")}
TIPS = {
    ("start", "word", 1): noop(
        "EdgeButtons", "Move the start edge of the {what} one word towards the reading end"),
    ("start", "grapheme", 1): noop(
        "EdgeButtons", "Move the start edge of the {what} one grapheme towards the reading end"),
    ("start", "grapheme", -1): noop(
        "EdgeButtons", "Move the start edge of the {what} one grapheme towards the reading start"),
    ("start", "word", -1): noop(
        "EdgeButtons", "Move the start edge of the {what} one word towards the reading start"),
    ("end", "word", 1): noop("EdgeButtons",
                             "Move the end edge of the {what} one word towards the reading end"),
    ("end", "grapheme", 1): noop(
        "EdgeButtons", "Move the end edge of the {what} one grapheme towards the reading end"),
    ("end", "grapheme", -1): noop(
        "EdgeButtons", "Move the end edge of the {what} one grapheme towards the reading start"),
    ("end", "word", -1): noop(
        "EdgeButtons", "Move the end edge of the {what} one word towards the reading start"),
}
"""The tooltip of each button: (edge, unit, direction)."""

EdgeMove = Callable[[Edge, int, Unit], object]


class EdgeButtons(QtWidgets.QGroupBox):
    """Two rows (start edge, end edge) of four buttons calling ``move(edge, direction,
    unit)``; ``buttons`` maps ``(edge, direction, unit)`` to its button."""

    def __init__(self, title: str, move: EdgeMove, parent: QWidget | None = None,
                 what: str = ANNOTATION) -> None:
        super().__init__(title, parent)
        self.buttons: dict[tuple[str, int, str], QtWidgets.QToolButton] = {}
        grid = QtWidgets.QGridLayout(self)
        grid.setHorizontalSpacing(8)
        edges: tuple[Edge, ...] = ("start", "end")
        for row, edge in enumerate(edges):
            grid.addWidget(QLabel(translate("EdgeButtons", EDGE_NAMES[edge]), self), row, 0)
            line_widget = QWidget(self)
            line_widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            line = QtWidgets.QHBoxLayout(line_widget)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            for direction, unit, arrow in COLUMNS:
                button = QtWidgets.QToolButton(line_widget)
                button.setText(arrow)
                button.setToolTip(translate("EdgeButtons", TIPS[(edge, unit, direction)]).format(
                    what=translate("EdgeButtons", what)))
                button.setAccessibleName(button.toolTip())
                button.setMinimumWidth(34)
                button.clicked.connect(
                    lambda _=False, e=edge, d=direction, u=unit: move(e, d, u))
                line.addWidget(button)
                self.buttons[(edge, direction, unit)] = button
            grid.addWidget(line_widget, row, 1)
        grid.setColumnStretch(2, 1)
