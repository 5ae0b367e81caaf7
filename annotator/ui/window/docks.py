"""The window's dock panels and where they go.

Layout uses leading/trailing, never left/right: the navigator and the links list dock on the
leading side (where reading starts), the inspector (tabbed with the document panel) above the
label palette on the trailing side. QMainWindow does not mirror dock areas by itself, so a
change of layout direction places them again (see ``MainWindow.changeEvent``).
"""

from __future__ import annotations

from annotator.ui.i18n import noop, translate
from annotator.ui.qt import QMainWindow, Qt, QtWidgets, QWidget

PANELS = (("navigator", noop("Docks", "Documents")), ("inspector", noop("Docks", "Annotation")),
          ("palette", noop("Docks", "Labels")), ("links", noop("Docks", "Links")),
          ("document", noop("Docks", "Document")))
"""Dock key and English title of each panel (translated when shown)."""
SCROLLED = ("inspector", "document")
"""Panels shown in a scroll area (the links panel scrolls its own forms)."""
LEADING_WIDTH = 270
TRAILING_WIDTH = 250
"""Default widths of the two dock columns (the text column takes the rest)."""


def leading_area(window: QMainWindow) -> Qt.DockWidgetArea:
    """The dock area on the side where reading starts (left, or right when the layout is
    right to left)."""
    if window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return Qt.DockWidgetArea.RightDockWidgetArea
    return Qt.DockWidgetArea.LeftDockWidgetArea


def trailing_area(window: QMainWindow) -> Qt.DockWidgetArea:
    """The dock area opposite :func:`leading_area`."""
    if window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return Qt.DockWidgetArea.LeftDockWidgetArea
    return Qt.DockWidgetArea.RightDockWidgetArea


def make_docks(window: QMainWindow, panels: dict[str, QWidget]) -> dict[str, QtWidgets.QDockWidget]:
    """A movable, floatable (not closable) dock for each panel of :data:`PANELS`."""
    docks: dict[str, QtWidgets.QDockWidget] = {}
    for key, title in PANELS:
        dock = QtWidgets.QDockWidget(translate("Docks", title), window)
        dock.setObjectName(f"dock{title}")
        if key in SCROLLED:
            # A panel whose content changes with the selection scrolls inside its dock:
            # showing a bigger form never takes room from the other panels or the text.
            area = QtWidgets.QScrollArea(dock)
            area.setWidgetResizable(True)
            area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(panels[key])
            dock.setWidget(area)
        else:
            dock.setWidget(panels[key])
        dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        docks[key] = dock
    return docks


def place_docks(window: QMainWindow, docks: dict[str, QtWidgets.QDockWidget]) -> None:
    """Navigator and links on the leading side; inspector (tabbed with the document panel)
    above the palette on the trailing side."""
    leading, trailing = leading_area(window), trailing_area(window)
    window.addDockWidget(leading, docks["navigator"])
    window.addDockWidget(trailing, docks["inspector"])
    window.addDockWidget(trailing, docks["palette"])
    window.addDockWidget(leading, docks["links"])
    window.addDockWidget(trailing, docks["document"])
    window.tabifyDockWidget(docks["inspector"], docks["document"])
    docks["inspector"].raise_()
    # The text column gets most of the window (60% of a 1280-wide one).
    window.resizeDocks([docks["navigator"], docks["inspector"]], [LEADING_WIDTH, TRAILING_WIDTH],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks["inspector"], docks["palette"]], [380, 330],
                       Qt.Orientation.Vertical)
