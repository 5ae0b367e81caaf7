"""The machinery every part of :class:`~annotator.core.store.Project` builds on.

:class:`ProjectBase` owns the connection, the annotator identity, the schema cache and the
event hub, and provides the two context managers the user actions are written with:

* ``_transaction()`` — ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception). Taking
  the write lock waits ``busy_timeout`` and is retried ``WRITE_ATTEMPTS`` times while another
  process writes; an SQLite error caused by the surroundings (busy, disk full, read-only or
  vanished file) becomes a one-line ``ProjectError`` after the rollback;
* ``_action(name)`` — a transaction plus a :class:`~annotator.core.store.journal.ChangeSet`;
  at the end the recorded row changes become one ``do`` journal entry, the annotator's undo
  stack gets it and the redo stack is cleared, all before ``COMMIT``; the change events are
  published after it. Inside ``batch(name)`` actions join the batch's single entry.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.schema import Schema, parse_schema
from annotator.core.store.database import fault_message
from annotator.core.store.engines import begin_write
from annotator.core.store.engines.address import ServerPath
from annotator.core.store.errors import ProjectError
from annotator.core.store.events import (
    EventHub,
    SchemaChanged,
    UndoStackChanged,
    change_doc_id,
    events_for,
)
from annotator.core.store.journal import (
    Change,
    ChangeSet,
    append_entry,
    stack_clear,
    stack_push,
    stack_top,
    stack_tops,
)
from annotator.core.store.rows import DamagedRowError, decode_row, decode_text
from annotator.core.store.write_turn import layer_problem

if TYPE_CHECKING:
    from annotator.core.store.engines.postgres import PgDatabase
    from annotator.core.store.lean_sqlite_utils import Database

WRITE_ATTEMPTS = 3
"""How many times ``BEGIN IMMEDIATE`` is tried (each waiting ``busy_timeout``) before an
action gives up with a "the project is busy" message."""
RETRY_PAUSE_S = 0.05
"""Pause between two attempts (doubled each time)."""


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """An undone or redone action: the id of its ``do`` journal entry, its name, its document
    (None when it touched several)."""

    journal_id: int
    name: str
    doc_id: int | None


@dataclass(slots=True)
class _Batch:
    name: str
    changes: ChangeSet
    depth: int = 0
    savepoints: list[str] = field(default_factory=list)


def single_doc(changes: list[Change]) -> int | None:
    """The one document all changes belong to, or None (none, or several)."""
    docs = {change_doc_id(c) for c in changes if c["table"] != "schemas"}
    return docs.pop() if len(docs) == 1 else None


TEXT_CACHE_SIZE = 8
"""How many document texts a project keeps in memory (the ones being annotated)."""


class ProjectBase:
    """Connection, identity, schema cache, transactions and change recording."""

    def __init__(self, path: Path, conn: sqlite3.Connection, annotator: str, *,
                 readonly: bool = False, layer: str | None = None,
                 server: PgDatabase | None = None) -> None:
        self.path = path
        self.readonly = readonly
        """Opened through a read-only connection: every write raises ProjectError."""
        self.created = False
        """Whether ``Project.open`` created the file (set by it)."""
        self.checked = True
        """Whether the file's ``quick_check`` ran at open (``Project.open(quick_check=)``)."""
        self.damage: str | None = None
        """Damage found after opening (:meth:`mark_damaged`): every write is refused."""
        self.conn = conn
        self._db: Database | PgDatabase | None = server
        self.conn.text_factory = decode_text  # text that is not UTF-8 reads as DamagedText
        self._damaged: dict[int, list[DamagedRowError]] = {}
        self.annotator = annotator
        self.events = EventHub()
        self._schemas: dict[int, Schema] = {}
        self._texts: dict[int, str] = {}
        """Recently read document texts (stored text never changes): every action on a
        document checks its spans against the text, which must not cost a read of a
        750,000-character row per keystroke."""
        self._documents_checked: set[int] = set()
        """Documents whose row was read whole and found healthy (each action on a document
        checks it exists; on a server that is a round trip)."""
        self._batch: _Batch | None = None
        self._closed = False
        self._data_version = self._read_data_version()
        self._file_id = self._current_file_id()
        self.actor_id = (self._known_annotator_id(annotator) if readonly
                         else self._annotator_id(annotator, create=True))
        """The person acting (``annotator``): the journal's "who", their undo/redo stacks
        and UI state."""
        self.layer_name = layer if layer else annotator
        """The layer this project reads by default and writes to: the annotator's own, or
        the curated layer a curator opened (``Project.open(..., layer=CURATED)``)."""
        self.annotator_id = self.actor_id if self.layer_name == annotator else (
            self._known_annotator_id(self.layer_name) if readonly
            else self._annotator_id(self.layer_name, create=True))
        """The row id of :attr:`layer_name` (the annotator's own id unless a curator opened
        the curated layer)."""

    # -- basics ---------------------------------------------------------------------------

    @property
    def db(self) -> Database | PgDatabase:
        """The connection wrapped by sqlite-utils (the store's SQLite layer), made on first
        use: importing sqlite-utils (with click, pluggy and dateutil, about 0.1 s) is not part
        of opening a project, so the app's window paints first (issue 12; the app touches
        this just after its first paint). The store's reads and writes use :attr:`conn`.
        A server project's is the engine's ``PgDatabase`` (``server``), given at open."""
        if self._db is None:
            from annotator.core.store.lean_sqlite_utils import Database

            self._db = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._db

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectError(f"{self.path}: the project is closed")

    def _known_annotator_id(self, name: str) -> int:
        """The row id of ``name``, or 0 (no such row) when it never worked on the project:
        a read-only open registers no one."""
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        return 0 if row is None else int(row[0])

    def _annotator_id(self, name: str, *, create: bool) -> int:
        """Row id of an annotator name (added when ``create``; the caller's transaction or
        its own)."""
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            raise ProjectError(f"{self.path}: no annotator named {name!r}")
        from annotator.core.store.timeutil import utc_now

        sql = "INSERT INTO annotators(name, created) VALUES (?, ?)"
        if self.conn.in_transaction:
            return int(self.conn.execute(sql, (name, utc_now())).lastrowid or 0)
        with self._transaction():
            return int(self.conn.execute(sql, (name, utc_now())).lastrowid or 0)

    @contextmanager
    def _transaction(self, layers: tuple[int, ...] = ()) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock at once (``BEGIN IMMEDIATE``; with
        ``layers``, on PostgreSQL, only those layers' turn: :mod:`.write_turn`).

        A busy project (another process holds the write lock) is waited for: SQLite's
        ``busy_timeout`` per attempt, ``WRITE_ATTEMPTS`` attempts. Any exception rolls the
        transaction back; an SQLite error caused by the surroundings (busy, disk full,
        read-only, vanished file) is raised as a one-line ``ProjectError``.
        """
        self._check_open()
        if self.readonly:
            raise ProjectError(f"{self.path}: the project was opened read-only; "
                               "the change was not saved")
        if self.conn.in_transaction:
            raise ProjectError(f"{self.path}: a transaction is already open")
        self._require_file()
        self._begin_immediate(layers)
        try:
            yield self.conn
            self._require_file()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback_quietly()
            if isinstance(exc, sqlite3.OperationalError):
                message = fault_message(self.path, exc)
                if message is not None:
                    raise ProjectError(f"{message}; the change was not saved") from exc
            if isinstance(exc, sqlite3.DataError):  # a value the engine cannot hold (U+0000
                # in PostgreSQL's text): SQLite never raises it
                raise ProjectError(f"{self.path}: the database refused a value ({exc}); the"
                                   " change was not saved") from exc
            raise

    def _begin_immediate(self, layers: tuple[int, ...] = ()) -> None:
        pause = RETRY_PAUSE_S
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                begin_write(self.conn, layers)
                return
            except sqlite3.OperationalError as exc:
                message = fault_message(self.path, exc)
                busy = message is not None and "busy" in message
                if busy and attempt < WRITE_ATTEMPTS:
                    time.sleep(pause)
                    pause *= 2
                    continue
                reason = message or f"{self.path}: cannot write ({exc})"
                raise ProjectError(f"{reason}; the change was not saved") from exc

    def _rollback_quietly(self) -> None:
        """Roll back after a failure; SQLite may already have rolled back by itself (disk
        full, I/O error), and a failing ROLLBACK must not hide the original error."""
        if not self.conn.in_transaction:
            return
        with suppress(sqlite3.Error):
            self.conn.execute("ROLLBACK")

    # -- the file under the connection ------------------------------------------------------

    def _current_file_id(self) -> tuple[int, int] | None:
        if isinstance(self.path, ServerPath):  # a database: no file to lose
            return (0, 0)
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def file_problem(self) -> str | None:
        """Why saving would fail because the project file is no longer where it was opened
        (deleted, moved, its folder or drive gone, or replaced by a restore), or None.

        SQLite keeps writing to an open file that was deleted or moved (on POSIX the data
        then vanishes with the last handle), so every write transaction checks this first
        and again just before ``COMMIT``; the GUI may also poll it to show a banner."""
        self._check_open()
        if self.damage is not None:
            return self.damage
        current = self._current_file_id()
        if current is None:
            return (f"{self.path}: the project file has disappeared (moved or deleted, or "
                    "its drive was removed)")
        if current != self._file_id:
            return f"{self.path}: the project file was replaced by another file"
        return None

    def mark_damaged(self, reason: str) -> None:
        """The file was found damaged after it was opened (the deferred ``quick_check``):
        from now on :meth:`file_problem` says so and every write is refused."""
        self.damage = reason

    def _require_file(self) -> None:
        problem = self.file_problem()
        if problem is not None:
            raise ProjectError(f"{problem}; the change was not saved")

    # -- other writers ----------------------------------------------------------------------

    def _read_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def external_changes(self) -> bool:
        """True when another connection (another window, process or the CLI) committed a
        change to the project since the previous call (or since opening). This
        connection's own writes do not count. Cheap (``PRAGMA data_version``): a view can
        poll it on a timer and reload what it shows when it returns True."""
        self._check_open()
        version = self._read_data_version()
        changed = version != self._data_version
        self._data_version = version
        return changed

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The newest schema version stored in the project (new annotations use it)."""
        self._check_open()
        row = self.conn.execute("SELECT max(version) FROM schemas").fetchone()
        if row is None or row[0] is None:
            raise ProjectError(f"{self.path}: the project has no schema")
        return int(row[0])

    @property
    def schema(self) -> Schema:
        """The current label schema."""
        return self.schema_for(self.schema_version)

    def schema_for(self, version: int) -> Schema:
        """The schema stored as ``version`` (parsed once, then cached)."""
        cached = self._schemas.get(version)
        if cached is not None:
            return cached
        row = self.conn.execute("SELECT toml FROM schemas WHERE version = ?",
                                (version,)).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no schema version {version}")
        schema = parse_schema(str(row[0]), f"{self.path} (schema version {version})")
        self._schemas[version] = schema
        return schema

    # -- documents --------------------------------------------------------------------------

    def get_text(self, doc_id: int) -> str:
        """The stored text of a document (never changed after import); :class:`DamagedRowError`
        when it cannot be read."""
        self._check_open()
        cached = self._texts.get(doc_id)
        if cached is not None:
            return cached
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no document {doc_id}")
        text: str = decode_row("documents", ("text",), row, doc_id, doc_id)[0]
        if len(self._texts) >= TEXT_CACHE_SIZE:
            self._texts.pop(next(iter(self._texts)))
        self._texts[doc_id] = text
        return text

    # -- actions ----------------------------------------------------------------------------

    @contextmanager
    def _action(self, name: str, *, layer_turn: bool = False) -> Iterator[ChangeSet]:
        """Run one user action: its own transaction and journal entry, or part of a batch.
        ``layer_turn``: the action writes only the current layer (:mod:`.write_turn`)."""
        batch = self._batch
        if batch is not None:
            savepoint = f"action_{len(batch.savepoints) + 1}"
            mark = len(batch.changes.changes)
            self.conn.execute(f"SAVEPOINT {savepoint}")
            batch.savepoints.append(savepoint)
            try:
                yield batch.changes
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {savepoint}")
                    self.conn.execute(f"RELEASE {savepoint}")
                del batch.changes.changes[mark:]
                raise
            finally:
                batch.savepoints.pop()
            self.conn.execute(f"RELEASE {savepoint}")
            return
        changes = ChangeSet(self.conn)
        layers = (self.actor_id, self.annotator_id) if layer_turn else ()
        with self._transaction(layers):
            yield changes
            problem = layer_problem(changes.changes, set(layers)) if layers else None
            if problem is not None:  # a wrong turn: never committed
                raise ProjectError(f"{name}: {problem}; the change was not saved")
            self._record_do(name, changes.changes)
        self._publish_changes(changes.changes)

    def _record_do(self, name: str, changes: list[Change]) -> None:
        """Journal a finished action (inside its transaction); no entry when nothing changed.
        On PostgreSQL the three writes go with the COMMIT (one round trip)."""
        if not changes:
            return
        append_entry(self.conn, annotator_id=self.actor_id, doc_id=single_doc(changes),
                     action=name, kind="do", target_id=None, changes=changes)
        stack_push(self.conn, self.actor_id, "undo", None)
        stack_clear(self.conn, self.actor_id, "redo")

    def _publish_changes(self, changes: list[Change]) -> None:
        """After commit: the change events, then the new undo/redo state."""
        if not changes:
            return
        if any(c["table"] == "schemas" for c in changes):  # a schema change, its undo or redo
            self._schemas.clear()
            self.events.publish(SchemaChanged(self.schema_version))
        self.events.publish_all(events_for(changes))
        self.events.publish(self.undo_state())

    @contextmanager
    def batch(self, name: str) -> Iterator[None]:
        """Group the actions of the block into ONE journal entry named ``name``, undone and
        redone as a whole (e.g. a pre-annotation adding many entities). The block is one
        transaction: an exception escaping it rolls every action of the block back. A batch
        inside a batch simply joins the outer one."""
        if self._batch is not None:
            self._batch.depth += 1
            try:
                yield
            finally:
                self._batch.depth -= 1
            return
        self._batch = _Batch(name, ChangeSet(self.conn))
        try:
            with self._transaction():
                yield
                self._record_do(name, self._batch.changes.changes)
            changes = self._batch.changes.changes
        finally:
            self._batch = None
        self._publish_changes(changes)

    # -- undo state -------------------------------------------------------------------------

    def undo_text(self) -> str | None:
        """``"Undo Add PERS entity"`` for this annotator's next undo, or None."""
        top = stack_top(self.conn, self.actor_id, "undo")
        return None if top is None else f"Undo {top[1]}"

    def redo_text(self) -> str | None:
        """``"Redo Add PERS entity"`` for this annotator's next redo, or None."""
        top = stack_top(self.conn, self.actor_id, "redo")
        return None if top is None else f"Redo {top[1]}"

    def can_undo(self) -> bool:
        """Whether this annotator has an action to undo (in any document)."""
        return stack_top(self.conn, self.actor_id, "undo") is not None

    def can_redo(self) -> bool:
        """Whether this annotator has an undone action to redo."""
        return stack_top(self.conn, self.actor_id, "redo") is not None

    def undo_state(self) -> UndoStackChanged:
        """The current undo/redo state as the event the GUI listens to (one read)."""
        tops = stack_tops(self.conn, self.actor_id)
        undo = f"Undo {tops['undo']}" if "undo" in tops else None
        redo = f"Redo {tops['redo']}" if "redo" in tops else None
        return UndoStackChanged(undo is not None, redo is not None, undo, redo)
