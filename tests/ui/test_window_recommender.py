"""The recommender in the window (issue 16): suggestions on opening a document, Enter
accepts, Delete rejects (never offered again), one key accepts a label's suggestions, and
the background retraining runs in another process while the event loop keeps turning
(counted, never timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.store import Project
from annotator.ui.qt import QApplication, Qt, QtCore
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


def _opened(qtbot: Any, tmp_path: Path) -> tuple[Any, int, list[tuple[int, int, str]]]:
    """A window on a trained project, a document to do opened: ``(window, doc, offered)``."""
    path = tmp_path / "news.annotator"
    doc = _trained(path)
    window = shown_window_at(qtbot, path, ANNOTATOR)
    window.workbench.open_document(doc)
    return window, doc, list(window.workbench.session.model_suggestions)


def test_suggestions_appear_enter_accepts_delete_rejects(qtbot: Any, tmp_path: Path) -> None:
    window, doc, offered = _opened(qtbot, tmp_path)
    wb = window.workbench
    session = wb.session
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


def test_trigger_suggestions_are_drawn_walked_accepted_and_rejected(
        qtbot: Any, tmp_path: Path) -> None:
    """Suggested event triggers: dashed with the event type, F9 walks them with the entities
    in text order, Enter adds the event (one undo entry), Delete rejects (never offered to
    this annotator again), Alt+Shift+Enter accepts every one of that type."""
    from annotator.core.recommend.training import train
    from annotator.ui.editor.layers import STYLE_SUGGESTED

    path = tmp_path / "news.annotator"
    records = news_project(path, done=15, todo=6)
    with Project.open(path, annotator=ANNOTATOR) as project:
        train(project)
        train(project, "events")
        todo = project.document_ids(status="todo")
    doc, record = max(zip(todo, records[15:], strict=True), key=lambda p: len(p[1].events))
    assert len(record.events) >= 3
    window = shown_window_at(qtbot, path, ANNOTATOR)
    wb = window.workbench
    wb.open_document(doc)
    session = wb.session
    triggers = list(session.trigger_suggestions)
    assert {(ev.trigger.start, ev.trigger.end, ev.type) for ev in record.events} == set(triggers)
    item = window.editor.span("t0")
    assert (item.label, item.style) == ("Meet?", STYLE_SUGGESTED)
    assert window.editor.has_span("m0")  # entities and triggers side by side
    window.grab().save(str(tmp_path / "triggers.png"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    owners = wb.actions.recommend.ordered()
    assert sorted(owners) == sorted([f"m{n}" for n in range(len(session.model_suggestions))]
                                    + [f"t{n}" for n in range(len(triggers))])
    walked = []
    for _press in owners:
        shortcut(qtbot, window, "F9")
        walked.append(session.selected)
    assert walked == owners  # text order, entities and triggers together
    starts = [session.start_of(o) for o in owners]
    assert starts == sorted(starts)
    while session.selected != "t0":
        shortcut(qtbot, window, "F9")
    undo_before = wb.project.undo_text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # accept: an event
    events = {(e.trigger.start, e.trigger.end, e.type) for e in wb.project.get_record(doc).events}
    assert events == {triggers[0]}
    assert triggers[0] not in session.trigger_suggestions
    assert "you 1 accepted" in window.statusBar().currentMessage()
    assert wb.project.undo_text() != undo_before
    wb.undo()  # one undo entry takes the event back
    assert wb.project.get_record(doc).events == []
    assert wb.project.undo_text() == undo_before
    wb.redo()
    assert session.selected is not None
    session.select("t0")
    rejected = session.trigger_suggestions[0]
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert wb.project.rejected_suggestions(doc, "events") == {rejected}
    assert rejected not in session.trigger_suggestions
    counts = wb.project.review_counts("events")["Contact:Meet"]
    assert counts == {"accepted": 1, "rejected": 1}
    left = list(session.trigger_suggestions)
    session.select("t0")
    shortcut(qtbot, window, "Alt+Shift+Return")
    events = {(e.trigger.start, e.trigger.end, e.type) for e in wb.project.get_record(doc).events}
    assert events == {triggers[0], *left}
    assert session.trigger_suggestions == []
    wb.open_document(doc)  # again: the rejected one is not offered, the accepted exist
    assert session.trigger_suggestions == []


def test_a_suggested_span_annotated_by_hand_is_no_longer_offered(qtbot: Any,
                                                                 tmp_path: Path) -> None:
    """The linguist marks a suggested span by hand (or a colleague's save brings it): its
    suggestion goes away at once, and the selected suggestion stays selected."""
    window, doc, offered = _opened(qtbot, tmp_path)
    wb = window.workbench
    session = wb.session
    assert len(offered) > 3
    session.select("m2")
    start, end, _label = offered[0]
    wb.project.add_entity(doc, start, end, "ORG")  # another label: the span is taken
    qtbot.waitUntil(lambda: session.model_suggestions == offered[1:])
    assert not window.editor.has_span(f"m{len(offered) - 1}")
    assert session.selected == "m1"  # the same suggestion as before
    assert session.model_suggestions[1] == offered[2]
    wb.open_document(doc)  # opened again: not offered either
    assert offered[0] not in session.model_suggestions


def test_a_long_document_shows_its_first_part_then_the_rest(qtbot: Any,
                                                             tmp_path: Path) -> None:
    """A long document's suggestions: the first part's at once, the others on the idle
    timer, a part at a time (counted: the window's event loop turns between them)."""
    import dataclasses

    from annotator.core.model import DocumentRecord
    from annotator.core.recommend.model_store import text_parts
    from annotator.core.recommend.training import train

    path = tmp_path / "news.annotator"
    records = news_project(path, done=15, todo=1)
    text = "\n".join(r.text for r in records) * 5
    with Project.open(path, annotator=ANNOTATOR) as project:
        train(project)
        project.import_records([dataclasses.replace(
            DocumentRecord(text=text, id="long", title="long"), entities=[])])
        doc = project.document_ids()[-1]
    parts = text_parts(text)
    assert len(parts) > 3
    window = shown_window_at(qtbot, path, ANNOTATOR)
    wb = window.workbench
    ticks: list[int] = []
    timer = QtCore.QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    wb.open_document(doc)
    first = list(wb.session.model_suggestions)
    assert first
    assert max(end for _s, end, _l in first) <= parts[0][1]
    assert wb.actions.recommend.pending()
    qtbot.waitUntil(lambda: not wb.actions.recommend.pending(), timeout=60_000)
    timer.stop()
    assert len(ticks) >= len(parts) - 1  # the loop turned between the parts
    shown = wb.session.model_suggestions
    assert shown == sorted(shown)
    assert shown[:len(first)] == first
    assert max(end for _s, end, _l in shown) > parts[-1][0]
    assert window.editor.has_span(f"m{len(shown) - 1}")


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
