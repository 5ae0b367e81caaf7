"""Shared helpers of the reliability tests: small projects, state digests, filesystems."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.core.store.database import _readonly_uri

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "corpora" / "articles"

State = dict[str, dict[int, tuple[Any, ...]]]
"""``{"entities": {id: (doc, start, end, label, note)}, "documents": {id: (status,)}}``."""

_ENTITY_COLUMNS = ("doc_id", "start", "end", "label", "note")

SEED = int(os.environ.get("ANNOTATOR_CRASH_SEED", str(time.time_ns() % 10**6)))
"""The random choices of the crash tests (``ANNOTATOR_CRASH_SEED`` fixes them); every
:func:`report` line carries it."""


def report(name: str, figures: dict[str, Any]) -> None:
    """Print the figures (seen with ``pytest -s``) and append them to
    ``$ANNOTATOR_RELIABILITY_LOG`` when it is set."""
    line = json.dumps({"test": name, "seed": SEED, **figures})
    print(f"\n{line}")
    log = os.environ.get("ANNOTATOR_RELIABILITY_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def article_texts(count: int = 3) -> list[str]:
    """Texts of the project's own sample articles (corpora/articles, committed in the repo)."""
    files = sorted(ARTICLES.glob("*.txt"))[:count]
    return [f.read_text(encoding="utf-8") for f in files]


def make_project(path: Path, docs: int = 3, annotator: str = "setup") -> list[int]:
    """A project holding ``docs`` sample articles; returns their ids."""
    records = [DocumentRecord(id=f"doc{i}", text=text, title=f"doc {i}")
               for i, text in enumerate(article_texts(docs))]
    with Project.open(path, create=True, annotator=annotator) as project:
        return project.import_records(records).doc_ids


def read_state(conn: sqlite3.Connection) -> State:
    """The annotation state the crash test compares: entities and document statuses."""
    entities = {int(r[0]): tuple(r[1:]) for r in conn.execute(
        'SELECT id, doc_id, start, "end", label, coalesce(note, \'\') FROM entities')}
    documents = {int(r[0]): (r[1],) for r in conn.execute("SELECT id, status FROM documents")}
    return {"entities": entities, "documents": documents}


def digest(state: State) -> str:
    """A stable hash of a state."""
    flat = {table: sorted([k, list(v)] for k, v in rows.items()) for table, rows in state.items()}
    return hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest()


def revert(state: State, changes: list[dict[str, Any]]) -> State:
    """``state`` with one journal entry's row changes undone (in memory)."""
    result = {table: dict(rows) for table, rows in state.items()}
    for change in reversed(changes):
        table = change["table"]
        if table not in result:
            continue
        before = change["before"]
        row_id = int(change["id"])
        if before is None:
            result[table].pop(row_id, None)
        elif table == "entities":
            result[table][row_id] = tuple(
                (before.get(c) or "") if c == "note" else before[c] for c in _ENTITY_COLUMNS)
        else:
            result[table][row_id] = (before["status"],)
    return result


def journal_max(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT coalesce(max(id), 0) FROM journal").fetchone()
    return int(row[0])


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no ``-wal``/``-shm`` behind (the store's own URI:
    ``immutable`` unless the project is open elsewhere)."""
    return sqlite3.connect(_readonly_uri(path), uri=True)


def content_digest(path: Path, ignore: frozenset[str] = frozenset()) -> str:
    """A digest of everything a project holds (every table but ``ignore``, row by row), read
    read-only: equal digests mean an operation left the project unchanged."""
    conn = read_only(path)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in (t for t in tables if t not in ignore):
            h.update(table.encode())
            try:
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID (FTS5 shadow tables): all columns
                width = len(conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
                order = ", ".join(str(i) for i in range(1, width + 1))
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            for row in rows:
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def worker_command(*args: str) -> list[str]:
    """The command line of the child process (``tests/reliability/worker.py``)."""
    return [sys.executable, "-m", "tests.reliability.worker", *args]


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    return env


# -- filesystems ----------------------------------------------------------------------------


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux")


@contextlib.contextmanager
def small_filesystem(size: str) -> Iterator[Path | None]:
    """A fresh size-limited tmpfs (``size`` like ``"2m"``), or None where mounting is not
    allowed (not root, not Linux, no CAP_SYS_ADMIN): the caller falls back then."""
    if not _can_mount():
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="annotator-fs-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs",
                           str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        folder.rmdir()
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()


def remount_readonly(folder: Path) -> bool:
    """Make a mounted tmpfs read-only; False if that failed."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True,
                          check=False)
    return done.returncode == 0
