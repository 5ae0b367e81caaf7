"""What a new schema would do to the stored annotations: which rows a rename relabels, and
which rows it would orphan (a label, kind, type, role, topic or attribute value in use that
the new schema does not have).

:func:`plan_rows` reads every annotation row once and checks it, with the renames applied,
against the new schema by the same rules everything else uses (:mod:`annotator.core.schema
.rules`, :meth:`Schema.document_labels_problems`). It reads only; the store's
:mod:`.schema_change` writes what it found.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from annotator.core.schema import Schema
from annotator.core.schema.changes import Rename
from annotator.core.schema.rules import holder_label_problem, speaker_label_problem
from annotator.core.store.rows import DamagedText, load_json
from annotator.core.store.validation import json_text


@dataclass(frozen=True, slots=True)
class Orphans:
    """Annotations a new schema would leave without a meaning: ``what`` (one sentence),
    how many, and the external ids of their documents."""

    what: str
    count: int
    documents: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.documents[:5]) + (", …" if len(self.documents) > 5 else "")
        docs = "document" if len(self.documents) == 1 else "documents"
        return f"{self.what}: {self.count} annotation(s) in {len(self.documents)} {docs} ({shown})"


@dataclass(slots=True)
class RowPlan:
    """The outcome of reading every row: ``updates`` as ``(table, key, fields)`` (the rows
    a rename relabels), ``relabelled`` counts per rename, ``orphans`` per problem."""

    updates: list[tuple[str, Any, dict[str, Any]]] = field(default_factory=list)
    relabelled: Counter[str] = field(default_factory=Counter)
    problems: dict[str, set[int]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def orphan(self, what: str, doc_id: int) -> None:
        self.problems.setdefault(what, set()).add(doc_id)
        self.counts[what] += 1


class _Maps:
    """The renames per category, and the counting of what they relabel."""

    def __init__(self, renames: list[Rename], plan: RowPlan) -> None:
        self._maps: dict[str, dict[str, Rename]] = {}
        for rename in renames:
            self._maps.setdefault(rename.category or "", {})[rename.old] = rename
        self._plan = plan

    def get(self, category: str, value: str) -> str:
        rename = self._maps.get(category, {}).get(value)
        return value if rename is None else rename.new

    def use(self, category: str, value: str | None, fields: dict[str, Any],
            column: str) -> str | None:
        """``value`` renamed (recorded in ``fields[column]`` and counted) or as it is."""
        if value is None:
            return None
        rename = self._maps.get(category, {}).get(value)
        if rename is None:
            return value
        fields[column] = rename.new
        self._plan.relabelled[str(rename)] += 1
        return rename.new

    def has(self, category: str) -> bool:
        return bool(self._maps.get(category))


def _rows(conn: sqlite3.Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    for row in conn.execute(sql):
        if not any(isinstance(v, (bytes, DamagedText)) for v in row):  # validate() reports it
            yield tuple(row)


def _attrs(text: Any) -> dict[str, Any]:
    try:
        value = load_json(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def plan_rows(conn: sqlite3.Connection, new: Schema, renames: list[Rename]) -> RowPlan:
    """Every relabel the renames make and every row the new schema would orphan."""
    plan = RowPlan()
    maps = _Maps(renames, plan)

    def update(table: str, key: Any, fields: dict[str, Any]) -> None:
        if fields:
            plan.updates.append((table, key, fields))

    for row_id, doc_id, stored_label, attrs in _rows(
            conn, "SELECT id, doc_id, label, attrs FROM entities ORDER BY id"):
        fields: dict[str, Any] = {}
        label = maps.use("entity", stored_label, fields, "label")
        if label not in new.entity_types:
            plan.orphan(f"entity label {label} is not in the new schema", doc_id)
        for problem in new.entity_attrs_problems(_attrs(attrs)):
            plan.orphan(f"entity attribute {problem}", doc_id)
        update("entities", row_id, fields)
    for row_id, doc_id, stored_kind, speaker in _rows(
            conn, "SELECT q.id, q.doc_id, q.kind, e.label FROM quotes q LEFT JOIN entities e"
            " ON e.id = q.speaker_entity_id ORDER BY q.id"):
        fields = {}
        kind = maps.use("quote", stored_kind, fields, "kind")
        if not new.quote_kinds:
            plan.orphan("the new schema annotates no quotes", doc_id)
        elif kind not in new.quote_kinds:
            plan.orphan(f"quote kind {kind} is not in the new schema", doc_id)
        speaker_label = maps.get("entity", speaker) if speaker is not None else None
        if speaker_label in new.entity_types and (
                reason := speaker_label_problem(new, speaker_label or "")):
            plan.orphan(f"quote speaker: {reason}", doc_id)
        update("quotes", row_id, fields)
    for row_id, doc_id, stored_type, attrs in _rows(
            conn, "SELECT id, doc_id, type, attrs FROM events ORDER BY id"):
        fields = {}
        event_type = maps.use("event", stored_type, fields, "type")
        if event_type not in new.event_types:
            plan.orphan(f"event type {event_type} is not in the new schema", doc_id)
        for problem in new.event_attrs_problems(_attrs(attrs)):
            plan.orphan(f"event attribute {problem}", doc_id)
        update("events", row_id, fields)
    for row_id, doc_id, stored_role, stored_type, entity_label in _rows(
            conn, "SELECT a.id, a.doc_id, a.role, e.type, n.label FROM event_arguments a"
            " JOIN events e ON e.id = a.event_id JOIN entities n ON n.id = a.entity_id"
            " ORDER BY a.id"):
        fields = {}
        role = maps.use("role", stored_role, fields, "role")
        event_type, label = maps.get("event", stored_type), maps.get("entity", entity_label)
        if event_type in new.event_types and label in new.entity_types:
            if role not in new.allowed_roles(event_type):
                plan.orphan(f"role {role} of {event_type} is not in the new schema", doc_id)
            elif not new.role_accepts(event_type, role, label):
                plan.orphan(f"role {role} of {event_type} no longer accepts {label}", doc_id)
        update("event_arguments", row_id, fields)
    for row_id, doc_id, stance_label, stored_topic, holder in _rows(
            conn, "SELECT s.id, s.doc_id, s.label, s.target_topic, h.label FROM stances s"
            " LEFT JOIN entities h ON h.id = s.holder_entity_id ORDER BY s.id"):
        fields = {}
        label = maps.use("stance", stance_label, fields, "label")
        topic = maps.use("topic", stored_topic, fields, "target_topic")
        if not new.stance_labels:
            plan.orphan("the new schema annotates no stances", doc_id)
        elif label not in new.stance_labels:
            plan.orphan(f"stance label {label} is not in the new schema", doc_id)
        if topic is not None and topic not in new.topics:
            plan.orphan(f"stance topic {topic} is not in the new schema", doc_id)
        holder_label = maps.get("entity", holder) if holder is not None else None
        if holder_label in new.entity_types and (
                reason := holder_label_problem(new, holder_label or "")):
            plan.orphan(f"stance holder: {reason}", doc_id)
        update("stances", row_id, fields)
    _document_labels(conn, new, maps, plan)
    return plan


def _document_labels(conn: sqlite3.Connection, new: Schema, maps: _Maps,
                     plan: RowPlan) -> None:
    """Document labels: per-topic values follow a topic rename; every value is checked."""
    for doc_id, key, text, who in _rows(conn, "SELECT doc_id, key, value, annotator_id"
                                              " FROM document_labels ORDER BY doc_id, key"):
        try:
            value = load_json(text)
        except ValueError:
            continue
        fields: dict[str, Any] = {}
        if isinstance(value, dict) and maps.has("topic"):
            renamed = {maps.get("topic", k): v for k, v in value.items()}
            if renamed != value:
                fields["value"] = json_text(renamed, "document label")
                value = renamed
        for problem in new.document_labels_problems({key: value}):
            plan.orphan(f"document label {problem}", doc_id)
        if fields:
            plan.updates.append(("document_labels", [doc_id, key, who], fields))


def external_ids(conn: sqlite3.Connection, doc_ids: set[int]) -> tuple[str, ...]:
    """The external ids of documents, in id order (the id itself if unreadable)."""
    found: list[str] = []
    for doc_id in sorted(doc_ids):
        row = conn.execute("SELECT external_id FROM documents WHERE id = ?",
                           (doc_id,)).fetchone()
        value = row[0] if row is not None else None
        found.append(value if isinstance(value, str) and not isinstance(value, DamagedText)
                     else f"#{doc_id}")
    return tuple(found)
