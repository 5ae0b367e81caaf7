"""The window follows saves by another process, warns when the file vanishes, backs up."""

from __future__ import annotations

import threading
from pathlib import Path

from annotator.core.model import DocumentRecord
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
    window.watch.wait_for_backup()
    backups = list((project_path.parent / f"{project_path.name}.backups").iterdir())
    assert len(backups) == 1
    with Project.open(backups[0], annotator="checker") as copy:
        assert copy.document_count() == 3
        assert copy.validate() == []
    window.close()
    assert window.watch.auto_backup is None  # timers stopped with the window


def test_the_backup_runs_while_the_window_answers(qtbot, project_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    from annotator.core.store import backup_copy

    gate = threading.Event()
    real = backup_copy.snapshot

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(30)  # the copy cannot end before the GUI thread has gone on
        real(*args, **kwargs)

    monkeypatch.setattr(backup_copy, "snapshot", held)
    window = _window(qtbot, project_path)
    messages: list[str] = []
    window.watch.message.connect(messages.append)
    window.watch.backup_at_open()  # returns at once: the copy waits on its thread
    assert window.watch.job is not None
    assert not window.watch.job.done()
    window.workbench.actions.entity.set_status("done")  # the window still works
    gate.set()
    qtbot.waitUntil(lambda: any(m.startswith("Backed up to") for m in messages), timeout=30000)
    shown = next(m for m in messages if m.startswith("Backed up to"))
    assert "\u2068" in shown  # the path isolated: an Arabic message keeps its slashes in place
    assert shown.endswith("\u2069")
    assert window.watch.job is None
    window.close()


def test_closing_during_a_backup_cancels_it(qtbot, project_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    from annotator.core.store import backup_copy

    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 1)
    window = _window(qtbot, project_path)
    window.watch.backup_at_open()
    job = window.watch.job
    assert job is not None
    window.close()  # cancels the copy and waits for its thread
    assert job.done()
    folder = project_path.parent / f"{project_path.name}.backups"
    left = [p.name for p in folder.iterdir()] if folder.exists() else []
    assert not [name for name in left if name.endswith((".part", "-journal"))]
    assert job.cancelled or len(left) == 1  # cancelled, or it had already finished


def test_a_failed_backup_is_reported(qtbot, project_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from annotator.core.store import ProjectError, backup_copy

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ProjectError("the disk is full (simulated)")

    monkeypatch.setattr(backup_copy, "snapshot", broken)
    window = _window(qtbot, project_path)
    messages: list[str] = []
    window.watch.message.connect(messages.append)
    window.watch.backup_at_open()
    window.watch.wait_for_backup()
    assert messages == ["Automatic backup failed: the disk is full (simulated)"]
    window.close()


def test_a_file_damaged_where_the_open_does_not_look_is_caught_after_the_paint(
        qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.window import app

    with Project.open(project_path, annotator="setup") as project:
        project.import_records([DocumentRecord(id=f"x{i}", text=f"نص الخبر رقم {i} " * 40)
                                for i in range(60)])
    data = bytearray(project_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[len(data) - page] = 0xFF  # a b-tree page no read at open touches
    project_path.write_bytes(bytes(data))
    window = app.open_window(str(project_path))  # the app's open: the header only
    assert window is not None
    qtbot.addWidget(window)
    assert not window.project.checked
    qtbot.waitUntil(window.banner.isVisible, timeout=30000)
    assert "damaged" in window.banner.text()
    assert "Nothing more can be saved" in window.banner.text()
    before = project_path.read_bytes()
    window.workbench.actions.entity.set_status("done")  # refused, said in the status bar
    assert project_path.read_bytes() == before
    window.close()


def test_a_healthy_file_is_checked_after_the_paint(qtbot, project_path: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.window import app

    window = app.open_window(str(project_path))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.project.checked, timeout=30000)
    assert not window.banner.isVisible()
    window.close()
