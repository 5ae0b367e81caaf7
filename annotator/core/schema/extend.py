"""Growing a schema to hold what imported records use (``annotator import --extend-schema``).

:class:`SchemaExtension` takes records one by one and adds to a copy of the schema the entity
labels, quote kinds, stance labels, stance topics, event types, roles and role fillers they
use and the schema lacks. A new entity label gets the first colour of :data:`PALETTE` no
label has yet, and as its key the first letter of its name that no label uses (none when
every letter is taken). A name that is not spelled as the schema requires is not added:
the record checks then refuse it as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from annotator.core.model import DocumentRecord
from annotator.core.schema.definitions import EntityType, EventType, Schema, Topic
from annotator.core.schema.sections import (
    RESERVED_KEYS,
    entity_label_spelling_problem,
    event_type_spelling_problem,
    quote_kind_spelling_problem,
    role_spelling_problem,
    stance_label_spelling_problem,
    topic_id_problem,
)

PALETTE: tuple[str, ...] = (
    "#ffd59e", "#a0e7e5", "#ffaebc", "#b4f8c8", "#fbe7c6", "#c7ceea", "#e2f0cb", "#ffdac1",
    "#d5aaff", "#85e3ff", "#f6eac2", "#ffc8dd", "#bde0fe", "#caffbf", "#fdffb6", "#ffadad",
    "#9bf6ff", "#e4c1f9", "#d0f4de", "#fcf6bd", "#a9def9", "#ede7b1", "#f1c0e8", "#cfbaf0",
)
"""Light tints (readable behind black text) for labels an import adds, in the order used."""

ADDED_DESCRIPTION = "Added by an import"


def new_color(used: Iterable[str], name: str) -> str:
    """The first palette colour not in ``used``; past the palette, one made from ``name``
    (deterministic: the same label gets the same colour)."""
    taken = {c.lower() for c in used}
    for color in PALETTE:
        if color not in taken:
            return color
    seed = sum((i + 1) * ord(c) for i, c in enumerate(name))
    for step in range(4096):
        value = (seed * 2654435761 + step * 40503) & 0x3F3F3F
        color = f"#{value | 0xC0C0C0:06x}"
        if color not in taken:
            return color
    raise ValueError("no free colour")  # 4096 light tints all taken: not a real schema


def new_hotkey(used: Iterable[str | None], name: str) -> str | None:
    """The first letter of ``name`` (lower case) that no label uses as its key, or None."""
    taken = {k.casefold() for k in used if k}
    for char in name.lower():
        if char.isalpha() and char not in taken and char not in RESERVED_KEYS:
            return char
    return None


class SchemaExtension:
    """A schema growing with the records it is shown; ``added`` says what, in order."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.added: list[str] = []

    def _replace(self, **changes: object) -> None:
        self.schema = dataclasses.replace(self.schema, **changes)  # type: ignore[arg-type]

    def _entity_label(self, label: str) -> None:
        types = self.schema.entity_types
        if label in types or entity_label_spelling_problem(label):
            return
        color = new_color((t.color for t in types.values()), label)
        hotkey = new_hotkey((t.hotkey for t in types.values()), label)
        self._replace(entity_types={**types, label: EntityType(label, color, hotkey,
                                                               ADDED_DESCRIPTION)})
        key = f", key {hotkey}" if hotkey else ", no key"
        self.added.append(f"entity label {label} (colour {color}{key})")

    def _listed(self, field_name: str, what: str, value: str, problem: str | None) -> None:
        values: tuple[str, ...] = getattr(self.schema, field_name)
        if value not in values and problem is None:
            self._replace(**{field_name: (*values, value)})
            self.added.append(f"{what} {value}")

    def _topic(self, topic: str) -> None:
        if topic not in self.schema.topics and not topic_id_problem(topic):
            self._replace(topics={**self.schema.topics, topic: Topic(topic, topic)})
            self.added.append(f"stance topic {topic}")

    def _role(self, event_type: str, role: str, label: str | None) -> None:
        definition = self.schema.event_types.get(event_type)
        if definition is None or role_spelling_problem(role):
            return
        roles, role_types = definition.roles, dict(definition.role_types)
        if role not in roles:
            roles = (*roles, role)
            self.added.append(f"role {role} of {event_type}")
        accepted = role_types.get(role)
        if label is not None and accepted is not None and label not in accepted:
            role_types[role] = (*accepted, label)
            self.added.append(f"{label} as {role} of {event_type}")
        if (roles, role_types) != (definition.roles, definition.role_types):
            updated = dataclasses.replace(definition, roles=roles, role_types=role_types)
            self._replace(event_types={**self.schema.event_types, event_type: updated})

    def _event_type(self, event_type: str) -> None:
        if event_type in self.schema.event_types or event_type_spelling_problem(event_type):
            return
        self._replace(event_types={**self.schema.event_types,
                                   event_type: EventType(event_type, (), {}, ADDED_DESCRIPTION)})
        self.added.append(f"event type {event_type}")

    def add(self, record: DocumentRecord) -> None:
        """Grow the schema with what ``record`` uses."""
        labels = {}
        for entity in record.entities:
            self._entity_label(entity.label)
            labels[entity.id] = entity.label
        for quote in record.quotes:
            self._listed("quote_kinds", "quote kind", quote.kind,
                         quote_kind_spelling_problem(quote.kind))
        for stance in record.stances:
            self._listed("stance_labels", "stance label", stance.label,
                         stance_label_spelling_problem(stance.label))
            if stance.target.topic is not None:
                self._topic(stance.target.topic)
        for event in record.events:
            self._event_type(event.type)
            for argument in event.arguments:
                self._role(event.type, argument.role, labels.get(argument.entity))

    def add_all(self, records: Iterable[DocumentRecord]) -> Schema:
        """Grow the schema with every record; the grown schema."""
        for record in records:
            self.add(record)
        return self.schema
