"""The :class:`Project`: one SQLite file = one annotation project.

``Project.open`` checks an existing file read-only before writing anything to it (see
:mod:`.database`), applies pending migrations, and registers the annotator. The class
combines the user actions (:mod:`.actions`, :mod:`.link_actions`), the reading API
(:mod:`.reading`), the import (:mod:`.importer`) and the name lexicon's settings
(:mod:`.lexicon`), and adds undo/redo, the journal view, schema versions, per-annotator UI
state, validation and statistics.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from annotator.core.schema import SchemaError, default_schema_path, parse_schema
from annotator.core.store.actions import ActionsMixin
from annotator.core.store.base import ActionInfo
from annotator.core.store.curation_state import CurationStateMixin
from annotator.core.store.database import (
    check_leftovers,
    check_regular,
    connect,
    connect_readonly,
    inspect_readonly,
)
from annotator.core.store.engines.address import ServerPath, is_server_address
from annotator.core.store.errors import ProjectError
from annotator.core.store.events import SchemaChanged
from annotator.core.store.imported_suggestions import ImportedSuggestionsMixin
from annotator.core.store.importer import ImportMixin
from annotator.core.store.journal import (
    JournalEntry,
    append_entry,
    apply_changes,
    inverse,
    read_entry,
    recent_entries,
    stack_pop,
    stack_push,
    stack_top,
    write_entry,
)
from annotator.core.store.lexicon import LexiconMixin
from annotator.core.store.link_actions import LinkActionsMixin
from annotator.core.store.migrations import FORMAT_VERSION, OLDEST_READABLE_FORMAT, migrate
from annotator.core.store.reading import ReadingMixin
from annotator.core.store.recommender import RecommenderMixin
from annotator.core.store.roles import CURATED, RolesMixin, check_person_name
from annotator.core.store.rows import load_json
from annotator.core.store.schema_change import SchemaChangeMixin, schema_step_problem
from annotator.core.store.search import SearchIndexMixin
from annotator.core.store.stats import project_stats
from annotator.core.store.timeutil import utc_now
from annotator.core.store.write_turn import layer_problem

if TYPE_CHECKING:  # validation loads when asked for, not at open (issue 12: start-up)
    from annotator.core.store.integrity import Progress, Violation

ANNOTATOR_ENV = "ANNOTATOR_NAME"
"""The environment variable naming the annotator when none is given."""


def default_annotator() -> str:
    """``$ANNOTATOR_NAME``, else the login name: used when no annotator name is given."""
    named = os.environ.get(ANNOTATOR_ENV, "").strip()
    if named:
        return named
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"


def _schema_text(path: Path) -> str:
    """The TOML text of a schema file, checked by parsing it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the schema ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: the schema is not UTF-8 text (byte {exc.start})") from exc
    try:
        parse_schema(text, str(path))
    except SchemaError as exc:
        raise ProjectError(f"{path}: invalid schema ({exc})") from exc
    return text


class _WiderTurnError(Exception):
    """An undo or redo found in its layer's turn that it changes more than that layer."""


class Project(
    CurationStateMixin, LinkActionsMixin, ActionsMixin, ReadingMixin, ImportMixin,
    LexiconMixin, SearchIndexMixin, SchemaChangeMixin, RolesMixin, ImportedSuggestionsMixin,
    RecommenderMixin,
):
    """An open project file. Use as a context manager, or call :meth:`close`."""

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, annotator: str | None = None,
             schema_path: str | Path | None = None, readonly: bool = False,
             quick_check: bool = True, layer: str | None = None) -> Project:
        """Open (or, with ``create``, create) a project; ``annotator`` names the person
        working (default: the login name). A new project stores the default schema, or
        ``schema_path``, as schema version 1; for an existing project ``schema_path`` is
        ignored (use :meth:`set_schema`). Raises ``ProjectError`` for a missing, foreign,
        damaged, suspicious or newer file, which is left untouched.

        ``readonly`` opens an existing project through a read-only connection: nothing is
        written to the file (no migration, the annotator is not registered; every action
        raises ``ProjectError``). ``created`` tells whether this call made the file.

        ``quick_check=False`` (the app) checks only the file's header for damage at open
        (``checked`` is then False): the caller runs :class:`.file_check.QuickCheckJob`
        later and calls :meth:`mark_damaged` if it finds damage. A file that needs a
        migration is fully checked anyway, before anything is written.

        ``layer=CURATED`` (``"curation"``) opens the curated layer for a curator: ``annotator``
        acts (the journal and the undo stack are theirs) and every write goes to the curated
        layer; refused unless ``annotator`` holds the curator role. Any other ``layer``
        than the annotator's own is refused, except read-only (it is then the layer read by
        default). The reserved name is never a person's: ``annotator="curation"`` is refused
        (a read-only open may use it to read the curated layer)."""
        name = annotator if annotator else default_annotator()
        if not readonly:
            check_person_name(name)
            if layer is not None and layer not in (name, CURATED):
                raise ProjectError(f"{name} cannot write {layer}'s layer: open it read-only,"
                                   f" or open your own layer (or {CURATED!r} as a curator)")
        if is_server_address(path):
            return cls._open_server(str(path), name, create=create, schema_path=schema_path,
                                    readonly=readonly, layer=layer)
        p = Path(path)
        check_regular(p)
        existed = os.path.lexists(p)
        new = not p.exists() or (create and not readonly and p.stat().st_size == 0)
        schema_toml = None
        if new:
            if not create or readonly:
                raise ProjectError(f"{p}: no such project file")
            check_leftovers(p)
            schema_toml = _schema_text(Path(schema_path) if schema_path
                                       else Path(default_schema_path()))
        else:
            check = inspect_readonly(p, FORMAT_VERSION, quick_check=quick_check or readonly)
            if not check.checked and check.format_version < FORMAT_VERSION:
                check = inspect_readonly(p, FORMAT_VERSION)  # about to write: check it all
            if readonly:
                return cls._open_readonly(p, name, check.format_version, layer)
        conn = connect(p)
        try:
            migrate(conn)
            if schema_toml is not None:
                schema = parse_schema(schema_toml, str(schema_path or "default schema"))
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("INSERT INTO schemas(version, name, toml, created)"
                                 " VALUES (1, ?, ?, ?)", (schema.name, schema_toml, utc_now()))
            if layer == CURATED and name != CURATED:
                cls._check_curator_file(conn, p, name)
            project = cls(p, conn, name, layer=layer)
            project.created = not existed
            project.checked = new or check.checked
            return project
        except BaseException:
            conn.close()
            if not existed:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(p) + suffix).unlink(missing_ok=True)
            raise

    @classmethod
    def _open_server(cls, address: str, name: str, *, create: bool,
                     schema_path: str | Path | None, readonly: bool,
                     layer: str | None) -> Project:
        """:meth:`open` for a PostgreSQL address (docs/ENGINES.md): the same checks and
        first rows as a new file, in the database instead."""
        from annotator.core.store.engines.server import fill_meta, open_database

        opened = open_database(address, create=create, readonly=readonly)
        db = opened.db
        # A PostgreSQL project's connection offers the same subset (engines/postgres.py).
        conn = cast(sqlite3.Connection, db.conn)
        try:
            if opened.new:
                schema_toml = _schema_text(Path(schema_path) if schema_path
                                           else Path(default_schema_path()))
                schema = parse_schema(schema_toml, str(schema_path or "default schema"))
                with db.conn:
                    db.conn.execute("BEGIN IMMEDIATE")
                    if fill_meta(db.conn):  # False: another client made it meanwhile
                        db.conn.execute("INSERT INTO schemas(version, name, toml, created)"
                                        " VALUES (1, ?, ?, ?)", (schema.name, schema_toml,
                                                                 utc_now()))
            if layer == CURATED and name != CURATED and not readonly:
                cls._check_curator_file(conn, opened.path, name)
            project = cls(opened.path, conn, name, readonly=readonly, layer=layer, server=db)
            project.created = opened.new
            return project
        except BaseException:
            db.close()
            raise

    @classmethod
    def _check_curator_file(cls, conn: sqlite3.Connection, path: Path, name: str) -> None:
        """Refuse to open the curated layer for someone who is not a curator (checked before
        the annotator is registered, so a refusal writes nothing)."""
        row = conn.execute("SELECT 1 FROM roles r JOIN annotators a ON a.id ="
                           " r.annotator_id WHERE a.name = ? AND r.role = 'curator'",
                           (name,)).fetchone()
        if row is None:
            raise ProjectError(f"{name} is not a curator of {path}: only a curator changes the"
                               " curated layer (a manager grants it with 'annotator role"
                               f" PROJECT --grant curator {name}')")

    @classmethod
    def _open_readonly(cls, path: Path, name: str, version: int,
                       layer: str | None = None) -> Project:
        if version < OLDEST_READABLE_FORMAT:
            raise ProjectError(f"{path}: the project is in an old format ({version}); open it "
                               "once in the app (or with a command that changes it) to "
                               "upgrade it")
        conn = connect_readonly(path)
        try:
            return cls(path, conn, name, readonly=True, layer=layer)
        except BaseException:
            conn.close()
            raise

    def discard_if_created(self) -> bool:
        """Close the project and delete its file if this ``open`` created it (a refused first
        import leaves nothing behind); a file that existed before is never deleted, nor one
        that was replaced meanwhile. Returns whether the file was deleted."""
        file_id = self._current_file_id()
        self.close()
        if isinstance(self.path, ServerPath):  # a database is never dropped
            return False
        if not self.created or file_id is None or file_id != self._file_id:
            return False
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return True

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed); further use raises ProjectError."""
        if self._closed:
            return
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        try:
            # Housekeeping only: when another program holds the lock, skip it.
            if not self.readonly:
                with suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA optimize")
        finally:
            self.conn.close()
            self._closed = True

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Project {str(self.path)!r} annotator={self.annotator!r}>"

    @property
    def project_id(self) -> str:
        """The identity of the project: the time its file was created (``meta.created``),
        kept by copies, backups and restores. Export folders record it in their marker."""
        self._check_open()
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        return str(row[0]) if row is not None else ""

    # -- undo / redo -------------------------------------------------------------------------

    def undo(self) -> ActionInfo | None:
        """Undo this annotator's latest action (in whichever document), or return None when
        there is none. Refuses with ``ProjectError`` naming the action when a row it would
        restore was changed since by someone else; nothing is changed then."""
        return self._undo_redo("undo")

    def redo(self) -> ActionInfo | None:
        """Redo this annotator's latest undone action, or return None."""
        return self._undo_redo("redo")

    def _undo_redo(self, verb: str) -> ActionInfo | None:
        if self._batch is not None:
            raise ProjectError(f"cannot {verb} inside a batch")
        try:  # most entries change only the annotator's own layer: that layer's turn
            return self._undo_redo_in(verb, (self.actor_id,))
        except _WiderTurnError:  # a schema change, a curated row...: the project's turn
            return self._undo_redo_in(verb, ())

    def _undo_redo_in(self, verb: str, layers: tuple[int, ...]) -> ActionInfo | None:
        other = "redo" if verb == "undo" else "undo"
        with self._transaction(layers) as conn:
            top = stack_top(conn, self.actor_id, verb)
            if top is None:
                return None
            entry = read_entry(conn, top[0])
            changes = ([inverse(c) for c in reversed(entry.changes)] if verb == "undo"
                       else entry.changes)
            if layers and layer_problem(changes, set(layers)) is not None:
                raise _WiderTurnError
            problem = schema_step_problem(conn, changes)
            if problem is not None:
                raise ProjectError(f"cannot {verb} {entry.action!r}: {problem}")
            conn.execute("PRAGMA defer_foreign_keys=ON")
            apply_changes(conn, changes, entry.action, verb)
            append_entry(conn, annotator_id=self.actor_id, doc_id=entry.doc_id,
                         action=entry.action, kind=verb, target_id=entry.id, changes=changes)
            stack_pop(conn, self.actor_id, verb)
            stack_push(conn, self.actor_id, other, entry.id)
        self._publish_changes(changes)
        return ActionInfo(entry.id, entry.action, entry.doc_id)

    def history(self, limit: int = 100, doc_id: int | None = None) -> list[JournalEntry]:
        """The latest journal entries (all annotators, all kinds), newest first."""
        self._check_open()
        return recent_entries(self.conn, limit, doc_id)

    # -- schema ------------------------------------------------------------------------------

    def set_schema(self, toml_text: str) -> int:
        """Store a new schema version (checked first) and make it current; returns the new
        version. Existing annotations keep the version they were made under."""
        try:
            schema = parse_schema(toml_text, f"{self.path} (new schema)")
        except SchemaError as exc:
            raise ProjectError(f"{self.path}: invalid schema ({exc})") from exc
        with self._transaction() as conn:
            version = self.schema_version + 1
            conn.execute("INSERT INTO schemas(version, name, toml, created) VALUES (?, ?, ?, ?)",
                         (version, schema.name, toml_text, utc_now()))
            write_entry(conn, annotator_id=self.actor_id, doc_id=None,
                        action=f"Set schema version {version}", kind="audit", target_id=None,
                        changes={"schema_version": version, "name": schema.name})
        self._schemas[version] = schema
        self.events.publish(SchemaChanged(version))
        return version

    # -- per-annotator UI state (not journaled) ---------------------------------------------

    def get_state(self, key: str, default: Any = None) -> Any:
        """A value this annotator's UI stored (last document, cursor...), or ``default``
        (also when the stored value is damaged)."""
        self._check_open()
        row = self.conn.execute("SELECT value FROM ui_state WHERE annotator_id = ? AND key = ?",
                                (self.actor_id, key)).fetchone()
        if row is None:
            return default
        try:
            return load_json(row[0])
        except ValueError:  # damaged state (a crafted file): as if never stored
            return default

    def set_state(self, key: str, value: Any) -> None:
        """Store a JSON-serializable UI value for this annotator (not journaled, no undo).
        The value already stored is not written again: any write is a change for the other
        windows on the project, and a reload that stored the same value made two windows
        reload each other for ever."""
        text = json.dumps(value, ensure_ascii=False)
        row = self.conn.execute("SELECT value FROM ui_state WHERE annotator_id = ? AND key = ?",
                                (self.actor_id, key)).fetchone()
        if row is not None and row[0] == text:
            return
        with self._transaction() as conn:
            conn.execute("INSERT INTO ui_state(annotator_id, key, value) VALUES (?, ?, ?)"
                         " ON CONFLICT(annotator_id, key) DO UPDATE SET value = excluded.value",
                         (self.actor_id, key, text))

    # -- checks ------------------------------------------------------------------------------

    def validate(self, progress: Progress | None = None) -> list[Violation]:
        """Every broken store invariant (empty for a healthy project). ``progress`` is called
        with (documents checked, documents) as the checks go."""
        self._check_open()
        from annotator.core.store.integrity import find_violations

        return find_violations(self.conn, self.schema_for, progress)

    def stats(self) -> dict[str, Any]:
        """Counts for an overview, statuses of this annotator's layer, and every layer's
        (see :func:`.stats.project_stats`)."""
        self._check_open()
        return project_stats(self.conn, self.annotator_id)
