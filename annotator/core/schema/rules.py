"""What the schema allows: one function per rule, shared by everything that checks annotations.

Each ``*_problem`` function returns the reason a value is not allowed by ``schema`` (a
sentence the user reads), or None when it is. The store's actions, its bulk import and its
``validate()`` (:mod:`annotator.core.store`) and the import checks
(:mod:`annotator.core.checks`) all decide with these, so a rule and its wording live here
once. The callers turn a reason into what they need: a ``ValueError`` for a bad argument to
an action, a ``ProjectError`` naming the record's source, a ``Violation``, a line of an
import report.

The spelling rules of the schema file itself (what an entity label or a role name may look
like) are another thing and live in :mod:`annotator.core.schema.sections` as
``*_spelling_problem``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.core.model import STATUSES
from annotator.core.schema.definitions import Schema


def entity_label_problem(schema: Schema, label: str) -> str | None:
    """An entity label the schema does not declare."""
    if label in schema.entity_types:
        return None
    return f"unknown entity label {label!r} (schema has {', '.join(schema.entity_types)})"


def entity_attrs_problem(schema: Schema, attrs: Mapping[str, Any]) -> str | None:
    """Entity attributes the schema does not declare, or values outside their set."""
    problems = schema.entity_attrs_problems(attrs)
    return "; ".join(problems) if problems else None


def event_type_problem(schema: Schema, event_type: str) -> str | None:
    """An event type the schema does not declare."""
    if event_type in schema.event_types:
        return None
    known = ", ".join(schema.event_types) or "none"
    return f"unknown event type {event_type!r} (schema has {known})"


def event_attrs_problem(schema: Schema, attrs: Mapping[str, Any]) -> str | None:
    """Event attributes the schema does not declare, or values outside their set."""
    problems = schema.event_attrs_problems(attrs)
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


def document_labels_problem(schema: Schema, labels: Mapping[str, Any]) -> str | None:
    """Document labels the schema does not declare, or values that do not fit them (every
    reason, joined by ``; ``)."""
    problems = schema.document_labels_problems(labels)
    return "; ".join(problems) if problems else None


def document_label_problem(schema: Schema, key: str, value: Any) -> str | None:
    """A document label the schema does not declare, or a value that does not fit it."""
    return document_labels_problem(schema, {key: value})


def status_problem(status: str) -> str | None:
    """A document status outside ``todo``/``in-progress``/``done``/``skipped`` (fixed by
    :data:`annotator.core.model.STATUSES`, the same for every schema)."""
    if status in STATUSES:
        return None
    return f"unknown status {status!r} (one of {', '.join(STATUSES)})"
