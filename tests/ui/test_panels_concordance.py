"""The Concordance panel (issue 11): search every document, keyword-in-context rows read
right to left, paged lazily; Enter opens the document at the match; a label key labels the
selected rows; label-all with a preview; the snapping lexicon built off the GUI thread.

Writes tests/_artifacts/concordance.png for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.corpus import Concordance, Mode, SearchQuery
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.ui.models.concordance import (
    AFTER,
    BEFORE,
    DOCUMENT,
    MATCH,
    PAGE,
    ConcordanceModel,
    ElideRole,
    RowRole,
)
from annotator.ui.panels import concordance as concordance_panel
from annotator.ui.qt import Qt, QtCore
from annotator.ui.session import lexicon as session_lexicon
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import ARTIFACTS, entity_rows, find, shown_window, type_text_key

DOC_A = ("قال المستشار الألماني إن وبرلين لن تتراجع عن دعم أوكرانيا، وأضاف أن الحكومة في "
         "برلين تدرس خطة جديدة للطاقة قبل الشتاء المقبل.")
DOC_B = ("وصل الوفد الفرنسي لبرلين صباح الأحد في زيارة رسمية، والتقى ممثلين عن "
         "الجالية البرلينية في قاعة المدينة.")
DOC_C = "وفي بروكسل ناقش الوزراء ملف الهجرة، ثم توجه بعضهم إلى برلين مساءً (Berlin)."


@pytest.fixture
def corpus_path(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.annotator"
    labelled = Entity("c1", *find(DOC_C, "برلين"), "GPE")
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([
            DocumentRecord(id="a", text=DOC_A, title="تصريحات المستشار"),
            DocumentRecord(id="b", text=DOC_B, title="Visit report"),
            DocumentRecord(id="c", text=DOC_C, title="بروكسل", entities=[labelled]),
        ])
        project.ensure_search_index()  # current (building it in the app: see the test below)
    return path


@pytest.fixture
def window(qtbot: Any, corpus_path: Path) -> Iterator[MainWindow]:
    opened = shown_window(qtbot, Project.open(corpus_path, annotator="tester"), 1400, 900)
    yield opened
    opened.close()


def search(window: MainWindow, qtbot: Any, text: str) -> None:
    qtbot.keyClick(window.editor, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.corpus.panel
    assert window.corpus.dock.isVisible()
    assert panel.query_edit.hasFocus()
    panel.query_edit.setText(text)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)


def matches(window: MainWindow) -> list[tuple[str, str, str | None]]:
    model = window.corpus.panel.model
    rows = [model.row(n) for n in range(model.rowCount())]
    return [(r.external_id, r.match, r.label) for r in rows if r is not None]


def test_the_model_pages_lazily_and_passes_qtmodeltester(qtmodeltester: Any,
                                                         tmp_path: Path) -> None:
    text = " ".join(f"زار برلين يوم {n}" for n in range(2 * PAGE + 30))
    with Project.open(tmp_path / "many.annotator", create=True, annotator="t") as project:
        project.import_records([DocumentRecord(id="many", text=text)])
        model = ConcordanceModel(project)
        model.search(Concordance(project, SearchQuery("برلين")))
        assert (model.rowCount(), model.pages_fetched) == (PAGE, 1)  # only the first page
        assert model.canFetchMore()
        qtmodeltester.check(model)
        while model.canFetchMore():
            model.fetchMore()
        assert (model.rowCount(), model.pages_fetched) == (2 * PAGE + 30, 3)
        qtmodeltester.check(model)
        index = model.index(0, MATCH)
        assert index.data() == "برلين"
        assert index.data(RowRole) == model.row(0)
        assert index.data(Qt.ItemDataRole.FontRole).bold()
        assert model.index(0, BEFORE).data(ElideRole) == Qt.TextElideMode.ElideLeft
        assert model.index(0, AFTER).data(ElideRole) == Qt.TextElideMode.ElideRight
        model.search(Concordance(project, SearchQuery("برلين", Mode.REGEX, unlabelled=True)))
        qtmodeltester.check(model)


def test_search_shows_keyword_in_context_rows_right_to_left(window: MainWindow,
                                                            qtbot: Any) -> None:
    search(window, qtbot, "برلين")
    # Whole words after proclitics (وبرلين, لبرلين), never inside البرلينية.
    assert matches(window) == [("a", "برلين", None), ("a", "برلين", None),
                               ("b", "برلين", None), ("c", "برلين", "GPE")]
    table = window.corpus.panel.table
    first = window.corpus.panel.model.row(0)
    assert first is not None
    assert (first.left + first.match, first.proclitic) == (DOC_A[:first.end], "و")
    assert table.layoutDirection() == Qt.LayoutDirection.RightToLeft
    positions = [table.columnViewportPosition(c) for c in (BEFORE, MATCH, AFTER, DOCUMENT)]
    assert positions == sorted(positions, reverse=True)  # from the right: before, match, after
    title = window.corpus.panel.model.index(2, DOCUMENT).data()
    assert title == "\u2068Visit report\u2069"  # a Latin title keeps its own direction
    window.corpus.panel.label_box.setCurrentIndex(window.corpus.panel.label_box.findText("GPE"))
    assert window.corpus.panel.search()
    assert matches(window) == [("c", "برلين", "GPE")]


def test_enter_opens_the_document_at_the_match(window: MainWindow, qtbot: Any) -> None:
    search(window, qtbot, "برلين")
    table = window.corpus.panel.table
    table.setFocus()
    table.setCurrentIndex(window.corpus.panel.model.index(2, MATCH))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    session = window.workbench.session
    assert session.title == "Visit report"
    start, end = find(DOC_B, "برلين")
    assert window.editor.selection_codepoints() == (start, end)
    assert window.editor.hasFocus()


def test_a_label_key_labels_the_selected_rows_as_one_undoable_action(
        window: MainWindow, qtbot: Any, corpus_path: Path) -> None:
    search(window, qtbot, "برلين")
    panel = window.corpus.panel
    table = panel.table
    table.setFocus()
    selection = table.selectionModel()
    flags = (QtCore.QItemSelectionModel.SelectionFlag.Select
             | QtCore.QItemSelectionModel.SelectionFlag.Rows)
    selection.clearSelection()
    for row in (0, 2, 3):  # وبرلين, لبرلين and the already labelled one
        selection.select(panel.model.index(row, MATCH), flags)
    type_text_key(table, "g")  # GPE
    added = [r for r in entity_rows(corpus_path) if r[0] != 3]
    starts = {(doc, DOC_A if doc == 1 else DOC_B) for doc, *_ in added}
    assert len(added) == 2
    for doc, text in starts:
        assert all(text[s:e] == "برلين" for d, s, e, _ in added if d == doc)
    message = window.statusBar().currentMessage()
    assert message.startswith("Added 2 GPE entities in 2 documents; 1 skipped")
    assert [m[2] for m in matches(window)] == ["GPE", None, "GPE", "GPE"]
    grab = panel.grab()
    ARTIFACTS.mkdir(exist_ok=True)
    assert grab.save(str(ARTIFACTS / "concordance.png"))
    window.workbench.undo()  # Ctrl+Z removes them all
    assert len(entity_rows(corpus_path)) == 1
    assert [m[2] for m in matches(window)] == [None, None, None, "GPE"]


def test_label_all_preview_leaves_out_an_unticked_occurrence(
        window: MainWindow, qtbot: Any, corpus_path: Path) -> None:
    doc_c = window.workbench.project.find_document("c")
    assert doc_c is not None
    window.workbench.open_document(doc_c)
    window.workbench.select_annotation(next(iter(window.workbench.session.entities)))
    assert window.corpus.label_all.isEnabled()
    window.corpus.label_all.trigger()
    dialog = window.corpus.dialog
    assert dialog is not None
    assert dialog.planned.count() == 3
    assert dialog.skipped.count() == 1
    assert "already labelled GPE" in dialog.skipped.item(0).text()
    first = dialog.planned.item(0).text()
    assert "[برلين]" in first
    assert "\u2068" in first
    dialog.planned.item(1).setCheckState(Qt.CheckState.Unchecked)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.text() == "Label 2"
    ok.click()
    assert len(entity_rows(corpus_path)) == 3
    assert "Added 2 GPE entities in 2 documents" in window.statusBar().currentMessage()
    window.workbench.undo()
    assert len(entity_rows(corpus_path)) == 1


def test_the_lexicon_of_a_large_project_is_built_off_the_gui_thread(
        qtbot: Any, corpus_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_lexicon, "BACKGROUND_ENTITIES", 0)
    opened = MainWindow(Project.open(corpus_path, annotator="tester"))
    qtbot.addWidget(opened)
    session = opened.workbench.session
    qtbot.waitUntil(lambda: session.lexicon is not None)
    assert session.lexicon is not None
    qtbot.waitUntil(lambda: session.lexicon is not None and session.lexicon.complete)
    assert session.lexicon.lexicon.is_name("برلين")
    opened.close()


def test_dont_learn_this_name_and_learn_it_again_from_the_menu(window: MainWindow) -> None:
    doc_c = window.workbench.project.find_document("c")
    assert doc_c is not None
    window.workbench.open_document(doc_c)
    window.workbench.select_annotation(next(iter(window.workbench.session.entities)))
    window.corpus.dont_learn.trigger()
    assert window.workbench.project.disabled_names() == {"برلين": "برلين"}
    window.corpus.turned_off.aboutToShow.emit()
    actions = [a for a in window.corpus.turned_off.actions() if "برلين" in a.text()]
    assert len(actions) == 1
    actions[0].trigger()
    assert window.workbench.project.disabled_names() == {}


def test_a_search_before_the_index_is_complete_says_it_is_building(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: the import leaves the index to the first search; the panel builds it in steps
    between events, says so with its progress, then shows the rows."""
    project = window.workbench.project
    project.import_records([DocumentRecord(id=f"n{n}", text=f"خبر {n}: وصل الوفد إلى برلين")
                            for n in range(7)])
    monkeypatch.setattr(concordance_panel, "INDEX_STEP", 2)
    panel = window.corpus.panel
    window.corpus.open_concordance()
    panel.query_edit.setText("برلين")
    assert not panel.search()
    assert panel.count_label.text().startswith("Building the search index: 0 of 7 documents")
    assert panel.model.rowCount() == 0
    assert panel.index_timer.isActive()
    seen = {panel.count_label.text()}
    qtbot.waitUntil(lambda: seen.add(panel.count_label.text()) or not panel.index_timer.isActive(),
                    timeout=10000)
    assert any(text.startswith("Building the search index: 4 of 7") for text in seen), seen
    assert project.search_index_pending() == 0
    assert panel.model.rowCount() == 4 + 7  # برلين twice in a, once in b and c, and the new
    assert "matches" in panel.count_label.text()
