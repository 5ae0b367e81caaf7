"""What the stance form offers and what it starts with, without Qt.

The form chooses a holder (AUTHOR or an entity near the selection), a target (a project
topic, an event, or an entity near the selection), a label and the evidence (a quote, or the
selected text trimmed like every span). Its defaults follow the selection: a selected quote
gives its speaker as holder and itself as evidence, a selected entity is the holder, a
selected stance shows its own holder and label (and cannot be added again).

Choice data are strings: ``entity:17``, ``event:3``, ``topic:ID``, ``quote:2``,
``span:START:END``; a holder is an entity id or ``AUTHOR``.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import AUTHOR, Span, StanceTarget
from annotator.core.schema import Schema
from annotator.ui.session.choices import Choice, entity_text, nearby, preview
from annotator.ui.session.session import DocumentSession

AUTHOR_CHOICE = "AUTHOR (the article's author)"


@dataclass(frozen=True, slots=True)
class StanceForm:
    """The choices of the stance form and the ones selected at first."""

    holders: list[Choice]
    targets: list[Choice]
    evidence: list[Choice]
    holder: str | None
    label: str | None
    evidence_choice: str | None
    can_add: bool
    """False on a selected stance: the form shows it (its label changes it)."""


def stance_form(session: DocumentSession, schema: Schema, cursor: int) -> StanceForm:
    """The stance form for the session's selection (``cursor``: the text cursor, the centre
    of the nearby entities when the selection has no place of its own)."""
    links, text = session.links, session.text
    selected = session.selected or ""
    stance = links.stances.get(selected[1:]) if selected[:1] == "s" else None
    quote = links.quotes.get(selected[1:]) if selected[:1] == "q" else None
    centre = cursor
    if selected in session.entities:
        centre = session.entities[selected].start
    elif quote is not None:
        centre = quote.content.start
    holders = [Choice(AUTHOR_CHOICE, AUTHOR)]
    holders += [Choice(entity_text(session, e), e)
                for e in nearby(session, centre, schema.holder_types)]
    targets = [Choice(f"Topic: {t.label}", f"topic:{t.id}") for t in schema.topics.values()]
    targets += [Choice(f"Event: {e.type} ({e.trigger.slice(text)})", f"event:{key}")
                for key, e in links.events.items()]
    targets += [Choice(entity_text(session, e), f"entity:{e}") for e in nearby(session, centre)]
    evidence = [Choice("— none —", None)]
    evidence += [Choice(f"Quote «{preview(q.content.slice(text))}»", f"quote:{key}")
                 for key, q in links.quotes.items()]
    span = session.evidence_span()
    if span is not None:
        evidence.append(Choice("The selected text", f"span:{span.start}:{span.end}"))
    holder = quote.speaker if quote is not None else (
        selected if selected in session.entities else None)
    if stance is not None:
        holder = stance.holder
    return StanceForm(holders, targets, evidence, holder,
                      stance.label if stance is not None else None,
                      f"quote:{selected[1:]}" if quote is not None else None,
                      can_add=stance is None)


def target_of(data: str) -> StanceTarget:
    """The stance target a target choice means (``entity:17``, ``event:3``, ``topic:ID``)."""
    kind, key = data.split(":", 1)
    return StanceTarget(**{kind: key})


def evidence_of(data: str | None) -> str | Span | None:
    """The evidence an evidence choice means: a quote id, a span, or None."""
    if data is not None and data.startswith("quote:"):
        return data.split(":", 1)[1]
    if data is not None and data.startswith("span:"):
        _, start, end = data.split(":")
        return Span(int(start), int(end))
    return None


def picked_choice(session: DocumentSession, purpose: str, span_id: str) -> tuple[str | None, str]:
    """The holder or target choice a picked span means: ``(choice, "")``, or
    ``(None, why)`` when the span cannot be one."""
    if purpose == "holder":
        if span_id not in session.entities:
            return None, "Refused: a stance holder must be an entity (or AUTHOR)."
        return span_id, ""
    if span_id in session.entities:
        return f"entity:{span_id}", ""
    if span_id.startswith("v") and span_id[1:] in session.links.events:
        return f"event:{span_id[1:]}", ""
    return None, "Refused: a stance target is an entity, an event trigger or a topic."
