"""Record-level checks: does a ``DocumentRecord`` fit the text rules and the schema?

``check_record`` is run on every parsed record before anything is imported. It returns
one readable reason per problem (an empty list when the record is fine):

* every span (entities, quote contents and cues, event triggers, stance evidence) is
  valid for the record's text by ``span_problem`` (rules 5 and 7);
* entity labels and attributes, event types, roles, role fillers and attributes, quote
  kinds, stance labels and topics, and document labels are declared by the schema;
* every reference (quote speaker, event argument, stance holder, stance target, stance
  evidence) names an annotation of the same record (or ``AUTHOR`` for speakers and
  holders), and no id is used twice for the same kind of annotation.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import AUTHOR, STATUSES, DocumentRecord, Span
from annotator.core.schema import Schema
from annotator.core.text.spans import span_problem


def _known(names: Iterable[str]) -> str:
    listed = list(names)
    return ", ".join(listed) if listed else "none"


def _span(text: str, span: Span, what: str, problems: list[str]) -> None:
    problem = span_problem(text, span.start, span.end)
    if problem is not None:
        problems.append(f"{what} [{span.start}, {span.end}): {problem}")


def _unique(ids: Iterable[str], kind: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            problems.append(f"{kind} id {ident!r} is used twice")
        seen.add(ident)
    return seen


def _entities(record: DocumentRecord, schema: Schema, problems: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    _unique((e.id for e in record.entities), "entity", problems)
    for entity in record.entities:
        what = f"entity {entity.id}"
        labels[entity.id] = entity.label
        _span(record.text, entity.span, what, problems)
        if not schema.has_entity_label(entity.label):
            problems.append(f"{what}: label {entity.label!r} is not in the schema "
                            f"(known: {_known(schema.entity_types)})")
        problems.extend(f"{what}: {p}" for p in schema.check_entity_attrs(entity.attrs))
    return labels


def _party(ref: str | None, labels: dict[str, str], allowed: tuple[str, ...], what: str,
           problems: list[str]) -> None:
    """A speaker or holder: None, AUTHOR, or an entity of an allowed label."""
    if ref is None or ref == AUTHOR:
        return
    if ref not in labels:
        problems.append(f"{what} {ref!r} is not an entity of this document")
    elif allowed and labels[ref] not in allowed:
        problems.append(f"{what} {ref!r} is a {labels[ref]} entity (allowed: {_known(allowed)})")


def _quotes(record: DocumentRecord, schema: Schema, labels: dict[str, str],
            problems: list[str]) -> set[str]:
    ids = _unique((q.id for q in record.quotes), "quote", problems)
    for quote in record.quotes:
        what = f"quote {quote.id}"
        _span(record.text, quote.content, f"{what} content", problems)
        if quote.cue is not None:
            _span(record.text, quote.cue, f"{what} cue", problems)
        if not schema.quote_kinds:
            problems.append(f"{what}: the schema does not annotate quotes")
        elif quote.kind not in schema.quote_kinds:
            problems.append(f"{what}: kind {quote.kind!r} is not in the schema "
                            f"(known: {_known(schema.quote_kinds)})")
        _party(quote.speaker, labels, schema.speaker_types, f"{what}: speaker", problems)
    return ids


def _events(record: DocumentRecord, schema: Schema, labels: dict[str, str],
            problems: list[str]) -> set[str]:
    ids = _unique((v.id for v in record.events), "event", problems)
    for event in record.events:
        what = f"event {event.id}"
        _span(record.text, event.trigger, f"{what} trigger", problems)
        problems.extend(f"{what}: {p}" for p in schema.check_event_attrs(event.attrs))
        if not schema.has_event_type(event.type):
            problems.append(f"{what}: type {event.type!r} is not in the schema "
                            f"(known: {_known(schema.event_types)})")
        roles = schema.allowed_roles(event.type)
        for arg in event.arguments:
            if arg.entity not in labels:
                problems.append(f"{what}: argument {arg.role} {arg.entity!r} is not an entity "
                                "of this document")
            elif schema.has_event_type(event.type) and arg.role not in roles:
                problems.append(f"{what}: role {arg.role!r} is not allowed for {event.type} "
                                f"(allowed: {_known(roles)})")
            elif schema.has_event_type(event.type) and not schema.role_accepts(
                event.type, arg.role, labels[arg.entity]
            ):
                problems.append(f"{what}: role {arg.role} does not accept a "
                                f"{labels[arg.entity]} entity ({arg.entity})")
    return ids


def _stances(record: DocumentRecord, schema: Schema, *, labels: dict[str, str],
             quotes: set[str], events: set[str], problems: list[str]) -> None:
    _unique((s.id for s in record.stances), "stance", problems)
    for stance in record.stances:
        what = f"stance {stance.id}"
        if not schema.stance_labels:
            problems.append(f"{what}: the schema does not annotate stances")
        elif stance.label not in schema.stance_labels:
            problems.append(f"{what}: label {stance.label!r} is not in the schema "
                            f"(known: {_known(schema.stance_labels)})")
        _party(stance.holder, labels, schema.holder_types, f"{what}: holder", problems)
        target = stance.target
        if target.entity is not None and target.entity not in labels:
            problems.append(f"{what}: target {target.entity!r} is not an entity of this document")
        if target.event is not None and target.event not in events:
            problems.append(f"{what}: target {target.event!r} is not an event of this document")
        if target.topic is not None and not schema.has_topic(target.topic):
            problems.append(f"{what}: topic {target.topic!r} is not in the schema "
                            f"(known: {_known(schema.topics)})")
        if isinstance(stance.evidence, Span):
            _span(record.text, stance.evidence, f"{what} evidence", problems)
        elif stance.evidence is not None and stance.evidence not in quotes:
            problems.append(f"{what}: evidence {stance.evidence!r} is not a quote of this "
                            "document")


def check_record(record: DocumentRecord, schema: Schema) -> list[str]:
    """Every reason ``record`` cannot be imported into a project with ``schema``."""
    problems: list[str] = []
    if record.status not in STATUSES:
        problems.append(f"unknown status {record.status!r} (one of {', '.join(STATUSES)})")
    if not (record.entities or record.quotes or record.events or record.stances
            or record.labels):
        return problems  # a bare text: nothing else to check (the common case of big imports)
    labels = _entities(record, schema, problems)
    quotes = _quotes(record, schema, labels, problems)
    events = _events(record, schema, labels, problems)
    _stances(record, schema, labels=labels, quotes=quotes, events=events, problems=problems)
    problems.extend(schema.check_document_labels(record.labels))
    return problems
