"""The core never imports Qt, the UI imports Qt only through annotator/ui/qt.py."""

from __future__ import annotations

import ast
import importlib.util
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import annotator.core

REPO = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pytestqt")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_source_never_imports_qt_or_ui() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "annotator" / "core").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES or name.startswith(("annotator.ui", "annotator.cli"))
    ]
    assert offenders == []


def test_only_ui_qt_module_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "annotator").rglob("*.py"))
        if path != REPO / "annotator" / "ui" / "qt.py"
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(annotator.core.__path__, "annotator.core.")]
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(
    os.environ.get("ANNOTATOR_EXPECT_NO_QT") != "1",
    reason="only in the Qt-free core environment (make test-core)",
)
def test_qt_is_really_absent_here() -> None:
    assert importlib.util.find_spec("PySide6") is None
    assert importlib.util.find_spec("pytestqt") is None
