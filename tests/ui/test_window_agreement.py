"""Project ▸ Agreement…: the window on a two-annotator project built with the core API shows
compute_agreement's figures, computes on a worker, opens a disagreement's span in the
editor and saves the CLI's report. Screenshots go to the test's tmp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.agreement import compute_agreement
from annotator.core.agreement.report import write_report
from annotator.core.agreement.summary import summary_rows
from annotator.core.store import Project
from annotator.ui.qt import Qt, QtWidgets
from annotator.ui.row_text import strip_isolates
from annotator.ui.session.agreement import AgreementJob, candidates, label_rows
from annotator.ui.window.agreement_window import AgreementWindow
from annotator.ui.window.main_window import MainWindow
from tests.core.agreement_helpers import annotate, at, new_project
from tests.ui.helpers import shown_window_at

ALICE = {"d1": [("بوتين", "PERS"), ("موسكو", "GPE"), ("روسيا", "GPE")],
         "d2": [("القاهرة", "GPE"), ("شكري", "PERS"), ("باريس", "GPE")],
         "d3": [("رويترز", "ORG"), ("الرياض", "GPE")]}
BOB = {"d1": [("بوتين", "PERS"), ("موسكو", "LOC"), ("الصين", "GPE")],
       "d2": [("القاهرة", "GPE"), ("شكري", "PERS"), ("باريس", "GPE")],
       "d3": [("رويترز", "ORG"), ("أرامكو", "ORG")]}


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    path = new_project(tmp_path / "team.annotator")
    annotate(path, "alice", ALICE)
    annotate(path, "bob", BOB)
    annotate(path, "carol", {"d1": [("بوتين", "PERS")]}, done=())  # nothing done
    return path


@pytest.fixture
def window(qtbot: Any, team_path: Path) -> Iterator[MainWindow]:
    main = shown_window_at(qtbot, team_path, "alice")
    yield main
    main.close()


def computed(qtbot: Any, main: MainWindow) -> AgreementWindow:
    main.menu_actions.agreement.trigger()
    dialog = main.agreement
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None  # on its worker: the click returned before the result
    qtbot.waitUntil(lambda: dialog.computed is not None, timeout=60_000)
    return dialog


def cells(table: QtWidgets.QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(strip_isolates(table.item(r, c).text()) for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def test_annotators_with_done_documents_start_ticked(team_path: Path) -> None:
    with Project.open(team_path, readonly=True) as project:
        found = {c.name: (c.done, c.default) for c in candidates(project)}
    assert found["alice"] == (3, True)
    assert found["bob"] == (3, True)
    assert found["carol"] == (0, False)


def test_figures_equal_compute_agreement(qtbot: Any, window: MainWindow,
                                         team_path: Path, tmp_path: Path) -> None:
    dialog = computed(qtbot, window)
    assert [n for n, box in dialog.annotator_boxes.items() if box.isChecked()] == [
        "alice", "bob"]
    with Project.open(team_path, readonly=True) as project:
        result = compute_agreement(project, ["alice", "bob"])
    expected = [(r.layer, r.figure, r.who, r.shown, r.counts)
                for r in summary_rows(result.to_dict())]
    assert cells(dialog.figures) == expected
    assert dialog.pair_combo.currentText() == "alice~bob"
    assert result.entities is not None
    found = result.entities.pairs[0, 1]
    assert cells(dialog.labels) == label_rows(found)
    assert cells(dialog.labels)[-1][0] == "(all)"
    assert cells(dialog.labels)[-1][7] == f"{found.scores['overlap'].micro.f1:.3f}"
    shown = cells(dialog.disagreements)
    assert len(shown) == found.disagreement_count == 5  # موسكو label; روسيا, الصين, أرامكو, الرياض
    assert shown[0][:5] == ("d1", "label", "GPE", "LOC", "موسكو")
    assert "⟦موسكو⟧" in shown[0][5]
    pictures = [dialog.findChild(QtWidgets.QLabel, f"chart_{kind}")
                for kind in ("f1", "confusion", "documents")]
    assert all(p is not None and not p.pixmap().isNull() for p in pictures)
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    dialog.resize(1100, 760)
    for index, name in enumerate(("figures", "labels", "charts", "disagreements")):
        dialog.tabs.setCurrentIndex(index)
        assert dialog.grab().save(str(tmp_path / f"agreement_{name}.png"))


def test_double_click_opens_the_document_at_the_span(qtbot: Any, window: MainWindow,
                                                     team_path: Path) -> None:
    dialog = computed(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.disagreements)
    table = dialog.disagreements
    row = next(r for r in range(table.rowCount())
               if strip_isolates(table.item(r, 4).text()) == "أرامكو")
    rect = table.visualRect(table.model().index(row, 4))
    for click in (qtbot.mouseClick, qtbot.mouseDClick):  # a double click: press, release,
        # then the double-click press (QTest sends only the last one)
        click(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
              rect.center())
    d3 = window.project.find_document("d3")
    assert window.workbench.session.doc_id == d3
    text = window.workbench.session.text
    assert window.editor.selection_codepoints() == at(text, "أرامكو")
    assert window.navigator.current_document == d3
    table.setCurrentCell(0, 0)  # Enter opens the selected row's span too
    qtbot.keyClick(table, Qt.Key.Key_Return)
    d1 = window.project.find_document("d1")
    assert window.workbench.session.doc_id == d1
    assert window.editor.selection_codepoints() == at(window.workbench.session.text, "موسكو")


def test_save_report_writes_what_the_cli_writes(qtbot: Any, window: MainWindow,
                                                team_path: Path, tmp_path: Path) -> None:
    dialog = computed(qtbot, window)
    dialog.save_report(tmp_path / "from-app")
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)
    assert "Wrote 5 files" in dialog.status.text()
    with Project.open(team_path, readonly=True) as project:
        result = compute_agreement(project, ["alice", "bob"])
        write_report(result, tmp_path / "from-core", Path(project.path), project.project_id)
    for name in ("report.md", "report.html"):
        assert ((tmp_path / "from-app" / name).read_text(encoding="utf-8")
                == (tmp_path / "from-core" / name).read_text(encoding="utf-8"))
    assert sorted(p.name for p in (tmp_path / "from-app").iterdir()) == sorted(
        p.name for p in (tmp_path / "from-core").iterdir())


def test_fewer_than_two_annotators_cannot_compute(qtbot: Any, window: MainWindow) -> None:
    window.open_agreement()
    dialog = window.agreement
    assert dialog is not None
    dialog.annotator_boxes["bob"].setChecked(False)
    assert not dialog.compute_button.isEnabled()
    assert "two or more" in dialog.status.text()
    dialog.annotator_boxes["carol"].setChecked(True)
    assert dialog.compute_button.isEnabled()


def test_a_cancelled_job_leaves_no_result(team_path: Path) -> None:
    """Closing the window cancels its job: it stops at its next step (between documents
    every 500, before the charts), with no result and no error."""
    job = AgreementJob(team_path, ["alice", "bob"])
    job.cancel()  # before it starts: stopping() is already set
    job.start().wait()
    assert job.cancelled
    assert job.result is None
    assert job.error is None
