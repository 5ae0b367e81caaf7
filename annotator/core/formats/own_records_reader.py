"""Our ``events`` and ``quotes`` exports read back (``exports/events.py``, ``exports/quotes.py``).

Both write windows of a document, not the document: consecutive lines with the same
``doc_id`` are gathered into one document whose text is their windows joined by line breaks
(a window met again, the same text, is used once). What lay between the windows is lost.

* ``events`` (TextEE): each window's ``tokens`` are found in order in its ``text`` (they are
  slices of it), so ``entity_mentions`` become entities and ``event_mentions`` events with
  their arguments, on the same tokens.
* ``quotes``: ``content_span`` / ``cue_span`` (code points into ``text``) give the quote and
  its cue; the speaker (``speaker``, ``speaker_label``) becomes an entity on the occurrence of
  its text in the window nearest before the quote (else after it); ``AUTHOR`` stays the
  author; a speaker whose text is not in the window is left unknown (counted in a warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import OnBytes, Warn, iter_json_lines
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover, is_offset
from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    InputError,
    Quote,
    Span,
)


def token_offsets(text: str, tokens: list[Any]) -> list[tuple[int, int]] | None:
    """Where each token lies in ``text``, searched in order; None when one is not there."""
    offsets: list[tuple[int, int]] = []
    at = 0
    for token in tokens:
        if not isinstance(token, str) or not token:
            return None
        found = text.find(token, at)
        if found < 0:
            return None
        offsets.append((found, found + len(token)))
        at = found + len(token)
    return offsets


class _Doc:
    """The windows of one document and the raw spans placed on them."""

    def __init__(self, doc_id: str, line: int) -> None:
        self.doc_id, self.line = doc_id, line
        self.windows: dict[str, int] = {}
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[tuple[str, int, int, str, int]] = []
        self.events: list[tuple[str, str, int, int, list[tuple[str, str]], int]] = []
        self.quotes: list[tuple[str, int, int, tuple[int, int] | None, str | None, str, int]] = []
        self.errors: list[InputError] = []
        self.lost_speakers = 0

    def window(self, text: str) -> int:
        """The offset of window ``text`` in the document (added when new)."""
        if text not in self.windows:
            if self.parts:
                self.parts.append("\n")
                self.length += 1
            self.windows[text] = self.length
            self.parts.append(text)
            self.length += len(text)
        return self.windows[text]


def _events_line(doc: _Doc, row: dict[str, Any], path: str, number: int) -> None:
    text, tokens = row.get("text"), row.get("tokens")
    offsets = token_offsets(text, tokens) if isinstance(text, str) and isinstance(
        tokens, list) else None
    if offsets is None or not isinstance(text, str):
        doc.errors.append(InputError(path, '"tokens" are not found in order in "text"', number))
        return
    base = doc.window(text)

    def chars(item: Any) -> tuple[int, int] | None:
        first: Any = item.get("start") if isinstance(item, dict) else None
        last: Any = item.get("end") if isinstance(item, dict) else None
        if not (is_offset(first) and is_offset(last) and first < last <= len(offsets)):
            doc.errors.append(InputError(path, f"token span {first!r}-{last!r} is not inside "
                                         f"the {len(offsets)} tokens", number))
            return None
        return base + offsets[first][0], base + offsets[last - 1][1]

    for mention in row.get("entity_mentions") or []:
        place = chars(mention)
        if place is not None:
            doc.entities.append((str(mention.get("id")), *place,
                                 str(mention.get("entity_type")), number))
    for event in row.get("event_mentions") or []:
        place = chars(event.get("trigger") if isinstance(event, dict) else None)
        if place is None:
            continue
        arguments = [(str(a.get("role")), str(a.get("entity_id")))
                     for a in event.get("arguments") or [] if isinstance(a, dict)]
        doc.events.append((str(event.get("id")), str(event.get("event_type")), *place,
                           arguments, number))


def _nearest(window: str, surface: str, before: int) -> int | None:
    """The start of ``surface`` in ``window`` nearest before ``before``, else the first after."""
    found = window.rfind(surface, 0, max(0, before))
    if found >= 0 and found + len(surface) <= before:
        return found
    found = window.find(surface)
    return found if found >= 0 else None


def _quotes_line(doc: _Doc, row: dict[str, Any], path: str, number: int) -> None:
    text, content, cue = row.get("text"), row.get("content_span"), row.get("cue_span")
    if not (isinstance(text, str) and isinstance(content, list) and len(content) == 2):
        doc.errors.append(InputError(path, 'a quote line needs "text" and "content_span"',
                                     number))
        return
    base = doc.window(text)
    cue_at = (base + cue[0], base + cue[1]) if isinstance(cue, list) and len(cue) == 2 and \
        all(is_offset(x) for x in cue) else None
    if not all(is_offset(x) for x in content):
        doc.errors.append(InputError(path, f"content_span {content!r} is not two offsets",
                                     number))
        return
    speaker_id, surface = row.get("speaker_id"), row.get("speaker")
    speaker: str | None = None
    if speaker_id == AUTHOR:
        speaker = AUTHOR
    elif isinstance(surface, str) and surface and isinstance(row.get("speaker_label"), str):
        first = min([content[0]] + ([cue_at[0] - base] if cue_at else []))
        found = _nearest(text, surface, first)
        if found is None:
            doc.lost_speakers += 1
        else:
            speaker = f"{speaker_id}@{base + found}"
            if all(e[0] != speaker for e in doc.entities):
                doc.entities.append((speaker, base + found, base + found + len(surface),
                                     str(row["speaker_label"]), number))
    kind = row.get("kind") if isinstance(row.get("kind"), str) else "direct"
    doc.quotes.append((str(row.get("id")), base + content[0], base + content[1], cue_at,
                       speaker, str(kind), number))


def _record(doc: _Doc, path: str) -> tuple[DocumentRecord | None, list[InputError]]:
    if doc.errors:
        return None, doc.errors
    mover = SpanMover("".join(doc.parts), path, doc.line)

    def move(start: int, end: int, what: str, line: int) -> Span | None:
        mover.line = line
        return mover.move(start, end, what)

    entities = []
    for ident, start, end, label, line in doc.entities:
        span = move(start, end, f"entity {ident}", line)
        if span is not None:
            entities.append(Entity(ident, span.start, span.end, label))
    events = []
    for ident, kind, start, end, arguments, line in doc.events:
        span = move(start, end, f"event {ident} trigger", line)
        if span is not None:
            events.append(Event(ident, kind, span, [EventArgument(r, e) for r, e in arguments]))
    quotes = []
    for ident, start, end, cue, speaker, kind, line in doc.quotes:
        content = move(start, end, f"quote {ident}", line)
        cue_span = move(*cue, f"quote {ident} cue", line) if cue else None
        if content is not None:
            quotes.append(Quote(ident, content, cue_span, speaker, kind))
    if mover.errors:
        return None, mover.errors
    return DocumentRecord(
        id=doc.doc_id, text=mover.text, title=text_title(mover.text, doc.doc_id),
        entities=entities, events=events, quotes=quotes, normalization=dict(mover.info),
        source=f"{path}:{doc.line}"), []


def read_own_records(
    path: str | Path, fmt: str, warn: Warn | None = None, on_bytes: OnBytes | None = None
) -> Iterator[DocumentRecord | InputError]:
    """Read our ``events`` or ``quotes`` export: a record per document (lines gathered by
    ``doc_id``)."""
    source = str(path)
    doc: _Doc | None = None
    lost = 0
    add = _events_line if fmt == "events" else _quotes_line
    for number, row in iter_json_lines(path, warn, on_bytes):
        if isinstance(row, InputError):
            yield row
            continue
        doc_id = str(row.get("doc_id", f"{Path(path).stem}-{number}"))
        if doc is None or doc.doc_id != doc_id:
            if doc is not None:
                lost += doc.lost_speakers
                record, errors = _record(doc, source)
                yield from ([record] if record is not None else [])
                yield from errors
            doc = _Doc(doc_id, number)
        add(doc, row, source, number)
    if doc is not None:
        lost += doc.lost_speakers
        record, errors = _record(doc, source)
        yield from ([record] if record is not None else [])
        yield from errors
    if lost and warn is not None:
        warn(f"{source}: {lost} quote speaker(s) not found in their text; left unknown")
