"""The malformed-input corpus (``make_bad_inputs``): each input gets a one-line message naming
the file (and the line where there is one) with the reason, a non-zero exit status and an
unchanged project; ``--skip-bad`` imports the good files (and good JSON lines) beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.store import Project
from tests.reliability.helpers import ARTICLES, content_digest, make_project, report
from tests.reliability.make_bad_inputs import BadInput, make_bad_inputs

NOT_DATA = frozenset({"annotators", "sqlite_sequence"})
"""Opening a project registers the person running the command; that row is not project data."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[BadInput]:
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


def check_messages(output: str, item: BadInput) -> None:
    assert "Traceback" not in output
    errors = [line for line in output.splitlines()
              if (line.lower().startswith("error: ") and "problem(s)" not in line)
              or (item.kind == "schema" and line.startswith(str(item.paths[0].parent)))]
    assert errors, output
    folder = str(item.paths[0].parent)
    for line in errors:
        assert folder in line, line  # names the file
    assert any(item.expect in line.lower() for line in errors), (item.expect, output)


def import_with_schema(tmp_path: Path, item: BadInput) -> None:
    """A new project created with a bad ``--schema``: one line, exit 1, no file left."""
    fresh = tmp_path / f"{item.name}.annotator"
    result = CliRunner().invoke(cli, ["import", str(fresh), "--schema", str(item.paths[0]),
                                      str(ARTICLES)])
    assert result.exit_code == 1, (item.name, result.output, result.exception)
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert not fresh.exists()


def test_binary_schema_for_a_new_project(tmp_path: Path, corpus: list[BadInput]) -> None:
    import_with_schema(tmp_path, next(i for i in corpus if i.name == "schema-binary"))


def test_corpus_is_big_enough(corpus: list[BadInput]) -> None:
    assert len(corpus) >= 40
    assert len({item.name for item in corpus}) == len(corpus)


def test_every_bad_input_is_refused_cleanly(tmp_path: Path, corpus: list[BadInput]) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    before = content_digest(path, NOT_DATA)
    handled = 0
    for item in corpus:
        if item.kind == "schema":
            result = CliRunner().invoke(cli, ["schema", "check", str(item.paths[0])])
            assert result.exit_code == 1, (item.name, result.output)
            check_messages(result.output, item)
            import_with_schema(tmp_path, item)
        else:
            result = CliRunner().invoke(cli, ["import", str(path), *map(str, item.paths)])
            assert result.exit_code == 1, (item.name, result.output)
            check_messages(result.output, item)
            assert content_digest(path, NOT_DATA) == before, item.name
        handled += 1
    report("bad-inputs", {"tried": len(corpus), "handled": handled})


def test_skip_bad_imports_the_rest(tmp_path: Path, corpus: list[BadInput]) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    good = tmp_path / "good.txt"
    good.write_text("خبر جديد: وصل الوفد إلى القاهرة صباح اليوم.\n", encoding="utf-8")
    inputs = [str(p) for item in corpus if item.kind == "import"
              and not item.name.startswith("50mb") for p in item.paths]
    result = CliRunner().invoke(cli, ["import", "--skip-bad", str(path), *inputs, str(good)])
    assert "Traceback" not in result.output
    assert result.exit_code == 1  # bad files were skipped: say so in the status
    # good.txt, and the two good lines of good-then-bad-line (JSON Lines files lose only
    # their bad lines)
    assert "imported 3 document(s)" in result.output
    with Project.open(path, annotator="checker") as project:
        assert project.document_count() == 4
        assert project.validate() == []
