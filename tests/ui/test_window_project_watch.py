"""The window follows saves by another process, warns when the file vanishes, backs up."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import TEXT_A


def _window(qtbot, project_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(Project.open(project_path, annotator="tester"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workbench.session.doc_id is not None)
    return window


def test_a_save_by_another_process_is_shown(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, project_path)
    doc_id = window.workbench.session.doc_id
    assert doc_id is not None
    start = TEXT_A.index("موسكو")
    with Project.open(project_path, annotator="tester") as other:  # the same annotator elsewhere
        other.add_entity(doc_id, start, start + len("موسكو"), "GPE")
    window.watch.poll()
    spans = [(e.start, e.end, e.label) for e in window.workbench.session.entities.values()]
    assert (start, start + len("موسكو"), "GPE") in spans
    assert any((s.start, s.end) == (start, start + 5) for s in window.editor.spans())
    window.watch.poll()  # nothing new: no second reload
    window.close()


def test_a_vanished_project_file_shows_a_banner(qtbot, project_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, project_path)
    moved = tmp_path / "elsewhere.annotator"
    project_path.rename(moved)
    window.watch.poll()
    assert window.banner.isVisible()
    assert "Nothing more can be saved" in window.banner.text()
    moved.rename(project_path)
    window.watch.poll()
    assert not window.banner.isVisible()
    window.close()


def test_automatic_backup_after_opening(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, project_path)
    window.watch.backup_at_open()
    backups = list((project_path.parent / f"{project_path.name}.backups").iterdir())
    assert len(backups) == 1
    with Project.open(backups[0], annotator="checker") as copy:
        assert copy.document_count() == 3
        assert copy.validate() == []
    window.close()
    assert window.watch.auto_backup is None  # timers stopped with the window
