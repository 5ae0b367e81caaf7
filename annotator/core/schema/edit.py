"""Editing a schema's entity labels with what refers to them kept in step.

A label is named outside its own entry too: the quote speaker and stance holder types, the
role types of every event type and the gazetteer. :func:`with_entity_types` gives a schema
with new entity types (the schema editor's table) where a renamed label is renamed in those
places and a removed one is left out of them, so the result still loads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from annotator.core.schema.definitions import EntityType, Schema


def with_entity_types(schema: Schema, types: Mapping[str, EntityType],
                      renames: Mapping[str, str]) -> Schema:
    """``schema`` with ``types`` as its entity types; ``renames`` (old -> new label) are
    followed in the speaker and holder types, role types and gazetteer, and labels no
    longer declared are dropped from them."""

    def follow(labels: tuple[str, ...]) -> tuple[str, ...]:
        moved = (renames.get(label, label) for label in labels)
        return tuple(dict.fromkeys(label for label in moved if label in types))

    events = {
        name: dataclasses.replace(event, role_types={
            role: follow(labels) for role, labels in event.role_types.items()
            if follow(labels) or not labels})
        for name, event in schema.event_types.items()}
    gazetteer: dict[str, tuple[str, ...]] = {}
    for label, names in schema.gazetteer.items():
        new = renames.get(label, label)
        if new in types:
            gazetteer[new] = tuple(dict.fromkeys((*gazetteer.get(new, ()), *names)))
    return dataclasses.replace(
        schema, entity_types=dict(types), speaker_types=follow(schema.speaker_types),
        holder_types=follow(schema.holder_types), event_types=events, gazetteer=gazetteer)
