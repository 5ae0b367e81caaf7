"""The curation mode of the window (issue 14): alice, bob and carol annotated one article;
dana (a curator) auto-merges with ``curate``, then resolves what is left in the app with keys
only; the curated layer in the file is what the test expects. Screenshots are saved under
tmp (and ``$ANNOTATOR_SHOTS`` when set) to be looked at."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.curation import CURATED, curate
from annotator.core.store import Project
from annotator.ui.models.documents import DISAGREEMENTS
from annotator.ui.qt import QtWidgets
from annotator.ui.window import app
from annotator.ui.window.main_window import MainWindow
from tests.cli.helpers import run
from tests.core.curation_setup import TEXT, at, three_layers
from tests.ui.helpers import save_shot, shortcut, shown_window


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """The three layers, dana a curator, a unanimous auto-merge: five items left (the topic
    label, the quote's cue, Baghdad GPE/GPE/LOC, the event, Damascus alice only)."""
    path = three_layers(tmp_path / "news.annotator")
    with Project.open(path, annotator="dana") as p:
        p.grant_role("curator", "dana")
    with Project.open(path, annotator="dana", layer=CURATED) as p:
        (result,) = curate(p, policy="unanimous")
        assert len(result.left) == 5
    return path


@pytest.fixture
def curating(qtbot: Any, merged: Path) -> Iterator[MainWindow]:
    window = shown_window(qtbot, Project.open(merged, annotator="dana", layer=CURATED))
    yield window
    window.close()


def _press(qtbot: Any, window: MainWindow, keys: str) -> None:
    shortcut(qtbot, window, keys)
    qtbot.waitUntil(lambda: not window.curation._stale)


def _current(window: MainWindow) -> tuple[str, str] | None:
    return window.curation.items.current_key()


def _gold(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str | None, str]], int,
                               dict[str, object], int, str]:
    with Project.open(path, annotator="dana", readonly=True, layer=CURATED) as p:
        r = p.get_record(1)
    entities = sorted((TEXT[e.start:e.end], e.label) for e in r.entities)
    quotes = [(TEXT[q.cue.start:q.cue.end] if q.cue else None,
               TEXT[q.content.start:q.content.end]) for q in r.quotes]
    return entities, quotes, len(r.events), dict(r.labels), len(r.stances), r.status


def test_the_curation_mode_shows_every_layer_and_the_disagreements(
        curating: MainWindow, tmp_path: Path) -> None:
    window = curating
    assert "Curating as dana" in window.windowTitle()
    assert window.status_line.annotator_label.text() == "Curating as dana"
    others = window.workbench.session.others
    assert list(others.shown) == ["alice", "bob", "carol"]
    assert window.layers.legend.entries[0][0] == "1 alice"
    assert [n for n, _ in window.layers.legend.entries] == ["1 alice", "2 bob", "3 carol"]
    # The legend was rebuilt as each layer came on: no stale entry is left on screen.
    legend = window.layers.legend
    shown = [w for w in legend.findChildren(QtWidgets.QLabel) if w.isVisible()]
    assert len(shown) == 1 + 2 * 3  # the title, a swatch and a name per layer
    panel = window.curation.panel
    assert panel is not None
    assert panel.table.topLevelItemCount() == 5
    assert panel.summary.text() == "5 open of 5 disagreements"
    header = panel.table.headerItem()
    assert header is not None
    assert [header.text(c) for c in range(3, 6)] == ["1 alice", "2 bob", "3 carol"]
    baghdad = panel.table.topLevelItem(2)
    assert baghdad is not None
    assert [baghdad.text(c) for c in range(2, 7)] == ["بغداد", "GPE", "GPE", "LOC", "open"]
    assert len(window.editor.disputes()) == 4  # the topic label has no span
    window.editor.viewport().repaint()
    assert window.editor.disputes_drawn >= 4
    assert "Curation: 0 curated of 1 in curation" in window.navigator.progress_label.text()
    save_shot(window, tmp_path, "curation-start.png")


def test_disagreements_resolved_with_keys_only(curating: MainWindow, qtbot: Any,
                                               merged: Path, tmp_path: Path) -> None:
    window = curating
    _press(qtbot, window, "F8")
    assert _current(window) == ("label", "topic")
    _press(qtbot, window, "Alt+1")  # alice: politics
    _press(qtbot, window, "F8")
    assert _current(window) == ("quote", "24-42")
    _press(qtbot, window, "Alt+2")  # bob: with the cue قال
    _press(qtbot, window, "F8")
    assert _current(window) == ("entity", "33-38")
    baghdad = at("بغداد")
    assert window.editor.selection_codepoints() == (baghdad.start, baghdad.end)
    save_shot(window, tmp_path, "curation-baghdad.png")
    _press(qtbot, window, "Alt+3")  # carol: LOC
    _press(qtbot, window, "F8")
    assert _current(window) == ("event", "48-52")
    _press(qtbot, window, "Alt+0")  # reject the attack
    _press(qtbot, window, "F8")
    assert _current(window) == ("entity", "57-61")
    _press(qtbot, window, "Alt+1")  # alice's Damascus ...
    assert window.curation.items.open_count() == 0
    _press(qtbot, window, "Ctrl+Z")  # ... undone: one action
    assert window.curation.items.open_count() == 1
    assert _current(window) == ("entity", "57-61")
    _press(qtbot, window, "Alt+Delete")  # rejected instead
    assert window.curation.items.open_count() == 0
    panel = window.curation.panel
    assert panel is not None
    assert panel.summary.text() == "0 open of 5 disagreements"
    save_shot(window, tmp_path, "curation-decided.png")
    _press(qtbot, window, "Ctrl+Return")  # the document is curated
    assert _gold(merged) == (
        [("أحمد علي", "PERS"), ("بغداد", "LOC")],
        [("قال", "الوضع في بغداد صعب")], 0, {"topic": "politics"}, 1, "done")
    assert "1 curated of 1" in window.navigator.progress_label.text()
    # ... and the curated export is the gold the keys made, as the ML team receives it.
    out = tmp_path / "gold.jsonl"
    run("export", str(merged), str(out), "--curated")
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert sorted((e["text"], e["label"]) for e in record["entities"]) == [
        ("أحمد علي", "PERS"), ("بغداد", "LOC")]
    assert [(q["content"]["text"], q["cue"]["text"]) for q in record["quotes"]] == [
        ("الوضع في بغداد صعب", "قال")]
    assert record["events"] == []
    assert len(record["stances"]) == 1
    assert record["labels"] == {"topic": "politics"}


def test_one_decision_reads_the_layers_once(curating: MainWindow, qtbot: Any) -> None:
    """A decision publishes several store events (curated rows, decision, open count): the
    list is read once for them all, not once per event."""
    window = curating
    _press(qtbot, window, "F8")
    before = window.curation.items.loads
    _press(qtbot, window, "Alt+1")
    qtbot.wait(20)
    assert window.curation.items.loads == before + 1


def test_marking_curated_is_refused_while_disagreements_are_open(
        curating: MainWindow, qtbot: Any, merged: Path) -> None:
    window = curating
    messages: list[str] = []
    window.workbench.message.connect(messages.append)
    _press(qtbot, window, "Ctrl+Return")
    assert "5 open disagreement(s)" in messages[-1]
    assert _gold(merged)[-1] != "done"
    _press(qtbot, window, "Alt+1")  # nothing chosen yet
    assert "F8" in messages[-1]


def test_the_curated_layer_is_edited_with_the_normal_keys(
        curating: MainWindow, qtbot: Any, merged: Path) -> None:
    window = curating
    for _ in range(5):  # to Damascus
        _press(qtbot, window, "F8")
    assert _current(window) == ("entity", "57-61")
    qtbot.keyClick(window.editor, "g")  # label the selected words GPE in the curated layer
    qtbot.waitUntil(lambda: not window.curation._stale)
    _press(qtbot, window, "Ctrl+Alt+Return")  # accept as edited
    assert window.curation.items.current_item() is not None
    assert window.curation.items.items[4].decision == "edited"
    assert ("دمشق", "GPE") in _gold(merged)[0]


def test_the_navigator_filters_documents_with_disagreements_left(
        curating: MainWindow, qtbot: Any) -> None:
    navigator = curating.navigator
    navigator.set_status_filter(DISAGREEMENTS)
    assert navigator.model.rowCount() == 1
    assert navigator.model.row_of(1) == 0
    for _ in range(5):
        _press(qtbot, curating, "F8")
        _press(qtbot, curating, "Alt+0")
    qtbot.waitUntil(lambda: navigator.model.rowCount() == 0)


def test_only_a_curator_curates(qtbot: Any, merged: Path) -> None:
    window = MainWindow(Project.open(merged, annotator="bob"))
    qtbot.addWidget(window)
    requests: list[bool] = []
    window.curateRequested.connect(requests.append)
    assert not window.menu_actions.next_disagreement.isEnabled()
    window.menu_actions.curate.trigger()
    assert requests == []
    assert "bob is not a curator" in window.statusBar().currentMessage()
    window.close()


def test_curate_reopens_the_project_on_the_curated_layer(merged: Path) -> None:
    window = app.open_window(str(merged), annotator="dana")
    assert window is not None
    assert window.workbench.session.others.numbers == {}
    window.menu_actions.curate.trigger()
    curator = next(w for w in app._windows if w is not window)  # the first one closed
    assert curator.project.layer_name == CURATED
    assert curator.project.annotator == "dana"
    assert "Curating" in curator.windowTitle()
    curator.menu_actions.curate.trigger()  # Stop Curating
    mine = next(w for w in app._windows if w is not curator)
    assert mine.project.layer_name == "dana"
    mine.close()

