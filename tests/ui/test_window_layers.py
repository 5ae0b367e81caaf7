"""Other annotators' layers in the window: alice works on a project where bob annotated the
same document. Bob's layer is off by default; shown, his spans are drawn read-only in his
colour with a legend, a click never selects them for editing, Copy to My Layer copies one as
one undoable action, his quotes are listed greyed, and undo only undoes alice's actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Entity, Span
from annotator.core.store import Project
from annotator.ui.models.documents import StatusRole
from annotator.ui.models.links import OwnerRole
from annotator.ui.qt import Qt
from annotator.ui.session.other_layers import other_span_id
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import click_span, find, rows, save_shot, shortcut, shown_window

TEXT = ("قال وزير الخارجية أحمد إن موسكو ترحب بالحوار، وأضاف أحمد: «سنزور العراق قريبا» "
        "ثم غادر إلى بيروت مساء أمس.")


def _bob_entity(path: Path, surface: str) -> int:
    start, end = find(TEXT, surface)
    found = rows(path, "SELECT e.id FROM entities e JOIN annotators a ON a.id = e.annotator_id"
                       " WHERE a.name = 'bob' AND e.start = ? AND e.\"end\" = ?", start, end)
    return int(found[0][0])


@pytest.fixture
def two_layers(tmp_path: Path) -> Path:
    """One document: alice marked موسكو; then bob marked أحمد, موسكو, العراق, a quote
    spoken by أحمد, and the document done (bob's actions are the latest in the journal)."""
    path = tmp_path / "team.annotator"
    with Project.open(path, create=True, annotator="alice") as alice:
        alice.import_records([DocumentRecord(id="news", text=TEXT, title="خبر")])
        doc_id = alice.document_ids()[0]
        alice.add_entity(doc_id, *find(TEXT, "موسكو"), "GPE")
    with Project.open(path, annotator="bob") as bob:
        speaker = bob.add_entity(doc_id, *find(TEXT, "أحمد"), "PERS")
        bob.add_entity(doc_id, *find(TEXT, "موسكو"), "GPE")
        bob.add_entity(doc_id, *find(TEXT, "العراق"), "GPE")
        bob.add_quote(doc_id, Span(*find(TEXT, "سنزور العراق قريبا")), speaker=speaker)
        bob.set_status(doc_id, "done")
    return path


@pytest.fixture
def alice_window(qtbot: Any, two_layers: Path) -> Iterator[MainWindow]:
    window = shown_window(qtbot, Project.open(two_layers, annotator="alice"), 1300, 800)
    yield window
    window.close()


def _shoot(widget: Any, tmp_path: Path, name: str) -> None:
    save_shot(widget, tmp_path, name)


def _other_spans(window: MainWindow) -> dict[str, str]:
    return {s.id: s.owner for s in window.editor.spans() if s.owner}


def test_bobs_layer_is_offered_off_and_shown_read_only_with_a_legend(
        alice_window: MainWindow, qtbot: Any, tmp_path: Path, two_layers: Path) -> None:
    window = alice_window
    layers = window.layers
    assert list(layers.layer_actions) == ["bob"]
    assert not layers.layer_actions["bob"].isChecked()
    assert _other_spans(window) == {}
    assert layers.legend.hint  # no span drawn: only the hint that bob's layer exists
    assert "1 other annotator layer(s)" in layers.legend.title.text()
    assert layers.legend.entries == []
    document_before = window.editor.document()

    layers.layer_actions["bob"].setChecked(True)
    assert set(_other_spans(window).values()) == {"bob"}
    assert len(_other_spans(window)) == 3
    assert layers.legend.isVisible()
    assert layers.legend.entries[0][0] == "bob"
    assert window.editor.document() is document_before  # the text was not laid out again
    moscow = other_span_id(str(_bob_entity(two_layers, "موسكو")))
    assert window.editor.span(moscow).style == "other-agreeing"  # alice's GPE too: no tag
    own = [s for s in window.editor.spans() if s.id in window.workbench.session.entities]
    assert [(s.style, s.owner) for s in own] == [("solid", "")]  # alice's keeps its fill
    qtbot.wait(50)
    _shoot(window, tmp_path, "layers_window.png")
    _shoot(window.editor, tmp_path, "layers_editor.png")

    layers.layer_actions["bob"].setChecked(False)
    assert _other_spans(window) == {}
    assert layers.legend.hint  # no span drawn: only the hint that bob's layer exists
    assert "1 other annotator layer(s)" in layers.legend.title.text()
    assert layers.legend.entries == []


def test_a_click_on_bobs_span_never_selects_it_and_edit_keys_leave_it(
        alice_window: MainWindow, two_layers: Path) -> None:
    window = alice_window
    window.layers.layer_actions["bob"].setChecked(True)
    iraq = other_span_id(str(_bob_entity(two_layers, "العراق")))
    click_span(window, iraq)
    assert window.workbench.session.selected is None
    assert window.workbench.session.others.focused == iraq
    assert not window.menu_actions.delete_annotation.isEnabled()
    before = rows(two_layers, "SELECT id, start, \"end\", label FROM entities ORDER BY id")
    window.menu_actions.delete_annotation.trigger()
    window.menu_actions.edge_start_word_start.trigger()
    assert rows(two_layers, "SELECT id, start, \"end\", label FROM entities ORDER BY id") == before
    assert "read-only" in window.statusBar().currentMessage()


def test_copy_to_my_layer_is_one_action_and_undo_undoes_only_alices(
        alice_window: MainWindow, two_layers: Path, qtbot: Any) -> None:
    window = alice_window
    window.layers.layer_actions["bob"].setChecked(True)
    ahmad = other_span_id(str(_bob_entity(two_layers, "أحمد")))
    assert not window.menu_actions.copy_to_my_layer.isEnabled()
    assert window.editor.span(ahmad).style == "other"  # tagged PERS·bob: alice has none
    click_span(window, ahmad)
    assert window.menu_actions.copy_to_my_layer.isEnabled()
    shortcut(qtbot, window, "Ctrl+Shift+Y")
    mine = rows(two_layers, "SELECT e.start, e.\"end\", e.label FROM entities e JOIN annotators a"
                            " ON a.id = e.annotator_id WHERE a.name = 'alice' ORDER BY e.start")
    assert (*find(TEXT, "أحمد"), "PERS") in mine
    assert len(mine) == 2
    copy = window.workbench.session.selected
    assert copy in window.workbench.session.entities  # the copy is alice's, selected
    assert window.menu_actions.undo.text() == "Undo Add PERS entity"
    assert window.editor.span(ahmad).style == "other-agreeing"  # her tag says it now

    bobs = rows(two_layers, "SELECT count(*) FROM entities e JOIN annotators a"
                            " ON a.id = e.annotator_id WHERE a.name = 'bob'")
    window.workbench.undo()  # the copy
    assert window.editor.span(ahmad).style == "other"
    window.workbench.undo()  # alice's موسكو, made before all of bob's work
    mine = rows(two_layers, "SELECT count(*) FROM entities e JOIN annotators a"
                            " ON a.id = e.annotator_id WHERE a.name = 'alice'")
    assert mine == [(0,)]
    assert rows(two_layers, "SELECT count(*) FROM entities e JOIN annotators a"
                            " ON a.id = e.annotator_id WHERE a.name = 'bob'") == bobs == [(3,)]
    assert not window.workbench.undo()  # nothing of alice's left; bob's work stays
    assert len(_other_spans(window)) == 3


def test_copy_refuses_a_span_alice_already_has(alice_window: MainWindow,
                                               two_layers: Path) -> None:
    window = alice_window
    window.layers.layer_actions["bob"].setChecked(True)
    moscow = other_span_id(str(_bob_entity(two_layers, "موسكو")))
    assert not window.workbench.actions.layers.copy_to_mine(moscow)
    assert "already has" in window.statusBar().currentMessage()


def test_bobs_quote_is_listed_greyed_with_his_name(alice_window: MainWindow,
                                                   tmp_path: Path) -> None:
    window = alice_window
    model = window.links_panel.model
    quotes = model.group_index("q")
    assert model.rowCount(quotes) == 0
    window.layers.layer_actions["bob"].setChecked(True)
    assert model.rowCount(quotes) == 1
    row = model.index(0, 0, quotes)
    assert "bob" in str(row.data(Qt.ItemDataRole.DisplayRole))
    assert "أحمد" in str(row.data(Qt.ItemDataRole.DisplayRole))  # his speaker, in his layer
    assert model.flags(row) == Qt.ItemFlag.NoItemFlags
    assert row.data(OwnerRole) is None
    assert quotes.data(Qt.ItemDataRole.DisplayRole) == "Quotes (0 + 1 other)"
    window.links_panel.tree.expandAll()
    _shoot(window.links_panel, tmp_path, "layers_links_panel.png")


def test_status_and_navigator_show_alices_statuses(alice_window: MainWindow) -> None:
    window = alice_window
    assert window.workbench.session.status == "todo"  # bob's "done" is his
    assert window.status_line.project_label.text() == "Project: 0 / 1 done"
    assert window.status_line.document_label.text() == "1 entity · To do"
    navigator = window.navigator.model
    assert navigator.index(0, 0).data(StatusRole) == "todo"
    assert str(navigator.index(0, 0).data()).endswith("(1)")  # alice's one entity, not bob's 3
    window.navigator.set_status_filter("done")
    assert navigator.rowCount() == 0  # bob's done document is not done for alice
    window.navigator.set_status_filter("todo")
    assert navigator.rowCount() == 1


def test_the_window_names_its_annotator(alice_window: MainWindow) -> None:
    assert "alice" in alice_window.windowTitle()
    assert alice_window.status_line.annotator_label.text() == "Annotator: alice"


def test_layers_are_read_only_when_shown_and_hidden_across_documents(
        qtbot: Any, tmp_path: Path) -> None:
    """Work is counted: a hidden layer is never read; a shown one once per document."""
    path = tmp_path / "two.annotator"
    with Project.open(path, create=True, annotator="alice") as alice:
        alice.import_records([DocumentRecord(id="a", text=TEXT),
                              DocumentRecord(id="b", text=TEXT + " ثانية")])
    with Project.open(path, annotator="bob") as bob:
        for doc_id in bob.document_ids():
            bob.add_entity(doc_id, *find(TEXT, "بيروت"), "GPE")
    window = MainWindow(Project.open(path, annotator="alice"))
    qtbot.addWidget(window)
    others = window.workbench.session.others
    first, second = window.project.document_ids()
    window.workbench.open_document(second)
    assert others.reads == 0
    window.workbench.set_layer_shown("bob", True)
    assert others.reads == 1
    window.workbench.open_document(first)  # the choice holds: bob shown here too
    assert others.reads == 2
    assert list(others.shown) == ["bob"]
    assert window.layers.layer_actions["bob"].isChecked()
    window.close()


def test_no_other_layer_says_so(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "solo.annotator"
    with Project.open(path, create=True, annotator="alice") as alice:
        alice.import_records([DocumentRecord(id="a", text=TEXT,
                                             entities=[Entity("x", *find(TEXT, "أحمد"), "PERS")])])
    window = MainWindow(Project.open(path, annotator="alice"))
    qtbot.addWidget(window)
    entries = [a.text() for a in window.layers.menu.actions()]
    assert entries == ["No other annotator's layer on this document"]
    assert window.layers.legend.isHidden()
    window.close()


def test_an_ampersand_in_a_name_is_shown_not_taken_as_a_mnemonic(qtbot: Any,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "amp.annotator"
    with Project.open(path, create=True, annotator="alice") as alice:
        alice.import_records([DocumentRecord(id="a", text=TEXT)])
    with Project.open(path, annotator="r&d") as team:
        team.add_entity(team.document_ids()[0], *find(TEXT, "بيروت"), "GPE")
    window = MainWindow(Project.open(path, annotator="alice"))
    qtbot.addWidget(window)
    (action,) = window.layers.menu.actions()
    assert action.text() == "r&&d"  # Qt shows "r&d"
    assert list(window.layers.layer_actions) == ["r&d"]
    window.close()
