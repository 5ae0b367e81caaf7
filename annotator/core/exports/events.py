"""``events``: TextEE-style event extraction JSON Lines, one line per sentence or document::

    {"doc_id": "doc", "wnd_id": "doc-0", "lang": "ar", "text": "...", "tokens": [...],
     "entity_mentions": [{"id": "e5", "text": "الجيش", "entity_type": "ORG",
                          "start": 1, "end": 2}],
     "event_mentions": [{"id": "v2", "event_type": "Conflict:Attack",
                         "trigger": {"text": "هاجم", "start": 0, "end": 1},
                         "arguments": [{"entity_id": "e5", "role": "Attacker",
                                        "text": "الجيش", "start": 1, "end": 2}]}]}

Offsets are token indexes into ``tokens``, end-exclusive (the shared tokenization). Triggers
are widened to whole tokens like entities (reported). A sentence break never cuts an entity
or a trigger; an argument that still lies in another sentence than its trigger is left out
of that event (reported; ``--unit document`` keeps every argument).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.canonical_json import file_id
from annotator.core.exports.hf_tokens import SENTENCE_KEPT
from annotator.core.exports.splits import document_key
from annotator.core.exports.tagging import NO_TOKEN, TokenSpan, where
from annotator.core.exports.tokens import Tokens, units
from annotator.core.exports.writer import encode_json, open_text
from annotator.core.model import DocumentRecord, Event

TRIGGER_WIDENED = "event trigger does not fall on token boundaries"
ARGUMENT_ELSEWHERE = "event argument lies in another sentence than its trigger"
ARGUMENT_MISSING = "event argument entity is not exported"


class EventsWriter(FormatWriter):
    """One TextEE window per sentence (or document)."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)

    def _triggers(
        self, record: DocumentRecord, tokens: Tokens
    ) -> list[tuple[Event, int, int]]:
        placed: list[tuple[Event, int, int]] = []
        for event in record.events:
            start, end = event.trigger.start, event.trigger.end
            cover = tokens.cover(start, end)
            if cover is None:
                self.report.skip(NO_TOKEN, where(record, start, end))
                continue
            if not tokens.exact(cover[0], cover[1], start, end):
                self.report.widen(TRIGGER_WIDENED, where(record, start, end))
            placed.append((event, cover[0], cover[1]))
        return placed

    def add(self, record: DocumentRecord) -> None:
        tokens, spans = self.context.tokens_of(record)
        triggers = self._triggers(record, tokens)
        whole = [(s.first, s.last) for s in spans] + [(f, la) for _, f, la in triggers]
        ranges, kept = units(tokens, self.context.options.per_sentence, whole)
        self.report.adjust(SENTENCE_KEPT, kept)
        by_id = {s.entity.id: s for s in spans}
        doc_id = document_key(record)
        # Spans are sorted by first token and no record boundary cuts a span or a trigger,
        # so the spans of a record are one slice, and each trigger falls in one record.
        span_firsts = [s.first for s in spans]
        range_firsts = [first for first, _ in ranges]
        events_in: list[list[tuple[Event, int, int]]] = [[] for _ in ranges]
        for placed in triggers:
            events_in[bisect_right(range_firsts, placed[1]) - 1].append(placed)
        texts, text = tokens.texts, record.text
        lines: list[str] = []
        for number, (first, last) in enumerate(ranges):
            inside = spans[bisect_left(span_firsts, first) : bisect_left(span_firsts, last)]
            window: dict[str, Any] = {
                "doc_id": doc_id,
                "wnd_id": f"{doc_id}-{number}",
                "lang": "ar",
                "text": text[tokens.starts[first] : tokens.ends[last - 1]],
                "tokens": texts[first:last],
                "entity_mentions": [self._mention(s, tokens, first) for s in inside],
                "event_mentions": [
                    self._event(record, event, f, la, by_id, tokens, first, last)
                    for event, f, la in events_in[number]
                ],
            }
            lines.append(encode_json(window))
        if lines:
            self.out.write("\n".join(lines))
            self.out.write("\n")
        self.report.count_records(self.split, len(ranges))

    def _mention(self, span: TokenSpan, tokens: Tokens, first: int) -> dict[str, Any]:
        self.report.count_span(self.split, "entities", span.entity.label)
        return {
            "id": file_id("e", span.entity.id),
            "text": tokens.text[tokens.starts[span.first] : tokens.ends[span.last - 1]],
            "entity_type": span.entity.label,
            "start": span.first - first,
            "end": span.last - first,
        }

    def _event(
        self,
        record: DocumentRecord,
        event: Event,
        trigger_first: int,
        trigger_last: int,
        by_id: dict[str, TokenSpan],
        tokens: Tokens,
        first: int,
        last: int,
    ) -> dict[str, Any]:
        self.report.count_span(self.split, "events", event.type)
        text = tokens.text
        arguments: list[dict[str, Any]] = []
        here = where(record, event.trigger.start, event.trigger.end)
        for argument in event.arguments:
            span = by_id.get(argument.entity)
            if span is None:
                self.report.skip(ARGUMENT_MISSING, here)
                continue
            if span.first < first or span.last > last:
                self.report.skip(ARGUMENT_ELSEWHERE, here)
                continue
            arguments.append({
                "entity_id": file_id("e", argument.entity),
                "role": argument.role,
                "text": text[tokens.starts[span.first] : tokens.ends[span.last - 1]],
                "start": span.first - first,
                "end": span.last - first,
            })
        return {
            "id": file_id("v", event.id),
            "event_type": event.type,
            "trigger": {
                "text": text[tokens.starts[trigger_first] : tokens.ends[trigger_last - 1]],
                "start": trigger_first - first,
                "end": trigger_last - first,
            },
            "arguments": arguments,
        }

    def close(self) -> None:
        self.out.close()
