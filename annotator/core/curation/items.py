"""One layer of one document as curation items: a kind, a stable key, a version.

Curation compares layers key by key. A key is where an annotation is, independent of row
ids, so it is the same in every layer and stays stable across runs:

========  ==================================  ===========================================
kind      key                                 version element
========  ==================================  ===========================================
entity    ``start-end`` of the span            ``(label, attrs JSON)``
quote     ``start-end`` of the content         ``(cue "s-e" | None, speaker, kind)``
event     ``start-end`` of the trigger         ``(type, ((role, "s-e LABEL"), ...))``
stance    ``holder -> target``                 ``(label, evidence)``
label     the document label's name            ``(value JSON,)``
========  ==================================  ===========================================

A speaker or holder is ``AUTHOR``, ``?`` (unknown) or ``"s-e LABEL"`` (an entity by span
and label); a target ``entity s-e LABEL``, ``event s-e TYPE`` or ``topic NAME``; evidence
``quote s-e``, ``span s-e`` or None. A layer's VERSION at a key is the sorted tuple of its
elements there (several entities on one span: several elements); absence is None.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import AUTHOR, DocumentRecord, Entity, Event, Span

KINDS = ("label", "entity", "quote", "event", "stance")
"""The kinds in the order items at one position are listed (document labels first)."""
Element = tuple[object, ...]
Version = tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """Where an item is: its kind, key and reading position (code point; -1 for document
    labels, which come first)."""

    kind: str
    key: str
    position: int


def span_key(start: int, end: int) -> str:
    """``"12-17"``."""
    return f"{start}-{end}"


def parse_span(key: str) -> Span:
    """The span of a ``"12-17"`` key (or of its first word)."""
    start, _, end = key.split(" ", 1)[0].partition("-")
    return Span(int(start), int(end))


def _entity_ref(entities: dict[str, Entity], ref: str | None) -> str:
    if ref is None:
        return "?"
    if ref == AUTHOR:
        return AUTHOR
    e = entities.get(ref)
    return "?" if e is None else f"{span_key(e.start, e.end)} {e.label}"


def layer_items(record: DocumentRecord) -> dict[Place, Version]:
    """Every item of one layer of a document, with its version."""
    found: dict[Place, list[Element]] = {}

    def add(kind: str, key: str, position: int, element: Element) -> None:
        found.setdefault(Place(kind, key, position), []).append(element)

    entities = {e.id: e for e in record.entities}
    events: dict[str, Event] = {e.id: e for e in record.events}
    quotes = {q.id: q for q in record.quotes}
    for key, value in record.labels.items():
        add("label", key, -1, (json.dumps(value, ensure_ascii=False, sort_keys=True),))
    for e in record.entities:
        add("entity", span_key(e.start, e.end), e.start,
            (e.label, json.dumps(e.attrs, ensure_ascii=False, sort_keys=True)))
    for q in record.quotes:
        cue = span_key(q.cue.start, q.cue.end) if q.cue else None
        add("quote", span_key(q.content.start, q.content.end), q.content.start,
            (cue, _entity_ref(entities, q.speaker), q.kind))
    for v in record.events:
        arguments = tuple(sorted((a.role, _entity_ref(entities, a.entity))
                                 for a in v.arguments))
        add("event", span_key(v.trigger.start, v.trigger.end), v.trigger.start,
            (v.type, arguments))
    for s in record.stances:
        holder = _entity_ref(entities, s.holder) if s.holder != AUTHOR else AUTHOR
        position = 1 << 62
        if s.target.entity is not None:
            target = f"entity {_entity_ref(entities, s.target.entity)}"
            te = entities.get(s.target.entity)
            position = te.start if te else position
        elif s.target.event is not None:
            ev = events.get(s.target.event)
            target = (f"event {span_key(ev.trigger.start, ev.trigger.end)} {ev.type}" if ev
                      else "event ?")
            position = ev.trigger.start if ev else position
        else:
            target = f"topic {s.target.topic}"
        he = entities.get(s.holder or "")
        if he is not None:
            position = min(position, he.start)
        evidence: str | None = None
        if isinstance(s.evidence, Span):
            evidence = f"span {span_key(s.evidence.start, s.evidence.end)}"
        elif s.evidence is not None and s.evidence in quotes:
            c = quotes[s.evidence].content
            evidence = f"quote {span_key(c.start, c.end)}"
        add("stance", f"{holder} -> {target}", position, (s.label, evidence))
    return {place: tuple(sorted(elements, key=repr)) for place, elements in found.items()}


def reading_order(places: Iterable[Place]) -> list[Place]:
    """Places in reading order: by position, then kind, then key."""
    return sorted(places, key=lambda p: (p.position, KINDS.index(p.kind), p.key))


def describe(kind: str, version: Version | None) -> str:
    """A short text of a version for a list or a report: ``PERS``, ``quote cue 3-9 speaker
    AUTHOR direct``, ``Conflict:Attack (Attacker 0-5 PERS)``, ``AGAINST``; ``—`` for absence."""
    if version is None:
        return "—"
    parts: list[str] = []
    for element in version:
        if kind == "entity":
            attrs = "" if element[1] == "{}" else f" {element[1]}"
            parts.append(f"{element[0]}{attrs}")
        elif kind == "quote":
            parts.append(f"cue {element[0] or '—'}, speaker {element[1]}, {element[2]}")
        elif kind == "event":
            args = ", ".join(f"{r} {ref}" for r, ref in element[1])  # type: ignore[attr-defined]
            parts.append(f"{element[0]}" + (f" ({args})" if args else ""))
        elif kind == "stance":
            parts.append(f"{element[0]}" + (f", evidence {element[1]}" if element[1] else ""))
        else:
            parts.append(str(element[0]))
    return " + ".join(parts)
