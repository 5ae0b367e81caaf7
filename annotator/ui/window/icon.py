"""The app's icon (``annotator/resources/icons``): windows, the task bar, the about box."""

from __future__ import annotations

from annotator.core.resources import APP_ICON, resource_path
from annotator.ui.qt import QApplication, QtGui


def set_app_icon(app: QApplication) -> None:
    """Give every window of ``app`` the icon (Qt reads the PNG when it is first drawn)."""
    app.setWindowIcon(QtGui.QIcon(str(resource_path(APP_ICON))))
