"""Opening, creating and refusing project files (annotator.core.store.database/migrations)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError
from annotator.core.store.database import APPLICATION_ID
from annotator.core.store.migrations import FORMAT_VERSION, migrate

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل."


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_project(path: Path) -> None:
    with Project.open(path, create=True, annotator="alice") as project:
        report = project.import_records([DocumentRecord(id="a1", text=TEXT, title="t")])
        project.add_entity(report.doc_ids[0], 11, 25, "PERS")


def assert_refused(path: Path, fragment: str) -> None:
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(ProjectError) as info:
        Project.open(path)
    message = str(info.value)
    assert fragment in message
    assert str(path) in message
    assert "\n" not in message
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_create_then_reopen_keeps_data_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    make_project(path)
    with Project.open(path, annotator="alice") as project:
        assert project.schema_version == 1
        assert "PERS" in project.schema.entity_types
        assert project.document_count() == 1
        record = project.get_record(project.document_ids()[0])
        assert [(e.start, e.end, e.label, e.annotator) for e in record.entities] == [
            (11, 25, "PERS", "alice")]
        assert project.undo_text() == "Undo Add PERS entity"


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    with Project.open(path) as project:
        conn = project.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_closed_project_refuses_use(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    project = Project.open(path)
    project.close()
    project.close()
    with pytest.raises(ProjectError, match="closed"):
        project.document_count()


def test_text_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("هذا ملف نصي وليس مشروعاً\n" * 50, encoding="utf-8")
    assert_refused(path, "not an annotator project (not an SQLite database)")


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO things(name) VALUES ('x')")
    conn.commit()
    conn.close()
    assert_refused(path, "not an annotator project")


def test_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) > 4 * page_size
    for page in range(1, len(data) // page_size):  # every page but the header page
        offset = page * page_size
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    assert_refused(path, "damaged")


def test_newer_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={FORMAT_VERSION + 5}")
    conn.commit()
    conn.close()
    assert_refused(path, f"made by a newer version of annotator (format {FORMAT_VERSION + 5}"
                         f" > {FORMAT_VERSION})")


@pytest.mark.parametrize("statement", [
    "CREATE TRIGGER sneaky AFTER INSERT ON entities BEGIN DELETE FROM documents; END",
    "CREATE VIEW peek AS SELECT text FROM documents",
])
def test_foreign_trigger_or_view_is_refused(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    assert_refused(path, "foreign")


def test_old_format_is_upgraded(tmp_path: Path) -> None:
    """A file left at format 1 (before the navigator indexes) opens and is migrated."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    migrate(conn, upto=1)
    schema_text = (Path(__file__).parents[2] / "annotator/resources/schema/default.toml").read_text(
        encoding="utf-8")
    conn.execute("INSERT INTO schemas VALUES (1, 'default', ?, '2024-01-01T00:00:00Z')",
                 (schema_text,))
    conn.execute("INSERT INTO annotators(name, created) VALUES ('old', '2024')")
    conn.execute("INSERT INTO documents(external_id, sha256, length, created, updated, text)"
                 " VALUES ('x', ?, ?, '2024', '2024', ?)",
                 (hashlib.sha256(TEXT.encode()).hexdigest(), len(TEXT), TEXT))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Project.open(path, annotator="old") as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
        names = {r[0] for r in project.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "documents_nav" in names
        assert project.list_documents()[0].external_id == "x"
        assert project.validate() == []
        assert project.conn.execute(
            "SELECT value FROM meta WHERE key = 'format_version'").fetchone()[0] == str(
            FORMAT_VERSION)


def test_create_with_custom_schema_and_set_schema(tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "annotator/resources/schema/default.toml").read_text(
        encoding="utf-8")
    custom = tmp_path / "schema.toml"
    custom.write_text(source, encoding="utf-8")
    with Project.open(tmp_path / "p.db", create=True, schema_path=custom) as project:
        assert project.schema.source_text.strip() or project.schema.entity_types
        version = project.set_schema(source)
        assert version == 2
        assert project.schema_version == 2
        with pytest.raises(ProjectError, match="invalid schema"):
            project.set_schema("this is [not toml")
        assert project.schema_version == 2


def test_bad_schema_file_creates_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[entities]\ntypes = 3\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="invalid schema"):
        Project.open(tmp_path / "p.db", create=True, schema_path=bad)
    assert not (tmp_path / "p.db").exists()


def test_ui_state_per_annotator(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path)
    with Project.open(path, annotator="alice") as alice:
        alice.set_state("last_document", 1)
        alice.set_state("cursor", {"doc": 1, "pos": 12})
        alice.set_state("cursor", {"doc": 1, "pos": 14})
        journal_size = len(alice.history(1000))
    with Project.open(path, annotator="alice") as alice, \
            Project.open(path, annotator="bob") as bob:
        assert alice.get_state("cursor") == {"doc": 1, "pos": 14}
        assert alice.get_state("last_document") == 1
        assert bob.get_state("cursor") is None
        assert bob.get_state("cursor", "none") == "none"
        assert len(alice.history(1000)) == journal_size  # not journaled


def test_unchanged_ui_state_is_not_a_change_for_other_windows(project_address: object) -> None:
    """Opening a document stores it as the last one. Storing the value already stored must
    write nothing: every write is "another program changed this project" to the other
    windows, whose reload opened the document again, whose write made this window reload:
    two windows on one project reloaded each other for ever."""
    with Project.open(project_address, create=True, annotator="alice") as first:
        first.import_records([DocumentRecord(id="a", text="نص أول")])
        first.set_state("last_document", 1)
        with Project.open(project_address, annotator="alice") as second:
            second.external_changes()
            first.set_state("last_document", 1)
            assert second.external_changes() is False
            first.set_state("last_document", 2)
            assert second.external_changes() is True
            assert second.get_state("last_document") == 2
