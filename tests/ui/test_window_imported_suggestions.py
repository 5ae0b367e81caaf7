"""Issue 18: suggestions imported from Label Studio's predictions in the window, without a
trained model, on both engines: drawn dashed like the model's, F9 selects, Enter accepts,
Delete rejects (never offered again), each review counted under the imported source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.importing import import_paths
from annotator.core.store import Project
from annotator.ui.qt import Qt
from tests.core.test_store_imported_suggestions import MAP, SOURCE, write_export
from tests.ui.helpers import accept_first_suggestion, shown_window_at


def test_enter_accepts_and_delete_rejects_an_imported_suggestion(
        qtbot: Any, project_address: Any, tmp_path: Path) -> None:
    with Project.open(project_address, create=True, annotator="lina") as project:
        doc = import_paths(project, [write_export(tmp_path / "e.json")],
                           options=MAP).imported[0]
        assert project.model_version("entities") is None
    window = shown_window_at(qtbot, project_address, "lina")
    wb = window.workbench
    wb.open_document(doc)
    session = wb.session
    offered = list(session.model_suggestions)
    text = session.text
    assert [text[s:e] for s, e, _ in offered] == [
        "مُحَمَّد بن سلمان", "وفد القاهرة", "القاهرة", "بغداد"]  # lina's layer has none yet
    assert set(session.suggestion_sources.values()) == {SOURCE}
    assert window.editor.has_span("m0")
    accept_first_suggestion(qtbot, window)
    entities = {(e.start, e.end, e.label) for e in wb.project.get_record(doc).entities}
    assert offered[0] in entities
    assert window.statusBar().currentMessage().startswith(f"\u2068{SOURCE}\u2069 PERS: 1 accepted")
    assert session.selected == "m0"  # the next one
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)  # reject
    assert offered[1] in wb.project.rejected_suggestions(doc, "entities")
    assert wb.project.source_review_counts("entities", SOURCE) == {
        "PERS": {"accepted": 1, "rejected": 0}, "ORG": {"accepted": 0, "rejected": 1}}
    wb.open_document(doc)  # again: neither the accepted nor the rejected one is offered
    assert session.model_suggestions == offered[2:]


def test_the_selected_suggestion_is_plain_to_see(qtbot: Any, tmp_path: Path) -> None:
    """Seen as a new user: after F9 the selected suggestion differed from the others only by
    a slightly thicker underline, and nothing said which one Enter would add. It now gets a
    wash of its label's colour and the status line names it, its text and the keys."""
    path = tmp_path / "p.annotator"
    with Project.open(path, create=True, annotator="lina") as project:
        doc = import_paths(project, [write_export(tmp_path / "e.json")],
                           options=MAP).imported[0]
    window = shown_window_at(qtbot, path, "lina")
    wb = window.workbench
    wb.open_document(doc)
    editor = window.editor
    before = editor.viewport().grab().toImage()
    assert wb.actions.recommend.next_suggestion()
    assert wb.session.selected == "m0"
    message = window.statusBar().currentMessage()
    assert "PERS" in message
    assert "\u2068مُحَمَّد بن سلمان\u2069" in message  # isolated inside the sentence
    after = editor.viewport().grab().toImage()
    after.save(str(tmp_path / "selected-suggestion.png"))
    changed = sum(1 for x in range(0, before.width(), 2) for y in range(0, before.height(), 2)
                  if before.pixel(x, y) != after.pixel(x, y))
    assert changed > 200  # a wash over the span, not a one-pixel line (sampled every 2 px)
