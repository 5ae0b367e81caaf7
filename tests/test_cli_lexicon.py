"""``annotator lexicon``: listing the project's names, turning one off and on again."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.lexicon import build_project_lexicon
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_lexicon_lists_turns_off_and_on(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.open(path, create=True, annotator="t") as project:
        project.import_records([DocumentRecord(
            id="a", text="سافر لبرلين", entities=[Entity(id="e1", start=5, end=11, label="GPE")])])
    listed = run("lexicon", str(path), "--no-bidi").output.splitlines()
    assert "لبرلين\tGPE\tannotated\t1" in listed
    assert run("lexicon", str(path), "--disable", "لبرلين", "--no-bidi").output == (
        "turned off: لبرلين\n")
    assert run("lexicon", str(path), "--disable", "لبرلين", "--no-bidi").output == (
        "already off: لبرلين\n")
    rows = json.loads(run("lexicon", str(path), "--json").output)
    assert {"name": "لبرلين", "label": "GPE", "source": "annotated", "count": 1,
            "disabled": True} in rows
    with Project.open(path) as project:
        assert "لبرلين" not in build_project_lexicon(project).names
    assert "turned on: لبرلين" in run("lexicon", str(path), "--enable", "لبرلين",
                                      "--list", "--no-bidi").output
    shipped = run("lexicon", str(path), "--shipped", "--no-bidi").output
    assert "\nوارسو\tGPE\tshipped\t0\n" in shipped


def test_lexicon_of_a_missing_project_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["lexicon", str(tmp_path / "none.annotator")])
    assert result.exit_code != 0
    assert "no such project" in result.output
