"""Value checks shared by the user actions, the import and ``validate()``.

``span_reason`` says why offsets cannot be a span (or None); ``json_text`` and ``attrs_json``
turn values into the JSON text the store keeps. What the schema allows (labels, types, roles,
kinds, topics, statuses) is decided in :mod:`annotator.core.schema.rules`; its functions are
re-exported here for the store modules that still reach them as ``validation.*``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from annotator.core.schema.rules import (
    document_label_problem,
    entity_attrs_problem,
    entity_label_problem,
    event_attrs_problem,
    event_type_problem,
    quote_kind_problem,
    role_problem,
    stance_label_problem,
    status_problem,
    topic_problem,
)
from annotator.core.text import span_problem

# The schema rules, for store modules that reach them as ``validation.*`` (integrity.py).
__all__ = [
    "attrs_json",
    "document_label_problem",
    "entity_attrs_problem",
    "entity_label_problem",
    "event_attrs_problem",
    "event_type_problem",
    "json_text",
    "quote_kind_problem",
    "require",
    "role_problem",
    "span_reason",
    "stance_label_problem",
    "status_problem",
    "topic_problem",
]


def require(problem: str | None) -> None:
    """Raise ``ValueError(problem)`` when there is a problem (a rule's answer, or None)."""
    if problem is not None:
        raise ValueError(problem)


def span_reason(text: str, start: int, end: int, what: str) -> str | None:
    """Why ``[start, end)`` cannot be the span of ``what`` in ``text``
    (docs/ARABIC.md, Span edges)."""
    if not isinstance(start, int) or not isinstance(end, int):
        return f"{what} offsets must be integers, got {start!r}, {end!r}"
    problem = span_problem(text, start, end)
    return None if problem is None else f"{what}: {problem}"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def json_text(value: Any, what: str) -> str:
    """``value`` as compact JSON text (raises ValueError when it is not JSON-serializable)."""
    if isinstance(value, dict) and not value:
        return "{}"
    try:
        return _ENCODER.encode(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} is not JSON-serializable: {exc}") from exc


def attrs_json(attrs: Mapping[str, Any] | None, what: str = "attrs") -> str:
    """Attributes (a mapping, or None for none) as JSON object text."""
    if attrs is None:
        return "{}"
    if isinstance(attrs, dict) and not attrs:  # the common case, kept cheap for imports
        return "{}"
    if not isinstance(attrs, Mapping):
        raise ValueError(f"{what} must be a mapping, got {type(attrs).__name__}")
    return json_text(dict(attrs), what)
