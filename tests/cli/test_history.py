"""``annotator history``: one readable line per journal entry, JSON lines with --json."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.cli.history import local_time
from annotator.core.model import DocumentRecord, Span
from annotator.core.store import Project
from tests.cli.helpers import run
from tests.pg_databases import skip_on_server

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن «المحادثات كانت مثمرة جدا وطويلة ومفيدة للطرفين»."
SECRET = "كلمة-سرية-في-النص"


@pytest.fixture
def project(project_address: Path) -> Path:
    path = project_address
    with Project.open(path, create=True, annotator="alice") as proj:
        proj.import_records([DocumentRecord(id="doc-17", text=TEXT + " " + SECRET * 40)])
        doc = proj.document_ids()[0]
        start = TEXT.index("بوتين")
        entity = proj.add_entity(doc, start, start + len("بوتين"), "PERS")
        proj.relabel_entity(entity, "ORG")
        proj.set_status(doc, "done")
        proj.undo()
    return path


def lines(result_output: str) -> list[str]:
    return [line for line in result_output.splitlines() if line]


def test_one_readable_line_per_entry(project: Path) -> None:
    out = lines(run("history", str(project)).stdout)
    assert len(out) == 5  # import, add, relabel, mark done, undo
    start = TEXT.index("بوتين")
    undo, done, relabel, add, imported = out
    assert undo.endswith("alice  undo: Mark done  doc-17  done → todo")
    assert done.endswith("alice  Mark done  doc-17  todo → done")
    assert relabel.endswith(f"Relabel PERS → ORG  doc-17  PERS → ORG «بوتين» {start}-{start + 5}")
    assert add.endswith(f"alice  Add PERS entity  doc-17  PERS «بوتين» {start}-{start + 5}")
    assert "Import 1 document " in imported
    for line in out:
        assert "{" not in line
        assert "JournalEntry" not in line
        assert "'after'" not in line
        assert SECRET not in line
        assert line.count("\n") == 0


def test_time_is_local_and_short(project: Path) -> None:
    with Project.open(project, readonly=True) as proj:
        stored = proj.history(1)[0].ts
    first = lines(run("history", str(project), "--limit", "1").stdout)
    assert len(first) == 1
    assert first[0].startswith(local_time(stored) + "  alice  ")
    assert local_time("2026-12-01T14:03:59.5Z")[:4] == "2026"
    assert len(local_time("2026-12-01T14:03:59.5Z")) == len("2026-12-01 14:03")
    assert local_time("not a time") == "not a time"


def test_quote_excerpt_is_short(tmp_path: Path) -> None:
    path = tmp_path / "q.annotator"
    with Project.open(path, create=True, annotator="bob") as proj:
        proj.import_records([DocumentRecord(id="q1", text=TEXT)])
        doc = proj.document_ids()[0]
        start, end = TEXT.index("«") + 1, TEXT.index("»")
        proj.add_quote(doc, Span(start, end), kind="direct")
    newest = lines(run("history", str(path), "--limit", "1").stdout)[0]
    excerpt = newest.split("«", 1)[1].split("»", 1)[0]
    assert excerpt.endswith("…")
    assert len(excerpt) <= 24
    assert TEXT[start:end] not in newest


def test_json_lines(project: Path) -> None:
    out = lines(run("history", str(project), "--json").stdout)
    entries = [json.loads(line) for line in out]
    assert [e["kind"] for e in entries] == ["undo", "do", "do", "do", "audit"]
    add = entries[3]
    assert add["annotator"] == "alice"
    assert add["action"] == "Add PERS entity"
    assert add["document"] == "doc-17"
    assert add["what"].startswith("PERS «بوتين» ")
    assert add["time"].endswith("Z")
    assert add["damage"] is None
    assert all(SECRET not in line for line in out)


def test_damaged_entry_is_listed_as_damaged(project: Path) -> None:
    skip_on_server(project, "the test damages the file with sqlite3")
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE journal SET changes = 'not json' WHERE id = 2")
    out = lines(run("history", str(project)).stdout)
    assert len(out) == 5
    assert "damaged entry" in out[3]
    assert "Add PERS entity" in out[3]
    entries = [json.loads(line) for line in lines(run("history", str(project), "--json").stdout)]
    assert entries[3]["damage"]
    assert entries[2]["damage"] is None


def test_crafted_changes_never_crash(project: Path) -> None:
    skip_on_server(project, "the test crafts the file with sqlite3")
    crafted = json.dumps([{"table": "entities", "op": "insert", "after": {
        "doc_id": "x", "start": "a", "end": None, "label": ["PERS"]}},
        {"table": "zzz", "op": 7, "after": 3}, "not a change"])
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE journal SET changes = ? WHERE id = 2", (crafted,))
    out = lines(run("history", str(project)).stdout)
    assert len(out) == 5
