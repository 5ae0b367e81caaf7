"""Files that are not projects, and crafted projects: refused or opened safely, one line, no
traceback, nothing written to the file, and nothing in it ever runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.store import Project, ProjectError
from tests.reliability.helpers import file_digest, make_project, read_only

COMMANDS = (["stats"], ["validate"], ["history"], ["export", "-"], ["backup", "DEST"])


def run_all(path: Path, tmp_path: Path) -> list[str]:
    """Every read-only CLI command on ``path``; each must fail with one line."""
    messages = []
    for command in COMMANDS:
        args = [a if a != "DEST" else str(tmp_path / "dest.bak") for a in command]
        result = CliRunner().invoke(cli, [args[0], str(path), *args[1:]])
        assert result.exit_code == 1, (command, result.output)
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        messages.append(result.output.strip())
    return messages


def assert_untouched(path: Path, before: str) -> None:
    assert file_digest(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()


@pytest.mark.parametrize("kind", ["text", "other-sqlite", "empty-sqlite-header", "html"])
def test_not_a_project(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "p.annotator"
    if kind == "text":
        path.write_text("قال الرئيس\n", encoding="utf-8")
    elif kind == "html":
        path.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    elif kind == "empty-sqlite-header":
        path.write_bytes(b"SQLite format 3\x00" + b"\0" * 84)
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t(x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
        conn.close()
    before = file_digest(path)
    for message in run_all(path, tmp_path):
        assert str(path) in message
    with pytest.raises(ProjectError):
        Project.open(path)
    assert_untouched(path, before)


def _craft(path: Path, *statements: str, canary: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if canary:
            conn.execute("CREATE TABLE IF NOT EXISTS canary(note TEXT)")
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


CRAFTED = {
    "trigger-on-write": ("CREATE TRIGGER spy AFTER INSERT ON annotators BEGIN"
                         " INSERT INTO canary VALUES ('trigger ran'); END",),
    "trigger-on-journal": ("CREATE TRIGGER spy2 AFTER INSERT ON journal BEGIN"
                           " INSERT INTO canary VALUES ('trigger ran'); END",),
    "view-shadowing": ("CREATE VIEW everything AS SELECT * FROM documents",),
    "temp-trigger-name": ("CREATE TRIGGER temp_spy BEFORE UPDATE ON documents BEGIN"
                          " INSERT INTO canary VALUES ('trigger ran'); END",),
}


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_crafted_project_is_refused_and_nothing_runs(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    _craft(path, *CRAFTED[kind], canary=True)
    before = file_digest(path)
    with pytest.raises(ProjectError) as info:
        Project.open(path, annotator="victim")
    assert "refusing" in str(info.value)
    for message in run_all(path, tmp_path):
        assert "refusing" in message
    assert_untouched(path, before)
    conn = read_only(path)
    try:
        assert conn.execute("SELECT count(*) FROM canary").fetchone()[0] == 0
        names = [r[0] for r in conn.execute("SELECT name FROM annotators")]
        assert names == ["setup"]  # "victim" was never registered
    finally:
        conn.close()


def test_index_with_functions_is_refused_before_anything_runs(tmp_path: Path) -> None:
    """An index on an expression is not ours: even an innocuous one is a foreign schema
    object, refused before anything is written (``trusted_schema=OFF`` stays on as well)."""
    path = tmp_path / "p.annotator"
    make_project(path, docs=1)
    _craft(path, "CREATE INDEX sneaky ON documents(length(text), abs(length))")
    before = file_digest(path)
    with pytest.raises(ProjectError, match=r"foreign schema objects.*index 'sneaky'"):
        Project.open(path, annotator="a")
    assert_untouched(path, before)


def test_annotations_outside_their_text_open_safely(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path, docs=1)[0]
    _craft(path,
           "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
           " schema_version, created, updated) VALUES (1, 5, 999999, 'PERS', '{}', 1, 1,"
           " 'x', 'x')",
           "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
           " schema_version, created, updated) VALUES (1, 0, 1, 'NOPE', '{}', 1, 1,"
           " 'x', 'x')")
    with Project.open(path, annotator="a") as project:
        violations = project.validate()
        assert {v.table for v in violations} == {"entities"}
        assert len(violations) >= 2
        record = project.get_record(doc, layer="setup")  # no crash: the damaged one left out
        assert [e.label for e in record.entities] == ["NOPE"]  # (a label is validate's job)
        assert [d.table for d in project.document_damage(doc)] == ["entities"]
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "out of range" in result.output


def test_bad_stored_json_reads_safely(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    doc = make_project(path, docs=1)[0]
    _craft(path,
           "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
           " schema_version, created, updated) VALUES (1, 0, 3, 'PERS', '{bad json', 1, 1,"
           " 'x', 'x')")
    with Project.open(path, annotator="a") as project:
        assert project.validate()  # validate reports it
        assert project.get_record(doc, layer="setup").entities == []  # shown without it
        assert "attrs is invalid JSON" in project.document_damage(doc)[0].message
        assert list(project.iter_records()) == []  # exports skip the damaged document
        assert list(project.damaged_documents()) == [doc]
