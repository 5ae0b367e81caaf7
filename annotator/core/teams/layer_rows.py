"""One annotator's layer of one document, as stored rows: read, compare, copy, delete.

A layer is every row of the annotation tables with that document and annotator (event
arguments: those of the layer's events), its document labels and notes, and its status of the
document (a ``document_status`` row; none means ``todo``). Packages and merges move layers
between two project files, so rows are copied with new ids, the references inside the layer
remapped and references to rows outside it dropped (a quote's speaker or a stance's holder and
evidence become unknown; an argument or a stance aimed outside is left out), as
``iter_records(annotator=...)`` does. Two layers are compared by their content
(:func:`layer_content`: offsets, labels, attributes, notes, references by what they point
at), never by ids or times, so a layer copied back and forth compares equal.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.store.errors import ProjectError
from annotator.core.store.rows import DamagedRowError, DamagedText, load_json

Row = dict[str, Any]
Insert = Callable[[str, Row], int]
Delete = Callable[[str, Any], None]

LAYER_TABLES = ("entities", "quotes", "events", "event_arguments", "stances",
                "document_labels", "notes", "document_status")
"""The tables a layer is made of, in the order rows are inserted (referenced rows first)."""
DELETE_ORDER = ("stances", "event_arguments", "quotes", "events", "entities",
                "document_labels", "notes", "document_status")
ROW_KEYS = {"document_labels": ("doc_id", "key", "annotator_id"),
            "document_status": ("doc_id", "annotator_id")}
"""The key of a row of the tables without an ``id`` (as the journal writes it)."""


@dataclass(slots=True)
class Layer:
    """The rows of one annotator's layer of one document (table -> rows as dicts)."""

    rows: dict[str, list[Row]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))

    def counts(self) -> dict[str, int]:
        return {table: self.count(table) for table in LAYER_TABLES if self.count(table)}

    @property
    def status(self) -> str:
        """The layer's status of its document (``todo`` without a status row)."""
        rows = self.rows.get("document_status", [])
        return str(rows[0]["status"]) if rows else "todo"

    def without_status(self) -> Layer:
        """The same layer with no status of the document (``todo``)."""
        return Layer({t: r for t, r in self.rows.items() if t != "document_status"})

    @property
    def empty(self) -> bool:
        return not any(self.rows.values())


def _fetch(conn: sqlite3.Connection, table: str, sql: str, params: tuple[Any, ...]
           ) -> list[Row]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows: list[Row] = []
    for values in cur:
        row = dict(zip(names, values, strict=True))
        for column, value in row.items():
            if isinstance(value, (bytes, DamagedText)):
                raise DamagedRowError(table, row.get("id", row.get("key")),
                                      f"{column} is damaged (run annotator validate)")
        rows.append(row)
    return rows


def read_layer(conn: sqlite3.Connection, doc_id: int, annotator_id: int) -> Layer:
    """The layer of ``annotator_id`` in document ``doc_id`` (empty for an unknown id)."""
    layer = Layer()
    for table in LAYER_TABLES:
        if table == "event_arguments":
            sql = ("SELECT * FROM event_arguments WHERE doc_id = ? AND event_id IN"
                   " (SELECT id FROM events WHERE doc_id = ? AND annotator_id = ?) ORDER BY id")
            params: tuple[Any, ...] = (doc_id, doc_id, annotator_id)
        else:
            order = {"document_labels": "key", "document_status": "doc_id"}.get(table, "id")
            sql = (f"SELECT * FROM {table} WHERE doc_id = ? AND annotator_id = ?"
                   f" ORDER BY {order}")
            params = (doc_id, annotator_id)
        layer.rows[table] = _fetch(conn, table, sql, params)
    return layer


def _json(value: Any) -> Any:
    try:
        return load_json(value)
    except ValueError as exc:
        raise ProjectError(f"a stored value {exc}; run annotator validate") from exc


def layer_content(layer: Layer) -> dict[str, list[str]]:
    """What the layer says, without ids or times: per table, the sorted JSON of each row
    with its references written as the content they point at."""
    rows = layer.rows
    entity = {r["id"]: [r["start"], r["end"], r["label"]] for r in rows.get("entities", [])}
    event = {r["id"]: [r["type"], r["trigger_start"], r["trigger_end"]]
             for r in rows.get("events", [])}
    quote = {r["id"]: [r["content_start"], r["content_end"]] for r in rows.get("quotes", [])}

    def ref(table: dict[Any, list[Any]], key: Any) -> Any:
        return None if key is None else table.get(key, "outside")

    args: dict[Any, list[Any]] = {}
    for a in rows.get("event_arguments", []):
        args.setdefault(a["event_id"], []).append([a["role"], ref(entity, a["entity_id"])])
    items: dict[str, list[Any]] = {
        "entities": [[r["start"], r["end"], r["label"], _json(r["attrs"]), r["note"]]
                     for r in rows.get("entities", [])],
        "quotes": [[r["content_start"], r["content_end"], r["cue_start"], r["cue_end"],
                    "AUTHOR" if r["speaker_author"] else ref(entity, r["speaker_entity_id"]),
                    r["kind"], _json(r["attrs"]), r["note"]] for r in rows.get("quotes", [])],
        "events": [[*event[r["id"]], _json(r["attrs"]), r["note"],
                    sorted(args.get(r["id"], []), key=json.dumps)]
                   for r in rows.get("events", [])],
        "stances": [["AUTHOR" if r["holder_author"] else ref(entity, r["holder_entity_id"]),
                     ref(entity, r["target_entity_id"]), ref(event, r["target_event_id"]),
                     r["target_topic"], r["label"], ref(quote, r["evidence_quote_id"]),
                     r["evidence_start"], r["evidence_end"], _json(r["attrs"]), r["note"]]
                    for r in rows.get("stances", [])],
        "document_labels": [[r["key"], _json(r["value"])]
                            for r in rows.get("document_labels", [])],
        "notes": [[r["text"]] for r in rows.get("notes", [])],
        "document_status": [[r["status"]] for r in rows.get("document_status", [])],
    }
    return {table: sorted(json.dumps(item, ensure_ascii=False, sort_keys=True)
                          for item in values) for table, values in items.items()}


def fingerprint(layer: Layer) -> str:
    """The sha256 of :func:`layer_content` (equal layers, equal fingerprints)."""
    text = json.dumps(layer_content(layer), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


EMPTY_FINGERPRINT = fingerprint(Layer())


def _moved(row: Row, doc_id: int, annotator_id: int) -> Row:
    new = dict(row)
    new.pop("id", None)
    new["doc_id"] = doc_id
    new["annotator_id"] = annotator_id
    return new


def _outside(key: Any, copied: dict[Any, int]) -> bool:
    """Whether a reference points at a row that was not copied."""
    return key is not None and key not in copied


def copy_layer(layer: Layer, doc_id: int, annotator_id: int, insert: Insert) -> dict[str, int]:
    """Insert the layer's rows into document ``doc_id`` as ``annotator_id``'s (``insert``
    writes one row and returns its id: a ``ChangeSet``'s, to journal them), into a layer
    that is empty (document labels and the status are keyed by annotator: nobody else's
    are in the way). Returns the rows added per table."""
    added = dict.fromkeys(LAYER_TABLES, 0)
    ids: dict[str, dict[Any, int]] = {"entities": {}, "events": {}, "quotes": {}}
    rows = layer.rows

    def put(table: str, row: Row, old: Any = None) -> None:
        new_id = insert(table, row)
        added[table] += 1
        if table in ids:
            ids[table][old] = new_id

    for r in rows.get("entities", []):
        put("entities", _moved(r, doc_id, annotator_id), r["id"])
    for r in rows.get("quotes", []):
        new = _moved(r, doc_id, annotator_id)
        new["speaker_entity_id"] = ids["entities"].get(r["speaker_entity_id"])
        put("quotes", new, r["id"])
    for r in rows.get("events", []):
        put("events", _moved(r, doc_id, annotator_id), r["id"])
    for r in rows.get("event_arguments", []):
        entity = ids["entities"].get(r["entity_id"])
        event = ids["events"].get(r["event_id"])
        if entity is not None and event is not None:
            put("event_arguments", {**_moved(r, doc_id, annotator_id), "entity_id": entity,
                                    "event_id": event})
    for r in rows.get("stances", []):
        new = _moved(r, doc_id, annotator_id)
        if _outside(r["target_entity_id"], ids["entities"]) or _outside(
                r["target_event_id"], ids["events"]):
            continue
        new["holder_entity_id"] = ids["entities"].get(r["holder_entity_id"])
        new["target_entity_id"] = ids["entities"].get(r["target_entity_id"])
        new["target_event_id"] = ids["events"].get(r["target_event_id"])
        new["evidence_quote_id"] = ids["quotes"].get(r["evidence_quote_id"])
        put("stances", new)
    for table in ("document_labels", "notes", "document_status"):
        for r in rows.get(table, []):
            put(table, _moved(r, doc_id, annotator_id))
    return {t: n for t, n in added.items() if n}


def outside_references(conn: sqlite3.Connection, layer: Layer) -> int:
    """How many rows outside the layer refer to one of its rows (another annotator's quote
    whose speaker is one of its entities, ...): such a layer cannot be replaced."""
    mine = {t: [r["id"] for r in layer.rows.get(t, [])]
            for t in ("entities", "events", "quotes", "stances", "event_arguments")}
    checks = (("quotes", "speaker_entity_id", "entities"),
              ("event_arguments", "entity_id", "entities"),
              ("event_arguments", "event_id", "events"),
              ("stances", "holder_entity_id", "entities"),
              ("stances", "target_entity_id", "entities"),
              ("stances", "target_event_id", "events"),
              ("stances", "evidence_quote_id", "quotes"))
    found = 0
    for table, column, target in checks:
        targets, own = mine[target], set(mine[table])
        if not targets:
            continue
        marks = ", ".join("?" for _ in targets)
        rows = conn.execute(f"SELECT id FROM {table} WHERE {column} IN ({marks})", targets)
        found += sum(1 for (row_id,) in rows if row_id not in own)
    return found


def delete_layer(layer: Layer, delete: Delete) -> dict[str, int]:
    """Delete every row of the layer (``delete(table, key)``: a ``ChangeSet``'s); returns
    the rows removed per table."""
    removed: dict[str, int] = {}
    for table in DELETE_ORDER:
        for r in layer.rows.get(table, []):
            columns = ROW_KEYS.get(table)
            key = r["id"] if columns is None else [r[c] for c in columns]
            delete(table, key)
            removed[table] = removed.get(table, 0) + 1
    return removed
