"""The first window: a lazy document list and a right-to-left plain-text viewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.ui.models.documents import PAGE, DocIdRole, DocumentListModel
from annotator.ui.qt import Qt
from annotator.ui.window.main_window import MainWindow

ARTICLE = "قال الرئيس «نحن هنا» في <b>باريس</b> 😀 أمس."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    proj = Project.open(tmp_path / "p.annotator", create=True, annotator="tester")
    records = [
        DocumentRecord(id=f"d{i}", text=f"{ARTICLE} {i}", title=f"خبر {i}")
        for i in range(PAGE + 10)
    ]
    proj.import_records(records)
    return proj


def test_model_passes_qtmodeltester(qtmodeltester, project: Project) -> None:  # type: ignore[no-untyped-def]
    model = DocumentListModel(project)
    qtmodeltester.check(model)
    assert model.rowCount() == PAGE + 10


def test_model_loads_pages_lazily_and_filters(project: Project) -> None:
    model = DocumentListModel(project)
    last = model.index(PAGE + 9, 0)
    assert "خبر" in last.data()
    assert isinstance(last.data(DocIdRole), int)
    assert model.pages_loaded == 1  # only the page holding that row was read
    model.set_filter(text="خبر 7")
    assert model.rowCount() >= 1
    assert all("خبر 7" in model.index(r, 0).data() for r in range(model.rowCount()))


def test_window_shows_text_as_plain_right_to_left(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.navigator.select_document(4)
    # HTML-looking text stays literal
    qtbot.waitUntil(lambda: window.editor.text() == f"{ARTICLE} 3")
    option = window.editor.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
