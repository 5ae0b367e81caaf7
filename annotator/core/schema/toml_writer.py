"""A TOML writer for what a schema file holds: tables, arrays of tables, strings, integers,
booleans and arrays of strings (no third-party TOML library needed).

:meth:`annotator.core.schema.Schema.to_toml` writes :meth:`~annotator.core.schema.Schema.to_dict`
with it, so ``parse_schema(schema.to_toml())`` gives back an equal schema (apart from
``source_text``). It knows nothing of schemas: it takes plain dicts and lists.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import regex

BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")
WRAP_AT = 100


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
