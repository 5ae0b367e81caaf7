"""Reading and checking each section of a schema file into the data classes.

Every function takes a :class:`~annotator.core.schema.reader.Table` and reports problems through
it; none raises. Labels that are declared correctly are kept even when another field of the same
entry is wrong, so that later cross-references (gazetteer labels, role types, speaker types) do
not produce a cascade of follow-on complaints.

The ``*_spelling_problem`` functions say how a name must be written in the schema file (an
entity label is upper-case, an event type is ``Type:Subtype``...); whether an annotation's
label is *declared* by a loaded schema is :mod:`annotator.core.schema.rules`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from annotator.core.schema.definitions import (
    DOCUMENT_LABEL_KINDS,
    AttributeDef,
    DocumentLabelDef,
    EntityType,
    EventType,
    Topic,
)
from annotator.core.schema.problems import show
from annotator.core.schema.reader import Table

ENTITY_LABEL = regex.compile(r"[A-Z][A-Z0-9_-]*")
_EVENT_PART = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
EVENT_LABEL = regex.compile(f"{_EVENT_PART}:{_EVENT_PART}")
ROLE_NAME = regex.compile(r"[A-Z][A-Za-z0-9_-]*")
IDENTIFIER = regex.compile(r"[a-z][a-z0-9_]*")
TOPIC_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")
COLOR = regex.compile(r"#[0-9A-Fa-f]{6}")
STANCE_LABEL = regex.compile(r"[A-Z][A-Z0-9_-]*")

RESERVED_KEYS: frozenset[str] = frozenset({
    "space", "tab", "backtab", "enter", "return", "escape", "esc", "delete", "del",
    "backspace", "left", "right", "up", "down", "home", "end", "pageup", "pagedown",
    "insert", "ins",
})
"""Keys the editor needs for moving, selecting and confirming; never a label hotkey."""


def entity_label_spelling_problem(label: str) -> str | None:
    """Why ``label`` cannot be an entity label (upper-case A-Z, digits, ``_``, ``-``)."""
    if ENTITY_LABEL.fullmatch(label):
        return None
    return f"{show(label)} is not an entity label (A-Z, digits, _ and -, starting with a letter)"


def event_type_spelling_problem(label: str) -> str | None:
    """Why ``label`` cannot be an event type (``Type:Subtype``, e.g. ``Conflict:Attack``)."""
    if EVENT_LABEL.fullmatch(label):
        return None
    return f"{show(label)} is not an event type (Type:Subtype, e.g. \"Conflict:Attack\")"


def role_spelling_problem(role: str) -> str | None:
    """Why ``role`` cannot be an argument role name (``Attacker``, ``Time``...)."""
    if ROLE_NAME.fullmatch(role):
        return None
    return f"{show(role)} is not a role name (a capital letter, then letters, digits, _ or -)"


def identifier_problem(name: str) -> str | None:
    """Why ``name`` cannot name an attribute or document label (``lower_case``)."""
    if IDENTIFIER.fullmatch(name):
        return None
    return f"{show(name)} is not a name (a-z, digits and _, starting with a letter)"


def topic_id_problem(topic_id: str) -> str | None:
    """Why ``topic_id`` cannot be a topic id (a-z, digits, ``_`` and ``-``)."""
    if TOPIC_ID.fullmatch(topic_id):
        return None
    return f"{show(topic_id)} is not a topic id (a-z, digits, _ and -)"


def color_problem(color: str) -> str | None:
    """Why ``color`` is not a ``#rrggbb`` colour."""
    return None if COLOR.fullmatch(color) else f"{show(color)} is not a colour (#rrggbb)"


def hotkey_problem(hotkey: str) -> str | None:
    """Why ``hotkey`` cannot apply a label: it must be one printable, non-space character
    that the editor does not need for itself (see :data:`RESERVED_KEYS`)."""
    if hotkey.casefold() in RESERVED_KEYS or (hotkey and hotkey.isspace()):
        return f"{show(hotkey)} is reserved for the editor"
    if len(hotkey) != 1:
        return f"{show(hotkey)} is not a single key (one letter, digit or sign)"
    if not hotkey.isprintable() or unicodedata.category(hotkey).startswith(("M", "C")):
        return f"{show(hotkey)} is not a printable key"
    return None


def word_problem(word: str) -> str | None:
    """Why ``word`` cannot be a name or lemma: it must not start or end with a space."""
    if word != word.strip():
        return f"{show(word)} starts or ends with white space"
    return None


def stance_label_spelling_problem(label: str) -> str | None:
    if STANCE_LABEL.fullmatch(label):
        return None
    return f"{show(label)} is not a stance label (A-Z, digits, _ and -)"


def quote_kind_spelling_problem(kind: str) -> str | None:
    if IDENTIFIER.fullmatch(kind):
        return None
    return f"{show(kind)} is not a quote kind (a-z, digits and _)"


@dataclass(slots=True)
class EntitiesPart:
    types: dict[str, EntityType]
    attributes: dict[str, AttributeDef]
    nesting: bool
    labels: set[str]
    """Every label declared with a valid name, even in an entry with other mistakes."""


def read_entities(table: Table) -> EntitiesPart:
    """``[entities]``: ``nesting``, ``[[entities.types]]`` and ``[entities.attributes.NAME]``."""
    nesting = table.boolean("nesting", default=False)
    types: dict[str, EntityType] = {}
    labels: dict[str, str] = {}
    colors: dict[str, str] = {}
    hotkeys: dict[str, str] = {}
    for entry in table.tables("types", required=True):
        label = entry.string("label", required=True, check=entity_label_spelling_problem)
        color = entry.string("color", required=True, check=color_problem)
        hotkey = entry.string("hotkey", check=hotkey_problem) if entry.has("hotkey") else None
        description = entry.string("description") or ""
        entry.finish()
        ok = True
        if label is not None:
            if label in labels:
                entry.problems.add(entry.key("label"),
                                   f"duplicate label {show(label)} (also {labels[label]})")
                ok = False
            else:
                labels[label] = entry.path
        if color is not None:
            color = color.lower()
            if color in colors:
                entry.problems.add(entry.key("color"),
                                   f"colour {color} is already used by {colors[color]}")
            else:
                colors[color] = entry.path
        if hotkey is not None:
            folded = hotkey.casefold()
            if folded in hotkeys:
                entry.problems.add(entry.key("hotkey"),
                                   f"hotkey {show(hotkey)} is already used by {hotkeys[folded]}")
            else:
                hotkeys[folded] = entry.path
        if ok and label is not None and color is not None:
            types[label] = EntityType(label, color, hotkey, description)
    attributes = read_attributes(table)
    table.finish()
    return EntitiesPart(types, attributes, nesting, set(labels))


def read_attributes(parent: Table) -> dict[str, AttributeDef]:
    """``[PARENT.attributes.NAME]`` tables with ``values``, optional ``default`` and
    ``description``."""
    block = parent.table("attributes")
    if block is None:
        return {}
    result: dict[str, AttributeDef] = {}
    for name, entry in block.named_tables(identifier_problem).items():
        values = entry.strings("values", required=True, nonempty=True)
        default = entry.string("default") if entry.has("default") else None
        description = entry.string("description") or ""
        entry.finish()
        if values is None:
            continue
        if default is not None and default not in values:
            entry.problems.add(entry.key("default"),
                               f"{show(default)} is not one of the values ({', '.join(values)})")
            continue
        if values:
            result[name] = AttributeDef(name, values, default, description)
    block.finish()
    return result


def read_entity_refs(table: Table, name: str, labels: set[str]) -> tuple[str, ...]:
    """An optional array of entity labels in ``table`` that must all be declared."""
    def known(label: str) -> str | None:
        if label in labels:
            return None
        return f"{show(label)} is not an entity type of this schema"

    return table.strings(name, check=known) or ()


def read_quotes(table: Table, labels: set[str]) -> tuple[tuple[str, ...], tuple[str, ...],
                                                       tuple[str, ...]]:
    """``[quotes]``: ``kinds``, ``cue_verbs`` and ``speaker_types``; returns them in order."""
    kinds = table.strings("kinds", required=True, nonempty=True,
                          check=quote_kind_spelling_problem) or ()
    cues = table.strings("cue_verbs", check=word_problem, nfc=True) or ()
    speakers = read_entity_refs(table, "speaker_types", labels)
    table.finish()
    return kinds, cues, speakers


def read_stance(table: Table, labels: set[str]) -> tuple[tuple[str, ...], dict[str, Topic],
                                                        tuple[str, ...]]:
    """``[stance]``: ``labels``, ``holder_types`` and ``[[stance.topics]]``."""
    stance_labels = table.strings("labels", required=True, nonempty=True,
                                  check=stance_label_spelling_problem) or ()
    holders = read_entity_refs(table, "holder_types", labels)
    topics: dict[str, Topic] = {}
    seen: dict[str, str] = {}
    for entry in table.tables("topics"):
        topic_id = entry.string("id", required=True, check=topic_id_problem)
        label = entry.string("label", required=True, nonempty=True)
        label_en = entry.string("label_en") or ""
        entry.finish()
        if topic_id is None:
            continue
        if topic_id in seen:
            entry.problems.add(entry.key("id"),
                               f"duplicate topic {show(topic_id)} (also {seen[topic_id]})")
            continue
        seen[topic_id] = entry.path
        if label is not None:
            topics[topic_id] = Topic(topic_id, unicodedata.normalize("NFC", label), label_en)
    table.finish()
    return stance_labels, topics, holders


def _role_types(table: Table | None, roles: tuple[str, ...] | None, labels: set[str]
                ) -> dict[str, tuple[str, ...]]:
    """A table role -> entity labels; roles must be in ``roles`` when that is given."""
    if table is None:
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for role in list(table.data):
        if roles and role not in roles:
            table.known.add(role)
            table.problems.add(table.key(role), f"{show(role)} is not a role of this event type "
                                                f"({', '.join(roles)})")
            continue
        problem = role_spelling_problem(role)
        if problem is not None:
            table.known.add(role)
            table.problems.add(table.key(role), problem)
            continue
        accepted = read_entity_refs(table, role, labels)
        if accepted:
            result[role] = accepted
    table.finish()
    return result


def read_events(table: Table, labels: set[str]) -> tuple[dict[str, EventType],
                                                         dict[str, AttributeDef]]:
    """``[events]``: shared ``[events.role_types]``, ``[[events.types]]`` (label, roles,
    role_types, description) and ``[events.attributes.NAME]``."""
    shared_table = table.table("role_types")
    shared = _role_types(shared_table, None, labels)
    types: dict[str, EventType] = {}
    seen: dict[str, str] = {}
    used_roles: set[str] = set()
    for entry in table.tables("types", required=True):
        label = entry.string("label", required=True, check=event_type_spelling_problem)
        roles = entry.strings("roles", required=True, nonempty=True,
                              check=role_spelling_problem)
        own = _role_types(entry.table("role_types"), roles, labels)
        description = entry.string("description") or ""
        entry.finish()
        used_roles.update(roles or ())
        if label is None:
            continue
        if label in seen:
            entry.problems.add(entry.key("label"),
                               f"duplicate event type {show(label)} (also {seen[label]})")
            continue
        seen[label] = entry.path
        if not roles:
            continue
        merged = {role: shared[role] for role in roles if role in shared}
        merged.update(own)
        types[label] = EventType(label, roles, merged, description)
    for role in shared_table.data if shared_table is not None and used_roles else ():
        if role not in used_roles and role_spelling_problem(role) is None:
            table.problems.add(f"{table.key('role_types')}.{role}",
                               f"{show(role)} is not a role of any event type")
    attributes = read_attributes(table)
    table.finish()
    return types, attributes


def read_documents(table: Table, has_topics: bool) -> dict[str, DocumentLabelDef]:
    """``[documents.labels.NAME]`` tables: ``kind``, ``values``, ``per_topic``."""
    block = table.table("labels", required=True)
    table.finish()
    if block is None:
        return {}
    result: dict[str, DocumentLabelDef] = {}
    for name, entry in block.named_tables(identifier_problem).items():
        kind = entry.string("kind", required=True, check=_document_label_kind_problem)
        needs_values = kind in ("single", "multi")
        values: tuple[str, ...] | None = ()
        if needs_values:
            values = entry.strings("values", required=True, nonempty=True)
        elif entry.has("values") and kind is not None:
            entry.problems.add(entry.key("values"), f"a {kind} label takes no values")
        per_topic = entry.boolean("per_topic", default=False)
        description = entry.string("description") or ""
        entry.finish()
        if per_topic and not has_topics:
            entry.problems.add(entry.key("per_topic"),
                               "per-topic labels need topics ([[stance.topics]])")
            continue
        if kind is not None and values is not None and (values or not needs_values):
            result[name] = DocumentLabelDef(name, kind, values, per_topic, description)
    block.finish()
    return result


def _document_label_kind_problem(kind: str) -> str | None:
    if kind in DOCUMENT_LABEL_KINDS:
        return None
    return f"{show(kind)} is not a label kind ({', '.join(DOCUMENT_LABEL_KINDS)})"


def read_gazetteer(table: Table, labels: set[str]) -> dict[str, tuple[str, ...]]:
    """``[gazetteer]``: entity label -> array of names (NFC-normalized)."""
    result: dict[str, tuple[str, ...]] = {}
    for label in list(table.data):
        if label not in labels:
            table.known.add(label)
            reason = (entity_label_spelling_problem(label)
                      or f"{show(label)} is not an entity type of this schema")
            table.problems.add(table.key(label), reason)
            continue
        names = table.strings(label, check=word_problem, nfc=True)
        if names:
            result[label] = names
    table.finish()
    return result
