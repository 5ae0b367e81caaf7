"""The PySide6 desktop app. Qt is imported only through :mod:`annotator.ui.qt`."""
