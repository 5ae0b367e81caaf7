"""Finds user-visible string literals in annotator/ui that skip the translate helper (issue 17).

A literal (or f-string) given directly to a Qt text setter, a widget or action constructor,
a message box, an input or file dialog, a status message or an ``ActionSpec`` is reported
unless it holds no Latin letter (arrows, Arabic sample text, punctuation) or is in
:data:`ALLOWED` (non-text: object names, style sheets, format strings of numbers).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "annotator" / "ui"

TEXT_CALLS = frozenset({
    # setters
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText", "setTitle",
    "setWhatsThis", "setAccessibleName", "setLabelText", "setSuffix", "setPrefix",
    "setTabText", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels",
    "setInformativeText", "setDetailedText", "setButtonText", "setCancelButtonText",
    "setSpecialValueText",
    # adders
    "addItem", "addItems", "addTab", "addRow", "addMenu", "addAction", "addSection",
    "addButton", "insertItem",
    # constructors and helpers
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolButton", "QDockWidget", "QMessageBox", "QProgressDialog", "plain_label",
    "EdgeButtons",  # ActionSpec: the menus table, checked against the catalogue
    # dialogs and messages
    "critical", "warning", "information", "question", "about", "getText", "getItem",
    "getInt", "getOpenFileName", "getOpenFileNames", "getSaveFileName",
    "getExistingDirectory", "show_message", "showMessage", "notify", "message", "refuse",
    "emit", "say", "set_curating", "_action", "setPlainText", "setHtml",
})
"""Calls (by function or method name) whose string arguments are shown to the user."""

ALLOWED = frozenset({
    "annotator",  # the application's name
    "saving", "saved", "failed",  # the workbench's save states (codes, shown translated)
})
"""Literals that are not interface text although passed to a text call."""

_LATIN = re.compile(r"[A-Za-z]")
_SHORTCUT = re.compile(r"((Ctrl|Alt|Shift|Meta)\+)+\S+|F\d+")
_NOT_TEXT = frozenset({"setObjectName", "setStyleSheet"})


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_text(node: ast.expr) -> str | None:
    """The text of a literal or f-string argument (f-string holes as ``{}``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}"
                       for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_text(node.left), _literal_text(node.right)
        if left is not None or right is not None:
            return (left or "{}") + (right or "{}")
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    return None


def untranslated(path: Path) -> list[Finding]:
    """Every interface literal of ``path`` not wrapped in ``translate``/``noop``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    findings: list[Finding] = []
    relative = str(path.relative_to(UI.parent.parent))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        call = _name(node.func)
        if call not in TEXT_CALLS or call in _NOT_TEXT:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        for argument in arguments:
            values = argument.elts if isinstance(argument, ast.List | ast.Tuple) else [argument]
            for value in values:
                text = _literal_text(value)
                if (text is None or not _LATIN.search(text) or text in ALLOWED
                        or _SHORTCUT.fullmatch(text)):
                    continue
                findings.append(Finding(relative, value.lineno, call, text))
    return findings


def untranslated_in_ui() -> list[Finding]:
    """:func:`untranslated` over every module of annotator/ui."""
    return [finding for path in sorted(UI.rglob("*.py")) for finding in untranslated(path)]
