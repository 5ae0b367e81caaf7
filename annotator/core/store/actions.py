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

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.model import AUTHOR, EventArgument, Span, StanceTarget
from annotator.core.schema.rules import (
    document_label_problem,
    entity_attrs_problem,
    entity_label_problem,
    event_attrs_problem,
    event_type_problem,
    holder_label_problem,
    quote_kind_problem,
    role_problem,
    speaker_label_problem,
    stance_label_problem,
    status_problem,
    topic_problem,
)
from annotator.core.store.base import ProjectBase
from annotator.core.store.journal import ChangeSet, Row, describe, fetch_row
from annotator.core.store.timeutil import utc_now
from annotator.core.store.validation import attrs_json, json_text, span_reason
from annotator.core.text.spans import trim_quote_span

NOTE_TABLES = ("entities", "quotes", "events", "stances")
QUOTE_FIELDS = frozenset({"content", "cue", "speaker", "kind", "attrs", "note"})


def _require(problem: str | None) -> None:
    if problem is not None:
        raise ValueError(problem)


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
    """The undoable user actions of :class:`~annotator.core.store.Project`."""

    # -- helpers ----------------------------------------------------------------------------

    def _row(self, table: str, row_id: int) -> Row:
        row = fetch_row(self.conn, table, row_id)
        if row is None:
            raise ValueError(f"no {describe(table, row_id)}")
        return row

    def _in_doc(self, table: str, ref: str | int, doc_id: int, what: str) -> Row:
        """The row ``ref`` of ``table``, which must belong to document ``doc_id``."""
        row_id = _ref_id(ref, what)
        row = fetch_row(self.conn, table, row_id)
        if row is None:
            raise ValueError(f"{what}: no such row {row_id} in {table}")
        if row["doc_id"] != doc_id:
            raise ValueError(f"{what} {row_id} belongs to document {row['doc_id']},"
                             f" not {doc_id}")
        return row

    def _stamp(self) -> Row:
        """Who made a row, under which schema version, and when."""
        now = utc_now()
        return {"annotator_id": self.annotator_id, "schema_version": self.schema_version,
                "created": now, "updated": now}

    def _span(self, text: str, span: Span, what: str) -> None:
        _require(span_reason(text, span.start, span.end, what))

    def _quote_content(self, text: str, content: Span) -> Span:
        """The quote content actually stored for a selection: checked, then trimmed inside
        its quotation marks and the punctuation outside them (:func:`trim_quote_span`)."""
        self._span(text, content, "quote content")
        start, end = trim_quote_span(text, content.start, content.end)
        if start == end:
            raise ValueError(f"quote content [{content.start}, {content.end}) holds only"
                             " quotation marks and punctuation")
        return content if (start, end) == (content.start, content.end) else Span(start, end)

    def _speaker(self, doc_id: int, speaker: str | int | None) -> Row:
        """Quote columns for a speaker: ``AUTHOR``, an entity id, or None (unknown)."""
        if speaker is None:
            return {"speaker_entity_id": None, "speaker_author": 0}
        if speaker == AUTHOR:
            return {"speaker_entity_id": None, "speaker_author": 1}
        entity = self._in_doc("entities", speaker, doc_id, "speaker entity")
        _require(speaker_label_problem(self.schema, entity["label"]))
        return {"speaker_entity_id": entity["id"], "speaker_author": 0}

    def _holder(self, doc_id: int, holder: str | int | None) -> Row:
        """Stance columns for a holder: ``AUTHOR``, an entity id, or None (unknown)."""
        if holder is None:
            return {"holder_entity_id": None, "holder_author": 0}
        if holder == AUTHOR:
            return {"holder_entity_id": None, "holder_author": 1}
        entity = self._in_doc("entities", holder, doc_id, "stance holder")
        _require(holder_label_problem(self.schema, entity["label"]))
        return {"holder_entity_id": entity["id"], "holder_author": 0}

    def _label_uses_problem(self, entity_id: int, label: str) -> str | None:
        """Why an entity may not take ``label`` given the roles, quotes and stances using it."""
        schema = self.schema
        for role, event_type in self.conn.execute(
            "SELECT a.role, e.type FROM event_arguments a JOIN events e ON e.id = a.event_id"
            " WHERE a.entity_id = ?", (entity_id,)
        ).fetchall():
            if not schema.role_accepts(event_type, role, label):
                return f"entity {entity_id} fills role {role!r} of {event_type}, which" \
                       f" does not accept {label}"
        if self.conn.execute("SELECT 1 FROM quotes WHERE speaker_entity_id = ?",
                             (entity_id,)).fetchone():
            problem = speaker_label_problem(schema, label)
            if problem:
                return problem
        if self.conn.execute("SELECT 1 FROM stances WHERE holder_entity_id = ?",
                             (entity_id,)).fetchone():
            return holder_label_problem(schema, label)
        return None

    # -- entities ---------------------------------------------------------------------------

    def add_entity(self, doc_id: int, start: int, end: int, label: str,
                   attrs: Mapping[str, Any] | None = None) -> int:
        """Mark ``[start, end)`` of a document as an entity; returns its id."""
        text = self.get_text(doc_id)
        _require(span_reason(text, start, end, "entity"))
        _require(entity_label_problem(self.schema, label))
        attrs_text = attrs_json(attrs)
        _require(entity_attrs_problem(self.schema, attrs or {}))
        with self._action(f"Add {label} entity") as cs:
            return cs.insert("entities", {"doc_id": doc_id, "start": start, "end": end,
                                          "label": label, "attrs": attrs_text,
                                          **self._stamp()})

    def delete_entity(self, entity_id: int) -> None:
        """Delete an entity, the event arguments it fills and the stances aimed at it (a
        stance needs a target), and clear the quote speakers and stance holders it was."""
        entity = self._row("entities", entity_id)
        with self._action(f"Delete {entity['label']} entity") as cs:
            self._detach_entity(cs, entity_id)
            cs.delete("entities", entity_id)

    def _detach_entity(self, cs: ChangeSet, entity_id: int) -> None:
        now = utc_now()
        ids = self._ids
        for arg_id in ids("SELECT id FROM event_arguments WHERE entity_id = ?", entity_id):
            cs.delete("event_arguments", arg_id)
        for quote_id in ids("SELECT id FROM quotes WHERE speaker_entity_id = ?", entity_id):
            cs.update("quotes", quote_id, {"speaker_entity_id": None, "updated": now})
        for stance_id in ids("SELECT id FROM stances WHERE target_entity_id = ?", entity_id):
            cs.delete("stances", stance_id)
        for stance_id in ids("SELECT id FROM stances WHERE holder_entity_id = ?", entity_id):
            cs.update("stances", stance_id, {"holder_entity_id": None, "updated": now})

    def _ids(self, sql: str, *params: Any) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(sql, params).fetchall()]

    def relabel_entity(self, entity_id: int, label: str) -> None:
        """Change an entity's label (refused when a role, quote or stance could not take it)."""
        entity = self._row("entities", entity_id)
        _require(entity_label_problem(self.schema, label))
        _require(self._label_uses_problem(entity_id, label))
        with self._action(f"Relabel {entity['label']} → {label}") as cs:
            cs.update("entities", entity_id, {"label": label, "updated": utc_now()})

    def resize_entity(self, entity_id: int, start: int, end: int) -> None:
        """Move an entity's edges."""
        entity = self._row("entities", entity_id)
        _require(span_reason(self.get_text(entity["doc_id"]), start, end, "entity"))
        with self._action(f"Resize {entity['label']} entity") as cs:
            cs.update("entities", entity_id, {"start": start, "end": end, "updated": utc_now()})

    def set_entity_attrs(self, entity_id: int, attrs: Mapping[str, Any]) -> None:
        """Replace an entity's attributes."""
        entity = self._row("entities", entity_id)
        attrs_text = attrs_json(attrs)
        _require(entity_attrs_problem(self.schema, attrs))
        with self._action(f"Set {entity['label']} attributes") as cs:
            cs.update("entities", entity_id, {"attrs": attrs_text, "updated": utc_now()})

    def set_note(self, table: str, row_id: int, note: str | None) -> None:
        """Set (or clear, with None or blank) the note of an entity, quote, event or stance."""
        if table not in NOTE_TABLES:
            raise ValueError(f"notes go on {', '.join(NOTE_TABLES)}, not {table!r}")
        self._row(table, row_id)
        value = note if note and note.strip() else None
        with self._action("Edit note") as cs:
            cs.update(table, row_id, {"note": value, "updated": utc_now()})

    # -- documents --------------------------------------------------------------------------

    def set_status(self, doc_id: int, status: str) -> None:
        """Set a document's status (``Mark done`` in the journal)."""
        _require(status_problem(status))
        self._row("documents", doc_id)
        with self._action(f"Mark {status}") as cs:
            cs.update("documents", doc_id, {"status": status, "updated": utc_now()})

    def set_document_label(self, doc_id: int, key: str, value: Any) -> None:
        """Set a document label (``None`` removes it); checked against the schema."""
        self._row("documents", doc_id)
        key_id = [doc_id, key]
        current = fetch_row(self.conn, "document_labels", key_id)
        if value is None:
            if current is not None:
                with self._action(f"Clear label {key}") as cs:
                    cs.delete("document_labels", key_id)
            return
        _require(document_label_problem(self.schema, key, value))
        value_text = json_text(value, f"label {key}")
        stamp = self._stamp()
        with self._action(f"Set label {key}") as cs:
            if current is None:
                cs.insert("document_labels", {"doc_id": doc_id, "key": key, "value": value_text,
                                              "annotator_id": stamp["annotator_id"],
                                              "schema_version": stamp["schema_version"],
                                              "updated": stamp["updated"]})
            else:
                cs.update("document_labels", key_id, {
                    "value": value_text, "annotator_id": stamp["annotator_id"],
                    "schema_version": stamp["schema_version"], "updated": stamp["updated"]})

    def add_document_note(self, doc_id: int, text: str) -> int:
        """Add a free-text note to a document; returns its id."""
        self._row("documents", doc_id)
        if not text.strip():
            raise ValueError("a document note cannot be empty")
        with self._action("Add document note") as cs:
            return cs.insert("notes", {"doc_id": doc_id, "annotator_id": self.annotator_id,
                                       "text": text, "created": utc_now()})

    # -- quotes -----------------------------------------------------------------------------

    def add_quote(self, doc_id: int, content: Span, cue: Span | None = None,
                  speaker: str | int | None = None, kind: str = "direct", *,
                  attrs: Mapping[str, Any] | None = None) -> int:
        """Add a quote: its content span, optional cue span (the reporting verb), speaker
        (``AUTHOR``, an entity id of the same document, or None) and kind. The content is
        stored trimmed inside its quotation marks and the punctuation outside them
        (:func:`~annotator.core.text.trim_quote_span`); marks alone are refused."""
        text = self.get_text(doc_id)
        content = self._quote_content(text, content)
        if cue is not None:
            self._span(text, cue, "quote cue")
        _require(quote_kind_problem(self.schema, kind))
        row = {"doc_id": doc_id, "content_start": content.start, "content_end": content.end,
               "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
               **self._speaker(doc_id, speaker), "kind": kind, "attrs": attrs_json(attrs),
               **self._stamp()}
        with self._action("Add quote") as cs:
            return cs.insert("quotes", row)

    def update_quote(self, quote_id: int, **fields: Any) -> None:
        """Change some of ``content``, ``cue``, ``speaker``, ``kind``, ``attrs``, ``note``."""
        unknown = set(fields) - QUOTE_FIELDS
        if unknown:
            raise ValueError(f"unknown quote fields: {', '.join(sorted(unknown))}")
        quote = self._row("quotes", quote_id)
        doc_id = int(quote["doc_id"])
        text = self.get_text(doc_id)
        new: Row = {}
        if "content" in fields:
            span = self._quote_content(text, fields["content"])
            new.update(content_start=span.start, content_end=span.end)
        if "cue" in fields:
            cue: Span | None = fields["cue"]
            if cue is not None:
                self._span(text, cue, "quote cue")
            new.update(cue_start=cue.start if cue else None, cue_end=cue.end if cue else None)
        if "speaker" in fields:
            new.update(self._speaker(doc_id, fields["speaker"]))
        if "kind" in fields:
            _require(quote_kind_problem(self.schema, fields["kind"]))
            new["kind"] = fields["kind"]
        if "attrs" in fields:
            new["attrs"] = attrs_json(fields["attrs"])
        if "note" in fields:
            note = fields["note"]
            new["note"] = note if note and str(note).strip() else None
        with self._action("Edit quote") as cs:
            cs.update("quotes", quote_id, {**new, "updated": utc_now()})

    def delete_quote(self, quote_id: int) -> None:
        """Delete a quote and clear it as the evidence of stances."""
        self._row("quotes", quote_id)
        with self._action("Delete quote") as cs:
            now = utc_now()
            for stance_id in self._ids("SELECT id FROM stances WHERE evidence_quote_id = ?",
                                       quote_id):
                cs.update("stances", stance_id, {"evidence_quote_id": None, "updated": now})
            cs.delete("quotes", quote_id)

    # -- events -----------------------------------------------------------------------------

    def add_event(self, doc_id: int, type: str, trigger: Span,
                  arguments: Sequence[EventArgument] = (),
                  attrs: Mapping[str, Any] | None = None) -> int:
        """Add an event of ``type`` (``"Type:Subtype"``) with its trigger and arguments."""
        text = self.get_text(doc_id)
        schema = self.schema
        _require(event_type_problem(schema, type))
        self._span(text, trigger, "event trigger")
        attrs_text = attrs_json(attrs)
        _require(event_attrs_problem(schema, attrs or {}))
        checked: list[tuple[str, int]] = []
        for argument in arguments:
            entity = self._in_doc("entities", argument.entity, doc_id, "argument entity")
            _require(role_problem(schema, type, argument.role, entity["label"]))
            checked.append((argument.role, int(entity["id"])))
        stamp = self._stamp()
        with self._action(f"Add {type} event") as cs:
            event_id = cs.insert("events", {"doc_id": doc_id, "type": type,
                                            "trigger_start": trigger.start,
                                            "trigger_end": trigger.end, "attrs": attrs_text,
                                            **stamp})
            for role, entity_id in checked:
                cs.insert("event_arguments", {
                    "doc_id": doc_id, "event_id": event_id, "role": role,
                    "entity_id": entity_id, "annotator_id": stamp["annotator_id"],
                    "schema_version": stamp["schema_version"], "created": stamp["created"]})
            return event_id

    def add_event_argument(self, event_id: int, role: str, entity_id: str | int) -> int:
        """Let an entity of the same document fill ``role`` of an event; returns its id."""
        event = self._row("events", event_id)
        doc_id = int(event["doc_id"])
        entity = self._in_doc("entities", entity_id, doc_id, "argument entity")
        _require(role_problem(self.schema, event["type"], role, entity["label"]))
        stamp = self._stamp()
        with self._action(f"Add {role} argument") as cs:
            return cs.insert("event_arguments", {
                "doc_id": doc_id, "event_id": event_id, "role": role,
                "entity_id": entity["id"], "annotator_id": stamp["annotator_id"],
                "schema_version": stamp["schema_version"], "created": stamp["created"]})

    def remove_event_argument(self, argument_id: int) -> None:
        """Remove one argument of an event."""
        argument = self._row("event_arguments", argument_id)
        with self._action(f"Remove {argument['role']} argument") as cs:
            cs.delete("event_arguments", argument_id)

    def delete_event(self, event_id: int) -> None:
        """Delete an event, its arguments and the stances aimed at it."""
        event = self._row("events", event_id)
        with self._action(f"Delete {event['type']} event") as cs:
            for arg_id in self._ids("SELECT id FROM event_arguments WHERE event_id = ?",
                                    event_id):
                cs.delete("event_arguments", arg_id)
            for stance_id in self._ids("SELECT id FROM stances WHERE target_event_id = ?",
                                       event_id):
                cs.delete("stances", stance_id)
            cs.delete("events", event_id)

    def set_event_attrs(self, event_id: int, attrs: Mapping[str, Any]) -> None:
        """Replace an event's attributes."""
        event = self._row("events", event_id)
        attrs_text = attrs_json(attrs)
        _require(event_attrs_problem(self.schema, attrs))
        with self._action(f"Set {event['type']} attributes") as cs:
            cs.update("events", event_id, {"attrs": attrs_text, "updated": utc_now()})

    # -- stances ----------------------------------------------------------------------------

    def add_stance(self, doc_id: int, holder: str | int | None, target: StanceTarget,
                   label: str, evidence: str | int | Span | None = None, *,
                   attrs: Mapping[str, Any] | None = None) -> int:
        """Add a stance of ``holder`` (``AUTHOR``, an entity id or None) towards an entity,
        an event or a topic, with optional evidence (a quote id or a span)."""
        text = self.get_text(doc_id)
        schema = self.schema
        _require(stance_label_problem(schema, label))
        row: Row = {"doc_id": doc_id, **self._holder(doc_id, holder),
                    "target_entity_id": None, "target_event_id": None, "target_topic": None,
                    "label": label, "evidence_quote_id": None, "evidence_start": None,
                    "evidence_end": None, "attrs": attrs_json(attrs)}
        if target.entity is not None:
            row["target_entity_id"] = self._in_doc("entities", target.entity, doc_id,
                                                   "target entity")["id"]
        elif target.event is not None:
            row["target_event_id"] = self._in_doc("events", target.event, doc_id,
                                                  "target event")["id"]
        else:
            _require(topic_problem(schema, str(target.topic)))
            row["target_topic"] = target.topic
        if isinstance(evidence, Span):
            self._span(text, evidence, "stance evidence")
            row.update(evidence_start=evidence.start, evidence_end=evidence.end)
        elif evidence is not None:
            row["evidence_quote_id"] = self._in_doc("quotes", evidence, doc_id,
                                                    "evidence quote")["id"]
        with self._action(f"Add {label} stance") as cs:
            return cs.insert("stances", {**row, **self._stamp()})

    def delete_stance(self, stance_id: int) -> None:
        """Delete a stance."""
        stance = self._row("stances", stance_id)
        with self._action(f"Delete {stance['label']} stance") as cs:
            cs.delete("stances", stance_id)
