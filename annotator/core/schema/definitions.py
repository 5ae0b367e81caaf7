"""The label schema as frozen data classes, with the look-ups importers and validators use
and its own output: the TOML-shaped dict, the TOML text (written by :mod:`.toml_writer`,
which knows nothing of schemas) and the summary lines.

A :class:`Schema` is built by :func:`annotator.core.schema.parse_schema`, which has already
checked it, so the helpers here can trust its contents: they check *annotations* against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.schema.toml_writer import dumps

DOCUMENT_LABEL_KINDS: tuple[str, ...] = ("single", "multi", "text", "bool")
"""``single``: one of ``values``; ``multi``: a list of distinct ``values``; ``text``: free
text; ``bool``: true or false. A ``per_topic`` label holds one such value per stance topic."""


@dataclass(frozen=True, slots=True)
class EntityType:
    """An entity label: its highlight ``color`` (``#rrggbb``, lower case), the single key
    that applies it in the editor (``None`` when it has none) and a description."""

    name: str
    color: str
    hotkey: str | None
    description: str = ""


@dataclass(frozen=True, slots=True)
class AttributeDef:
    """A closed-set attribute of entities or events. ``default`` (one of ``values``, or
    ``None``) is what an annotation without the attribute means."""

    name: str
    values: tuple[str, ...]
    default: str | None
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventType:
    """An event subtype ``"Type:Subtype"`` with its argument ``roles`` in guideline order.
    ``role_types`` maps a role to the entity labels that may fill it; a role missing from
    it accepts any entity."""

    name: str
    roles: tuple[str, ...]
    role_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    """A stance topic of the project: a stable ``id`` and its Arabic ``label``
    (``label_en`` its English one)."""

    id: str
    label: str
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class DocumentLabelDef:
    """A document-level label; ``kind`` is one of :data:`DOCUMENT_LABEL_KINDS`."""

    name: str
    kind: str
    values: tuple[str, ...]
    per_topic: bool = False
    description: str = ""


def _attrs_problems(attrs: Mapping[str, Any], defs: Mapping[str, AttributeDef]) -> list[str]:
    problems: list[str] = []
    for name, value in attrs.items():
        attr = defs.get(name)
        if attr is None:
            known = ", ".join(defs) or "none"
            problems.append(f'unknown attribute "{name}" (known: {known})')
        elif not isinstance(value, str) or value not in attr.values:
            problems.append(f"{name}: {value!r} is not one of {', '.join(attr.values)}")
    return problems


def _label_value_problem(definition: DocumentLabelDef, value: Any) -> str | None:
    """Why ``value`` does not fit the label (one topic's value for a per-topic label)."""
    if definition.kind == "single":
        if isinstance(value, str) and value in definition.values:
            return None
        return f"{value!r} is not one of {', '.join(definition.values)}"
    if definition.kind == "multi":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            return f"{value!r} is not a list of values"
        wrong = [v for v in value if v not in definition.values]
        if wrong:
            return f"{', '.join(map(repr, wrong))} not among {', '.join(definition.values)}"
        if len(set(value)) != len(value):
            return "a value is listed twice"
        return None
    if definition.kind == "text":
        return None if isinstance(value, str) else f"{value!r} is not text"
    return None if isinstance(value, bool) else f"{value!r} is not true or false"


def _attributes(attributes: Mapping[str, AttributeDef]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, attr in attributes.items():
        entry: dict[str, Any] = {"values": list(attr.values)}
        if attr.default is not None:
            entry["default"] = attr.default
        if attr.description:
            entry["description"] = attr.description
        result[name] = entry
    return result


def _attribute_line(attr: AttributeDef) -> str:
    default = f" (default {attr.default})" if attr.default is not None else ""
    return f"    {attr.name}: {' | '.join(attr.values)}{default}"


@dataclass(frozen=True)
class Schema:
    """A project's label schema. ``source_text`` is the TOML it was read from (kept in the
    project so that a project always carries the schema it was annotated with).

    An unused part is empty: no ``quote_kinds`` means the project does not annotate quotes,
    no ``stance_labels`` no stance, no ``event_types`` no events. ``speaker_types`` and
    ``holder_types`` restrict which entity labels may speak a quote or hold a stance (empty:
    any entity).
    """

    name: str
    version: int
    description: str
    entity_types: dict[str, EntityType]
    entity_attributes: dict[str, AttributeDef]
    nesting: bool
    quote_kinds: tuple[str, ...]
    cue_verbs: tuple[str, ...]
    stance_labels: tuple[str, ...]
    topics: dict[str, Topic]
    event_types: dict[str, EventType]
    event_attributes: dict[str, AttributeDef]
    document_labels: dict[str, DocumentLabelDef]
    gazetteer: dict[str, tuple[str, ...]]
    source_text: str = ""
    speaker_types: tuple[str, ...] = ()
    holder_types: tuple[str, ...] = ()

    @property
    def stance_topics(self) -> dict[str, Topic]:
        """The stance topics (the name ``docs/ARCHITECTURE.md`` uses for :attr:`topics`)."""
        return self.topics

    def has_entity_label(self, label: str) -> bool:
        """Whether ``label`` is one of the entity types."""
        return label in self.entity_types

    def has_event_type(self, event_type: str) -> bool:
        """Whether ``event_type`` (``"Type:Subtype"``) is declared."""
        return event_type in self.event_types

    def has_topic(self, topic_id: str) -> bool:
        """Whether ``topic_id`` is one of the stance topics."""
        return topic_id in self.topics

    def allowed_roles(self, event_type: str) -> tuple[str, ...]:
        """The argument roles of ``event_type``; empty for an unknown type."""
        definition = self.event_types.get(event_type)
        return definition.roles if definition is not None else ()

    def role_accepts(self, event_type: str, role: str, entity_label: str) -> bool:
        """Whether an entity labelled ``entity_label`` may fill ``role`` of ``event_type``
        (False for an unknown type or role; True when the role has no type restriction)."""
        definition = self.event_types.get(event_type)
        if definition is None or role not in definition.roles:
            return False
        accepted = definition.role_types.get(role)
        return accepted is None or entity_label in accepted

    def entity_attrs_problems(self, attrs: Mapping[str, Any]) -> list[str]:
        """Why an entity's attributes do not fit the schema (unknown names, values outside
        the declared set); an empty list when they do. Missing attributes are fine."""
        return _attrs_problems(attrs, self.entity_attributes)

    def event_attrs_problems(self, attrs: Mapping[str, Any]) -> list[str]:
        """As :meth:`entity_attrs_problems`, for an event's attributes."""
        return _attrs_problems(attrs, self.event_attributes)

    def document_labels_problems(self, labels: Mapping[str, Any]) -> list[str]:
        """Why a document's labels do not fit: unknown label names, values outside the
        declared ones, and for a per-topic label a value that is not a table of known topic
        ids to values. Empty when they fit."""
        problems: list[str] = []
        for name, value in labels.items():
            definition = self.document_labels.get(name)
            if definition is None:
                known = ", ".join(self.document_labels) or "none"
                problems.append(f'unknown document label "{name}" (known: {known})')
                continue
            if not definition.per_topic:
                reason = _label_value_problem(definition, value)
                if reason is not None:
                    problems.append(f"{name}: {reason}")
                continue
            if not isinstance(value, Mapping):
                problems.append(f"{name}: expected a value per topic, got {value!r}")
                continue
            for topic_id, topic_value in value.items():
                if topic_id not in self.topics:
                    problems.append(f'{name}: unknown topic "{topic_id}"')
                    continue
                reason = _label_value_problem(definition, topic_value)
                if reason is not None:
                    problems.append(f"{name}.{topic_id}: {reason}")
        return problems

    def entity_attr_defaults(self) -> dict[str, str]:
        """Each entity attribute that has a default, with it."""
        return {n: a.default for n, a in self.entity_attributes.items() if a.default is not None}

    def event_attr_defaults(self) -> dict[str, str]:
        """Each event attribute that has a default, with it."""
        return {n: a.default for n, a in self.event_attributes.items() if a.default is not None}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable copy laid out like the TOML file (unused parts left out);
        :meth:`to_toml` writes exactly this, so it reads back to an equal schema."""
        types: list[dict[str, Any]] = []
        for entity in self.entity_types.values():
            item: dict[str, Any] = {"label": entity.name, "color": entity.color}
            if entity.hotkey is not None:
                item["hotkey"] = entity.hotkey
            item["description"] = entity.description
            types.append(item)
        entities: dict[str, Any] = {"nesting": self.nesting, "types": types}
        if self.entity_attributes:
            entities["attributes"] = _attributes(self.entity_attributes)
        data: dict[str, Any] = {
            "schema": {"name": self.name, "version": self.version,
                       "description": self.description},
            "entities": entities,
        }
        if self.quote_kinds:
            quotes: dict[str, Any] = {"kinds": list(self.quote_kinds),
                                      "cue_verbs": list(self.cue_verbs)}
            if self.speaker_types:
                quotes["speaker_types"] = list(self.speaker_types)
            data["quotes"] = quotes
        if self.stance_labels:
            stance: dict[str, Any] = {"labels": list(self.stance_labels)}
            if self.holder_types:
                stance["holder_types"] = list(self.holder_types)
            stance["topics"] = [
                {"id": t.id, "label": t.label, **({"label_en": t.label_en} if t.label_en else {})}
                for t in self.topics.values()
            ]
            data["stance"] = stance
        if self.event_types:
            events: dict[str, Any] = {"types": [
                {"label": e.name, "roles": list(e.roles),
                 **({"role_types": {r: list(v) for r, v in e.role_types.items()}}
                    if e.role_types else {}),
                 **({"description": e.description} if e.description else {})}
                for e in self.event_types.values()
            ]}
            if self.event_attributes:
                events["attributes"] = _attributes(self.event_attributes)
            data["events"] = events
        if self.document_labels:
            labels: dict[str, Any] = {}
            for name, label in self.document_labels.items():
                entry: dict[str, Any] = {"kind": label.kind}
                if label.values:
                    entry["values"] = list(label.values)
                if label.per_topic:
                    entry["per_topic"] = True
                if label.description:
                    entry["description"] = label.description
                labels[name] = entry
            data["documents"] = {"labels": labels}
        if self.gazetteer:
            data["gazetteer"] = {label: list(names) for label, names in self.gazetteer.items()}
        return data

    def to_toml(self) -> str:
        """The schema as a TOML document in the layout of ``resources/schema/default.toml``,
        with a one-line header comment."""
        header = f"# Label schema {self.name} version {self.version}, written by annotator.\n\n"
        return header + dumps(self.to_dict())

    def summary_lines(self) -> list[str]:
        """A human-readable summary, one line per label type (``annotator schema show``)."""
        lines = [f"{self.name} (version {self.version})"]
        if self.description:
            lines.append(f"  {self.description}")
        nesting = "nested spans allowed" if self.nesting else "no nesting"
        lines.append(f"Entity types ({len(self.entity_types)}, {nesting}):")
        for entity in self.entity_types.values():
            key = entity.hotkey if entity.hotkey is not None else "-"
            lines.append(f"  {entity.name:<9} [{key}] {entity.color}  {entity.description}")
        if self.entity_attributes:
            lines.append("  attributes:")
            lines.extend(_attribute_line(a) for a in self.entity_attributes.values())
        if self.quote_kinds:
            lines.append(f"Quotes: kinds {', '.join(self.quote_kinds)}; "
                         f"cue verbs {' '.join(self.cue_verbs) or '-'}")
        if self.stance_labels:
            lines.append(f"Stance: labels {', '.join(self.stance_labels)}; "
                         f"{len(self.topics)} topic(s)")
            lines.extend(f"  topic {t.id}: {t.label}" + (f" ({t.label_en})" if t.label_en else "")
                         for t in self.topics.values())
        if self.event_types:
            lines.append(f"Event types ({len(self.event_types)}):")
            lines.extend(f"  {e.name}: {', '.join(e.roles)}" for e in self.event_types.values())
        if self.event_attributes:
            lines.append("  attributes:")
            lines.extend(_attribute_line(a) for a in self.event_attributes.values())
        if self.document_labels:
            lines.append("Document labels:")
            for label in self.document_labels.values():
                values = f": {', '.join(label.values)}" if label.values else ""
                per_topic = ", per topic" if label.per_topic else ""
                lines.append(f"  {label.name} ({label.kind}{per_topic}){values}")
        if self.gazetteer:
            counts = ", ".join(f"{label} {len(names)}" for label, names in self.gazetteer.items())
            lines.append(f"Gazetteer names: {counts}")
        return lines
