"""Typed change events and a tiny publish/subscribe hub.

The store publishes events only AFTER the transaction that caused them committed, so a
subscriber (the GUI) never sees a change that was rolled back. Events are frozen
dataclasses; ids are store row ids. An event carries what changed, not only which rows:
:class:`AnnotationsChanged` holds the committed rows (and the rows it deleted),
:class:`DocumentChanged` the new values of the changed document fields. A view updates from
the event itself; it never reads the journal back to learn what an action did.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Entity

log = logging.getLogger(__name__)

Row = Mapping[str, Any]
"""A stored row as committed: column name -> value (JSON columns are JSON text)."""


@dataclass(frozen=True, slots=True)
class AnnotationsChanged:
    """Rows of one annotation ``table`` of one document were inserted, updated or deleted.

    ``table`` is one of ``entities``, ``quotes``, ``events``, ``event_arguments``,
    ``stances`` or ``notes``. ``rows`` are the committed rows of ``inserted`` and
    ``updated`` (in that order), ``removed`` the rows ``deleted`` had before; an undo or a
    redo carries the rows it restored or removed the same way.
    """

    doc_id: int
    table: str
    inserted: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()
    rows: tuple[Row, ...] = ()
    removed: tuple[Row, ...] = ()

    def committed(self) -> dict[int, Row]:
        """The committed rows of the inserted and updated ids, by id."""
        return {int(row["id"]): row for row in self.rows}

    def entities(self) -> dict[str, Entity]:
        """The inserted and updated entities as :class:`Entity` records, by id (``{}`` for
        another table)."""
        if self.table != "entities":
            return {}
        return {str(row["id"]): entity_from_row(row) for row in self.rows}


@dataclass(frozen=True, slots=True)
class DocumentChanged:
    """Document-level data changed: ``fields`` names document columns (``status``, ...)
    or ``labels`` for the document labels; ``values`` holds the new value of each changed
    column (not ``labels``: read them with ``Project.get_links``)."""

    doc_id: int
    fields: tuple[str, ...]
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentsAdded:
    """An import added these documents."""

    doc_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class UndoStackChanged:
    """The undo/redo state of this project's annotator after an action, undo or redo."""

    can_undo: bool
    can_redo: bool
    undo_text: str | None
    redo_text: str | None


@dataclass(frozen=True, slots=True)
class SchemaChanged:
    """A new schema version was stored and is now the current one."""

    version: int


def entity_from_row(row: Row) -> Entity:
    """An :class:`Entity` from a committed ``entities`` row (``attrs`` is JSON text; the
    annotator's name is not in the row and stays None)."""
    attrs = row.get("attrs")
    decoded = json.loads(attrs) if isinstance(attrs, str) and attrs else {}
    return Entity(id=str(row["id"]), start=int(row["start"]), end=int(row["end"]),
                  label=str(row["label"]), attrs=decoded if isinstance(decoded, dict) else {},
                  note=row.get("note"), schema_version=row.get("schema_version"))


ChangeEvent = (
    AnnotationsChanged | DocumentChanged | DocumentsAdded | UndoStackChanged | SchemaChanged
)
Subscriber = Callable[[ChangeEvent], None]


class EventHub:
    """Delivers events to subscribers, in subscription order.

    A subscriber may ask for some event classes only; with none it receives every event.
    An exception raised by one subscriber is logged and does not stop delivery to the
    others (nor does it reach the code that caused the change: the change is committed).
    """

    def __init__(self) -> None:
        self._subscribers: list[tuple[Subscriber, tuple[type, ...]]] = []

    def subscribe(self, callback: Subscriber, *types: type) -> None:
        """Call ``callback(event)`` for every published event of one of ``types`` (all if none)."""
        self._subscribers.append((callback, types))

    def unsubscribe(self, callback: Subscriber) -> None:
        """Stop calling ``callback``; unknown callbacks are ignored."""
        self._subscribers = [(cb, ts) for cb, ts in self._subscribers if cb != callback]

    def publish(self, event: ChangeEvent) -> None:
        """Deliver one event to every interested subscriber."""
        for callback, types in list(self._subscribers):
            if types and not isinstance(event, types):
                continue
            try:
                callback(event)
            except Exception:  # a broken subscriber must not break the others
                log.exception("change event subscriber %r failed on %r", callback, event)

    def publish_all(self, events: list[ChangeEvent]) -> None:
        """Deliver several events in order."""
        for event in events:
            self.publish(event)


def change_doc_id(change: Mapping[str, Any]) -> int | None:
    """The document a recorded row change (a journal ``changes`` item) belongs to (None for
    a ``schemas`` row: a schema version belongs to the project)."""
    if change["table"] == "schemas":
        return None
    row = change["after"] if change["after"] is not None else change["before"]
    return int(row["id"] if change["table"] == "documents" else row["doc_id"])


@dataclass(slots=True)
class _Group:
    """The row changes of one document and table, in the order they were made."""

    after: dict[Any, Row] = field(default_factory=dict)
    before: dict[Any, Row] = field(default_factory=dict)
    ops: dict[Any, list[str]] = field(default_factory=dict)


CURATION_TABLES = ("curation_decisions", "curation_documents")
"""Their changes are a ``DocumentChanged`` with the field ``curation`` (no values)."""


def events_for(changes: list[dict[str, Any]]) -> list[ChangeEvent]:
    """Change events describing recorded row changes (an action's, or what an undo or redo
    applied), grouped per document and table, with the committed rows.

    A row inserted and deleted by the same action is in no list; a row inserted then
    updated is inserted (with its last committed content)."""
    groups: dict[tuple[int, str], _Group] = {}
    doc_fields: dict[int, dict[str, Any]] = {}
    for change in changes:
        doc_id, table = change_doc_id(change), change["table"]
        if doc_id is None:  # a schema version: SchemaChanged, published by the store
            continue
        if table in ("documents", "document_labels", "document_status", *CURATION_TABLES):
            fields = doc_fields.setdefault(doc_id, {})
            if table == "document_labels":
                fields.setdefault("labels", None)
            elif table in CURATION_TABLES:  # a decision or the open count: reread them
                fields.setdefault("curation", None)
            elif table == "document_status":  # the acting annotator's own status
                fields["status"] = (change["after"] or {}).get("status", "todo")
            else:
                before, after = change["before"] or {}, change["after"] or {}
                fields.update({k: v for k, v in after.items()
                               if k != "updated" and before.get(k) != v})
            continue
        group = groups.setdefault((doc_id, table), _Group())
        key = change["id"]
        group.ops.setdefault(key, []).append(change["op"])
        if change["after"] is not None:
            group.after[key] = change["after"]
        if change["before"] is not None:
            group.before.setdefault(key, change["before"])
    result: list[ChangeEvent] = []
    for (doc_id, table), group in groups.items():
        inserted: list[Any] = []
        updated: list[Any] = []
        deleted: list[Any] = []
        for key, ops in group.ops.items():
            born, dies = ops[0] == "insert", ops[-1] == "delete"
            if born and dies:
                continue
            (inserted if born else deleted if dies else updated).append(key)
        if inserted or updated or deleted:
            result.append(AnnotationsChanged(
                doc_id, table, tuple(inserted), tuple(updated), tuple(deleted),
                rows=tuple(group.after[k] for k in (*inserted, *updated)),
                removed=tuple(group.before[k] for k in deleted)))
    result.extend(DocumentChanged(d, tuple(f), {k: v for k, v in f.items()
                                                if k not in ("labels", "curation")})
                  for d, f in doc_fields.items() if f)
    return result
