"""Starting the app (which project, errors in a dialog), preferences, and screenshots of the
window with the sample corpus in both layout directions."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.sample import build_sample_project
from annotator.core.store import Project
from annotator.ui.qt import QApplication, Qt, QtGui, QtWidgets
from annotator.ui.window import app as app_module
from annotator.ui.window.main_window import MainWindow
from annotator.ui.window.preferences import PreferencesDialog, apply_theme
from annotator.ui.window.settings import Preferences, load_preferences, remember_project
from tests.ui.helpers import ARTIFACTS


def test_resolve_project_argument_then_last_then_sample(  # type: ignore[no-untyped-def]
        monkeypatch, tmp_path: Path, project_path: Path) -> None:
    assert app_module.resolve_project("given.annotator") == "given.annotator"
    sample = tmp_path / "sample.annotator"
    monkeypatch.setattr("annotator.core.sample.ensure_sample_project",
                        lambda annotator=None: sample)
    assert app_module.resolve_project(None) == str(sample)
    remember_project(project_path)
    assert app_module.resolve_project(None) == str(project_path.resolve())
    address = "postgresql://ann@db.example.org/corpus"  # kept as given, never a path
    remember_project(address)
    assert app_module.resolve_project(None) == address


@pytest.mark.parametrize("content", [None, b"this is not a database at all" * 40])
def test_a_missing_or_damaged_project_is_explained(  # type: ignore[no-untyped-def]
        monkeypatch, tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "broken.annotator"
    if content is not None:
        path.write_bytes(content)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda _parent, title, text: shown.append((title, text)))
    assert app_module.open_window(str(path)) is None
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Cannot open project"
    assert str(path) in text
    if content is not None:
        assert path.read_bytes() == content  # left untouched


def test_open_window_remembers_the_project(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = app_module.open_window(str(project_path))
    assert window is not None
    qtbot.addWidget(window)
    assert window.windowTitle() == f"work.annotator — {window.project.annotator} — annotator"
    assert app_module.resolve_project(None) == str(project_path.resolve())
    window.close()


def test_preferences_persist_and_apply(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(window)
    prefs = Preferences(font_family="", font_size=20, line_spacing=200, theme="dark")
    window.set_preferences(prefs)
    assert load_preferences() == prefs
    assert window.editor.point_size == 20
    assert window.editor.line_height == 200
    first_block = window.editor.document().firstBlock().blockFormat()
    assert round(first_block.lineHeight()) == 200
    window.set_preferences(Preferences(font_family="DejaVu Serif", font_size=14, line_spacing=150,
                                       theme="dark"))
    assert window.editor.font().family() == "DejaVu Serif"
    assert window.editor.point_size == 14
    assert round(window.editor.document().lastBlock().blockFormat().lineHeight()) == 150
    window.set_preferences(prefs)
    base = QApplication.palette().color(QtGui.QPalette.ColorRole.Window)
    assert base.lightness() < 80
    dialog = PreferencesDialog(prefs, window)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs
    dialog.size_spin.setValue(18)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    assert dialog.preferences() == Preferences("", 18, 200, "light")
    apply_theme("light")
    assert QApplication.palette().color(QtGui.QPalette.ColorRole.Window).lightness() > 150
    window.close()


def _sample_window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = build_sample_project(tmp_path / "sample.annotator")
    project = Project.open(path)  # the sample's layer is its builder's (you)
    doc_id = project.find_document("01-lavrov-faisal-moscow")
    assert doc_id is not None
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.select_document(doc_id)
    entities = list(window.workbench.session.entities.values())
    nested = [outer for outer in entities
              if any(inner is not outer and outer.start <= inner.start
                     and inner.end <= outer.end for inner in entities)]
    assert nested, "document 01 has nested entities"
    window.workbench.select_annotation(nested[0].id)
    qtbot.wait(50)
    return window


def _editor_x(window: MainWindow) -> int:
    return window.editor.mapTo(window, window.editor.rect().center()).x()


def _save(window: MainWindow, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / name
    assert window.grab().save(str(out))
    return out


def test_screenshot_left_to_right(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _sample_window(qtbot, tmp_path)
    navigator = window.docks["navigator"].geometry()
    inspector = window.docks["inspector"].geometry()
    assert navigator.center().x() < _editor_x(window) \
        < inspector.center().x()
    assert window.inspector.details.isVisibleTo(window)
    out = _save(window, "workbench_ltr.png")
    assert out.stat().st_size > 20_000
    window.close()


def test_screenshot_right_to_left(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window = _sample_window(qtbot, tmp_path)
    assert window.isRightToLeft()
    navigator = window.docks["navigator"].geometry()
    inspector = window.docks["inspector"].geometry()
    # Leading side is the right: navigator right, inspector and palette left.
    assert inspector.center().x() < _editor_x(window) \
        < navigator.center().x()
    out = _save(window, "workbench_rtl.png")
    assert out.stat().st_size > 20_000
    window.close()


def test_import_and_export_from_the_file_menu(qtbot, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              project_path: Path) -> None:
    window = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(window)
    source = tmp_path / "new-article.txt"
    source.write_text("عنوان جديد\n\nنص خبر جديد عن بغداد.", encoding="utf-8")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames",
                        lambda *_args, **_kw: ([str(source)], ""))
    reports: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "information",
                        lambda _parent, _title, text: reports.append(text))
    window.menu_actions.import_files.trigger()
    assert reports
    assert reports[0].startswith("Imported 1 document(s)")
    assert window.navigator.model.rowCount() == 4  # the list follows the import
    assert window.status_line.project_label.text() == "Project: 0 / 4 done"
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(out), ""))
    window.menu_actions.export_project.trigger()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    window.close()
