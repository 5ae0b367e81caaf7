"""Projects the system asks the running app to open: macOS sends a ``QFileOpenEvent`` when a
``.annotator`` file is double-clicked in the Finder (or dropped on the Dock icon) instead of
passing it on the command line, as Linux and Windows do."""

from __future__ import annotations

from collections.abc import Callable

from annotator.ui.qt import QObject, QtCore, QtGui


class FileOpenHandler(QObject):
    """An application event filter that hands each opened file to ``open_path``."""

    def __init__(self, open_path: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QtCore.QEvent.Type.FileOpen and isinstance(event, QtGui.QFileOpenEvent):
            path = event.file()
            if path:
                self._open_path(path)
                return True
        return super().eventFilter(watched, event)
