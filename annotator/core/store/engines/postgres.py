"""A PostgreSQL project through psycopg 3, offered as the subset of :class:`sqlite3.Connection`
the store uses, so the store's code runs unchanged on both engines.

- statements are rewritten by :mod:`.dialect` (cached per text); ``lastrowid`` comes from
  ``RETURNING id``; rows are plain tuples, ``numeric`` results (``sum``) plain ints/floats;
- ``BEGIN IMMEDIATE`` is ``BEGIN`` plus a transaction-level advisory lock: writers take
  turns exactly as SQLite's write lock makes them (so the store's read-check-write actions,
  the stale-undo check among them, stay atomic); readers never wait. An annotator's own
  actions take a layer's turn instead (:meth:`PgConnection.begin_layer_turn`,
  docs/ENGINES.md "The write turn"); :meth:`PgConnection.defer` sends a write with the next
  statement (one round trip fewer), ``round_trips`` counts the messages;
- pragmas: ``data_version`` reads a sequence bumped after every write transaction (this
  connection's own bumps subtracted, as SQLite does), ``user_version`` the ``meta`` row,
  ``defer_foreign_keys=ON`` is ``SET CONSTRAINTS ALL DEFERRED``, the checks of the file
  (``integrity_check``, ``quick_check``, ``foreign_key_check``) answer "ok" (the server
  keeps its own pages and constraints), the tuning ones do nothing;
- psycopg's errors are raised as the :mod:`sqlite3` exception of the same kind (the store
  handles those), busy conditions (lock timeout, deadlock, serialization) as
  ``OperationalError("database is locked ...")``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any

from annotator.core.store.engines import ENGINE_POSTGRES
from annotator.core.store.engines.address import redact
from annotator.core.store.engines.dialect import translate
from annotator.core.store.engines.pg_results import (
    Rows,
    as_sqlite_error,
    import_psycopg,
    is_psycopg_error,
    plain_number,
)
from annotator.core.store.engines.pg_schema import DATA_VERSION_SEQUENCE
from annotator.core.store.errors import ProjectError

__all__ = ["JOURNAL_TURN_KEY", "LAYER_TURN_CLASS", "LOCK_TIMEOUT", "WRITE_LOCK_KEY",
           "PgConnection", "PgDatabase", "Rows", "connect_server", "import_psycopg"]
"""(``import_psycopg`` and ``Rows`` live in :mod:`.pg_results`; imported from here too.)"""

WRITE_LOCK_KEY = 0x616E6E6F
"""The advisory lock every write transaction of a project database takes ("anno")."""
LAYER_TURN_CLASS = 0x6C617972
"""The first key of a layer's (or an undo stack's) advisory lock ("layr"); the second is the
annotator id."""
JOURNAL_TURN_KEY = 0x6A726E6C
"""The advisory lock a layer-turn transaction takes just before its journal entry ("jrnl"),
held to its COMMIT (sent in the same message): journal ids and timestamps follow commits."""
LOCK_TIMEOUT = "5s"
"""How long a writer waits for the lock (SQLite's busy_timeout) before the store retries."""
_PRAGMA = re.compile(r"(?is)^\s*PRAGMA\s+(\w+)\s*(?:=\s*(.+?)|\((.*)\))?\s*;?\s*$")
_BEGIN = re.compile(r"(?i)^\s*BEGIN(\s+(IMMEDIATE|EXCLUSIVE|DEFERRED))?(\s+TRANSACTION)?\s*;?\s*$")
_END = re.compile(r"(?i)^\s*(COMMIT|END|ROLLBACK)(\s+TRANSACTION)?\s*;?\s*$")


PG_MAX_PARAMETERS = 65535
"""Bound parameters of one statement in PostgreSQL's protocol (a 16-bit count)."""


class PgConnection:
    """The :class:`sqlite3.Connection` subset the store uses, over a psycopg connection in
    autocommit mode (transactions are the store's explicit ``BEGIN``/``COMMIT``)."""

    engine = ENGINE_POSTGRES
    text_factory: Any = str
    """Accepted and unused: PostgreSQL hands out only valid text."""

    def __init__(self, raw: Any, address: str, *, readonly: bool = False) -> None:
        self.raw = raw
        self.address = redact(address)
        self.readonly = readonly
        self.total_changes = 0
        self._wrote = False
        self._own_bumps = 0
        self.round_trips = 0
        self._pending: list[str] = []
        """Deferred statements (:meth:`defer`), sent ahead of the next one in its message."""
        self._layer_turn = False
        """Messages sent to the server and answered (a test bounds the statements per action
        by counting these; each is one network round trip)."""

    # -- statements ------------------------------------------------------------------------

    def getlimit(self, category: int) -> int:
        """sqlite3's limits the store asks for: bound parameters per statement (PostgreSQL's
        protocol allows 65,535; the store's multi-row inserts stay far below)."""
        if category == sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER:
            return PG_MAX_PARAMETERS
        raise sqlite3.NotSupportedError(f"no PostgreSQL equivalent of SQLite limit {category}")

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Rows:
        special = self._special(sql)
        if special is not None:
            return special
        statement = translate(sql, bool(parameters))
        self.round_trips += 1
        try:
            with self.raw.cursor() as cur:
                if self._pending:  # one message: the deferred statements, then this one
                    text = cur.mogrify(statement.sql, tuple(parameters) if parameters else None)
                    cur.execute(self._take_pending(text))
                    while cur.nextset():
                        pass
                else:
                    cur.execute(statement.sql, tuple(parameters) if parameters else None)
                rows = cur.fetchall() if cur.description is not None else []
                description = cur.description
                count = cur.rowcount
        except Exception as exc:
            self._pending.clear()
            if is_psycopg_error(exc):
                raise as_sqlite_error(exc) from exc
            raise
        lastrowid = None
        if statement.returns_id:
            lastrowid = int(rows[0][0]) if rows else None
            rows, description = [], None
        if description is None and count > 0:
            self.total_changes += count
            self._wrote = True
        if statement.sets_id is not None:
            self._advance_sequence(statement.sets_id)
        return Rows(rows, count, lastrowid, description)

    def _advance_sequence(self, table: str, *, deferred: bool = False) -> None:
        """Move ``table``'s id sequence past the ids an INSERT gave itself. Only forwards, and
        only when an id is beyond it (an import's own ids): an undo or redo restoring a row
        gives back an id the sequence handed out before, so it never calls ``setval``, which
        could otherwise step back over an id another layer's writer just drew."""
        # An unused sequence hands out ``last_value`` itself next (an import's id 1, then 1).
        sql = (f"SELECT setval('{table}_id_seq', m) FROM (SELECT max(id) AS m FROM {table}) x"
               f" WHERE m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1"
               f" END FROM {table}_id_seq)")
        if deferred:
            self._pending.append(sql)
        else:
            self._run(sql)

    def defer(self, sql: str, parameters: Sequence[Any] = ()) -> None:
        """Queue a write whose result nobody reads: it goes to the server in the same
        message as the next statement (often the ``COMMIT``), in order, saving a round trip.
        Its error, if any, is raised by that statement, inside the same transaction (which
        then rolls back whole); a ``ROLLBACK`` drops what is queued."""
        statement = translate(sql, bool(parameters), want_id=False)
        with self.raw.cursor() as cur:
            self._pending.append(cur.mogrify(statement.sql,
                                             tuple(parameters) if parameters else None))
        self.total_changes += 1
        self._wrote = True
        if statement.sets_id is not None:
            self._advance_sequence(statement.sets_id, deferred=True)

    def _take_pending(self, last: str) -> str:
        text = "; ".join([*self._pending, last])
        self._pending.clear()
        return text

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Rows:
        batch = [tuple(p) for p in seq]
        if not batch:
            return Rows(rowcount=0)
        statement = translate(sql, True, want_id=False)
        if self._pending:
            self._run("SELECT 1")
        self.round_trips += 1  # psycopg 3 sends the batch pipelined: one wait for all
        try:
            with self.raw.cursor() as cur:
                cur.executemany(statement.sql, batch)
                count = cur.rowcount
        except Exception as exc:
            if is_psycopg_error(exc):
                raise as_sqlite_error(exc) from exc
            raise
        self.total_changes += max(count, 0)
        self._wrote = True
        if statement.sets_id is not None:
            self._advance_sequence(statement.sets_id)
        return Rows(rowcount=count)

    def _run(self, sql: str) -> list[tuple[Any, ...]]:
        self.round_trips += 1
        try:
            with self.raw.cursor() as cur:
                if self._pending:
                    cur.execute(self._take_pending(sql))
                    while cur.nextset():
                        pass
                else:
                    cur.execute(sql)
                return list(cur.fetchall()) if cur.description is not None else []
        except Exception as exc:
            self._pending.clear()
            if is_psycopg_error(exc):
                raise as_sqlite_error(exc) from exc
            raise

    # -- transactions ----------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        psycopg = import_psycopg()
        return bool(self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def _begin(self, immediate: bool, layers: Sequence[int] = ()) -> None:
        self._pending.clear()
        self._layer_turn = False
        if self.readonly:
            self._run("BEGIN READ ONLY")
            return
        self._wrote = False
        if not immediate:
            self._run("BEGIN")
            return
        if layers:  # the project's turn shared, then each layer's own, in one order
            turn = f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK_KEY})" + "".join(
                f"; SELECT pg_advisory_xact_lock({LAYER_TURN_CLASS}, {int(key)})"
                for key in sorted(set(layers)))
        else:
            turn = f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"
        # One round trip (the simple query protocol runs them in turn).
        try:
            self._run(f"BEGIN; SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'; {turn}")
        except sqlite3.Error:  # not begun, as SQLite's BEGIN IMMEDIATE when busy
            if self.in_transaction:
                self._run("ROLLBACK")
            raise
        self._layer_turn = bool(layers)

    def begin_layer_turn(self, layers: Sequence[int]) -> None:
        """``BEGIN IMMEDIATE`` for an action confined to the layers (annotator ids) given:
        it waits only for writers of those layers (and for a project-wide writer: the
        project's turn is taken shared). The journal entry then takes the journal's turn
        (:meth:`journal_turn`)."""
        if self.in_transaction:
            raise sqlite3.OperationalError("cannot start a transaction within a transaction")
        self._begin(True, layers)

    def journal_turn(self) -> None:
        """Before a layer-turn transaction's journal entry: take the journal's turn (held to
        the COMMIT), so that entries get their ids, and their timestamps, in commit order.
        Deferred: it rides with the entry and the COMMIT in one message. Nothing in a
        project-wide turn (it holds the whole project already)."""
        if self._layer_turn:
            self._pending.append(f"SELECT pg_advisory_xact_lock({JOURNAL_TURN_KEY})")

    def _end(self, verb: str) -> None:
        if not self.in_transaction:
            if verb == "ROLLBACK":
                return
            raise sqlite3.OperationalError("cannot commit - no transaction is active")
        wrote = self._wrote
        self._wrote = False
        self._layer_turn = False
        if verb == "ROLLBACK":
            self._pending.clear()
        if verb == "COMMIT" and wrote:
            # After the COMMIT (a reader that sees the bump sees the rows), in the same round
            # trip: the simple query protocol runs the second only if the first succeeded.
            self._own_bumps += 1
            try:
                self._run(f"COMMIT; SELECT nextval('{DATA_VERSION_SEQUENCE}')")
            except sqlite3.Error:  # the COMMIT failed (rolled back): no bump was made
                self._own_bumps -= 1
                raise
            return
        self._run(verb)

    def commit(self) -> None:
        if self.in_transaction:
            self._end("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._end("ROLLBACK")

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def close(self) -> None:
        self.raw.close()

    def interrupt(self) -> None:
        """Cancel the running statement (Ctrl-C), as ``sqlite3.Connection.interrupt``."""
        self.raw.cancel_safe()

    # -- what SQLite answers itself ----------------------------------------------------------

    def _special(self, sql: str) -> Rows | None:
        head = sql.lstrip()[:9].upper()
        if head.startswith(("BEGIN", "COMMIT", "END", "ROLLBACK")) and (
                _BEGIN.match(sql) or _END.match(sql)):
            found = _BEGIN.match(sql)
            if found:
                self._begin(immediate=bool(found.group(2))
                            and found.group(2).upper() != "DEFERRED")
            else:
                ended = _END.match(sql)
                assert ended is not None
                verb = ended.group(1).upper()
                self._end("COMMIT" if verb in ("COMMIT", "END") else "ROLLBACK")
            return Rows()
        if not head.startswith("PRAGMA"):
            return None
        found = _PRAGMA.match(sql)
        if found is None:
            raise sqlite3.OperationalError(f"unsupported pragma on PostgreSQL: {sql!r}")
        name, value = found.group(1).lower(), found.group(2)
        return self._pragma(name, value, found.group(3))

    def _pragma(self, name: str, value: str | None, argument: str | None) -> Rows:
        if name == "data_version":
            last = self._run(f"SELECT last_value, is_called FROM {DATA_VERSION_SEQUENCE}")
            bumps = int(last[0][0]) if last and last[0][1] else 0
            return Rows([(bumps - self._own_bumps,)])
        if name == "user_version" and value is None:
            row = self._run("SELECT value FROM meta WHERE key = 'format_version'")
            return Rows([(int(row[0][0]) if row else 0,)])
        if name == "defer_foreign_keys":
            if value is not None and value.strip().upper() in ("ON", "1", "TRUE"):
                self._pending.append("SET CONSTRAINTS ALL DEFERRED")  # rides with the next
            return Rows()
        if name in ("integrity_check", "quick_check"):
            return Rows([("ok",)])
        if name == "foreign_key_check":
            return Rows()
        if name == "application_id":
            from annotator.core.store.identity import APPLICATION_ID

            return Rows([(APPLICATION_ID,)])
        if name == "table_info" and argument is not None:
            return Rows(self._table_info(argument.strip().strip("\"'")))
        if name == "journal_mode":
            return Rows([("wal",)])
        # Tuning and safety pragmas of the SQLite file (optimize, busy_timeout, ...).
        return Rows()

    def _table_info(self, table: str) -> list[tuple[Any, ...]]:
        rows = self.execute(
            "SELECT c.ordinal_position - 1, c.column_name, upper(c.data_type),"
            " CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END, c.column_default,"
            " CASE WHEN k.column_name IS NULL THEN 0 ELSE 1 END"
            " FROM information_schema.columns c LEFT JOIN ("
            "  SELECT u.column_name FROM information_schema.table_constraints t"
            "  JOIN information_schema.key_column_usage u"
            "   ON u.constraint_name = t.constraint_name AND u.table_name = t.table_name"
            "  WHERE t.table_name = ? AND t.constraint_type = 'PRIMARY KEY'"
            "   AND t.table_schema = current_schema()) k ON k.column_name = c.column_name"
            " WHERE c.table_name = ? AND c.table_schema = current_schema()"
            " ORDER BY c.ordinal_position", (table, table))
        return rows.fetchall()



class PgDatabase:
    """What the store keeps of sqlite-utils' ``Database``: ``conn`` and ``close()``."""

    def __init__(self, conn: PgConnection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()


def connect_server(address: str, *, readonly: bool = False) -> PgDatabase:
    """Connect to a project database (autocommit; the store opens its transactions). A
    failure is a ProjectError naming the address without its password."""
    psycopg = import_psycopg()
    shown = redact(address)
    try:
        raw = psycopg.connect(address, autocommit=True, cursor_factory=psycopg.ClientCursor,
                              application_name="annotator")
    except psycopg.Error as exc:
        reason = " ".join(str(exc).replace(address, shown).split())
        raise ProjectError(f"{shown}: cannot connect to the server ({reason})") from None
    loader = _numeric_loader(psycopg)
    raw.adapters.register_loader("numeric", loader)
    if readonly:  # the server refuses every write too, whatever runs on the connection
        raw.execute("SET default_transaction_read_only = on")
    return PgDatabase(PgConnection(raw, address, readonly=readonly))


def _numeric_loader(psycopg: Any) -> Any:
    base = psycopg.types.numeric.NumericLoader

    class PlainNumberLoader(base):  # type: ignore[misc, valid-type]
        """``numeric`` (what ``sum`` and ``avg`` return) as int or float, as in SQLite."""

        def load(self, data: Any) -> int | float | None:
            return plain_number(super().load(data))

    return PlainNumberLoader
