"""Record-level checks: does a ``DocumentRecord`` fit the text rules (docs/ARABIC.md) and the
schema?

``record_problems`` is run on every parsed record before anything is imported. It returns
one readable reason per problem (an empty list when the record is fine):

* every span (entities, quote contents and cues, event triggers, stance evidence) is
  valid for the record's text by ``span_problem`` (docs/ARABIC.md, Span edges);
* entity labels and attributes, event types, roles, role fillers and attributes, quote
  kinds, stance labels and topics, and document labels are declared by the schema — decided
  by the schema rules (:mod:`annotator.core.schema.rules`) that the store's actions, its
  import and ``validate()`` use too, so a rule lives in one place;
* every reference (quote speaker, event argument, stance holder, stance target, stance
  evidence) names an annotation of the same record (or ``AUTHOR`` for speakers and
  holders), and no id is used twice for the same kind of annotation.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import AUTHOR, DocumentRecord, Span
from annotator.core.schema import Schema, rules
from annotator.core.text.spans import span_problem


def _span(text: str | None, span: Span, what: str, problems: list[str]) -> None:
    if text is None:  # checked already, by the reader that made the span
        return
    problem = span_problem(text, span.start, span.end)
    if problem is not None:
        problems.append(f"{what} [{span.start}, {span.end}): {problem}")


def _add(problems: list[str], what: str, problem: str | None) -> None:
    if problem is not None:
        problems.append(f"{what}: {problem}")


def _unique(ids: Iterable[str], kind: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            problems.append(f"{kind} id {ident!r} is used twice")
        seen.add(ident)
    return seen


def _entities(record: DocumentRecord, schema: Schema, problems: list[str],
              text: str | None) -> dict[str, str]:
    columns = record.entity_columns
    if columns is not None and not record.entities and text is None:
        # A reader's plain entities (issue 12): ids, spans and attributes are proven; the
        # labels are checked as a set, each one only when the set is not declared.
        if not schema.entity_types.keys() >= set(columns.labels):
            for ident, label in zip(columns.ids, columns.labels, strict=True):
                _add(problems, f"entity {ident}", rules.entity_label_problem(schema, label))
        return dict(zip(columns.ids, columns.labels, strict=True))
    entities = record.all_entities()
    labels = {entity.id: entity.label for entity in entities}
    if len(labels) < len(entities):
        _unique((e.id for e in entities), "entity", problems)
    types = schema.entity_types
    for entity in entities:
        attrs = entity.attrs
        if text is None and entity.label in types and not attrs and type(attrs) is dict:
            continue  # the cheap test proves the three checks below pass (issue 12)
        what = f"entity {entity.id}"
        _span(text, entity.span, what, problems)
        _add(problems, what, rules.entity_label_problem(schema, entity.label))
        _add(problems, what, rules.entity_attrs_problem(schema, entity.attrs))
    return labels


def _party(ref: str | None, labels: dict[str, str], what: str, problems: list[str],
           label_problem: str | None = None) -> None:
    """A speaker or holder: None, AUTHOR, or an entity of this document."""
    if ref is None or ref == AUTHOR:
        return
    if ref not in labels:
        problems.append(f"{what} {ref!r} is not an entity of this document")
    else:
        _add(problems, f"{what} {ref!r}", label_problem)


def _quotes(record: DocumentRecord, schema: Schema, labels: dict[str, str],
            problems: list[str], text: str | None) -> set[str]:
    ids = _unique((q.id for q in record.quotes), "quote", problems)
    for quote in record.quotes:
        what = f"quote {quote.id}"
        _span(text, quote.content, f"{what} content", problems)
        if quote.cue is not None:
            _span(text, quote.cue, f"{what} cue", problems)
        _add(problems, what, rules.quote_kind_problem(schema, quote.kind))
        speaker = labels.get(quote.speaker or "")
        _party(quote.speaker, labels, f"{what}: speaker", problems,
               rules.speaker_label_problem(schema, speaker) if speaker else None)
    return ids


def _events(record: DocumentRecord, schema: Schema, labels: dict[str, str],
            problems: list[str], text: str | None) -> set[str]:
    ids = _unique((e.id for e in record.events), "event", problems)
    for event in record.events:
        what = f"event {event.id}"
        _span(text, event.trigger, f"{what} trigger", problems)
        _add(problems, what, rules.event_attrs_problem(schema, event.attrs))
        type_problem = rules.event_type_problem(schema, event.type)
        _add(problems, what, type_problem)
        for arg in event.arguments:
            if arg.entity not in labels:
                problems.append(f"{what}: argument {arg.role} {arg.entity!r} is not an entity "
                                "of this document")
            elif type_problem is None:
                _add(problems, f"{what} argument {arg.entity}",
                     rules.role_problem(schema, event.type, arg.role, labels[arg.entity]))
    return ids


def _stances(record: DocumentRecord, schema: Schema, *, labels: dict[str, str],
             quotes: set[str], events: set[str], problems: list[str],
             text: str | None) -> None:
    _unique((s.id for s in record.stances), "stance", problems)
    for stance in record.stances:
        what = f"stance {stance.id}"
        _add(problems, what, rules.stance_label_problem(schema, stance.label))
        holder = labels.get(stance.holder or "")
        _party(stance.holder, labels, f"{what}: holder", problems,
               rules.holder_label_problem(schema, holder) if holder else None)
        target = stance.target
        if target.entity is not None and target.entity not in labels:
            problems.append(f"{what}: target {target.entity!r} is not an entity of this document")
        if target.event is not None and target.event not in events:
            problems.append(f"{what}: target {target.event!r} is not an event of this document")
        if target.topic is not None:
            _add(problems, what, rules.topic_problem(schema, target.topic))
        if isinstance(stance.evidence, Span):
            _span(text, stance.evidence, f"{what} evidence", problems)
        elif stance.evidence is not None and stance.evidence not in quotes:
            problems.append(f"{what}: evidence {stance.evidence!r} is not a quote of this "
                            "document")


def record_problems(record: DocumentRecord, schema: Schema, *,
                    spans_checked: bool = False) -> list[str]:
    """Every reason ``record`` cannot be imported into a project with ``schema``.

    ``spans_checked``: the record's spans were made by a reader's ``SpanMover``, which
    checked each of them with ``span_problem`` on the stored text already; they are not
    checked again (issue 12: each span is checked once)."""
    problems: list[str] = []
    status = rules.status_problem(record.status)
    if status is not None:
        problems.append(status)
    if not (record.entities or record.entity_columns or record.quotes or record.events
            or record.stances or record.labels):
        return problems  # a bare text: nothing else to check (the common case of big imports)
    text = None if spans_checked else record.text
    columns = record.entity_columns
    if (columns is not None and text is None and not (record.entities or record.quotes
                                                      or record.events or record.stances)):
        # The import stream's usual record (issue 12, fourth pass): a reader's plain
        # entities and nothing that refers to them, so no id table to build.
        if not schema.entity_types.keys() >= set(columns.labels):
            _entities(record, schema, problems, text)
        if record.labels:
            problems.extend(schema.document_labels_problems(record.labels))
        return problems
    labels = _entities(record, schema, problems, text)
    quotes = _quotes(record, schema, labels, problems, text)
    events = _events(record, schema, labels, problems, text)
    _stances(record, schema, labels=labels, quotes=quotes, events=events, problems=problems,
             text=text)
    problems.extend(schema.document_labels_problems(record.labels))
    return problems
