"""A child process for the crash and concurrency tests (``python -m tests.reliability.worker``).

It works through the same ``Project`` API the GUI calls and reports on stdout, one JSON object
per line, flushed at once:

* ``ops PROJECT SEED ANNOTATOR COUNT`` — random annotation actions (add, relabel, resize,
  note, status, delete, undo). Before each: ``{"do": {...}}`` with everything the parent needs
  to replay it; after its transaction committed: ``{"ack": n, "id": new_row_id_or_null,
  "refused": reason_or_null, "digest": state digest, "journal": newest journal id,
  "mine": journal entries of this annotator}`` (see ``helpers.read_state``).
  ``COUNT`` 0 means until killed.
* ``import PROJECT FOLDER`` — ``{"start": true}`` then an ``import_paths`` of the folder, then
  ``{"imported": n}``.
* ``export PROJECT OUT`` — ``{"start": true}`` then an ``export_canonical`` to OUT, then
  ``{"exported": n}``.

Only the parent decides what "saved" means: an operation counts once its ``ack`` was read.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

from annotator.core.store import Project, ProjectError
from annotator.core.text import words
from tests.reliability.helpers import digest, journal_max, read_state

STATUSES = ("todo", "in-progress", "done", "skipped")


def say(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _entities(project: Project) -> list[tuple[int, int, int, int]]:
    """(id, doc_id, start, end) of every entity."""
    return [(int(a), int(b), int(c), int(d)) for a, b, c, d in project.conn.execute(
        'SELECT id, doc_id, start, "end" FROM entities ORDER BY id')]


def choose(project: Project, rng: random.Random, spans: dict[int, list[tuple[int, int]]],
           labels: list[str]) -> dict[str, Any]:
    """The next operation, with every parameter fixed."""
    entities = _entities(project)
    kind = rng.choices(["add", "relabel", "resize", "note", "status", "delete", "undo"],
                       weights=[5, 2, 1, 2, 1, 2, 2])[0]
    if not entities and kind in ("relabel", "resize", "note", "delete"):
        kind = "add"
    if kind == "add":
        doc = rng.choice(sorted(spans))
        start, end = rng.choice(spans[doc])
        return {"op": "add", "doc": doc, "start": start, "end": end, "label": rng.choice(labels)}
    if kind == "status":
        return {"op": "status", "doc": rng.choice(sorted(spans)), "status": rng.choice(STATUSES)}
    if kind == "undo":
        return {"op": "undo"}
    entity_id, doc, _start, _end = rng.choice(entities)
    if kind == "relabel":
        return {"op": "relabel", "id": entity_id, "label": rng.choice(labels)}
    if kind == "resize":
        start, end = rng.choice(spans[doc])
        return {"op": "resize", "id": entity_id, "start": start, "end": end}
    if kind == "note":
        return {"op": "note", "id": entity_id, "note": f"ملاحظة {rng.randrange(10**6)}"}
    return {"op": "delete", "id": entity_id}


def perform(project: Project, op: dict[str, Any]) -> int | None:
    """Carry out one operation (one committed transaction); the new row id for an add."""
    name = op["op"]
    if name == "add":
        return project.add_entity(op["doc"], op["start"], op["end"], op["label"])
    if name == "relabel":
        project.relabel_entity(op["id"], op["label"])
    elif name == "resize":
        project.resize_entity(op["id"], op["start"], op["end"])
    elif name == "note":
        project.set_note("entities", op["id"], op["note"])
    elif name == "status":
        project.set_status(op["doc"], op["status"])
    elif name == "delete":
        project.delete_entity(op["id"])
    elif name == "undo":
        project.undo()
    return None


def run_ops(path: str, seed: int, annotator: str, count: int) -> None:
    rng = random.Random(seed)
    with Project.open(path, annotator=annotator) as project:
        spans = {doc: [w for w in words(project.get_text(doc)) if w[1] - w[0] >= 2]
                 for doc in project.document_ids()}
        labels = sorted(project.schema.entity_types)
        done = 0
        while count == 0 or done < count:
            op = choose(project, rng, spans, labels)
            say({"do": op})
            refused = None
            try:
                new_id = perform(project, op)
            except (ValueError, ProjectError) as exc:
                # a refused action writes nothing: an entity deleted by another process,
                # an undo of a row someone else changed since...
                new_id, refused = None, str(exc)
            done += 1
            say({"ack": done, "id": new_id, "refused": refused,
                 "digest": digest(read_state(project.conn)),
                 "journal": journal_max(project.conn),
                 "mine": project.conn.execute("SELECT count(*) FROM journal WHERE"
                                              " annotator_id = ?",
                                              (project.annotator_id,)).fetchone()[0]})


def run_import(path: str, folder: str) -> None:
    from annotator.core.importing import import_paths

    with Project.open(path, annotator="importer") as project:
        say({"start": True})
        result = import_paths(project, [folder])
        say({"imported": len(result.imported), "bad": [str(b) for b in result.bad]})


def run_export(path: str, out: str) -> None:
    from annotator.core.exports import export_canonical

    with Project.open(path, annotator="exporter") as project:
        say({"start": True})
        say({"exported": export_canonical(project, out)})


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    if mode == "ops":
        run_ops(path, int(rest[0]), rest[1], int(rest[2]))
    elif mode == "import":
        run_import(path, rest[0])
    elif mode == "export":
        run_export(path, rest[0])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
