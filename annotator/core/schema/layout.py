"""Writing a schema back out: the TOML-shaped dict, the TOML text and the summary lines.

:func:`schema_to_dict` mirrors the file layout (see ``resources/schema/default.toml``), so
``parse_schema(schema.to_toml())`` gives back an equal schema (apart from ``source_text``).
The TOML writer covers exactly what a schema holds: tables, arrays of tables, strings,
integers, booleans and arrays of strings; it needs no third-party TOML library.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from annotator.core.schema.definitions import AttributeDef, Schema

BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")
WRAP_AT = 100


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


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    """The schema as plain dicts and lists in the layout of the TOML file."""
    types: list[dict[str, Any]] = []
    for entity in schema.entity_types.values():
        item: dict[str, Any] = {"label": entity.name, "color": entity.color}
        if entity.hotkey is not None:
            item["hotkey"] = entity.hotkey
        item["description"] = entity.description
        types.append(item)
    entities: dict[str, Any] = {"nesting": schema.nesting, "types": types}
    if schema.entity_attributes:
        entities["attributes"] = _attributes(schema.entity_attributes)
    data: dict[str, Any] = {
        "schema": {"name": schema.name, "version": schema.version,
                   "description": schema.description},
        "entities": entities,
    }
    if schema.quote_kinds:
        quotes: dict[str, Any] = {"kinds": list(schema.quote_kinds),
                                  "cue_verbs": list(schema.cue_verbs)}
        if schema.speaker_types:
            quotes["speaker_types"] = list(schema.speaker_types)
        data["quotes"] = quotes
    if schema.stance_labels:
        stance: dict[str, Any] = {"labels": list(schema.stance_labels)}
        if schema.holder_types:
            stance["holder_types"] = list(schema.holder_types)
        stance["topics"] = [
            {"id": t.id, "label": t.label, **({"label_en": t.label_en} if t.label_en else {})}
            for t in schema.topics.values()
        ]
        data["stance"] = stance
    if schema.event_types:
        events: dict[str, Any] = {"types": [
            {"label": e.name, "roles": list(e.roles),
             **({"role_types": {r: list(v) for r, v in e.role_types.items()}}
                if e.role_types else {}),
             **({"description": e.description} if e.description else {})}
            for e in schema.event_types.values()
        ]}
        if schema.event_attributes:
            events["attributes"] = _attributes(schema.event_attributes)
        data["events"] = events
    if schema.document_labels:
        labels: dict[str, Any] = {}
        for name, label in schema.document_labels.items():
            entry: dict[str, Any] = {"kind": label.kind}
            if label.values:
                entry["values"] = list(label.values)
            if label.per_topic:
                entry["per_topic"] = True
            if label.description:
                entry["description"] = label.description
            labels[name] = entry
        data["documents"] = {"labels": labels}
    if schema.gazetteer:
        data["gazetteer"] = {label: list(names) for label, names in schema.gazetteer.items()}
    return data


def _key(name: str) -> str:
    return name if BARE_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string with ensure_ascii=False is a valid TOML basic string.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _assignment(name: str, value: Any) -> str:
    line = f"{_key(name)} = {_value(value)}"
    if len(line) <= WRAP_AT or not isinstance(value, list) or not value:
        return line
    items = "".join(f"    {_value(item)},\n" for item in value)
    return f"{_key(name)} = [\n{items}]"


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _write_table(table: Mapping[str, Any], path: list[str], out: list[str]) -> None:
    plain = [(k, v) for k, v in table.items()
             if not isinstance(v, Mapping) and not _is_table_array(v)]
    if path and (plain or not table):
        out.append("")
        out.append("[" + ".".join(_key(p) for p in path) + "]")
    out.extend(_assignment(k, v) for k, v in plain)
    for name, value in table.items():
        if isinstance(value, Mapping):
            _write_table(value, [*path, name], out)
        elif _is_table_array(value):
            header = "[[" + ".".join(_key(p) for p in [*path, name]) + "]]"
            for item in value:
                out.append("")
                out.append(header)
                # Inside an array of tables, nested tables are written inline.
                out.extend(_assignment(k, v) for k, v in item.items())


def dumps(data: Mapping[str, Any]) -> str:
    """``data`` as a TOML document (see the module docstring for what it supports)."""
    out: list[str] = []
    _write_table(data, [], out)
    return "\n".join(out).lstrip("\n") + "\n"


def schema_to_toml(schema: Schema) -> str:
    """The schema as TOML text, with a one-line header comment."""
    header = f"# Label schema {schema.name} version {schema.version}, written by annotator.\n\n"
    return header + dumps(schema_to_dict(schema))


def _attribute_line(attr: AttributeDef) -> str:
    default = f" (default {attr.default})" if attr.default is not None else ""
    return f"    {attr.name}: {' | '.join(attr.values)}{default}"


def summary_lines(schema: Schema) -> list[str]:
    """What ``annotator schema show`` prints."""
    lines = [f"{schema.name} (version {schema.version})"]
    if schema.description:
        lines.append(f"  {schema.description}")
    nesting = "nested spans allowed" if schema.nesting else "no nesting"
    lines.append(f"Entity types ({len(schema.entity_types)}, {nesting}):")
    for entity in schema.entity_types.values():
        key = entity.hotkey if entity.hotkey is not None else "-"
        lines.append(f"  {entity.name:<9} [{key}] {entity.color}  {entity.description}")
    if schema.entity_attributes:
        lines.append("  attributes:")
        lines.extend(_attribute_line(a) for a in schema.entity_attributes.values())
    if schema.quote_kinds:
        lines.append(f"Quotes: kinds {', '.join(schema.quote_kinds)}; "
                     f"cue verbs {' '.join(schema.cue_verbs) or '-'}")
    if schema.stance_labels:
        lines.append(f"Stance: labels {', '.join(schema.stance_labels)}; "
                     f"{len(schema.topics)} topic(s)")
        lines.extend(f"  topic {t.id}: {t.label}" + (f" ({t.label_en})" if t.label_en else "")
                     for t in schema.topics.values())
    if schema.event_types:
        lines.append(f"Event types ({len(schema.event_types)}):")
        lines.extend(f"  {e.name}: {', '.join(e.roles)}" for e in schema.event_types.values())
    if schema.event_attributes:
        lines.append("  attributes:")
        lines.extend(_attribute_line(a) for a in schema.event_attributes.values())
    if schema.document_labels:
        lines.append("Document labels:")
        for label in schema.document_labels.values():
            values = f": {', '.join(label.values)}" if label.values else ""
            per_topic = ", per topic" if label.per_topic else ""
            lines.append(f"  {label.name} ({label.kind}{per_topic}){values}")
    if schema.gazetteer:
        counts = ", ".join(f"{label} {len(names)}" for label, names in schema.gazetteer.items())
        lines.append(f"Gazetteer names: {counts}")
    return lines
