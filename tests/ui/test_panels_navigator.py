"""The document navigator: the lazy model under qtmodeltester, its filters, following store
events, keyboard use, and reading only pages of 100,000 documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.ui.models.documents import (
    PAGE,
    DocIdRole,
    DocumentListModel,
    EntityCountRole,
    StatusRole,
    TitleRole,
)
from annotator.ui.panels import navigator
from annotator.ui.panels.navigator import NavigatorPanel, is_rtl_text
from annotator.ui.qt import Qt


@pytest.fixture
def project(tmp_path: Path) -> Project:
    proj = Project.open(tmp_path / "nav.annotator", create=True, annotator="tester")
    proj.import_records([
        DocumentRecord(id=f"d{i}", text=f"خبر رقم {i} عن مدينة الرياض وأحمد.",
                       title=f"أخبار الرياض {i}" if i % 3 == 0 else f"تقرير {i}")
        for i in range(PAGE + 20)
    ])
    return proj


def test_model_passes_qtmodeltester_while_the_store_changes(  # type: ignore[no-untyped-def]
        qtmodeltester, project: Project) -> None:
    model = DocumentListModel(project)
    model.attach()
    qtmodeltester.check(model)
    project.add_entity(3, 0, 3, "ORG")
    project.set_status(5, "done")
    model.set_filter(status="todo")
    qtmodeltester.check(model)
    project.set_status(7, "done")  # leaves the filtered set: the model resets
    qtmodeltester.check(model)
    assert model.rowCount() == PAGE + 20 - 2
    model.detach()


def test_rows_carry_title_status_and_entity_count(project: Project) -> None:
    model = DocumentListModel(project)
    index = model.index(3, 0)
    assert index.data(DocIdRole) == 4
    assert index.data(TitleRole) == "أخبار الرياض 3"
    assert index.data(StatusRole) == "todo"
    assert index.data(EntityCountRole) == 0
    assert "0 entities" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_entity_changes_repaint_only_their_row(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    model = DocumentListModel(project)
    model.attach()
    model.index(3, 0).data()  # load the first page
    with qtbot.waitSignal(model.dataChanged) as signal:
        entity = project.add_entity(4, 0, 3, "ORG")
    assert signal.args[0].row() == 3
    assert model.index(3, 0).data(EntityCountRole) == 1
    with qtbot.assertNotEmitted(model.modelReset):
        project.delete_entity(entity)
    assert model.index(3, 0).data(EntityCountRole) == 0
    model.detach()


def test_filters_by_status_and_folded_text(project: Project) -> None:
    model = DocumentListModel(project)
    model.set_filter(text="اخبار الرياض")  # folded: matches أخبار
    titles = [model.index(r, 0).data(TitleRole) for r in range(model.rowCount())]
    assert titles
    assert all(t.startswith("أخبار الرياض") for t in titles)
    assert len(titles) == len(range(0, PAGE + 20, 3))
    project.set_status(1, "done")
    model.set_filter(status="done")
    assert [model.index(r, 0).data(DocIdRole) for r in range(model.rowCount())] == [1]
    assert model.row_of(1) == 0
    assert model.row_of(2) is None


def test_panel_filters_and_keyboard(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    opened: list[int] = []
    panel.documentActivated.connect(opened.append)
    panel.select_document(1)
    assert opened == [1]
    panel.filter_edit.setText("تقرير 10")
    panel.apply_filters()
    assert panel.model.rowCount() >= 1
    assert "filtered" in panel.count_label.text()
    panel.filter_edit.setFocus()
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Down)  # into the list, first match
    assert panel.focusWidget() is panel.list_view
    assert opened[-1] == panel.model.index(0, 0).data(DocIdRole)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)
    assert opened[-1] == panel.model.index(1, 0).data(DocIdRole)
    panel.select_document(2)  # hidden by the filter: the filters are cleared
    assert panel.filter_edit.text() == ""
    assert panel.model.rowCount() == PAGE + 20
    assert panel.list_view.currentIndex().row() == 1
    panel.set_status_filter("done")
    assert panel.model.rowCount() == 0
    assert panel.count_label.text() == "0 documents (filtered)"
    panel.detach()


def test_rtl_detection_for_row_alignment() -> None:
    assert is_rtl_text("  «أخبار» 12")
    assert not is_rtl_text("Reuters: أخبار")
    assert not is_rtl_text("123")


@pytest.mark.slow
def test_model_reads_pages_not_the_list_of_100000_documents(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Bounded by counting the pages read (bench/navigator.py times it)."""
    with Project.open(tmp_path / "big.annotator", create=True, annotator="t") as big:
        big.import_records(DocumentRecord(id=f"n{i}", text=f"نص الخبر رقم {i}.",
                                          title=f"عنوان {i}") for i in range(100_000))
        panel = NavigatorPanel(big)
        qtbot.addWidget(panel)
        panel.show()
        last = panel.model.index(99_999, 0)
        assert last.data(TitleRole) == "عنوان 99999"
        panel.select_document(99_000)
        assert panel.list_view.currentIndex().row() == 98_999
        assert panel.model.pages_loaded <= 3  # never the whole list
        panel.detach()


def test_row_of_under_filters_reads_no_pages(project: Project) -> None:
    """Reselecting the current document after a filter keystroke asks the store for its
    position instead of reading every filtered page (issue 12: 4 s at 100,000 documents)."""
    model = DocumentListModel(project)
    model.set_filter(text="رقم")  # no title holds it: nothing matches
    assert model.row_of(PAGE + 10) is None
    model.set_filter(text="ر")  # every title holds it
    assert model.row_of(PAGE + 10) == PAGE + 9
    model.set_filter(status="todo", text="الرياض")
    assert model.row_of(PAGE + 3) == (PAGE + 2) // 3  # i = PAGE + 2 is a multiple of 3
    assert model.row_of(PAGE + 4) is None
    assert model.pages_loaded == 0
    model.set_filter(status="done")
    assert model.row_of(1) is None


def test_filtering_asks_the_model_about_visible_rows_only(  # type: ignore[no-untyped-def]
        qtbot, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list view lays out every row after each reset (1 s per keystroke at 100,000
    documents, issue 12); the navigator's rows are placed without asking the model."""
    calls = {"rowCount": 0}

    class Counting(DocumentListModel):
        def rowCount(self, *args: Any) -> int:  # noqa: N802 - Qt override
            calls["rowCount"] += 1
            return super().rowCount(*args)

    monkeypatch.setattr(navigator, "DocumentListModel", Counting)
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    panel.select_document(PAGE)
    calls["rowCount"] = 0
    panel.filter_edit.setText("ر")
    panel.apply_filters()
    panel.list_view.repaint()
    assert panel.model.rowCount() == PAGE + 20
    assert calls["rowCount"] < 100  # not once per row
    assert panel.list_view.currentIndex().row() == PAGE - 1
    qtbot.keyClick(panel.list_view, Qt.Key.Key_End)
    assert panel.list_view.currentIndex().row() == PAGE + 19
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Home)
    assert panel.list_view.currentIndex().row() == 0
    panel.detach()


def test_a_status_choice_filters_once(qtbot, project: Project,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing a status resets the list once (it reset twice: the combo's signal, then
    again), and choosing the status already shown still applies the filters."""
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    resets: list[str | None] = []
    set_filter = panel.model.set_filter
    monkeypatch.setattr(panel.model, "set_filter",
                        lambda status=None, text=None: (resets.append(status),
                                                        set_filter(status, text)))
    panel.set_status_filter("done")
    assert resets == ["done"]
    panel.set_status_filter("done")
    assert resets == ["done", "done"]
    panel.detach()


# -- "Assigned to me" (issue 13) -----------------------------------------------------------


def _assign(project: Project, people: list[str]) -> dict[str, list[int]]:
    from annotator.core.teams.assigning import assign_documents

    assign_documents(project, people, overlap=0.2, seed=1)
    return {name: project.assignments(name) for name in people}


def test_assigned_to_me_is_hidden_without_assignments(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.assigned_check.isVisible()
    _assign(project, ["tester", "bob"])
    panel.refresh_assignments()
    assert panel.assigned_check.isVisible()
    panel.detach()


def test_assigned_to_me_combines_with_status_and_title(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    mine = _assign(project, ["tester", "bob"])["tester"]
    assert 0 < len(mine) < PAGE + 20
    project.set_status(mine[1], "done")
    project.set_status(mine[2], "done")
    project.set_status(next(d for d in range(1, PAGE + 21) if d not in mine), "done")
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    panel.assigned_check.setChecked(True)
    ids = [panel.model.index(r, 0).data(DocIdRole) for r in range(panel.model.rowCount())]
    assert ids == mine
    assert "(filtered)" in panel.count_label.text()
    panel.set_status_filter("done")
    ids = [panel.model.index(r, 0).data(DocIdRole) for r in range(panel.model.rowCount())]
    assert ids == [mine[1], mine[2]]
    assert panel.model.row_of(mine[2]) == 1  # the position counts the assigned only
    panel.set_status_filter("todo")
    assert panel.model.rowCount() == len(mine) - 2
    assert panel.model.row_of(mine[3]) == 1
    panel.set_status_filter(None)
    titled = [d for d in mine if (d - 1) % 3 == 0]  # titles «أخبار الرياض i» for i % 3 == 0
    panel.filter_edit.setText("الرياض")
    panel.apply_filters()
    ids = [panel.model.index(r, 0).data(DocIdRole) for r in range(panel.model.rowCount())]
    assert ids == titled
    panel.assigned_check.setChecked(False)
    assert panel.model.rowCount() == (PAGE + 20 + 2) // 3
    panel.detach()


def test_selecting_a_document_not_assigned_to_me_clears_the_filter(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    mine = _assign(project, ["tester", "bob"])["tester"]
    other = next(d for d in range(1, PAGE + 21) if d not in mine)
    panel = NavigatorPanel(project)
    qtbot.addWidget(panel)
    panel.assigned_check.setChecked(True)
    panel.select_document(other)
    assert not panel.assigned_check.isChecked()
    assert panel.list_view.currentIndex().data(DocIdRole) == other
    panel.detach()


@pytest.mark.slow
def test_assigned_to_me_on_100000_documents_reads_pages_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Bounded by counting the rows the store is asked for (never a timing)."""
    with Project.open(tmp_path / "big.annotator", create=True, annotator="t") as big:
        big.import_records(DocumentRecord(id=f"n{i}", text=f"نص الخبر رقم {i}.",
                                          title=f"عنوان {i}") for i in range(100_000))
        mine = _assign(big, ["t", "u", "v"])["t"]
        big.set_status(mine[-1], "done")
        asked: list[int] = []
        list_documents = big.list_documents

        def counting(offset: int = 0, limit: int = 100, **kwargs: Any) -> Any:
            rows = list_documents(offset, limit, **kwargs)
            asked.append(len(rows))
            return rows

        big.list_documents = counting  # type: ignore[method-assign]
        panel = NavigatorPanel(big)
        qtbot.addWidget(panel)
        panel.resize(300, 400)
        panel.show()
        panel.assigned_check.setChecked(True)
        panel.list_view.repaint()
        assert panel.model.rowCount() == len(mine)
        panel.select_document(mine[-1])
        panel.set_status_filter("done")
        assert panel.model.rowCount() == 1
        assert panel.list_view.currentIndex().data(DocIdRole) == mine[-1]
        assert sum(asked) <= 4 * PAGE  # pages on screen, never the assigned list
        panel.detach()
