"""Checks shared by the user actions, the import and ``validate()``.

Each ``*_problem`` function returns the reason something is not allowed, or None; the
callers turn a reason into the right exception (``ValueError`` for a bad argument to an
action, ``ProjectError`` naming the record source during an import) or a ``Violation``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from annotator.core.model import STATUSES
from annotator.core.schema import Schema
from annotator.core.text import span_problem


def span_reason(text: str, start: int, end: int, what: str) -> str | None:
    """Why ``[start, end)`` cannot be the span of ``what`` in ``text`` (text rules 5 and 7)."""
    if not isinstance(start, int) or not isinstance(end, int):
        return f"{what} offsets must be integers, got {start!r}, {end!r}"
    problem = span_problem(text, start, end)
    return None if problem is None else f"{what}: {problem}"


def entity_label_problem(schema: Schema, label: str) -> str | None:
    """Unknown entity label."""
    if label in schema.entity_types:
        return None
    return f"unknown entity label {label!r} (schema has {', '.join(schema.entity_types)})"


def entity_attrs_problem(schema: Schema, attrs: Mapping[str, Any]) -> str | None:
    """Entity attributes the schema does not declare, or values outside their set."""
    problems = schema.check_entity_attrs(attrs)
    return "; ".join(problems) if problems else None


def event_type_problem(schema: Schema, event_type: str) -> str | None:
    """Unknown event type."""
    if event_type in schema.event_types:
        return None
    known = ", ".join(schema.event_types) or "none"
    return f"unknown event type {event_type!r} (schema has {known})"


def event_attrs_problem(schema: Schema, attrs: Mapping[str, Any]) -> str | None:
    """Event attributes the schema does not declare, or values outside their set."""
    problems = schema.check_event_attrs(attrs)
    return "; ".join(problems) if problems else None


def role_problem(schema: Schema, event_type: str, role: str, entity_label: str) -> str | None:
    """A role the event type does not have, or an entity label the role does not accept."""
    roles = schema.allowed_roles(event_type)
    if role not in roles:
        return (f"role {role!r} is not allowed for {event_type}"
                f" (allowed: {', '.join(roles) or 'none'})")
    if not schema.role_accepts(event_type, role, entity_label):
        return f"role {role!r} of {event_type} does not accept a {entity_label} entity"
    return None


def quote_kind_problem(schema: Schema, kind: str) -> str | None:
    """A quote kind outside the schema (no kinds at all: the project has no quotes)."""
    if not schema.quote_kinds:
        return "the project schema does not annotate quotes"
    if kind in schema.quote_kinds:
        return None
    return f"unknown quote kind {kind!r} (schema has {', '.join(schema.quote_kinds)})"


def speaker_label_problem(schema: Schema, label: str) -> str | None:
    """An entity label that may not speak a quote."""
    if not schema.speaker_types or label in schema.speaker_types:
        return None
    return f"a {label} entity cannot be a quote speaker ({', '.join(schema.speaker_types)})"


def holder_label_problem(schema: Schema, label: str) -> str | None:
    """An entity label that may not hold a stance."""
    if not schema.holder_types or label in schema.holder_types:
        return None
    return f"a {label} entity cannot hold a stance ({', '.join(schema.holder_types)})"


def stance_label_problem(schema: Schema, label: str) -> str | None:
    """A stance label outside the schema (no labels at all: the project has no stances)."""
    if not schema.stance_labels:
        return "the project schema does not annotate stances"
    if label in schema.stance_labels:
        return None
    return f"unknown stance label {label!r} (schema has {', '.join(schema.stance_labels)})"


def topic_problem(schema: Schema, topic: str) -> str | None:
    """A stance topic id the schema does not declare."""
    if topic in schema.topics:
        return None
    return f"unknown stance topic {topic!r} (schema has {', '.join(schema.topics) or 'none'})"


def document_label_problem(schema: Schema, key: str, value: Any) -> str | None:
    """A document label the schema does not declare, or a value that does not fit it."""
    problems = schema.check_document_labels({key: value})
    return "; ".join(problems) if problems else None


def status_problem(status: str) -> str | None:
    """A document status outside ``todo``/``in-progress``/``done``/``skipped``."""
    if status in STATUSES:
        return None
    return f"unknown status {status!r} (one of {', '.join(STATUSES)})"


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
