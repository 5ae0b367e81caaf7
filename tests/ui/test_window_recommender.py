"""The recommender in the window (issue 16): suggestions on opening a document, Enter
accepts, Delete rejects (never offered again), one key accepts a label's suggestions, and
the background retraining runs in another process while the event loop keeps turning
(counted, never timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.store import Project
from annotator.ui.qt import Qt, QtCore
from tests.core.recommend_setup import ANNOTATOR, news_project
from tests.ui.helpers import accept_first_suggestion, shortcut, shown_window_at

pytest.importorskip("pycrfsuite")


def _trained(path: Path, done: int = 15) -> int:
    """A project with a trained model; returns the id of a document still to do."""
    from annotator.core.recommend.training import train

    news_project(path, done=done, todo=2)
    with Project.open(path, annotator=ANNOTATOR) as project:
        train(project)
        return project.document_ids(status="todo")[0]


def test_suggestions_appear_enter_accepts_delete_rejects(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "news.annotator"
    doc = _trained(path)
    window = shown_window_at(qtbot, path, ANNOTATOR)
    wb = window.workbench
    wb.open_document(doc)
    session = wb.session
    offered = list(session.model_suggestions)
    assert len(offered) > 5
    assert window.editor.has_span("m0")
    accept_first_suggestion(qtbot, window)
    entities = {(e.start, e.end, e.label) for e in wb.project.get_record(doc).entities}
    assert offered[0] in entities
    assert session.selected == "m0"  # the next suggestion
    assert session.model_suggestions == offered[1:]
    assert "accepted" in window.statusBar().currentMessage()
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)  # reject
    assert offered[1] in wb.project.rejected_suggestions(doc, "entities")
    assert offered[1] not in session.model_suggestions
    label = session.model_suggestions[0][2]
    same_label = [s for s in session.model_suggestions if s[2] == label]
    shortcut(qtbot, window, "Alt+Shift+Return")
    entities = {(e.start, e.end, e.label) for e in wb.project.get_record(doc).entities}
    assert set(same_label) <= entities
    assert all(s[2] != label for s in session.model_suggestions)
    assert wb.project.undo_text() == f"Undo Accept {len(same_label)} suggested {label}"
    wb.open_document(doc)  # again: the rejected one is not offered, the accepted ones exist
    assert offered[1] not in session.model_suggestions
    assert not set(session.model_suggestions) & entities
    counts = wb.project.review_counts()
    assert counts[offered[1][2]]["rejected"] == 1


def test_background_retraining_does_not_block(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "news.annotator"
    news_project(path, done=5, todo=2)
    window = shown_window_at(qtbot, path, ANNOTATOR)
    wb = window.workbench
    assert wb.project.model_version("entities") is None
    doc = wb.project.document_ids(status="todo")[0]
    wb.open_document(doc)
    ticks = []
    timer = QtCore.QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(window.recommender.retrainFinished, timeout=120_000) as finished:
        wb.project.set_status(doc, "done")  # the 6th done document: training is due
        assert window.recommender.started == 1
        assert window.recommender.running()
        assert ticks == []  # nothing waited for the training in this call
    timer.stop()
    assert finished.args == [True]
    assert len(ticks) > 3  # the event loop kept turning while the other process trained
    assert wb.project.trained_documents("entities") == 6
    wb.project.set_status(wb.project.document_ids(status="todo")[0], "done")
    assert window.recommender.started == 1  # one more is not enough for a retraining
