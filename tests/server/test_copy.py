"""``annotator copy``: a project moved between engines keeps every row and id."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.server.copying import copy_project
from annotator.core.store import Project, ProjectError
from tests.server.helpers import TEXT_B, fill, span, state


def test_sqlite_to_sqlite_keeps_the_canonical_export_and_the_journal(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    seen: list[tuple[int, int]] = []
    report = copy_project(src, dest, progress=lambda d, t: seen.append((d, t)))
    assert report.rows["journal"] > 0
    assert seen[-1][0] == seen[-1][1] == report.total
    assert state(src, tmp_path) == state(dest, tmp_path)


def test_a_copy_never_gives_a_deleted_id_again(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    copy_project(src, dest)
    with Project.open(src, annotator="alice") as p:
        highest = p.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'entities'"
                                 ).fetchone()[0]
    with Project.open(dest, annotator="carol") as p:
        b = p.find_document("b")
        assert b is not None
        assert p.add_entity(b, *span(TEXT_B, "كيري"), "PERS") == highest + 1
        assert p.validate() == []


def test_copy_refuses_a_destination_with_documents(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    fill(dest)
    with pytest.raises(ProjectError, match="already exists"):
        copy_project(src, dest)


def test_sqlite_to_server_and_back_keeps_everything(
        tmp_path: Path, pg_template: str) -> None:
    import os

    from tests.conftest import PG_ENV
    from tests.pg_databases import fresh_database

    src, back = str(tmp_path / "a.annotator"), str(tmp_path / "back.annotator")
    fill(src)
    server, drop = fresh_database(os.environ[PG_ENV].strip(), pg_template)
    try:
        copy_project(src, server)
        assert state(server, tmp_path) == state(src, tmp_path)
        with Project.open(server, annotator="carol") as p:  # ids continue after the source's
            b = p.find_document("b")
            assert b is not None
            entity = p.add_entity(b, *span(TEXT_B, "كيري"), "PERS")
            assert p.validate() == []
            p.undo()
        copy_project(server, back)
        assert state(back, tmp_path) == state(server, tmp_path)
        with Project.open(back, annotator="carol") as p:
            b = p.find_document("b")
            assert b is not None
            assert p.add_entity(b, *span(TEXT_B, "كيري"), "PERS") == entity + 1
    finally:
        drop()


def test_the_copy_command_reports_the_rows(tmp_path: Path) -> None:
    from tests.cli.helpers import run

    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    result = run("copy", src, dest)
    assert f"rows into {dest}" in result.output
    assert state(src, tmp_path) == state(dest, tmp_path)


def test_without_psycopg_the_server_commands_say_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from tests.cli.helpers import run

    monkeypatch.setitem(sys.modules, "psycopg", None)  # an import of it fails
    for args in (["server", "init", "postgresql://dba@localhost/news"],
                 ["server", "add-user", "postgresql://dba@localhost/news", "alice",
                  "--no-password"],
                 ["copy", "postgresql://dba@localhost/news", str(tmp_path / "out.annotator")]):
        result = run(*args, ok=False)
        assert result.exit_code != 0
        assert "pip install 'annotator[server]'" in result.output, args
