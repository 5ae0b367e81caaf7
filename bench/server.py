"""Many annotators at once on one PostgreSQL server, against two writers on one SQLite file.

    ANNOTATOR_TEST_PG=postgresql://annotator_test@127.0.0.1:5442/postgres python bench/server.py
    python bench/server.py --quick    # 5 annotators x 40 actions (SQLite: 2 x 40)
    python bench/server.py --pace     # also a paced run: each acts every 200-800 ms

The server run makes a fresh database (``server init``: roles, row-level security,
notification triggers), adds one login per simulated annotator (passwords in a temporary
password file, as desktops keep them), and imports 50 documents as the owner. Then every
annotator is a separate process doing random actions on its own layer through the store
(add an entity 45%, relabel 15%, delete 10%, set a status 15%, undo 10%, redo 5%), all
starting together; each action's latency is measured around the store call. The same run on
an SQLite file with 2 writer processes is the comparison, timed in the same run.

Two paces: ``saturated`` (actions back to back: the server's throughput, latency is mostly
the queue) and, with ``--pace``, ``paced`` (each annotator pauses 200-800 ms at random
before each action, as a person does; the pause is not counted), on the server.

Checked after each run: 0 lost (each process's own layer as its committed events left it
equals the layer in the database, and the journal holds exactly one entry per action the
process saw committed), ``validate()`` clean. Prints ONE JSON line per engine: actions per
second (all processes, wall clock), p50/p95/max latency per action, refused actions (a
duplicate entity), round trips per action on the server (when the engine counts them) and
the machine's load average. Without a server (no ``--address`` nor
``ANNOTATOR_TEST_PG``) the server run is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import queue
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import DocumentRecord
from annotator.core.store import AnnotationsChanged, Project, ProjectError, UndoStackChanged
from annotator.core.text import words

SENTENCE = "قال وزير الخارجية في مؤتمر صحفي بالقاهرة إن المفاوضات مع الوفد الروسي مستمرة. "
LABELS = ("PERS", "ORG", "GPE", "LOC")
STATUSES = ("in-progress", "done", "todo")
DOCUMENTS = 50


def _records() -> list[DocumentRecord]:
    return [DocumentRecord(id=f"d{i}", text=SENTENCE * 8 + f"الخبر {i}.", title=f"خبر {i}")
            for i in range(DOCUMENTS)]


def _act(p: Project, rng: random.Random, docs: list[int], spans: list[tuple[int, int]],
         mine: dict[int, str]) -> str:
    """One random action on the annotator's own layer; returns its kind (an undo or redo
    with nothing to undo, a relabel to the same label, writes nothing)."""
    roll = rng.random()
    if roll < 0.45 or not mine:
        start, end = rng.choice(spans)
        p.add_entity(rng.choice(docs), start, end, rng.choice(LABELS))
        return "add"
    if roll < 0.60:
        p.relabel_entity(rng.choice(list(mine)), rng.choice(LABELS))
        return "relabel"
    if roll < 0.70:
        p.delete_entity(rng.choice(list(mine)))
        return "delete"
    if roll < 0.85:
        p.set_status(rng.choice(docs), rng.choice(STATUSES))
        return "status"
    if roll < 0.95:
        p.undo()
        return "undo"
    p.redo()
    return "redo"


PACE_S = (0.2, 0.8)
"""The pause before each action of a paced annotator, drawn uniformly (seconds)."""


def _worker(address: str, name: str, actions: int, seed: int, start: Any, out: Any,
            paced: bool = False) -> None:
    rng = random.Random(seed)
    mine: dict[int, str] = {}

    journaled = [0]

    def follow(event: object) -> None:  # the committed rows of this process's own actions
        if isinstance(event, UndoStackChanged):  # published once per journal entry written
            journaled[0] += 1
        if isinstance(event, AnnotationsChanged) and event.table == "entities":
            for row in event.rows:
                mine[int(row["id"])] = str(row["label"])
            for gone in event.deleted:
                mine.pop(int(gone), None)

    latencies: list[float] = []
    refused = 0
    with Project.open(address, annotator=name) as p:
        p.events.subscribe(follow)
        docs = [d.doc_id for d in p.list_documents(0, DOCUMENTS)]
        spans = words(p.get_text(docs[0]))[:40]
        start.wait()
        trips = getattr(p.conn, "round_trips", None)
        for _ in range(actions):
            if paced:
                time.sleep(rng.uniform(*PACE_S))
            began = time.perf_counter()
            try:
                _act(p, rng, docs, spans, mine)
            except ProjectError:
                refused += 1
            latencies.append((time.perf_counter() - began) * 1000)
        if trips is not None:
            trips = int(getattr(p.conn, "round_trips", 0)) - trips
        entries = int(p.conn.execute(
            "SELECT count(*) FROM journal WHERE annotator_id = ?", (p.actor_id,)).fetchone()[0])
    out.put({"name": name, "latencies": latencies, "committed": journaled[0], "refused": refused,
             "mine": mine, "journal": entries, "round_trips": trips})


def _run(addresses: dict[str, str], check: str, actions: int,
         paced: bool = False) -> dict[str, Any]:
    """Every annotator of ``addresses`` (name -> where they log in) a process doing
    ``actions`` actions, started together; then the checks, through ``check``."""
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(address, name, actions, i, start, out, paced))
             for i, (name, address) in enumerate(addresses.items())]
    for proc in procs:
        proc.start()
    time.sleep(2.0)  # every process connected and waiting
    began = time.perf_counter()
    start.set()
    results: list[dict[str, Any]] = []
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=5))
        except queue.Empty:
            if not any(proc.is_alive() for proc in procs):
                raise SystemExit("a simulated annotator died (see its traceback above)"
                                 ) from None
    wall = time.perf_counter() - began
    for proc in procs:
        proc.join()
    lost = 0
    with Project.open(check, annotator="bench-check") as p:
        for r in results:
            who = p.conn.execute("SELECT id FROM annotators WHERE name = ?",
                                 (r["name"],)).fetchone()[0]
            stored = {(int(i), str(label)) for i, label in p.conn.execute(
                "SELECT id, label FROM entities WHERE annotator_id = ?", (who,)).fetchall()}
            lost += len(set(r["mine"].items()) ^ stored)
            lost += abs(r["journal"] - r["committed"])
        problems = p.validate()
    latencies = sorted(x for r in results for x in r["latencies"])
    trips = [r["round_trips"] for r in results if r["round_trips"] is not None]
    return {"pace": "paced" if paced else "saturated",
            "processes": len(addresses), "actions_each": actions,
            "actions_per_s": round(len(latencies) / wall, 1),
            "p50_ms": round(statistics.median(latencies), 2),
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
            "max_ms": round(latencies[-1], 2),
            "committed": sum(r["committed"] for r in results),
            "refused": sum(r["refused"] for r in results),
            "round_trips_per_action": round(sum(trips) / len(latencies), 2) if trips else None,
            "lost": lost, "validate_problems": len(problems)}


def _with_database(address: str, database: str, user: str | None = None) -> str:
    parts = urlsplit(address)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{user}@{host}" if user else parts.netloc
    return urlunsplit((parts.scheme, netloc, f"/{database}", parts.query, parts.fragment))


def _server(admin: str, people: int, actions: int, paced: bool = False) -> dict[str, Any]:
    import psycopg

    from annotator.core.server.setup import add_user, init_server

    database = f"annotator_bench_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"'.encode())
    owner = _with_database(admin, database)
    names = [f"bench{uuid.uuid4().hex[:4]}_{i}" for i in range(people)]
    passfile = Path(tempfile.mkdtemp()) / "pgpass"
    try:
        init_server(owner)
        lines = []
        for name in names:
            password = uuid.uuid4().hex
            add_user(owner, name, "annotator", password)
            lines.append(f"*:*:*:{name}:{password}")
        passfile.write_text("\n".join(lines) + "\n")
        passfile.chmod(0o600)
        os.environ["PGPASSFILE"] = str(passfile)
        with Project.open(owner) as p:
            p.import_records(_records())
        return _run({n: _with_database(admin, database, n) for n in names}, owner, actions,
                    paced)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'.encode())
            for name in names:
                conn.execute(f'DROP ROLE IF EXISTS "{name}"'.encode())
        passfile.unlink(missing_ok=True)


def _sqlite(writers: int, actions: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bench.annotator")
        with Project.open(path, create=True, annotator="owner") as p:
            p.import_records(_records())
        return _run({f"writer{i}": path for i in range(writers)}, path, actions)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 annotators x 40 actions")
    parser.add_argument("--pace", action="store_true",
                        help="also a paced run on the server (each acts every 200-800 ms)")
    parser.add_argument("--people", type=int, help="annotators on the server (default 20)")
    parser.add_argument("--actions", type=int, help="actions each (default 200)")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite comparison")
    parser.add_argument("--address", default=os.environ.get("ANNOTATOR_TEST_PG", ""),
                        help="a server role that may create databases and roles")
    args = parser.parse_args()
    people, actions = (5, 40) if args.quick else (20, 200)
    people, actions = args.people or people, args.actions or actions
    if args.address:
        for paced in (False, True) if args.pace else (False,):
            load = _load()
            result = _server(args.address, people, actions, paced)
            print(json.dumps({"bench": "server", "engine": "postgres", **result,
                              "load_before": load, "load_after": _load()}), flush=True)
    else:
        print(json.dumps({"bench": "server", "engine": "postgres",
                          "skipped": "no server: --address or ANNOTATOR_TEST_PG"}))
    if args.no_sqlite:
        return
    load = _load()
    result = _sqlite(2, actions)
    print(json.dumps({"bench": "server", "engine": "sqlite", **result,
                      "load_before": load, "load_after": _load()}))


if __name__ == "__main__":
    main()
