"""Untrusted text never reaches the terminal raw (issue 9, item 9): escape sequences (clear
screen, window title, a C1 CSI) and bidi overrides from documents, ids, annotator names and
schema descriptions are shown as visible escapes in every message the CLI prints, on stdout
and stderr, in a pipe too. Exported data stays byte for byte what the project holds."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.cli.terminal import neutralise
from annotator.core.model import DocumentRecord, Entity
from annotator.core.schema import default_schema_path
from annotator.core.store import Project

REPO = Path(__file__).resolve().parents[2]
CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CSI = "\x9b31m"  # the one-byte C1 form of ESC [
RLO = "\u202e"
CRAFTED = f"a{CLEAR}b{TITLE}c{CSI}d{RLO}e\rf\x7f\u2066g"
IN_TEXT = CRAFTED.replace("\r", "")  # an import turns \r into \n (the same text twice here)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."


def assert_clean(output: str) -> None:
    """No control character but newline and tab; the crafted parts are visible instead."""
    assert RAW.search(output) is None, repr(output)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.output


@pytest.fixture
def crafted_project(tmp_path: Path) -> Path:
    """A project whose document id, title, annotator name and text hold control characters."""
    path = tmp_path / "p.annotator"
    start = TEXT.index("بوتين")
    record = DocumentRecord(id=f"doc{CRAFTED}", text=TEXT + IN_TEXT, title=f"t{CRAFTED}",
                            entities=[Entity("e1", start, start + 5, "PERS")])
    with Project.open(path, create=True, annotator=f"eve{CRAFTED}") as project:
        project.import_records([record])
        doc_id = project.document_ids()[0]
        project.add_entity(doc_id, TEXT.index("موسكو"), TEXT.index("موسكو") + 5, "GPE")
    return path


def test_neutralise_shows_every_control_character() -> None:
    shown = neutralise(CRAFTED + "\tكلمة\u200f\n")
    assert shown == ("a\\x1b[2Jb\\x1b]0;pwned\\x07c\\x9b31md<U+202E>e\\x0df\\x7f<U+2066>g"
                     "\tكلمة\u200f\n")  # tab, newline and the RLM of Arabic text stay


def test_import_duplicate_report_shows_a_crafted_id_safely(
    crafted_project: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps({"id": "x", "text": TEXT + IN_TEXT}) + "\n", encoding="utf-8")
    output = run("import", str(crafted_project), str(again))
    assert "duplicate:" in output
    assert "doc" + neutralise(CRAFTED) in output
    assert_clean(output)


def test_import_errors_and_warnings_show_crafted_values_safely(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "a.jsonl"
    bad.write_text(json.dumps({"id": "d", "text": TEXT, "entities": [
        {"id": f"e{CLEAR}", "start": 0, "end": 3, "label": f"X{TITLE}{RLO}"}]}) + "\n",
        encoding="utf-8")
    named = folder / f"evil{TITLE}.txt"
    named.write_bytes(b"\x00\x01binary")
    output = run("import", str(tmp_path / "p.annotator"), str(folder))
    assert "error:" in output
    assert_clean(output)


def test_stats_history_and_validate_show_crafted_names_safely(crafted_project: Path) -> None:
    for command in (["stats"], ["history"], ["validate"]):
        output = run(*command, str(crafted_project))
        assert_clean(output)
    assert "eve" + neutralise(CRAFTED) in run("stats", str(crafted_project))


def test_stats_json_is_still_the_same_json(crafted_project: Path) -> None:
    output = run("stats", "--json", str(crafted_project))
    assert_clean(output)
    figures = json.loads(output)
    assert f"eve{CRAFTED}" in figures["annotators"]["annotations"]  # the exact name, parsed


def test_schema_show_with_a_crafted_description(tmp_path: Path) -> None:
    schema = default_schema_path().read_text(encoding="utf-8")
    crafted = json.dumps(f"Arabic news {CRAFTED}")  # a TOML basic string accepts \u escapes
    schema = re.sub(r"(?m)^description = .*$", lambda _m: f"description = {crafted}", schema,
                    count=1)
    path = tmp_path / "schema.toml"
    path.write_text(schema, encoding="utf-8")
    output = run("schema", "show", str(path))
    assert neutralise(CRAFTED) in output
    assert_clean(output)


def test_errors_and_usage_errors_are_neutralised(tmp_path: Path) -> None:
    missing = tmp_path / f"gone{TITLE}.annotator"
    assert_clean(run("stats", str(missing)))  # one-line error naming the path
    assert_clean(run("import", str(tmp_path / "p.annotator"), str(tmp_path / f"no{CLEAR}.txt")))
    assert_clean(run(f"--bogus{RLO}"))


def test_canonical_export_to_stdout_stays_byte_exact(crafted_project: Path, tmp_path: Path) -> None:
    """Data is not a message: the export on stdout is the file export, byte for byte, with the
    document's own characters (JSON escapes C0 controls itself; U+202E and C1 stay raw)."""
    to_file = tmp_path / "out.jsonl"
    run("export", str(crafted_project), str(to_file))
    result = CliRunner().invoke(cli, ["export", str(crafted_project), "-"])
    assert result.stdout_bytes == to_file.read_bytes()
    record = json.loads(result.stdout_bytes.decode("utf-8"))
    assert record["id"] == f"doc{CRAFTED}"
    assert RLO in result.stdout_bytes.decode("utf-8")


_STREAMS = {"click", "sys.stdout", "sys.stderr", "sys.stdout.buffer", "sys.stderr.buffer"}
_ALLOWED = {"common.py", "terminal.py"}


def _prints(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "print"
    return (isinstance(func, ast.Attribute) and func.attr in {"echo", "secho", "write"}
            and ast.unparse(func.value) in _STREAMS)


def test_every_cli_print_goes_through_the_output_helpers() -> None:
    """No module of the CLI prints on its own (click.echo, print, sys.stdout.write...): the
    helpers in common.py (and the progress bar in terminal.py) are the only print paths."""
    offenders = [
        f"{module.name}:{node.lineno}: {ast.unparse(node)[:60]}"
        for module in sorted((REPO / "annotator" / "cli").glob("*.py"))
        if module.name not in _ALLOWED
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _prints(node)
    ]
    assert offenders == []
