"""User actions: each is ONE transaction holding the data change and its journal entry.

Every action validates its arguments before writing (a ``ValueError`` with a clear
message: a span that breaks the text rules (docs/ARABIC.md, Span edges), a label the
project schema does not have, a role the event type does not allow (the schema rules of
:mod:`annotator.core.schema.rules`), a reference to an annotation of another document...)
and returns the new row id when it creates something. Deleting an annotation deletes or
clears what refers to it explicitly (no ``ON DELETE CASCADE``), so the journal entry holds
every row it touched and undo restores them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.core.schema.rules import (
    document_label_problem,
    entity_attrs_problem,
    entity_label_problem,
    holder_label_problem,
    speaker_label_problem,
    status_problem,
)
from annotator.core.store.base import ProjectBase
from annotator.core.store.errors import ProjectError
from annotator.core.store.journal import ChangeSet, Row, describe, fetch_row
from annotator.core.store.timeutil import utc_now
from annotator.core.store.validation import attrs_json, json_text, require, span_reason

NOTE_TABLES = ("entities", "quotes", "events", "stances")


def _ref_id(ref: str | int, what: str) -> int:
    """A row id given as int or decimal string."""
    if isinstance(ref, bool):
        raise ValueError(f"{what} must be a row id, got {ref!r}")
    if isinstance(ref, int):
        return ref
    if isinstance(ref, str) and ref.strip().isdecimal():
        return int(ref)
    raise ValueError(f"{what} must be a row id, got {ref!r}")


class ActionsMixin(ProjectBase):
    """The undoable user actions of :class:`~annotator.core.store.Project` on entities and
    documents, and the helpers every action uses (the actions on quotes, events and stances
    are :class:`~annotator.core.store.link_actions.LinkActionsMixin`)."""

    # -- helpers ----------------------------------------------------------------------------

    def _row(self, table: str, row_id: int) -> Row:
        row = fetch_row(self.conn, table, row_id)
        if row is None:
            raise ValueError(f"no {describe(table, row_id)}")
        return row

    def _require_document(self, doc_id: int) -> None:
        """A ValueError unless the document exists, DamagedRowError when its row is damaged;
        read once per project (a document's row is never changed after import)."""
        if doc_id not in self._documents_checked:
            self._row("documents", doc_id)
            self._documents_checked.add(doc_id)

    def _own(self, table: str, row_id: int) -> Row:
        """The row, which must be in this annotator's layer (see :meth:`_check_layer`)."""
        row = self._row(table, row_id)
        self._check_layer(row, describe(table, row_id))
        return row

    def _check_layer(self, row: Row, what: str) -> None:
        """Refuse (``ProjectError``) a row of another annotator's layer: each annotator
        changes only their own annotations, and links only to them. (A read-only project
        refuses every change anyway, with its own message.)"""
        owner = row.get("annotator_id")
        if self.readonly or owner == self.annotator_id:
            return
        found = self.conn.execute("SELECT name FROM annotators WHERE id = ?",
                                  (owner,)).fetchone()
        name = str(found[0]) if found is not None else f"annotator {owner}"
        raise ProjectError(f"{what} belongs to {name}'s layer; {self.annotator} can change"
                           " only their own annotations")

    def _in_doc(self, table: str, ref: str | int, doc_id: int, what: str) -> Row:
        """The row ``ref`` of ``table``, which must belong to document ``doc_id`` and to
        this annotator's layer."""
        row_id = _ref_id(ref, what)
        row = fetch_row(self.conn, table, row_id)
        if row is None:
            raise ValueError(f"{what}: no such row {row_id} in {table}")
        if row["doc_id"] != doc_id:
            raise ValueError(f"{what} {row_id} belongs to document {row['doc_id']},"
                             f" not {doc_id}")
        self._check_layer(row, f"{what} {row_id}")
        return row

    def _stamp(self) -> Row:
        """Who made a row, under which schema version, and when."""
        now = utc_now()
        return {"annotator_id": self.annotator_id, "schema_version": self.schema_version,
                "created": now, "updated": now}

    def _span(self, text: str, span: Span, what: str) -> None:
        require(span_reason(text, span.start, span.end, what))

    def _label_uses_problem(self, entity_id: int, label: str,
                            schema: Schema | None = None) -> str | None:
        """Why an entity may not take ``label`` given the roles, quotes and stances using it."""
        schema = schema or self.schema
        uses = self.conn.execute(  # one read: the roles it fills, then whether it speaks, holds
            "SELECT a.role, e.type FROM event_arguments a JOIN events e ON e.id = a.event_id"
            " WHERE a.entity_id = ?"
            " UNION ALL SELECT NULL, 'speaker' FROM quotes WHERE id = (SELECT min(id)"
            "  FROM quotes WHERE speaker_entity_id = ?)"
            " UNION ALL SELECT NULL, 'holder' FROM stances WHERE id = (SELECT min(id)"
            "  FROM stances WHERE holder_entity_id = ?)", (entity_id,) * 3).fetchall()
        for role, event_type in uses:
            if role is not None and not schema.role_accepts(event_type, role, label):
                return f"entity {entity_id} fills role {role!r} of {event_type}, which" \
                       f" does not accept {label}"
        kinds = {event_type for role, event_type in uses if role is None}
        if "speaker" in kinds:
            problem = speaker_label_problem(schema, label)
            if problem:
                return problem
        if "holder" in kinds:
            return holder_label_problem(schema, label)
        return None

    # -- entities ---------------------------------------------------------------------------

    def add_entity(self, doc_id: int, start: int, end: int, label: str,
                   attrs: Mapping[str, Any] | None = None) -> int:
        """Mark ``[start, end)`` of a document as an entity; returns its id."""
        text = self.get_text(doc_id)
        require(span_reason(text, start, end, "entity"))
        schema = self.schema
        require(entity_label_problem(schema, label))
        attrs_text = attrs_json(attrs)
        require(entity_attrs_problem(schema, attrs or {}))
        with self._action(f"Add {label} entity", layer_turn=True) as cs:
            return cs.insert("entities", {"doc_id": doc_id, "start": start, "end": end,
                                          "label": label, "attrs": attrs_text,
                                          **self._stamp()})

    def delete_entity(self, entity_id: int) -> None:
        """Delete an entity, the event arguments it fills and the stances aimed at it (a
        stance needs a target), and clear the quote speakers and stance holders it was."""
        entity = self._own("entities", entity_id)
        with self._action(f"Delete {entity['label']} entity", layer_turn=True) as cs:
            self._detach_entity(cs, entity_id)
            cs.delete("entities", entity_id)

    def _detach_entity(self, cs: ChangeSet, entity_id: int) -> None:
        now = utc_now()
        found = self.conn.execute(  # one read for the four kinds of use, in this order
            "SELECT 1, id FROM event_arguments WHERE entity_id = ?"
            " UNION ALL SELECT 2, id FROM quotes WHERE speaker_entity_id = ?"
            " UNION ALL SELECT 3, id FROM stances WHERE target_entity_id = ?"
            " UNION ALL SELECT 4, id FROM stances WHERE holder_entity_id = ?"
            " ORDER BY 1, 2", (entity_id,) * 4).fetchall()
        deleted: set[int] = set()
        for use, row_id in found:
            if use == 1:
                cs.delete("event_arguments", row_id)
            elif use == 2:
                cs.update("quotes", row_id, {"speaker_entity_id": None, "updated": now})
            elif use == 3:
                cs.delete("stances", row_id)
                deleted.add(row_id)
            elif row_id not in deleted:  # a stance aimed at it is gone whoever holds it
                cs.update("stances", row_id, {"holder_entity_id": None, "updated": now})

    def _ids(self, sql: str, *params: Any) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(sql, params).fetchall()]

    def relabel_entity(self, entity_id: int, label: str) -> None:
        """Change an entity's label (refused when a role, quote or stance could not take it)."""
        entity = self._own("entities", entity_id)
        schema = self.schema
        require(entity_label_problem(schema, label))
        require(self._label_uses_problem(entity_id, label, schema))
        with self._action(f"Relabel {entity['label']} → {label}", layer_turn=True) as cs:
            cs.update("entities", entity_id, {"label": label, "updated": utc_now()})

    def resize_entity(self, entity_id: int, start: int, end: int) -> None:
        """Move an entity's edges."""
        entity = self._own("entities", entity_id)
        require(span_reason(self.get_text(entity["doc_id"]), start, end, "entity"))
        with self._action(f"Resize {entity['label']} entity", layer_turn=True) as cs:
            cs.update("entities", entity_id, {"start": start, "end": end, "updated": utc_now()})

    def set_entity_attrs(self, entity_id: int, attrs: Mapping[str, Any]) -> None:
        """Replace an entity's attributes."""
        entity = self._own("entities", entity_id)
        attrs_text = attrs_json(attrs)
        require(entity_attrs_problem(self.schema, attrs))
        with self._action(f"Set {entity['label']} attributes", layer_turn=True) as cs:
            cs.update("entities", entity_id, {"attrs": attrs_text, "updated": utc_now()})

    def set_note(self, table: str, row_id: int, note: str | None) -> None:
        """Set (or clear, with None or blank) the note of an entity, quote, event or stance."""
        if table not in NOTE_TABLES:
            raise ValueError(f"notes go on {', '.join(NOTE_TABLES)}, not {table!r}")
        self._own(table, row_id)
        value = note if note and note.strip() else None
        with self._action("Edit note", layer_turn=True) as cs:
            cs.update(table, row_id, {"note": value, "updated": utc_now()})

    # -- documents --------------------------------------------------------------------------

    def set_status(self, doc_id: int, status: str) -> None:
        """Set this annotator's status of a document (``Mark done`` in the journal); ``todo``
        removes their status row (no row means ``todo``)."""
        require(status_problem(status))
        self._require_document(doc_id)
        key = [doc_id, self.annotator_id]
        with self._action(f"Mark {status}", layer_turn=True) as cs:
            # Read in the write turn: another window of this annotator may have set it since.
            current = fetch_row(self.conn, "document_status", key)
            if status == "todo":
                if current is not None:
                    cs.delete("document_status", key)
            elif current is None:
                cs.insert("document_status", {"doc_id": doc_id,
                                              "annotator_id": self.annotator_id,
                                              "status": status, "updated": utc_now()})
            else:
                cs.update("document_status", key, {"status": status, "updated": utc_now()})

    def set_document_label(self, doc_id: int, key: str, value: Any) -> None:
        """Set this annotator's document label (``None`` removes it); checked against the
        schema."""
        self._require_document(doc_id)
        key_id = [doc_id, key, self.annotator_id]
        if value is None:
            if fetch_row(self.conn, "document_labels", key_id) is not None:
                with self._action(f"Clear label {key}", layer_turn=True) as cs:
                    if fetch_row(self.conn, "document_labels", key_id) is not None:
                        cs.delete("document_labels", key_id)
            return
        require(document_label_problem(self.schema, key, value))
        value_text = json_text(value, f"label {key}")
        stamp = self._stamp()
        with self._action(f"Set label {key}", layer_turn=True) as cs:
            # Read in the write turn: another window of this annotator may have set it since.
            current = fetch_row(self.conn, "document_labels", key_id)
            if current is None:
                cs.insert("document_labels", {"doc_id": doc_id, "key": key, "value": value_text,
                                              "annotator_id": stamp["annotator_id"],
                                              "schema_version": stamp["schema_version"],
                                              "updated": stamp["updated"]})
            else:
                cs.update("document_labels", key_id, {
                    "value": value_text, "schema_version": stamp["schema_version"],
                    "updated": stamp["updated"]})

    def add_document_note(self, doc_id: int, text: str) -> int:
        """Add a free-text note to this annotator's layer of a document; returns its id."""
        self._require_document(doc_id)
        if not text.strip():
            raise ValueError("a document note cannot be empty")
        with self._action("Add document note", layer_turn=True) as cs:
            return cs.insert("notes", {"doc_id": doc_id, "annotator_id": self.annotator_id,
                                       "text": text, "created": utc_now()})
