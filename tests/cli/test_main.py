"""``annotator [PROJECT]`` versus ``annotator COMMAND``: a mistyped command is not a project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.entry import main as entry_main
from annotator.cli.entry import opens_a_project
from annotator.cli.main import cli, looks_like_project, nearest_command
from tests.cli.helpers import run

NAMES = sorted(cli.commands)


def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the app's start; the list receives each project it was asked to open."""
    from annotator.ui.window import app

    opened: list[str] = []

    def fake_run(project: str | None, annotator: str | None = None,
                 sample: bool = False) -> int:
        opened.append("<sample>" if sample else str(project))
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    return opened


@pytest.mark.parametrize(("typo", "meant"), [
    ("exprot", "export"), ("imprt", "import"), ("hstory", "history"), ("serach", "search"),
    ("validat", "validate"), ("labelall", "label-all"), ("stat", "stats"),
])
def test_typo_suggests_the_nearest_command(typo: str, meant: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    opened = fake_app(monkeypatch)
    result = run(typo, "p.annotator", "out", ok=False)
    assert result.exit_code == 2
    assert f"no such command '{typo}'" in result.stderr
    assert f"did you mean '{meant}'" in result.stderr
    assert not opened
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_nearest_command_only_when_close() -> None:
    assert nearest_command("exprot", NAMES) == "export"
    assert nearest_command("my-corpus", NAMES) is None
    assert nearest_command("zzzz", NAMES) is None


def test_what_counts_as_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert looks_like_project("news.annotator")
    assert looks_like_project("data/exprot")
    assert not looks_like_project("exprot")
    (tmp_path / "exprot").write_bytes(b"")
    assert looks_like_project("exprot")  # an existing file is opened, however it is named


@pytest.mark.parametrize("name", ["exprot.annotator", "exprot-existing", "far-from-any"])
def test_a_project_argument_still_opens_the_app(name: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if name == "exprot-existing":
        name = "exprot"
        (tmp_path / name).write_bytes(b"")
    opened = fake_app(monkeypatch)
    result = run(name, ok=False)
    assert result.exit_code == 0, result.output
    assert opened == [name]


@pytest.mark.parametrize(("args", "short"), [
    (["news.annotator"], True), (["data/exprot"], True), (["exprot"], False), ([], False),
    (["--help"], False), (["stats", "p.annotator"], False), (["open", "p.annotator"], False),
])
def test_which_arguments_take_the_short_way_to_the_app(args: list[str], short: bool) -> None:
    assert opens_a_project(args) is short


def test_the_entry_point_opens_a_project_without_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probe = ("import sys; from annotator.ui.window import app; "
             "app.run = lambda p: print(p, 'annotator.cli.commands' in sys.modules) or 0; "
             "from annotator.cli.entry import main; main(sys.argv[1:])")
    done = subprocess.run([sys.executable, "-c", probe, "news.annotator"], cwd=tmp_path,
                          check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["news.annotator", "False"]
    opened = fake_app(monkeypatch)
    with pytest.raises(SystemExit) as exit_info:  # anything else: the full command line
        entry_main(["--version"])
    assert exit_info.value.code == 0
    assert opened == []
