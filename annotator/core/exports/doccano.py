"""``doccano``: doccano's relation-extraction JSON Lines, one document per line::

    {"id": "doc", "text": "...",
     "entities": [{"id": 1, "label": "GPE", "start_offset": 12, "end_offset": 17}],
     "relations": [{"id": 1, "from_id": 4, "to_id": 1, "type": "speaker"}]}

Offsets are UTF-16 code units, as doccano's browser front end counts them (an emoji is
two units): the importer (``annotator.core.formats.doccano_reader``) converts them back. Spans and
relations come from :mod:`annotator.core.exports.graph`.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.graph import span_graph
from annotator.core.exports.splits import document_key
from annotator.core.exports.writer import encode_json, open_text
from annotator.core.model import DocumentRecord
from annotator.core.text import Utf16Map


class DoccanoWriter(FormatWriter):
    """One JSON line per document."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)

    def add(self, record: DocumentRecord) -> None:
        spans, relations = span_graph(record, self.context.layers, self.report, self.split)
        units = Utf16Map(record.text)
        numbers = {span.key: number for number, span in enumerate(spans, start=1)}
        line = {
            "id": document_key(record),
            "text": record.text,
            "entities": [
                {
                    "id": numbers[span.key],
                    "label": span.label,
                    "start_offset": units.to_utf16(span.start),
                    "end_offset": units.to_utf16(span.end),
                }
                for span in spans
            ],
            "relations": [
                {"id": number, "from_id": numbers[r.source], "to_id": numbers[r.target],
                 "type": r.type}
                for number, r in enumerate(relations, start=1)
            ],
        }
        self.out.write(encode_json(line))
        self.out.write("\n")
        self.report.count_records(self.split)

    def close(self) -> None:
        self.out.close()
