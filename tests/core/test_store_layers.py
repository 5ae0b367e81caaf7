"""Annotator layers (issue 13): every annotator's annotations, statuses, document labels and
notes over the same text, in one project file (annotator.core.store.layers)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.store import Project, ProjectError
from annotator.core.store.migrations import FORMAT_VERSION, migrate

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def two_layers(path: Path) -> tuple[int, int]:
    """alice and bob annotate the same two documents."""
    with Project.open(path, create=True, annotator="alice") as alice:
        report = alice.import_records([DocumentRecord(id="a", text=TEXT),
                                       DocumentRecord(id="b", text=TEXT + " ")])
        a, b = report.doc_ids
        alice.add_entity(a, *at("فلاديمير بوتين"), "PERS")
        alice.set_status(a, "done")
        alice.set_document_label(a, "topic", "politics")
    with Project.open(path, annotator="bob") as bob:
        bob.add_entity(a, *at("موسكو"), "GPE")
        bob.add_entity(a, *at("روسيا"), "GPE")
        bob.set_status(b, "done")
        bob.set_status(a, "in-progress")
        bob.set_document_label(a, "topic", "economy")
        bob.add_document_note(a, "ملاحظة")
    return a, b


def test_each_annotator_reads_and_writes_their_own_layer(project_address: Path) -> None:
    path = project_address
    a, b = two_layers(path)
    with Project.open(path, annotator="alice") as alice:
        record = alice.get_record(a)
        assert [e.label for e in record.entities] == ["PERS"]
        assert (record.status, record.labels, record.notes) == ("done", {"topic": "politics"},
                                                                [])
        bobs = alice.get_record(a, layer="bob")
        assert [e.annotator for e in bobs.entities] == ["bob", "bob"]
        assert (bobs.status, bobs.labels, bobs.notes) == ("in-progress", {"topic": "economy"},
                                                          ["ملاحظة"])
        assert alice.layer_names() == ["alice", "bob"]
        assert alice.annotators_of(b) == ["bob"]
        assert set(alice.layers(a)) == {"alice", "bob"}
        assert alice.statuses(a) == {"alice": "done", "bob": "in-progress"}
        assert alice.document_ids(status="done") == [a]
        assert alice.document_ids(status="done", layer="bob") == [b]
        assert alice.document_ids(status="todo") == [b]
        assert alice.document_count(status="in-progress", layer="bob") == 1
        assert alice.document_position(b, status="done", layer="bob") == 0
        # counted from the status index alone, or through the documents with a title filter
        assert alice.document_count(status="todo") == 1
        assert alice.document_position(b, status="todo") == 0
        assert alice.document_count(status="done", text="a") == 1
        assert alice.document_position(a, status="in-progress", layer="bob", text="a") == 0
        rows = alice.list_documents(0, 10)
        assert [(r.status, r.entity_count) for r in rows] == [("done", 1), ("todo", 0)]
        assert [r.status for r in alice.list_documents(0, 10, layer="bob")] == ["in-progress",
                                                                                 "done"]
        # what the agreement reads: the documents NAME marked done, with NAME's layer
        done = list(alice.iter_records(status="done", annotator="bob"))
        assert [(r.id, r.status, len(r.entities)) for r in done] == [("b", "done", 0)]
        with pytest.raises(ProjectError, match="no annotator named 'zed'"):
            alice.get_record(a, layer="zed")


def test_another_layer_is_never_changed(project_address: Path) -> None:
    path = project_address
    a, _b = two_layers(path)
    with Project.open(path, annotator="alice") as alice:
        bob_entity = int(alice.get_record(a, layer="bob").entities[0].id)
        own = int(alice.get_record(a).entities[0].id)
        for attempt in (lambda: alice.delete_entity(bob_entity),
                        lambda: alice.relabel_entity(bob_entity, "LOC"),
                        lambda: alice.resize_entity(bob_entity, *at("موسكو")),
                        lambda: alice.set_note("entities", bob_entity, "x")):
            with pytest.raises(ProjectError, match=f"entity {bob_entity} belongs to bob's layer"):
                attempt()
        with pytest.raises(ProjectError, match="belongs to bob's layer"):
            alice.add_quote(a, Span(*at("روسيا تدعم")), speaker=bob_entity)
        quote = alice.add_quote(a, Span(*at("روسيا تدعم")), speaker=own)
        assert alice.get_record(a).quotes[0].id == str(quote)
        assert alice.get_record(a, layer="bob").entities[0].id == str(bob_entity)


def test_undo_only_undoes_your_own_actions(project_address: Path) -> None:
    """Two annotators with the same file open at once, their actions interleaved."""
    path = project_address
    a, _b = two_layers(path)
    with Project.open(path, annotator="alice") as alice, \
            Project.open(path, annotator="bob") as bob:
        mine = alice.add_entity(a, *at("الحل السياسي"), "LAW")
        bob.add_entity(a, *at("الرئيس"), "OCC")
        bob.set_status(a, "done")
        info = alice.undo()
        assert info is not None
        assert info.name == "Add LAW entity"
        assert str(mine) not in {e.id for e in alice.get_record(a).entities}
        assert bob.get_record(a).status == "done"
        assert [e.label for e in bob.get_record(a).entities] == ["OCC", "GPE", "GPE"]
        assert bob.undo() is not None  # bob's status
        assert (bob.get_record(a).status, alice.get_record(a).status) == ("in-progress", "done")
        undone = alice.undo()  # alice's label of two_layers, never bob's entity
        assert undone is not None
        assert undone.name == "Set label topic"
        assert alice.get_record(a).labels == {}
        assert bob.get_record(a).labels == {"topic": "economy"}


V4_STATUS = [("a", "done"), ("b", "skipped"), ("c", "in-progress"), ("d", "todo")]


def _v4_project(path: Path) -> None:
    """A project in format 4 (before layers), written with raw SQL: carol made the project,
    bob marked ``a`` done (journal), dave annotated ``b`` (an import status), ``c`` has no
    annotations and no journal entry."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn, upto=4)
    toml = Path("annotator/resources/schema/default.toml").read_text(encoding="utf-8")
    now = "2026-01-01T00:00:00Z"
    sql = conn.execute
    sql("BEGIN")
    sql("INSERT INTO schemas VALUES (1, 'news', ?, ?)", (toml, now))
    for i, name in enumerate(["carol", "bob", "dave"], start=1):
        sql("INSERT INTO annotators(id, name, created) VALUES (?, ?, ?)", (i, name, now))
    for i, (ext, status) in enumerate(V4_STATUS, start=1):
        text = f"{TEXT} {i}"
        digest = hashlib.sha256(text.encode()).hexdigest()
        sql("INSERT INTO documents(id, external_id, sha256, length, status, created, updated,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (i, ext, digest, len(text), status, now,
                                                       now, text))
    sql('INSERT INTO entities(doc_id, start, "end", label, annotator_id, schema_version,'
        " created, updated) VALUES (2, 4, 10, 'OCC', 3, 1, ?, ?)", (now, now))
    sql("INSERT INTO document_labels VALUES (1, 'topic', '\"politics\"', 2, 1, ?)", (now,))
    change = {"table": "documents", "op": "update", "id": 1,
              "before": {"id": 1, "status": "todo"}, "after": {"id": 1, "status": "done"}}
    sql("INSERT INTO journal(ts, annotator_id, doc_id, action, kind, changes)"
        " VALUES (?, 2, 1, 'Mark done', 'do', ?)", (now, json.dumps([change])))
    sql("INSERT INTO undo_stack VALUES (2, 'undo', 1, 1)")
    sql("COMMIT")
    conn.close()


def test_a_format_4_project_gets_its_statuses_moved_to_layers(tmp_path: Path) -> None:
    path = tmp_path / "old.annotator"
    _v4_project(path)
    with Project.open(path, annotator="bob") as bob:
        assert bob.statuses(1) == {"bob": "done"}  # who marked it (journal)
        assert bob.statuses(2) == {"dave": "skipped"}  # who annotated it
        assert bob.statuses(3) == {"carol": "in-progress"}  # the first annotator
        assert bob.statuses(4) == {}
        assert bob.get_record(1).labels == {"topic": "politics"}
        assert not bob.can_undo()  # the old status change is no longer on the stack
        assert bob.document_ids(status="done") == [1]
        assert bob.validate() == []
        assert bob.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
