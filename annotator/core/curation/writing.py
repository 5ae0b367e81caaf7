"""Writing versions into the curated layer (the project must be opened by a curator with
``layer=CURATED``): clear what the curated layer holds at a key, write a version there.

References are resolved in the curated layer by span: a quote's speaker, an event's
argument, a stance's holder or target is the curated entity (or event) at the same span with
the same label (type); when the curated layer has none yet, it is brought in with the
version (an entity with its label, an event with its type and no arguments). Evidence that
is a quote the curated layer lacks is left out.
"""

from __future__ import annotations

import json

from annotator.core.curation.items import Version, parse_span, span_key
from annotator.core.model import AUTHOR, DocumentRecord, EventArgument, Span, StanceTarget
from annotator.core.store import Project


def _curated(project: Project, doc_id: int) -> DocumentRecord:
    return project.get_record(doc_id)  # the curated layer: the layer the project writes


def clear_key(project: Project, doc_id: int, kind: str, key: str) -> None:
    """Delete what the curated layer holds at ``(kind, key)`` (what refers to it follows the
    store's delete rules)."""
    record = _curated(project, doc_id)
    if kind == "label":
        if key in record.labels:
            project.set_document_label(doc_id, key, None)
        return
    from annotator.core.curation.items import layer_items

    here = {p.key for p in layer_items(record) if p.kind == kind}
    if key not in here:
        return
    if kind == "entity":
        for e in record.entities:
            if span_key(e.start, e.end) == key:
                project.delete_entity(int(e.id))
    elif kind == "quote":
        for q in record.quotes:
            if span_key(q.content.start, q.content.end) == key:
                project.delete_quote(int(q.id))
    elif kind == "event":
        for v in record.events:
            if span_key(v.trigger.start, v.trigger.end) == key:
                project.delete_event(int(v.id))
    elif kind == "stance":
        ids = _stance_ids(project, doc_id, key)
        for stance_id in ids:
            project.delete_stance(stance_id)


def _stance_ids(project: Project, doc_id: int, key: str) -> list[int]:
    from annotator.core.curation.items import layer_items

    record = _curated(project, doc_id)
    found = []
    for s in record.stances:
        single = DocumentRecord(id=None, text="", entities=record.entities,
                                events=record.events, quotes=record.quotes, stances=[s])
        if any(p.kind == "stance" and p.key == key for p in layer_items(single)):
            found.append(int(s.id))
    return found


def entity_id(project: Project, doc_id: int, ref: str) -> str | None:
    """The curated entity for a ``"s-e LABEL"`` reference (added when missing), ``AUTHOR``
    or None (``?``)."""
    if ref in (AUTHOR, "?"):
        return AUTHOR if ref == AUTHOR else None
    span_text, _, label = ref.partition(" ")
    span = parse_span(span_text)
    for e in _curated(project, doc_id).entities:
        if (e.start, e.end, e.label) == (span.start, span.end, label):
            return e.id
    return str(project.add_entity(doc_id, span.start, span.end, label))


def _event_id(project: Project, doc_id: int, ref: str) -> str:
    span_text, _, event_type = ref.partition(" ")
    span = parse_span(span_text)
    for v in _curated(project, doc_id).events:
        if (v.trigger.start, v.trigger.end, v.type) == (span.start, span.end, event_type):
            return v.id
    return str(project.add_event(doc_id, event_type, span))


def _quote_id(project: Project, doc_id: int, key: str) -> str | None:
    for q in _curated(project, doc_id).quotes:
        if span_key(q.content.start, q.content.end) == key:
            return q.id
    return None


def write_version(project: Project, doc_id: int, kind: str, key: str,
                  version: Version | None) -> None:
    """Write ``version`` at ``(kind, key)`` of the curated layer (after :func:`clear_key`);
    None writes nothing."""
    for element in version or ():
        if kind == "label":
            project.set_document_label(doc_id, key, json.loads(str(element[0])))
        elif kind == "entity":
            span = parse_span(key)
            project.add_entity(doc_id, span.start, span.end, str(element[0]),
                               json.loads(str(element[1])))
        elif kind == "quote":
            cue, speaker, quote_kind = element
            project.add_quote(doc_id, parse_span(key),
                              parse_span(str(cue)) if cue else None,
                              entity_id(project, doc_id, str(speaker)), str(quote_kind))
        elif kind == "event":
            event_type, arguments = element
            args = [EventArgument(str(role), str(entity_id(project, doc_id, str(ref))))
                    for role, ref in arguments]  # type: ignore[attr-defined]
            project.add_event(doc_id, str(event_type), parse_span(key), args)
        elif kind == "stance":
            _write_stance(project, doc_id, key, str(element[0]),
                          None if element[1] is None else str(element[1]))


def _write_stance(project: Project, doc_id: int, key: str, label: str,
                  evidence: str | None) -> None:
    holder_ref, _, target_ref = key.partition(" -> ")
    holder = entity_id(project, doc_id, holder_ref)
    what, _, ref = target_ref.partition(" ")
    if what == "entity":
        target = StanceTarget(entity=entity_id(project, doc_id, ref))
    elif what == "event":
        target = StanceTarget(event=_event_id(project, doc_id, ref))
    else:
        target = StanceTarget(topic=ref)
    proof: str | Span | None = None
    if evidence is not None:
        how, _, where = evidence.partition(" ")
        proof = parse_span(where) if how == "span" else _quote_id(project, doc_id, where)
    project.add_stance(doc_id, holder, target, label, proof)
