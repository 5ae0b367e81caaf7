"""User actions on the links between spans: quotes, events and their arguments, stances.

Like the actions of :mod:`.actions` (whose helpers they use), each is ONE transaction holding
the data change and its journal entry, checks its arguments first (a ``ValueError``) and
deletes or clears what refers to what it deletes explicitly, so that undo restores it all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.model import AUTHOR, EventArgument, Span, StanceTarget
from annotator.core.schema.rules import (
    event_attrs_problem,
    event_type_problem,
    holder_label_problem,
    quote_kind_problem,
    role_problem,
    speaker_label_problem,
    stance_label_problem,
    topic_problem,
)
from annotator.core.store.actions import ActionsMixin
from annotator.core.store.journal import Row
from annotator.core.store.timeutil import utc_now
from annotator.core.store.validation import attrs_json, require
from annotator.core.text.spans import trim_quote_span

QUOTE_FIELDS = frozenset({"content", "cue", "speaker", "kind", "attrs", "note"})


class LinkActionsMixin(ActionsMixin):
    """The undoable user actions of :class:`~annotator.core.store.Project` on quotes, events
    and stances."""

    # -- helpers ----------------------------------------------------------------------------

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
        require(speaker_label_problem(self.schema, entity["label"]))
        return {"speaker_entity_id": entity["id"], "speaker_author": 0}

    def _holder(self, doc_id: int, holder: str | int | None) -> Row:
        """Stance columns for a holder: ``AUTHOR``, an entity id, or None (unknown)."""
        if holder is None:
            return {"holder_entity_id": None, "holder_author": 0}
        if holder == AUTHOR:
            return {"holder_entity_id": None, "holder_author": 1}
        entity = self._in_doc("entities", holder, doc_id, "stance holder")
        require(holder_label_problem(self.schema, entity["label"]))
        return {"holder_entity_id": entity["id"], "holder_author": 0}

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
        require(quote_kind_problem(self.schema, kind))
        row = {"doc_id": doc_id, "content_start": content.start, "content_end": content.end,
               "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
               **self._speaker(doc_id, speaker), "kind": kind, "attrs": attrs_json(attrs),
               **self._stamp()}
        with self._action("Add quote", layer_turn=True) as cs:
            return cs.insert("quotes", row)

    def update_quote(self, quote_id: int, **fields: Any) -> None:
        """Change some of ``content``, ``cue``, ``speaker``, ``kind``, ``attrs``, ``note``."""
        unknown = set(fields) - QUOTE_FIELDS
        if unknown:
            raise ValueError(f"unknown quote fields: {', '.join(sorted(unknown))}")
        quote = self._own("quotes", quote_id)
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
            require(quote_kind_problem(self.schema, fields["kind"]))
            new["kind"] = fields["kind"]
        if "attrs" in fields:
            new["attrs"] = attrs_json(fields["attrs"])
        if "note" in fields:
            note = fields["note"]
            new["note"] = note if note and str(note).strip() else None
        with self._action("Edit quote", layer_turn=True) as cs:
            cs.update("quotes", quote_id, {**new, "updated": utc_now()})

    def delete_quote(self, quote_id: int) -> None:
        """Delete a quote and clear it as the evidence of stances."""
        self._own("quotes", quote_id)
        with self._action("Delete quote", layer_turn=True) as cs:
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
        require(event_type_problem(schema, type))
        self._span(text, trigger, "event trigger")
        attrs_text = attrs_json(attrs)
        require(event_attrs_problem(schema, attrs or {}))
        checked: list[tuple[str, int]] = []
        for argument in arguments:
            entity = self._in_doc("entities", argument.entity, doc_id, "argument entity")
            require(role_problem(schema, type, argument.role, entity["label"]))
            checked.append((argument.role, int(entity["id"])))
        stamp = self._stamp()
        with self._action(f"Add {type} event", layer_turn=True) as cs:
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
        event = self._own("events", event_id)
        doc_id = int(event["doc_id"])
        entity = self._in_doc("entities", entity_id, doc_id, "argument entity")
        require(role_problem(self.schema, event["type"], role, entity["label"]))
        stamp = self._stamp()
        with self._action(f"Add {role} argument", layer_turn=True) as cs:
            return cs.insert("event_arguments", {
                "doc_id": doc_id, "event_id": event_id, "role": role,
                "entity_id": entity["id"], "annotator_id": stamp["annotator_id"],
                "schema_version": stamp["schema_version"], "created": stamp["created"]})

    def remove_event_argument(self, argument_id: int) -> None:
        """Remove one argument of an event."""
        argument = self._own("event_arguments", argument_id)
        with self._action(f"Remove {argument['role']} argument", layer_turn=True) as cs:
            cs.delete("event_arguments", argument_id)

    def delete_event(self, event_id: int) -> None:
        """Delete an event, its arguments and the stances aimed at it."""
        event = self._own("events", event_id)
        with self._action(f"Delete {event['type']} event", layer_turn=True) as cs:
            for arg_id in self._ids("SELECT id FROM event_arguments WHERE event_id = ?",
                                    event_id):
                cs.delete("event_arguments", arg_id)
            for stance_id in self._ids("SELECT id FROM stances WHERE target_event_id = ?",
                                       event_id):
                cs.delete("stances", stance_id)
            cs.delete("events", event_id)

    def set_event_attrs(self, event_id: int, attrs: Mapping[str, Any]) -> None:
        """Replace an event's attributes."""
        event = self._own("events", event_id)
        attrs_text = attrs_json(attrs)
        require(event_attrs_problem(self.schema, attrs))
        with self._action(f"Set {event['type']} attributes", layer_turn=True) as cs:
            cs.update("events", event_id, {"attrs": attrs_text, "updated": utc_now()})

    # -- stances ----------------------------------------------------------------------------

    def add_stance(self, doc_id: int, holder: str | int | None, target: StanceTarget,
                   label: str, evidence: str | int | Span | None = None, *,
                   attrs: Mapping[str, Any] | None = None) -> int:
        """Add a stance of ``holder`` (``AUTHOR``, an entity id or None) towards an entity,
        an event or a topic, with optional evidence (a quote id or a span)."""
        text = self.get_text(doc_id)
        schema = self.schema
        require(stance_label_problem(schema, label))
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
            require(topic_problem(schema, str(target.topic)))
            row["target_topic"] = target.topic
        if isinstance(evidence, Span):
            self._span(text, evidence, "stance evidence")
            row.update(evidence_start=evidence.start, evidence_end=evidence.end)
        elif evidence is not None:
            row["evidence_quote_id"] = self._in_doc("quotes", evidence, doc_id,
                                                    "evidence quote")["id"]
        with self._action(f"Add {label} stance", layer_turn=True) as cs:
            return cs.insert("stances", {**row, **self._stamp()})

    def delete_stance(self, stance_id: int) -> None:
        """Delete a stance."""
        stance = self._own("stances", stance_id)
        with self._action(f"Delete {stance['label']} stance", layer_turn=True) as cs:
            cs.delete("stances", stance_id)
