"""Project ▸ Overview… (issue 17, part 2): tables and charts of three annotators' project,
agreement on request; a screenshot in Arabic (tests/_artifacts/overview_ar.png)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.store import Project
from annotator.ui import i18n
from annotator.ui.qt import QApplication, QtWidgets
from annotator.ui.window.language import apply_language
from annotator.ui.window.overview_window import OverviewWindow
from tests.core.curation_setup import three_layers
from tests.ui.helpers import ARTIFACTS, save_shot, shown_window


def _cells(table: QtWidgets.QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_overview_tables_charts_and_agreement(qtbot: Any, tmp_path: Path) -> None:
    path = three_layers(tmp_path / "news.annotator")
    window = shown_window(qtbot, Project.open(path, annotator="alice"))
    assert "overview" in window.menu_actions.names()
    dialog = OverviewWindow(window.project, window)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "Documents: 1"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Documents", "Progress", "Labels", "Agreement"]
    statuses = dialog.tabs.widget(0).findChild(QtWidgets.QTableWidget)
    assert _cells(statuses) == [["alice", "0", "0", "1", "0"], ["bob", "0", "0", "1", "0"],
                                ["carol", "0", "0", "1", "0"]]
    labels = dialog.tabs.widget(2).findChild(QtWidgets.QTableWidget)
    assert ["LOC", "0", "0", "1"] in _cells(labels)
    charts = [label for label in dialog.findChildren(QtWidgets.QLabel)
              if label.pixmap() is not None and not label.pixmap().isNull()]
    assert len(charts) == 3
    dialog.compute_agreement()
    table = dialog.agreement_page.findChild(QtWidgets.QTableWidget)
    assert table is not None
    assert any(row[0] == "entities" for row in _cells(table))
    assert not dialog.agreement_button.isEnabled()


def test_overview_in_arabic(qtbot: Any, qapp: QApplication, tmp_path: Path) -> None:
    apply_language(qapp, "ar", cache=tmp_path / "i18n")
    try:
        path = three_layers(tmp_path / "news.annotator")
        with Project.open(path, annotator="alice") as project:
            dialog = OverviewWindow(project)
            qtbot.addWidget(dialog)
            dialog.tabs.setCurrentIndex(2)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.tabs.tabText(0) == "المستندات"
            assert dialog.isRightToLeft()
            save_shot(dialog, ARTIFACTS, "overview_ar.png")
            dialog.close()
    finally:
        apply_language(qapp, "en")
        i18n.install(None)
