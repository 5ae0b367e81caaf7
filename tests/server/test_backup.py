"""A backup of a project while people work on it: ``annotator copy`` reads the source in ONE
snapshot (PostgreSQL: one REPEATABLE READ transaction; SQLite: one read transaction), so the
copy holds exactly what was committed when it started, never the journal of an action whose
rows it missed. ``annotator backup ADDRESS FILE`` is that copy; restoring is the copy back
into a new database."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from annotator.core.server.copying import copy_project
from annotator.core.store import Project, ProjectError
from tests.cli.helpers import run
from tests.server.helpers import TEXT_A, fill, state

WORDS = TEXT_A.split()


def _counts(target: str) -> tuple[int, int]:
    with Project.open(target, annotator="alice") as p:
        entities = p.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        journal = p.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    return int(entities), int(journal)


def _word_span(n: int) -> tuple[int, int]:
    word = WORDS[n % len(WORDS)].rstrip(".")
    start = TEXT_A.index(word)
    return start, start + len(word)


def test_a_copy_is_one_snapshot_while_a_colleague_saves(project_address: Any,
                                                        tmp_path: Path) -> None:
    source = str(project_address)
    fill(source)
    before = _counts(source)
    dest = str(tmp_path / "backup.annotator")
    with Project.open(source, annotator="carol") as carol:
        doc = carol.find_document("a")
        assert doc is not None
        saved: list[int] = []

        def colleague_saves(done: int, total: int) -> None:  # between the tables' reads
            if len(saved) < 6:
                saved.append(carol.add_entity(doc, *_word_span(len(saved)), "GPE"))

        copy_project(source, dest, progress=colleague_saves)
    assert len(saved) == 6
    assert _counts(dest) == before  # not carol's entities, nor their journal entries
    with Project.open(dest, annotator="alice") as copy:
        assert copy.validate() == []
    assert _counts(source) == (before[0] + 6, before[1] + 6)


def test_a_backup_taken_while_a_writer_runs_is_consistent(project_address: Any,
                                                          tmp_path: Path) -> None:
    source = str(project_address)
    fill(source)
    fill_entities = _counts(source)[0]
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with Project.open(source, annotator="carol") as carol:
                doc = carol.find_document("a")
                assert doc is not None
                n = 0
                while not stop.is_set():
                    carol.add_entity(doc, *_word_span(n), "GPE")
                    n += 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        dest = str(tmp_path / "backup.annotator")
        result = run("backup", source, dest)
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert "backup.annotator" in result.output
    with Project.open(dest, annotator="alice") as copy:
        assert copy.validate() == []
        entities = copy.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        added = copy.conn.execute("SELECT count(*) FROM journal WHERE action = 'Add GPE"
                                  " entity' AND annotator_id = (SELECT id FROM annotators"
                                  " WHERE name = 'carol')").fetchone()[0]
    assert entities == fill_entities + added  # every entity of carol's journal, no other


def test_restore_is_a_copy_into_a_new_database(project_address: Any, tmp_path: Path,
                                               pg_template: str) -> None:
    import os

    from tests.conftest import PG_ENV
    from tests.pg_databases import fresh_database

    source = str(project_address)
    if not source.startswith("postgresql://"):
        pytest.skip("the server's backup and restore (a file's are `annotator backup`)")
    fill(source)
    backup = str(tmp_path / "news.annotator")
    run("backup", source, backup)
    restored, drop = fresh_database(os.environ[PG_ENV].strip(), pg_template)
    try:
        run("copy", backup, restored)
        assert state(restored, tmp_path) == state(source, tmp_path)
        with pytest.raises(ProjectError, match="already holds documents"):
            copy_project(backup, restored)
    finally:
        drop()
