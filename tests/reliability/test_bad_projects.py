"""Crafted and damaged project files (``make_bad_projects``): every read command, run as a
subprocess, and the app's window, opened offscreen the way the app opens a project, must
report the damage without a traceback or a hang, and keep the healthy documents usable.

A damaged document is skipped by the exports (a warning names it, the exit status is 1),
``validate`` names the damaged row's table and exits 1, no output quotes a document's text
or a raw terminal escape, and the three healthy documents are exported and shown."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from tests.reliability.helpers import REPO
from tests.reliability.make_bad_projects import (
    ANNOTATOR,
    CASE_NAMES,
    DAMAGED,
    HEALTHY,
    SAMPLE,
    BadProject,
    make_bad_projects,
)

TIMEOUT_S = 120
"""A command that has not finished by then hangs (they take about a second each)."""
EXTERNAL_IDS = [json.loads(line)["id"]
                for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:4]]
DAMAGED_TEXT = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[1])["text"]
SNIPPET = DAMAGED_TEXT[200:240]
"""A piece of the damaged document's text: no message may quote it."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BadProject]:
    return {p.name: p for p in make_bad_projects(tmp_path_factory.mktemp("bad-projects"))}


@dataclass(frozen=True, slots=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _subprocess(args: list[str]) -> Run:
    """A command in its own process, as a user runs it (a hang fails at ``TIMEOUT_S``)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT_S,
                          env=env, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


def _in_process(args: list[str]) -> Run:
    """A command through click's runner: the same code, without a Python start-up each."""
    result = CliRunner().invoke(cli, args)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback:\n" + "".join(traceback.format_exception(result.exception))
    return Run(result.exit_code, result.stdout, stderr)


def _commands(path: Path, out: Path) -> dict[str, list[str]]:
    p = str(path)
    return {
        "stats": ["stats", p], "stats-json": ["stats", p, "--json"],
        "validate": ["validate", p], "history": ["history", p, "--limit", "100"],
        "export-stdout": ["export", p, "-"],
        "export-canonical": ["export", p, str(out / "all.jsonl")],
        # (a training format takes one annotator's layer: the crafted annotator makes two)
        "export-hf-tokens": ["export", p, str(out / "hf.jsonl"), "--format", "hf-tokens",
                             "--annotator", ANNOTATOR],
        "export-brat": ["export", p, str(out / "brat"), "--format", "brat", "--annotator",
                        ANNOTATOR],
        "export-doccano": ["export", p, str(out / "doccano.jsonl"), "--format", "doccano",
                           "--annotator", ANNOTATOR],
        "schema-show": ["schema", "show", p],
    }


def _exported_ids(text: str) -> list[str]:
    return [json.loads(line)["id"] for line in text.splitlines() if line.strip()]


def _run_all(case: BadProject, tmp_path: Path, run: Callable[[list[str]], Run],
             only: str | None = None) -> dict[str, Run]:
    """Every read command (or ``only`` one) on a copy of the case's file, then ``undo``."""
    path = tmp_path / "p.annotator"
    shutil.copyfile(case.path, path)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    commands = _commands(path, out)
    if only is not None:
        commands = {only: commands[only]} if only in commands else {}
    done = {command: run(args) for command, args in commands.items()}
    if only in (None, "undo"):  # it changes the project: last, as the annotator it belongs to
        done["undo"] = run(["undo", str(path), "--annotator", ANNOTATOR])
    for command, result in done.items():
        where = f"{case.name}: {command}"
        assert "Traceback" not in result.stderr, (where, result.stderr[-2000:])
        assert result.returncode in (0, 1), (where, result.returncode, result.stderr[-500:])
        messages = result.stderr + (result.stdout if command == "validate" else "")
        assert "\x1b" not in messages, where
        assert SNIPPET not in messages, where
        assert all(len(line) < 2000 for line in messages.splitlines()), where
    return done


@pytest.mark.parametrize("name", CASE_NAMES)
def test_read_commands_report_damage_and_keep_the_rest(
        corpus: dict[str, BadProject], tmp_path: Path, name: str) -> None:
    case = corpus[name]
    done = _run_all(case, tmp_path, _in_process)
    if case.relax:  # a table declared otherwise than ours: the whole file is refused as foreign
        for command, result in done.items():
            assert result.returncode == 1, (name, command)
            assert "foreign schema objects" in result.stderr, (name, command, result.stderr)
        return
    out = tmp_path / "out"
    validate = done["validate"]
    if case.table:
        assert validate.returncode == 1, (name, validate.stdout[-500:], validate.stderr)
        assert f"table='{case.table}'" in validate.stdout, (name, validate.stdout[-1500:])
    healthy = [EXTERNAL_IDS[i - 1] for i in HEALTHY]
    exported = _exported_ids(done["export-stdout"].stdout)
    assert exported == _exported_ids((out / "all.jsonl").read_text(encoding="utf-8"))
    assert set(healthy) <= set(exported), (name, exported)
    skipped = case.doc is not None
    for command in ("export-stdout", "export-canonical", "export-hf-tokens", "export-brat",
                    "export-doccano"):
        result = done[command]
        assert result.returncode == (1 if skipped else 0), (name, command, result.stderr)
        if skipped:
            assert f"skipped damaged document {DAMAGED}" in result.stderr, (name, command)
    if skipped:
        assert EXTERNAL_IDS[DAMAGED - 1] not in exported
    assert len(list((out / "brat").glob("*.ann"))) == len(exported)
    assert done["stats"].returncode == 0, name
    assert done["schema-show"].returncode == 0, name
    json.loads(done["stats-json"].stdout)


COMMAND_NAMES = [*_commands(Path("p"), Path("o")), "undo"]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_read_commands_as_subprocesses(
        corpus: dict[str, BadProject], tmp_path: Path, name: str) -> None:
    """The same commands as separate processes, with a timeout against hangs. By default
    each file gets one of them in turn (every command meets several files);
    ``ANNOTATOR_BAD_PROJECTS=all`` runs every command on every file (about 13 CPU-minutes)."""
    if os.environ.get("ANNOTATOR_BAD_PROJECTS") == "all":
        _run_all(corpus[name], tmp_path, _subprocess)
        return
    only = COMMAND_NAMES[CASE_NAMES.index(name) % len(COMMAND_NAMES)]
    done = _run_all(corpus[name], tmp_path, _subprocess, only)
    assert list(done) == [only]


# -- the window -------------------------------------------------------------------------------


@pytest.fixture
def isolated_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QSettings in a temporary folder; the app runs as the annotator whose UI state the
    generator stored; a dialog refusing the project is recorded (it would block)."""
    pytest.importorskip("PySide6")
    from annotator.ui.qt import QtCore
    from annotator.ui.window import app as app_module

    folder = tmp_path / "settings"
    folder.mkdir()
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    for fmt in (QtCore.QSettings.Format.NativeFormat, QtCore.QSettings.Format.IniFormat):
        QtCore.QSettings.setPath(fmt, QtCore.QSettings.Scope.UserScope, str(folder))
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(variable, ANNOTATOR)
    refused: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda _parent, _title, text: refused.append(text))
    return refused


@pytest.mark.parametrize("name", CASE_NAMES)
def test_window_opens_and_reports_the_damaged_document(  # type: ignore[no-untyped-def]
        qtbot, corpus: dict[str, BadProject], tmp_path: Path, isolated_app: list[str],
        name: str) -> None:
    from annotator.ui.window import app as app_module

    case = corpus[name]
    path = tmp_path / "p.annotator"
    shutil.copyfile(case.path, path)
    window = app_module.open_window(str(path))  # the app's own path: open, show a document
    if case.relax:  # refused as foreign (a table declared otherwise than ours), with a message
        assert window is None
        assert any("foreign schema objects" in text for text in isolated_app), isolated_app
        return
    assert window is not None, isolated_app
    try:
        _navigate(window, case)
    finally:
        window.close()  # deletes it (WA_DeleteOnClose) and closes the project


def _navigate(window: Any, case: BadProject) -> None:
    wb = window.workbench
    messages: list[str] = []
    wb.message.connect(messages.append)
    assert wb.session.doc_id in (*HEALTHY, DAMAGED, None)
    window.navigator.select_document(DAMAGED)  # what a click in the navigator does
    if case.doc is not None:
        assert any("damaged" in m for m in messages), (case.name, messages)
        assert all(SNIPPET not in m and "\x1b" not in m for m in messages)
        assert "damaged" in window.statusBar().currentMessage()
    for doc_id in HEALTHY:
        window.navigator.select_document(doc_id)
        assert wb.session.doc_id == doc_id, case.name
        assert wb.session.text == window.project.get_text(doc_id)
        assert window.editor.toPlainText() != ""
