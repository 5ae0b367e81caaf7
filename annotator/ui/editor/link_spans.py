"""How the editor shows quotes, events, stances and suggestions: their spans and links.

The span ids and owners are described in :mod:`annotator.ui.session.links`; this module gives
each a colour, a style and a tag (the painters in :mod:`.painter` and :mod:`.link_painter` draw
them).
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.model import AUTHOR, Stance
from annotator.core.suggest import SuggestedQuote
from annotator.ui.editor.layers import STYLE_OUTLINE, STYLE_SOLID, STYLE_SUGGESTED, SpanItem
from annotator.ui.editor.link_painter import LinkItem
from annotator.ui.session.links import DocumentLinks

QUOTE_COLOR = "#5b7db1"
CUE_COLOR = "#f2c14e"
EVENT_COLOR = "#e07a5f"
EVIDENCE_COLOR = "#8d99ae"
SUGGESTION_COLOR = "#7d8fb3"
STANCE_COLORS = {"FAVOR": "#2e9e5b", "AGAINST": "#d1495b", "NONE": "#7a869a"}

def short_type(event_type: str) -> str:
    """``Attack`` for ``Conflict:Attack`` (the tag under a trigger stays short)."""
    return event_type.split(":", 1)[-1]


def span_items(links: DocumentLinks, suggestions: list[SuggestedQuote],
               model: Sequence[tuple[int, int, str]] = (),
               triggers: Sequence[tuple[int, int, str]] = ()) -> list[SpanItem]:
    """Every editor span of the links and suggestions (``model``: the recommender's
    suggested entities, ``m0``, ``m1``..., tagged ``LABEL?``; ``triggers``: its suggested
    event triggers, ``t0``, ``t1``..., tagged with the short event type and ``?``)."""
    items: list[SpanItem] = []
    for qid, quote in links.quotes.items():
        tag = "QUOTE" if quote.speaker != AUTHOR else "QUOTE · AUTHOR"
        if quote.kind != "direct":
            tag += f" · {quote.kind}"
        items.append(SpanItem(f"q{qid}", quote.content.start, quote.content.end, tag,
                              QUOTE_COLOR, STYLE_OUTLINE))
        if quote.cue is not None:
            items.append(SpanItem(f"k{qid}", quote.cue.start, quote.cue.end, "CUE", CUE_COLOR,
                                  STYLE_SOLID))
    for eid, event in links.events.items():
        items.append(SpanItem(f"v{eid}", event.trigger.start, event.trigger.end,
                              short_type(event.type), EVENT_COLOR, STYLE_SOLID))
    for sid, stance in links.stances.items():
        evidence = stance.evidence
        if evidence is not None and not isinstance(evidence, str):
            items.append(SpanItem(f"x{sid}", evidence.start, evidence.end, "EVID",
                                  EVIDENCE_COLOR, STYLE_OUTLINE))
    for n, suggestion in enumerate(suggestions):
        items.append(SpanItem(f"g{n}", suggestion.content.start, suggestion.content.end,
                              "SUGGESTED QUOTE", SUGGESTION_COLOR, STYLE_SUGGESTED))
        items.append(SpanItem(f"h{n}", suggestion.cue.start, suggestion.cue.end, "CUE?",
                              CUE_COLOR, STYLE_SUGGESTED))
    for n, (start, end, label) in enumerate(model):
        items.append(SpanItem(f"m{n}", start, end, f"{label}?", SUGGESTION_COLOR,
                              STYLE_SUGGESTED))
    for n, (start, end, event_type) in enumerate(triggers):
        items.append(SpanItem(f"t{n}", start, end, f"{short_type(event_type)}?", EVENT_COLOR,
                              STYLE_SUGGESTED))
    return items


def link_items(links: DocumentLinks, suggestions: list[SuggestedQuote],
               topic_names: dict[str, str]) -> list[LinkItem]:
    """Every drawn link: speaker -> quoted words, trigger -> argument, holder -> target (a
    connector between the two; a stance's evidence is underlined, never boxed)."""
    items: list[LinkItem] = []
    for qid, quote in links.quotes.items():
        if quote.speaker not in (None, AUTHOR):
            # The speaker joins the quoted words (not the cue: a cue is often far from the
            # words, and the link says who said *them*).
            items.append(LinkItem(f"q{qid}", str(quote.speaker), f"q{qid}", "speaker",
                                  QUOTE_COLOR))
    for eid, event in links.events.items():
        for argument in event.arguments:
            items.append(LinkItem(f"v{eid}", f"v{eid}", argument.entity, argument.role,
                                  EVENT_COLOR))
    for sid, stance in links.stances.items():
        color = STANCE_COLORS.get(stance.label, EVIDENCE_COLOR)
        source = _stance_source(sid, stance)
        if source is None:
            continue
        aim = stance.target
        if aim.topic is not None:
            name = topic_names.get(aim.topic, aim.topic)
            items.append(LinkItem(f"s{sid}", source, None, f"{stance.label} → {name}", color))
        else:
            end = aim.entity if aim.entity is not None else f"v{aim.event}"
            items.append(LinkItem(f"s{sid}", source, end, stance.label, color))
    for n, suggestion in enumerate(suggestions):
        if suggestion.speaker is not None:
            items.append(LinkItem(f"g{n}", suggestion.speaker, f"h{n}", "speaker?",
                                  SUGGESTION_COLOR, dashed=True))
    return items


def _stance_source(sid: str, stance: Stance) -> str | None:
    """Where a stance link starts: its holder entity, else its evidence (quote or span)."""
    if stance.holder not in (None, AUTHOR):
        return str(stance.holder)
    if isinstance(stance.evidence, str):
        return f"q{stance.evidence}"
    if stance.evidence is not None:
        return f"x{sid}"
    return None
