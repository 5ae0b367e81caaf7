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
from annotator.ui.i18n import noop, translate
from annotator.ui.row_text import doc_text, isolate
from annotator.ui.session.choices import Choice, entity_choices, nearby
from annotator.ui.session.link_list import quote_text
from annotator.ui.session.session import DocumentSession

AUTHOR_CHOICE = noop("StanceForm", "AUTHOR (the article's author)")
NO_TARGET = noop("StanceForm", "— choose a target —")


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
    target: str | None = None
    """The target shown at first: a selected stance's own; else none (never a topic the
    user did not choose)."""


def _target_data(target: StanceTarget) -> str | None:
    if target.topic is not None:
        return f"topic:{target.topic}"
    if target.event is not None:
        return f"event:{target.event}"
    return f"entity:{target.entity}" if target.entity is not None else None


def _evidence_data(evidence: str | Span | None) -> str | None:
    if isinstance(evidence, str):
        return f"quote:{evidence}"
    return f"span:{evidence.start}:{evidence.end}" if evidence is not None else None


def stance_form(session: DocumentSession, schema: Schema, cursor: int) -> StanceForm:
    """The stance form for the session's selection (``cursor``: the text cursor, the centre
    of the nearby entities when the selection has no place of its own).

    Evidence starts as the selected quote, else the selected text; a selected stance shows
    its own holder, target, label and evidence."""
    links, text = session.links, session.text
    selected = session.selected or ""
    stance = links.stances.get(selected[1:]) if selected[:1] == "s" else None
    quote = links.quotes.get(selected[1:]) if selected[:1] == "q" else None
    centre = cursor
    if selected in session.entities:
        centre = session.entities[selected].start
    elif quote is not None:
        centre = quote.content.start
    elif stance is not None and stance.holder in session.entities:
        centre = session.entities[str(stance.holder)].start
    holders = [Choice(translate("StanceForm", AUTHOR_CHOICE), AUTHOR)]
    holders += entity_choices(session, nearby(session, centre, schema.holder_types))
    targets = [Choice(translate("StanceForm", NO_TARGET), None)]
    topic, event = translate("StanceForm", "Topic: {label}"), translate("StanceForm",
                                                                       "Event: {type} ({trigger})")
    targets += [Choice(topic.format(label=isolate(t.label)), f"topic:{t.id}", t.label_en)
                for t in schema.topics.values()]
    targets += [Choice(event.format(type=e.type, trigger=doc_text(e.trigger.slice(text))),
                       f"event:{key}") for key, e in links.events.items()]
    targets += entity_choices(session, nearby(session, centre), "entity:")
    evidence = [Choice(translate("StanceForm", "— none —"), None)]
    quote_choice = translate("StanceForm", "Quote {text}")
    evidence += [Choice(quote_choice.format(text=isolate(quote_text(q.content.slice(text)))),
                        f"quote:{key}") for key, q in links.quotes.items()]
    span = session.evidence_span()
    evidence_choice: str | None = None
    if quote is not None:
        evidence_choice = f"quote:{selected[1:]}"
    elif span is not None:
        evidence_choice = f"span:{span.start}:{span.end}"
    holder = quote.speaker if quote is not None else (
        selected if selected in session.entities else None)
    target: str | None = None
    if stance is not None:
        holder, target = stance.holder, _target_data(stance.target)
        evidence_choice = _evidence_data(stance.evidence)
        if target is not None and target.startswith("entity:") \
                and all(c.data != target for c in targets):
            targets += entity_choices(session, [target[7:]], "entity:")
    if evidence_choice is not None and evidence_choice.startswith("span:"):
        _, start, end = evidence_choice.split(":")
        evidence.append(Choice(translate("StanceForm", "Text: {text}").format(
                                   text=doc_text(text[int(start):int(end)])), evidence_choice,
                               " ".join(text[int(start):int(end)].split())))
    return StanceForm(holders, targets, evidence, holder,
                      stance.label if stance is not None else None, evidence_choice,
                      can_add=stance is None, target=target)


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
            return None, translate("StanceForm",
                                   "Refused: a stance holder must be an entity (or AUTHOR).")
        return span_id, ""
    if span_id in session.entities:
        return f"entity:{span_id}", ""
    if span_id.startswith("v") and span_id[1:] in session.links.events:
        return f"event:{span_id[1:]}", ""
    return None, translate("StanceForm", "Refused: a stance target is an entity, an event"
                           " trigger or a topic.")
