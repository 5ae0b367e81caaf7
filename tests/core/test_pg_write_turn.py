"""The PostgreSQL write path (issue 15, docs/ENGINES.md "The write turn"): an action's round
trips are counted and bounded, an annotator's action waits only for writers of the same
layer, and many writers at once on one document and one layer leave a consistent project
(``validate()`` clean, the journal in commit order, every committed action journaled once)."""

from __future__ import annotations

import os
import random
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project, ProjectError, UndoStackChanged

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي في سوريا واليمن."
WORDS = [(TEXT.index(w), TEXT.index(w) + len(w))
         for w in ("فلاديمير", "بوتين", "موسكو", "روسيا", "سوريا", "واليمن")]


@pytest.fixture
def server(pg_template: str) -> Iterator[str]:
    from tests.pg_databases import fresh_database

    address, drop = fresh_database(os.environ["ANNOTATOR_TEST_PG"].strip(), pg_template)
    with Project.open(address, create=True, annotator="owner") as first:
        first.import_records([DocumentRecord(id=f"d{i}", text=TEXT) for i in range(2)])
    yield address
    drop()


def _trips(project: Project) -> int:
    conn: Any = project.conn  # a PgConnection on a server
    return int(conn.round_trips)


# -- round trips -----------------------------------------------------------------------------

ROUND_TRIPS = {"add": 6, "relabel": 8, "delete": 6, "status": 6, "undo": 6, "redo": 6}
"""The most round trips each action may take (13 to 17 before the write path was batched:
every statement one, the checks, the row, its re-read, the journal's last timestamp, the
entry, the undo stack, the redo stack)."""


def test_each_action_takes_a_bounded_number_of_round_trips(server: str) -> None:
    with Project.open(server, annotator="alice") as p:
        doc = p.document_ids()[0]
        p.get_text(doc), p.schema  # read once per project: the text and the schema are kept
        spent: dict[str, int] = {}

        def count(kind: str, action: object) -> None:
            before = _trips(p)
            assert callable(action)
            action()
            spent[kind] = max(spent.get(kind, 0), _trips(p) - before)

        for start, end in WORDS[:3]:
            count("add", lambda s=start, e=end: p.add_entity(doc, s, e, "PERS"))
        first, second = (e.id for e in p.get_record(doc).entities[:2])
        count("relabel", lambda: p.relabel_entity(first, "ORG"))
        count("delete", lambda: p.delete_entity(second))
        count("status", lambda: p.set_status(doc, "done"))
        count("status", lambda: p.set_status(doc, "in-progress"))
        count("undo", p.undo)
        count("undo", p.undo)
        count("redo", p.redo)
        assert {k: v for k, v in spent.items() if v > ROUND_TRIPS[k]} == {}, spent
        assert p.validate() == []


def test_a_deferred_write_that_fails_fails_the_commit_and_saves_nothing(server: str) -> None:
    with Project.open(server, annotator="alice") as p:
        conn = p.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.defer("INSERT INTO ui_state(annotator_id, key, value) VALUES (?, ?, ?)",  # type: ignore[attr-defined]
                   (p.actor_id, "kept?", "1"))
        conn.defer("INSERT INTO annotators(id, name, created) VALUES (?, ?, ?)",  # type: ignore[attr-defined]
                   (p.actor_id, "twin", "now"))  # the id is taken
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("COMMIT")
        conn.execute("ROLLBACK")
        assert conn.execute("SELECT count(*) FROM ui_state").fetchone() == (0,)
        p.set_state("after", 1)  # nothing queued is left over
        assert p.get_state("after") == 1


# -- the layer turn ----------------------------------------------------------------------------

def test_annotators_of_different_layers_do_not_wait_for_each_other(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.store.engines import postgres

    monkeypatch.setattr(postgres, "LOCK_TIMEOUT", "50ms")
    with Project.open(server, annotator="alice") as alice, \
            Project.open(server, annotator="bob") as bob:
        doc = alice.document_ids()[0]
        alice.conn.begin_layer_turn([alice.actor_id])  # type: ignore[attr-defined]
        bob.add_entity(doc, *WORDS[0], "PERS")  # bob's layer: no wait
        with pytest.raises(ProjectError, match="busy"):  # a project-wide writer waits
            bob.set_schema(bob.conn.execute("SELECT toml FROM schemas").fetchone()[0])
        with Project.open(server, annotator="alice") as window, \
                pytest.raises(ProjectError, match="busy"):  # alice's other window waits
            window.add_entity(doc, *WORDS[1], "PERS")
        alice.conn.execute("ROLLBACK")
        alice.add_entity(doc, *WORDS[1], "PERS")
        assert alice.validate() == []


def test_an_undo_beyond_the_layer_takes_the_project_turn(server: str) -> None:
    """A schema change is undone as any action, but it is no layer's: the undo first tries
    the layer's turn, sees that, and runs in the project's turn."""
    with Project.open(server, annotator="alice") as p:
        toml = p.conn.execute("SELECT toml FROM schemas").fetchone()[0]
        doc = p.document_ids()[0]
        p.add_entity(doc, *WORDS[0], "PERS")
        p.apply_schema(toml)
        assert p.schema_version == 2
        undone = p.undo()
        assert undone is not None
        assert undone.name.startswith("Apply schema version 2")
        assert p.schema_version == 1
        assert p.redo() is not None
        assert p.schema_version == 2
        assert p.validate() == []


# -- many writers at once ------------------------------------------------------------------------

WRITERS = (("alice", 3), ("bob", 2), ("carol", 1))
"""Annotators and how many windows (connections) each has open at once: three windows of
alice write one layer together, on one document."""
ACTIONS = 40


def _writer(address: str, name: str, seed: int, go: threading.Barrier,
            out: list[dict[str, int]], failures: list[BaseException]) -> None:
    rng = random.Random(seed)
    journaled = refused = 0

    def follow(event: object) -> None:
        nonlocal journaled
        if isinstance(event, UndoStackChanged):  # once per journal entry this window wrote
            journaled += 1

    try:
        with Project.open(address, annotator=name) as p:
            p.events.subscribe(follow)
            doc = p.document_ids()[0]
            go.wait()
            for _ in range(ACTIONS):
                roll = rng.random()
                mine = [e.id for e in p.get_record(doc).entities]
                try:
                    if roll < 0.4 or not mine:
                        p.add_entity(doc, *rng.choice(WORDS), rng.choice(("PERS", "GPE")))
                    elif roll < 0.55:
                        p.relabel_entity(rng.choice(mine), rng.choice(("PERS", "ORG")))
                    elif roll < 0.65:
                        p.delete_entity(rng.choice(mine))
                    elif roll < 0.75:
                        p.set_status(doc, rng.choice(("done", "in-progress", "todo")))
                    elif roll < 0.9:
                        p.undo()
                    else:
                        p.redo()
                except (ProjectError, ValueError):  # another window changed the row first
                    refused += 1
        out.append({"journaled": journaled, "refused": refused})
    except BaseException as exc:  # reported by the test
        failures.append(exc)


def _follower(address: str, done: threading.Event, late: list[int]) -> None:
    """Reads the journal as a live view does (the entries after the last one seen): an entry
    committed after a later id was seen would be missed; each such id goes to ``late``."""
    import psycopg

    seen: set[int] = set()
    with psycopg.connect(address, autocommit=True) as conn:
        while True:
            finished = done.is_set()
            ids = {int(r[0]) for r in conn.execute("SELECT id FROM journal").fetchall()}
            newest = max(seen, default=0)
            late.extend(i for i in ids - seen if i < newest)
            seen |= ids
            if finished:
                return


def test_many_windows_on_one_document_and_layer_leave_a_consistent_project(
        server: str) -> None:
    """Six connections at once (three on one layer), on one document, and a live reader of
    the journal. Fails when a layer's actions run without the journal's turn (entries
    committed out of id order: a reader misses them, timestamps go back) or without the
    layer's (two windows' read-check-write interleaved)."""
    for name, _ in WRITERS:  # registered first: two windows must not both add the name
        Project.open(server, annotator=name).close()
    threads, out, failures = [], [], []  # type: ignore[var-annotated]
    go = threading.Barrier(sum(n for _, n in WRITERS), timeout=60)
    seed = 0
    for name, windows in WRITERS:
        for _ in range(windows):
            seed += 1
            threads.append(threading.Thread(
                target=_writer, args=(server, name, seed, go, out, failures)))
    done, late = threading.Event(), []  # type: ignore[var-annotated]
    follower = threading.Thread(target=_follower, args=(server, done, late))
    follower.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    done.set()
    follower.join(timeout=60)
    assert failures == []
    assert late == []  # the journal grows in commit order
    with Project.open(server, annotator="check") as p:
        assert p.validate() == []
        entries = p.conn.execute("SELECT id, ts, kind FROM journal WHERE kind IN"
                                 " ('do', 'undo', 'redo') ORDER BY id").fetchall()
        assert len(entries) == sum(r["journaled"] for r in out)  # each once, none lost
        stamps = [ts for _, ts, _ in entries]
        assert stamps == sorted(stamps)
        stacks = p.conn.execute("SELECT annotator_id, stack, seq FROM undo_stack").fetchall()
        assert len(stacks) == len(set(stacks))
