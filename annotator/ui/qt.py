"""The one module that imports Qt. Everything else in the UI imports from here.

Keeping the binding in one place makes the pinned version easy to audit and to swap.
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStatusBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemModel",
    "QAbstractListModel",
    "QAction",
    "QApplication",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QKeySequence",
    "QLabel",
    "QListView",
    "QMainWindow",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPersistentModelIndex",
    "QPlainTextEdit",
    "QSettings",
    "QSize",
    "QSplitter",
    "QStatusBar",
    "QTextEdit",
    "QTextOption",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "QtCore",
    "QtGui",
    "QtWidgets",
    "Signal",
    "Slot",
]
