"""Live updates, client side: colleagues' committed changes as the store's change events.

A :class:`ChangeListener` holds its own connection (``LISTEN``; never the project's, which
runs the user's transactions), reads the notifications of :mod:`.notify` and turns each
committed transaction's rows into the events a local action publishes
(:func:`annotator.core.store.events.events_for`: ``AnnotationsChanged`` with the committed
rows, ``DocumentChanged``...), one :class:`RemoteChange` per transaction and layer. It
keeps only the documents the caller has open, and leaves out the project's own connection
(whose actions already published their events locally). A row too large for a
notification is read back by id on the listener's connection.

The app polls it when its socket is readable (``fileno``; ``ui/window/live_updates.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.server.notify import CHANNEL
from annotator.core.store.events import ChangeEvent, DocumentsAdded, events_for

if TYPE_CHECKING:
    import psycopg

OPS = {"I": "insert", "U": "update", "D": "delete"}


@dataclass(frozen=True, slots=True)
class RemoteChange:
    """What one committed transaction of another connection changed in one layer."""

    annotator_id: int | None
    """The layer (the rows' ``annotator_id``); None for rows of no layer (documents,
    curation state, assignments)."""
    doc_ids: tuple[int, ...]
    events: tuple[ChangeEvent, ...]


@dataclass(slots=True)
class _Note:
    table: str
    op: str
    doc_id: int | None
    row_id: Any
    annotator_id: int | None
    txid: int
    row: dict[str, Any] | None


def _parse(payload: str) -> _Note | None:
    try:
        data = json.loads(payload)
        row = data.get("r")
        return _Note(str(data["t"]), OPS[str(data["o"])], data.get("d"), data.get("i"),
                     data.get("a"), int(data["x"]), _as_stored(row) if row else None)
    except (ValueError, KeyError, TypeError):
        return None


def _as_stored(row: dict[str, Any]) -> dict[str, Any]:
    """A row as the store records it: JSON columns as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            for k, v in row.items()}


class ChangeListener:
    """``LISTEN`` on its own connection to ``address``; :meth:`poll` returns what other
    connections committed since, for the documents ``open_docs()`` names (all when None).
    """

    def __init__(self, address: str, *, ignore_pid: int | None = None,
                 open_docs: Callable[[], Collection[int]] | None = None) -> None:
        from annotator.core.store.engines.postgres import import_psycopg

        self.conn: psycopg.Connection[Any] = import_psycopg().connect(address, autocommit=True)
        self.conn.execute(f"LISTEN {CHANNEL}")
        self.ignore_pid = ignore_pid
        """The backend pid of the project's own connection (its changes are local)."""
        self.open_docs = open_docs

    def fileno(self) -> int:
        """The socket to watch (``QSocketNotifier``, ``select``)."""
        return self.conn.fileno()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def poll(self, timeout: float = 0.0) -> list[RemoteChange]:
        """The changes committed by other connections and not yet returned, waiting up to
        ``timeout`` seconds for the first one."""
        received = list(self.conn.notifies(timeout=timeout, stop_after=1))
        if received:  # whatever else already arrived, without waiting again
            received += self.conn.notifies(timeout=0.0)
        notes = [_parse(n.payload) for n in received
                 if n.pid != self.ignore_pid and n.channel == CHANNEL]
        return self.changes(n for n in notes if n is not None)

    def changes(self, notes: Iterable[_Note]) -> list[RemoteChange]:
        """Group notifications per transaction and layer, keep the open documents' and
        build the events."""
        wanted = None if self.open_docs is None else set(self.open_docs())
        groups: dict[tuple[int, int | None], list[_Note]] = {}
        for note in notes:
            added = note.table == "documents" and note.op == "insert"
            if (wanted is not None and note.doc_id is not None and note.doc_id not in wanted
                    and not added):
                continue
            groups.setdefault((note.txid, note.annotator_id), []).append(note)
        result: list[RemoteChange] = []
        for (_, layer), group in groups.items():
            new_docs = tuple(int(n.doc_id) for n in group if n.table == "documents"
                             and n.op == "insert" and n.doc_id is not None)
            rest = [n for n in group if n.doc_id is not None and int(n.doc_id) not in new_docs]
            self._fill_rows(rest)
            changes = [c for c in (self._change(n) for n in rest) if c is not None]
            docs = tuple(dict.fromkeys(int(n.doc_id) for n in rest if n.doc_id is not None))
            events: list[ChangeEvent] = [DocumentsAdded(new_docs)] if new_docs else []
            events += events_for(changes)
            result.append(RemoteChange(layer, docs, tuple(events)))
        return result

    def _fill_rows(self, group: list[_Note]) -> None:
        """Read the rows that did not fit in their notification (by id, as committed now;
        a row deleted since is dropped from the group's inserts and updates)."""
        missing: dict[str, list[int]] = {}
        for note in group:  # never a document row: its text may be megabytes
            if (note.row is None and note.op != "delete" and note.row_id is not None
                    and note.table != "documents"):
                missing.setdefault(note.table, []).append(int(note.row_id))
        for table, ids in missing.items():
            cursor = self.conn.execute(
                f'SELECT * FROM "{table}" WHERE id = ANY(%s)', (ids,))
            names = [c.name for c in cursor.description or ()]
            rows = {int(r[0]): _as_stored(dict(zip(names, r, strict=True)))
                    for r in cursor.fetchall()}
            for note in group:
                if note.table == table and note.row is None and note.row_id is not None:
                    note.row = rows.get(int(note.row_id))

    @staticmethod
    def _change(note: _Note) -> dict[str, Any] | None:
        """A journal-style row change ``{table, op, id, before, after}``."""
        row = note.row
        if note.table == "documents":  # which columns changed is not known: the document
            return {"table": "documents", "op": note.op, "id": note.row_id,
                    "before": {}, "after": {"id": note.doc_id, "document": True}}
        if row is None:
            if note.op != "delete":
                return None
            row = {"id": note.row_id, "doc_id": note.doc_id, "annotator_id": note.annotator_id}
        key = note.row_id if note.row_id is not None else tuple(
            row.get(c) for c in ("doc_id", "key", "kind", "annotator_id") if c in row)
        deleted = note.op == "delete"
        return {"table": note.table, "op": note.op, "id": key,
                "before": row if deleted else None, "after": None if deleted else row}
