"""How deeply a parsed JSON value nests, checked without recursion: JSON from files and from
a project is untrusted, and code that walks it later must not hit Python's recursion limit."""

from __future__ import annotations

from typing import Any


def nested_deeper(value: Any, limit: int) -> bool:
    """True when ``value`` nests arrays/objects more than ``limit`` levels (checked without
    recursion, so any parsed value can be checked)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
