"""validate() finds violations planted with raw sqlite3; stats() counts (store.integrity)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.model import DocumentRecord, Entity, Quote, Span
from annotator.core.store import Project, Violation

TEXT_A = "قال الرئيس فلاديمير بوتين في موسكو."
TEXT_B = "أعلن كيري في واشنطن."


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def build(path: Path) -> tuple[int, int]:
    with Project.open(path, create=True, annotator="alice") as project:
        report = project.import_records([
            DocumentRecord(id="a", text=TEXT_A,
                           entities=[Entity("e1", *at(TEXT_A, "بوتين"), "PERS"),
                                     Entity("e2", *at(TEXT_A, "موسكو"), "GPE")],
                           quotes=[Quote("q1", Span(0, len(TEXT_A) - 1), speaker="e1")]),
            DocumentRecord(id="b", text=TEXT_B,
                           entities=[Entity("e1", *at(TEXT_B, "كيري"), "PERS")])])
        project.set_status(report.doc_ids[1], "in-progress")
        assert project.validate() == []
        return report.doc_ids[0], report.doc_ids[1]


def plant(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def reasons(path: Path) -> list[Violation]:
    with Project.open(path) as project:
        return project.validate()


def test_planted_violations_are_found(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    a, b = build(path)
    kerry = at(TEXT_B, "كيري")
    plant(
        path,
        f"UPDATE documents SET text = text || '!' WHERE id = {b}",
        # a space at the start of the span
        f"UPDATE entities SET start = start - 1 WHERE doc_id = {a} AND label = 'GPE'",
        # a label the schema does not have
        f"UPDATE entities SET label = 'ALIEN' WHERE doc_id = {a} AND label = 'PERS'",
        # a quote speaker from another document
        f"UPDATE quotes SET speaker_entity_id = (SELECT id FROM entities WHERE doc_id = {b})",
        # a span beyond the text
        f"UPDATE entities SET \"end\" = 500 WHERE doc_id = {b} AND start = {kerry[0]}",
        "UPDATE journal SET ts = '2999-01-01T00:00:00.000000Z'"
        " WHERE id = (SELECT min(id) FROM journal)",
        f"UPDATE entities SET attrs = '{{not json' WHERE doc_id = {b}",
    )
    found = reasons(path)
    text = [(v.table, v.reason) for v in found]

    def has(table: str, fragment: str) -> bool:
        return any(t == table and fragment in r for t, r in text)

    assert has("documents", "sha256")
    assert has("documents", "length")
    assert has("entities", "whitespace")
    assert has("entities", "unknown entity label 'ALIEN'")
    assert has("quotes", "belongs to document")
    assert has("entities", "out of range")
    assert has("journal", "before")
    assert has("entities", "invalid")
    doc_ids = {v.doc_id for v in found if v.table == "documents"}
    assert doc_ids == {b}


def test_foreign_keys_and_roles(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    a, _b = build(path)
    plant(
        path,
        "PRAGMA foreign_keys=OFF",
        f"INSERT INTO events(doc_id, type, trigger_start, trigger_end, attrs, annotator_id,"
        f" schema_version, created, updated) VALUES ({a}, 'Contact:Meet', 0, 3, '{{}}', 1, 1,"
        f" 'x', 'x')",
        f"INSERT INTO event_arguments(doc_id, event_id, role, entity_id, annotator_id,"
        f" schema_version, created) SELECT {a}, max(e.id), 'Victim', min(n.id), 1, 1, 'x'"
        f" FROM events e, entities n WHERE n.doc_id = {a}",
        "INSERT INTO notes(doc_id, annotator_id, text, created) VALUES (777, 1, 'x', 'x')",
    )
    found = reasons(path)
    assert any(v.table == "event_arguments" and "Victim" in v.reason for v in found)
    assert any(v.table == "notes" and "missing" in v.reason for v in found)


def test_stats(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    a, _b = build(path)
    with Project.open(path, annotator="bob") as project:
        project.set_status(a, "done")
        project.add_entity(a, *at(TEXT_A, "الرئيس"), "OCC")
        stats = project.stats()
    assert stats["documents"] == {"total": 2, "todo": 1, "in-progress": 0, "done": 1,
                                  "skipped": 0}  # bob's layer
    assert stats["layers"]["alice"]["documents"]["in-progress"] == 1
    assert stats["layers"]["bob"] == {"documents": {"todo": 1, "in-progress": 0, "done": 1,
                                                    "skipped": 0},
                                      "annotations": {"entities": 1}}
    assert stats["annotations"]["entities"] == 4
    assert stats["annotations"]["quotes"] == 1
    assert stats["entity_labels"] == {"GPE": 1, "OCC": 1, "PERS": 2}
    assert stats["annotators"]["annotations"] == {"alice": 4, "bob": 1}
    assert stats["journal"]["do"] == 3
    assert stats["journal"]["audit"] == 1
    assert stats["schema_versions"] == [1]


def test_validate_reports_progress_per_document(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    build(path)
    seen: list[tuple[int, int]] = []
    with Project.open(path, annotator="alice") as project:
        assert project.validate(progress=lambda done, total: seen.append((done, total))) == []
    assert seen[0] == (0, 2)
    assert seen[-1] == (2, 2)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
