"""``annotator server init`` and ``server add-user`` on the command line: passwords are
asked, sent only as a SCRAM verifier, and appear in no output, log or error message."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import PG_ENV

psycopg = pytest.importorskip("psycopg")  # the server extra


@pytest.fixture
def database(pg_template: str) -> Iterator[str]:
    from tests.pg_databases import fresh_database

    address, drop = fresh_database(os.environ[PG_ENV].strip(), pg_template)
    yield address
    drop()


def _server_log() -> Path | None:
    """The test cluster's log (``.ci/postgres`` keeps it in ``$ANNOTATOR_PG_DIR``)."""
    folder = os.environ.get("ANNOTATOR_PG_DIR")
    log = Path(folder, "server.log") if folder else None
    return log if log is not None and log.exists() else None


def test_add_user_never_shows_or_sends_the_password(
        database: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    secret = f"s3cret-{uuid.uuid4().hex}"
    name = f"alice_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr("getpass.getpass", lambda prompt="": secret)
    monkeypatch.setenv("PGOPTIONS", "-c log_statement=all")  # the server logs every statement
    log = _server_log()
    start = log.stat().st_size if log else 0
    caplog.set_level(logging.DEBUG)
    assert "_manager (this project's own" in run("server", "init", database).output
    result = run("server", "add-user", database, name, "--role", "curator")
    assert f"{name} is a curator" in result.output
    with psycopg.connect(database) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (name,)).fetchone()
        roles = conn.execute("SELECT r.role FROM roles r JOIN annotators a"
                             " ON a.id = r.annotator_id WHERE a.name = %s", (name,)).fetchall()
    assert stored is not None
    assert str(stored[0]).startswith("SCRAM-SHA-256$")
    assert roles == [("curator",)]
    assert secret not in result.output
    assert secret not in caplog.text
    if log is not None:  # the statements reached the server's log, the password did not
        logged = log.read_bytes()[start:].decode("utf-8", "replace")
        assert "ALTER ROLE" in logged
        assert secret not in logged


def test_a_failing_add_user_does_not_show_the_password(
        database: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    secret = f"s3cret-{uuid.uuid4().hex}"
    monkeypatch.setattr("getpass.getpass", lambda prompt="": secret)
    caplog.set_level(logging.DEBUG)
    run("server", "init", database)
    reserved = run("server", "add-user", database, "pg_" + uuid.uuid4().hex[:6], ok=False)
    assert reserved.exit_code != 0
    assert "reserved" in reserved.output
    unreachable = run("server", "add-user", database.rsplit("/", 1)[0] + "/no_such_db",
                      "bob", ok=False)
    assert unreachable.exit_code != 0
    assert "cannot connect" in unreachable.output
    for output in (reserved.output, unreachable.output, caplog.text):
        assert secret not in output


def test_two_different_passwords_change_nothing(
        database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["one-password", "another-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    run("server", "init", database)
    name = f"carol_{uuid.uuid4().hex[:6]}"
    result = run("server", "add-user", database, name, ok=False)
    assert "differ" in result.output
    assert "one-password" not in result.output
    with psycopg.connect(database) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None


def test_a_password_in_the_address_is_refused_and_not_shown(database: str) -> None:
    with_password = database.replace("://", "://annotator_test:hunter2-secret@", 1).replace(
        "annotator_test@", "", 1)
    result = run("server", "init", with_password, ok=False)
    assert result.exit_code != 0
    assert "hunter2-secret" not in result.output


def test_init_creates_a_missing_database_and_add_user_takes_two_people(
        pg_template: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.pg_databases import with_database

    admin = os.environ[PG_ENV].strip()
    name = f"annotator_new_{uuid.uuid4().hex[:8]}"
    address = with_database(admin, name)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a-password")
    try:
        run("server", "init", address)
        people = [f"p{uuid.uuid4().hex[:6]}", f"q{uuid.uuid4().hex[:6]}"]
        result = run("server", "add-user", address, *people)
        assert all(f"{p} is an annotator" in result.output for p in people)
        run("server", "init", address)  # again: policies brought up to date, nothing lost
        with psycopg.connect(address) as conn:
            found = {r[0] for r in conn.execute("SELECT name FROM annotators")}
            trigram = conn.execute("SELECT indexname FROM pg_indexes WHERE indexname ="
                                   " 'search_text_trigram'").fetchall()
        assert set(people) <= found
        assert trigram == [("search_text_trigram",)]  # the concordance's index, made by init
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())
