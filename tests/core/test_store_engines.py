"""The engine seam (issue 15): addresses, passwords kept out, the PostgreSQL dialect, and what
a second client of the same server project sees."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project, ProjectError
from annotator.core.store.engines.address import (
    INSTALL_HINT,
    ServerPath,
    check_no_password,
    is_missing_file,
    is_server_address,
    redact,
    server_path,
)
from annotator.core.store.engines.dialect import translate

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
PUTIN = (TEXT.index("فلاديمير"), TEXT.index("بوتين") + len("بوتين"))
MOSCOW = (TEXT.index("موسكو"), TEXT.index("موسكو") + len("موسكو"))


# -- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["postgresql://ann@db.example.org/corpus",
                                   "postgres://ann@localhost:5433/corpus?sslmode=require",
                                   "service=corpus", "POSTGRESQL://ann@h/db"])
def test_an_address_is_told_from_a_file_path(value: str) -> None:
    assert is_server_address(value)
    assert not is_missing_file(value)


@pytest.mark.parametrize("value", ["p.annotator", "postgresql.annotator", "./service=x.db",
                                   "C:\\projects\\p.annotator"])
def test_a_file_path_is_no_address(value: str) -> None:
    assert not is_server_address(value)


@pytest.mark.parametrize(("address", "shown"), [
    ("postgresql://ann:s3cret@db/corpus", "postgresql://ann:***@db/corpus"),
    ("postgresql://ann@db/corpus?password=s3cret&sslmode=require",
     "postgresql://ann@db/corpus?password=***&sslmode=require"),
    ("service=corpus password=s3cret", "service=corpus password=***"),
    ("host=db password='s3 cret' dbname=c", "host=db password=*** dbname=c"),
    ("postgresql://ann@db/corpus", "postgresql://ann@db/corpus"),
])
def test_a_password_is_never_shown(address: str, shown: str) -> None:
    assert redact(address) == shown
    assert "s3" not in str(server_path(address))


def test_an_address_with_a_password_is_refused_without_showing_it() -> None:
    with pytest.raises(ProjectError) as caught:
        Project.open("postgresql://ann:s3cret@127.0.0.1:1/corpus", annotator="ann")
    assert "s3cret" not in caught.value.message
    assert "~/.pgpass" in caught.value.message
    check_no_password("postgresql://ann@db/corpus")  # none: accepted


def test_a_server_that_cannot_be_reached_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.setenv("PGPASSWORD", "s3cret")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    with pytest.raises(ProjectError) as caught:
        Project.open("postgresql://ann@127.0.0.1:1/corpus", annotator="ann")
    message = caught.value.message
    assert message.startswith("postgresql://ann@127.0.0.1:1/corpus: cannot connect")
    assert "s3cret" not in message
    assert "\n" not in message


def test_a_server_path_is_a_path_that_names_no_file() -> None:
    where = server_path("postgresql://ann:pw@db/corpus")
    assert isinstance(where, Path)
    assert isinstance(where, ServerPath)
    assert str(where) == "postgresql://ann:***@db/corpus"
    assert not where.exists()
    assert is_server_address(where)


def test_without_psycopg_an_address_says_what_to_install(tmp_path: Path) -> None:
    """psycopg hidden from a fresh interpreter: the message, and no traceback."""
    script = (
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] == 'psycopg':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from annotator.core.store import Project, ProjectError\n"
        "try:\n"
        "    Project.open('postgresql://ann@127.0.0.1:1/corpus', annotator='ann')\n"
        "except ProjectError as exc:\n"
        "    print(exc.message)\n")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=root, check=False, timeout=60,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == INSTALL_HINT, done.stderr
    assert INSTALL_HINT == "PostgreSQL support needs: pip install 'annotator[server]'"


def test_backup_and_restore_leave_a_server_project_to_the_server(tmp_path: Path) -> None:
    from annotator.core.store.backup import backup_project
    from annotator.core.store.restore import restore_project

    address = "postgresql://ann:s3cret@db/corpus"
    with pytest.raises(ProjectError, match="pg_dump") as backed:
        backup_project(address, tmp_path / "b.annotator")
    with pytest.raises(ProjectError, match="pg_restore") as restored:
        restore_project(address, tmp_path / "b.annotator")
    assert "s3cret" not in backed.value.message + restored.value.message
    assert list(tmp_path.iterdir()) == []


# -- the dialect ---------------------------------------------------------------------------------

def test_placeholders_upserts_and_ids_are_rewritten_once() -> None:
    s = translate("INSERT OR IGNORE INTO roles(annotator_id, role) VALUES (?, ?)", True)
    assert s.sql == "INSERT INTO roles(annotator_id, role) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    added = translate("INSERT INTO entities(doc_id, label) VALUES (?, ?)", True)
    assert added.sql.endswith("RETURNING id")
    assert added.returns_id
    assert added.sets_id is None
    restored = translate("INSERT INTO entities(id, doc_id) VALUES (?, ?)", True)
    assert restored.sets_id == "entities"


def test_literals_and_quoted_names_are_left_as_they_are() -> None:
    s = translate("SELECT '?%', \"end\" FROM entities WHERE label = ? AND note LIKE 'a%'", True)
    assert s.sql == ("SELECT '?%%', \"end\" FROM entities WHERE label = %s"
                     " AND note LIKE 'a%%'")
    assert translate("SELECT '?' FROM meta", False).sql == "SELECT '?' FROM meta"


def test_sqlite_functions_become_postgresql_ones() -> None:
    s = translate("SELECT max(coalesce(a, 0), max(b)), group_concat(n, char(31)),"
                  " instr(t, ?), total(x) FROM t INDEXED BY t_i WHERE k IS ? AND j IS NOT 'do'",
                  True).sql
    assert s == ("SELECT GREATEST(coalesce(a, 0), max(b)), string_agg(n, chr(31)),"
                 " strpos(t, %s), sum(x) FROM t  WHERE k IS NOT DISTINCT FROM %s"
                 " AND j IS DISTINCT FROM 'do'")
    assert translate("SELECT x FROM t WHERE y IS NOT NULL", False).sql.endswith("IS NOT NULL")


def test_rowid_is_the_id_or_the_rows_place() -> None:
    assert translate("SELECT rowid, label FROM entities", False).sql == \
        "SELECT id, label FROM entities"
    assert translate("SELECT a.rowid FROM event_arguments a JOIN events e ON e.id = a.event_id",
                     False).sql.startswith("SELECT a.id FROM")
    assert "ctid" in translate("SELECT rowid, key FROM document_labels", False).sql


# -- a project on a server -----------------------------------------------------------------------

@pytest.fixture
def server(pg_template: str) -> Iterator[str]:
    import os

    from tests.pg_databases import fresh_database

    address, drop = fresh_database(os.environ["ANNOTATOR_TEST_PG"].strip(), pg_template)
    with Project.open(address, create=True, annotator="alice") as first:
        first.import_records([DocumentRecord(id="a", text=TEXT)])
    yield address
    drop()


def test_a_second_client_sees_a_change(server: str) -> None:
    with Project.open(server, annotator="alice") as alice, \
            Project.open(server, annotator="bob") as bob:
        doc = alice.document_ids()[0]
        alice.external_changes()  # bob's open registered him: a change by another client
        assert not bob.external_changes()
        alice.add_entity(doc, *PUTIN, "PERS")
        assert not alice.external_changes()  # its own write does not count
        assert bob.external_changes()
        assert not bob.external_changes()
        assert [e.label for e in bob.get_record(doc, layer="alice").entities] == ["PERS"]


def test_a_stale_undo_is_refused_on_a_server(server: str) -> None:
    """Two clients change one row; the older action's undo finds the row no longer as it
    left it and refuses, changing nothing (the undo stack's top is moved back to it)."""
    with Project.open(server, annotator="alice") as alice:
        doc = alice.document_ids()[0]
        entity = alice.add_entity(doc, *PUTIN, "PERS")
        alice.relabel_entity(entity, "ORG")
    with Project.open(server, annotator="alice") as again:
        with Project.open(server, annotator="alice") as other:
            other.relabel_entity(entity, "GPE")
            other.conn.execute("DELETE FROM undo_stack WHERE seq = (SELECT max(seq)"
                               " FROM undo_stack)")
        with pytest.raises(ProjectError, match="since by someone else"):
            again.undo()
        assert again.get_record(doc).entities[0].label == "GPE"


def test_reopening_a_server_project_keeps_everything(server: str) -> None:
    with Project.open(server, annotator="alice") as alice:
        doc = alice.document_ids()[0]
        entity = alice.add_entity(doc, *MOSCOW, "GPE")
        assert not alice.created
    with Project.open(server, annotator="alice") as alice:
        assert [e.id for e in alice.get_record(doc).entities] == [str(entity)]
        assert alice.undo_text() == "Undo Add GPE entity"
        assert alice.validate() == []


def test_an_older_server_format_is_upgraded_at_open(server: str) -> None:
    """A project made before the recommender (format 7) gets format 8's tables at its next
    open, in one transaction, and keeps its rows."""
    from annotator.core.store.engines.pg_schema import PG_FORMAT
    from tests.pg_databases import open_db

    with Project.open(server, annotator="alice") as alice:
        doc = alice.document_ids()[0]
        alice.add_entity(doc, *MOSCOW, "GPE")
    with open_db(server) as conn:
        for table in ("recommender_models", "recommender_reviews", "recommender_suggestions"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'format_version'")
    with Project.open(server, annotator="alice") as alice:
        assert len(alice.get_record(doc).entities) == 1
        assert alice.validate() == []
    with open_db(server) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        assert version[0] == str(PG_FORMAT) == "9"
        assert conn.execute("SELECT count(*) FROM recommender_reviews").fetchone()[0] == 0


def test_a_database_with_other_tables_is_refused(pg_template: str) -> None:
    import os

    from tests.pg_databases import fresh_database, open_db

    address, drop = fresh_database(os.environ["ANNOTATOR_TEST_PG"].strip(), pg_template)
    try:
        with open_db(address) as conn:
            conn.execute("DROP TABLE meta CASCADE")
        with pytest.raises(ProjectError, match="not an annotator project"):
            Project.open(address, create=True, annotator="alice")
    finally:
        drop()


def test_a_read_only_open_cannot_write_even_with_sql(server: str) -> None:
    import sqlite3

    with Project.open(server, annotator="alice", readonly=True) as reader:
        assert reader.document_count() == 1
        with pytest.raises(ProjectError, match="read-only"):
            reader.add_entity(reader.document_ids()[0], *PUTIN, "PERS")
        with pytest.raises(sqlite3.OperationalError, match="read-only"):
            reader.conn.execute("DELETE FROM entities")


def test_text_with_a_nul_character_is_refused_whole(server: str) -> None:
    """PostgreSQL's text cannot hold U+0000: such a record is refused and nothing of the
    import is kept (a known difference: SQLite stores it)."""
    with Project.open(server, annotator="alice") as alice, pytest.raises(ProjectError):
        alice.import_records([DocumentRecord(id="n", text="نص\x00آخر"),
                              DocumentRecord(id="m", text="نص ثالث")])
    with Project.open(server, annotator="alice") as alice:
        assert alice.document_count() == 1


def test_a_project_made_meanwhile_by_another_client_is_not_made_twice(server: str) -> None:
    from annotator.core.store.engines.server import fill_meta, open_database

    opened = open_database(server, create=True)
    try:
        conn = opened.db.conn
        conn.execute("BEGIN IMMEDIATE")
        assert fill_meta(conn) is False
        conn.execute("ROLLBACK")
    finally:
        opened.db.close()
    with Project.open(server, create=True, annotator="bob") as bob:
        assert not bob.created
        assert bob.schema_version == 1


CRASHING_IMPORT = """
import sys, time
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project

def records():
    for i in range(400):  # 6,000 characters each: the import writes a batch every 166
        yield DocumentRecord(id=f"k{i}", text=f"نص رقم {i} عن موسكو " * 300)
        if i == 300:
            written = p.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            print("started", written, flush=True)
            time.sleep(60)

with Project.open(sys.argv[1], annotator="carol") as p:
    p.import_records(records())
"""


def test_a_client_killed_mid_import_leaves_nothing_half_written(server: str) -> None:
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, "-c", CRASHING_IMPORT, server], cwd=root,
                             env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        started, written = child.stdout.readline().split()
        assert started == "started"
        assert int(written) > 100  # rows sent to the server, in the open transaction
    finally:
        child.kill()
        child.wait(timeout=30)
    with Project.open(server, annotator="alice") as alice:
        assert alice.document_count() == 1  # the fixture's document only
        assert alice.validate() == []
        alice.add_entity(alice.document_ids()[0], *PUTIN, "PERS")  # the write lock is free


def test_a_writer_waiting_too_long_is_told_the_project_is_busy(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.store.engines import postgres

    monkeypatch.setattr(postgres, "LOCK_TIMEOUT", "50ms")
    with Project.open(server, annotator="alice") as alice, \
            Project.open(server, annotator="bob") as bob:
        doc = alice.document_ids()[0]
        alice.conn.execute("BEGIN IMMEDIATE")  # alice holds the write lock
        with pytest.raises(ProjectError, match="busy"):
            bob.add_entity(doc, *PUTIN, "PERS")
        assert not bob.conn.in_transaction
        alice.conn.execute("ROLLBACK")
        bob.add_entity(doc, *PUTIN, "PERS")  # nothing left over from the refused attempts
        assert [e.label for e in bob.get_record(doc).entities] == ["PERS"]


def test_the_server_schema_follows_every_migration(tmp_path: Path) -> None:
    """A migration added for SQLite needs its PostgreSQL step (pg_schema.PG_STEPS): the same
    format number and the same tables (less SQLite's FTS5 index, which has no twin)."""
    import re
    import sqlite3

    from annotator.core.store.engines.pg_schema import PG_FORMAT, schema_statements
    from annotator.core.store.migrations import FORMAT_VERSION

    assert PG_FORMAT == FORMAT_VERSION
    Project.open(tmp_path / "p.annotator", create=True, annotator="alice").close()
    with sqlite3.connect(tmp_path / "p.annotator") as conn:
        sqlite_tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(("sqlite_", "search_fts"))}
    server_tables = {m.group(1) for s in schema_statements()
                     if (m := re.match(r"CREATE TABLE (\w+)", s))}
    assert server_tables == sqlite_tables


def test_an_action_after_an_import_into_a_new_project_gets_a_new_id(
        project_address: object) -> None:
    """An import gives its rows ids of its own; on PostgreSQL the id sequence must then move
    past them. A fresh sequence (never used) hands out its ``last_value`` itself next, so the
    first entity added after importing one drew id 1 again: "duplicate key"."""
    text = "زار بوتين موسكو أمس"
    with Project.open(project_address, create=True, annotator="lina") as project:
        project.import_records([DocumentRecord(id="a", text=text, entities=[
            Entity(id="e1", start=4, end=9, label="PERS")])])
        added = project.add_entity(1, 10, 15, "GPE")
        assert added != 1
        assert sorted(e.label for e in project.get_record(1).entities) == ["GPE", "PERS"]
