"""``quotes``: one JSON line per quote, ready for quote classification or attribution::

    {"id": "q3", "doc_id": "doc", "text": "<the paragraph(s) holding the quote>",
     "content": "نحن مستعدون للتعاون", "content_span": [40, 59],
     "cue": "قال", "cue_span": [20, 23],
     "speaker": "بيسكوف", "speaker_id": "e7", "speaker_label": "PERS", "kind": "direct"}

``text`` is the smallest run of whole paragraphs (lines) containing the content and the
cue; ``content_span`` and ``cue_span`` are code-point offsets into that ``text``. The speaker
is an entity (its text, id and label), ``"AUTHOR"`` (the article's author; id ``AUTHOR``,
label null) or null (unknown). Every line has every key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.canonical_json import file_id
from annotator.core.exports.splits import document_key
from annotator.core.exports.writer import encode_json, open_text
from annotator.core.model import AUTHOR, DocumentRecord, Entity, Span


def paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole lines of ``text`` around ``[start, end)``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def party(
    ref: str | None, entities: dict[str, Entity], text: str
) -> tuple[str | None, str | None, str | None]:
    """``(text, id, label)`` of a speaker or holder reference."""
    if ref is None:
        return None, None, None
    if ref == AUTHOR:
        return AUTHOR, AUTHOR, None
    entity = entities.get(ref)
    if entity is None:
        return None, None, None
    return text[entity.start : entity.end], file_id("e", entity.id), entity.label


class QuotesWriter(FormatWriter):
    """One line per quote."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)

    def add(self, record: DocumentRecord) -> None:
        text = record.text
        entities = {e.id: e for e in record.entities}
        doc_id = document_key(record)
        for quote in record.quotes:
            pieces: list[Span] = [quote.content] + ([quote.cue] if quote.cue else [])
            lo, hi = paragraph_window(text, min(p.start for p in pieces),
                                      max(p.end for p in pieces))
            speaker, speaker_id, speaker_label = party(quote.speaker, entities, text)
            line: dict[str, Any] = {
                "id": file_id("q", quote.id),
                "doc_id": doc_id,
                "text": text[lo:hi],
                "content": quote.content.slice(text),
                "content_span": [quote.content.start - lo, quote.content.end - lo],
                "cue": quote.cue.slice(text) if quote.cue else None,
                "cue_span": [quote.cue.start - lo, quote.cue.end - lo] if quote.cue else None,
                "speaker": speaker,
                "speaker_id": speaker_id,
                "speaker_label": speaker_label,
                "kind": quote.kind,
            }
            self.out.write(encode_json(line))
            self.out.write("\n")
            self.report.count_span(self.split, "quotes", quote.kind)
        self.report.count_records(self.split, len(record.quotes))

    def close(self) -> None:
        self.out.close()
