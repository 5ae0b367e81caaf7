"""Who am I: the name asked once (login offered), remembered, skipped when given by
``--annotator`` or ``ANNOTATOR_NAME``, and changed in Preferences (the project reopened as
that annotator, who sees their own layer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.store import Project
from annotator.ui.editor.layers import STYLE_OTHER, SpanItem
from annotator.ui.editor.selection import tooltip_html
from annotator.ui.qt import QtWidgets
from annotator.ui.window import app as app_module
from annotator.ui.window import identity
from annotator.ui.window.preferences import PreferencesDialog
from annotator.ui.window.settings import Preferences, remember_annotator, stored_annotator


def _asked(monkeypatch: pytest.MonkeyPatch, answer: tuple[str, bool]) -> list[str]:
    offered: list[str] = []

    def get_text(_parent: Any, _title: str, _label: str, _mode: Any,
                 suggested: str) -> tuple[str, bool]:
        offered.append(suggested)
        return answer

    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", get_text)
    return offered


def test_the_first_start_asks_once_offering_the_login_and_remembers(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    offered = _asked(monkeypatch, ("سارة", True))
    assert identity.annotator_for_run(None) == "سارة"
    assert offered == ["login"]
    assert stored_annotator() == "سارة"
    assert identity.annotator_for_run(None) == "سارة"  # not asked again
    assert offered == ["login"]


def test_a_given_name_skips_the_question_and_is_not_remembered(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    offered = _asked(monkeypatch, ("never", True))
    monkeypatch.setenv("ANNOTATOR_NAME", "bob")
    assert identity.annotator_for_run(None) == "bob"
    assert identity.annotator_for_run("carol") == "carol"
    assert offered == []
    assert stored_annotator() is None


def test_a_cancelled_question_opens_nothing(qtbot: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    _asked(monkeypatch, ("", False))
    assert identity.annotator_for_run(None) is None


def test_annotator_project_annotator_name_reaches_the_app(
        monkeypatch: pytest.MonkeyPatch, project_path: Path) -> None:
    started: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(app_module, "run",
                        lambda path=None, annotator=None: started.append((path, annotator)) or 0)
    result = CliRunner().invoke(cli, [str(project_path), "--annotator", "alice"])
    assert result.exit_code == 0, result.output
    assert started == [(str(project_path), "alice")]


def test_preferences_reopen_the_project_as_the_new_name(
        qtbot: Any, project_path: Path) -> None:
    window = app_module.open_window(str(project_path), annotator="alice")
    assert window is not None
    qtbot.addWidget(window)
    dialog = PreferencesDialog(Preferences(), window, annotator="alice")
    dialog.name_edit.setText("bob\u202e")
    assert not dialog.ok_button.isEnabled()
    assert "Not a name" in dialog.name_note.text()
    dialog.name_edit.setText("bob")
    assert dialog.ok_button.isEnabled()
    assert "reopens the project as bob" in \
        dialog.name_note.text()
    assert dialog.annotator_name() == "bob"
    dialog.close()
    remember_annotator("bob")  # what MainWindow.edit_preferences does before reopenAs
    window.reopenAs.emit("bob")
    (bobs,) = app_module._windows  # alice's window closed
    qtbot.addWidget(bobs)
    assert isinstance(bobs.project, Project)
    assert bobs.project.annotator == "bob"
    assert "bob" in bobs.windowTitle()
    assert "Reopened work.annotator as bob" in bobs.statusBar().currentMessage()
    assert stored_annotator() == "bob"
    bobs.close()


def test_hovering_another_layers_span_says_whose_it_is() -> None:
    item = SpanItem("@3", 0, 5, "PERS", "#c2255c", STYLE_OTHER, "<b>bob</b>")
    html = tooltip_html("أحمد قال", [item])
    assert "(&lt;b&gt;bob&lt;/b&gt;'s layer, read-only)" in html  # the name is never markup
    assert "PERS" in html


def test_a_new_name_in_preferences_is_remembered_and_asks_for_a_reopen(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, project_path: Path) -> None:
    from annotator.ui.window.main_window import MainWindow

    window = MainWindow(Project.open(project_path, annotator="alice"))
    qtbot.addWidget(window)

    def accept_as_bob(dialog: PreferencesDialog) -> int:
        dialog.name_edit.setText(" bob ")
        return int(QtWidgets.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(PreferencesDialog, "exec", accept_as_bob)
    with qtbot.waitSignal(window.reopenAs, timeout=1000) as reopened:
        window.edit_preferences()
    assert reopened.args == ["bob"]
    assert stored_annotator() == "bob"
    window.close()
