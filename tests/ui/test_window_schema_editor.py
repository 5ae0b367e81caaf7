"""Project ▸ Edit Schema…: add a label, rename one in use (relabelled, one undo), a refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.store import Project
from annotator.ui.window.main_window import MainWindow
from annotator.ui.window.schema_editor import SchemaEditor
from tests.ui.helpers import TEXT_A, find


@pytest.fixture
def window(qtbot: Any, project_path: Path) -> Iterator[MainWindow]:
    with Project.open(project_path, annotator="tester") as project:
        doc = project.find_document("a")
        assert doc is not None
        project.add_entity(doc, *find(TEXT_A, TEXT_A.split()[1]), "LOC")
    shown = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def editor(qtbot: Any, window: MainWindow) -> SchemaEditor:
    dialog = SchemaEditor(window.project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_menu_opens_the_editor_and_its_tables_pass_qtmodeltester(
        qtbot: Any, qtmodeltester: Any, window: MainWindow) -> None:
    assert window.menu_actions.edit_schema.text() == "Edit &Schema…"
    dialog = editor(qtbot, window)
    for model in (dialog.tables.entities, dialog.tables.topics, dialog.tables.events,
                  dialog.tables.quote_kinds, dialog.tables.document_labels):
        qtmodeltester.check(model)
    model = dialog.tables.entities
    model.add_row(["MEDIA"])
    model.setData(model.index(model.rowCount() - 1, 1), "#FFD59E")
    qtmodeltester.check(model)


def test_add_a_label_then_rename_one_in_use(qtbot: Any, window: MainWindow) -> None:
    dialog = editor(qtbot, window)
    dialog.tables.entities.add_row(["MEDIA", "#ffd59e", "", "News media — وسيلة إعلام"])
    assert dialog.save()
    assert "MEDIA" in window.project.schema.entity_types
    assert "MEDIA" in window.label_palette.model.labels()
    dialog = editor(qtbot, window)
    model = dialog.tables.entities
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("LOC")
    model.setData(model.index(row, 0), "PLACE")
    assert dialog.save()
    assert [e.label for e in window.workbench.session.entities.values()] == ["PLACE"]
    assert "PLACE" in window.label_palette.model.labels()
    assert window.menu_actions.undo.text() == "Undo Apply schema version 3 (LOC → PLACE)"
    window.menu_actions.undo.trigger()
    assert [e.label for e in window.workbench.session.entities.values()] == ["LOC"]
    assert "PLACE" not in window.label_palette.model.labels()


def test_a_refusal_is_shown_in_the_dialog(qtbot: Any, window: MainWindow,
                                          tmp_path: Path) -> None:
    dialog = editor(qtbot, window)
    model = dialog.tables.entities
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("LOC")
    model.remove_row(row)
    assert not dialog.save()
    assert dialog.isVisible()
    report = dialog.report.toPlainText()
    assert "would orphan entity label LOC is not in the new schema: 1 annotation(s)" in report
    assert window.project.schema_version == 1
    shot = tmp_path / "schema_editor_refusal.png"
    assert dialog.grab().save(str(shot))
    dialog.tabs.setCurrentIndex(4)
    assert dialog.grab().save(str(tmp_path / "schema_editor_topics.png"))
    import os
    keep = os.environ.get("ANNOTATOR_SHOTS")
    if keep:
        dialog.tabs.setCurrentIndex(0)
        dialog.grab().save(os.path.join(keep, "schema_editor_refusal.png"))
        dialog.tabs.setCurrentIndex(4)
        dialog.grab().save(os.path.join(keep, "schema_editor_topics.png"))
