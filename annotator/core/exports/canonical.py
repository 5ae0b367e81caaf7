"""``canonical`` inside the dataset pipeline: the canonical JSON Lines (docs/FORMAT.md), used
when canonical records are wanted per split. Without a split the CLI keeps using
:func:`annotator.core.formats.export.export_canonical` exactly as before."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.writer import open_text
from annotator.core.formats.canonical_write import record_to_json
from annotator.core.model import DocumentRecord


class CanonicalWriter(FormatWriter):
    """One canonical line per document with the chosen layers (all by default).

    Leaving out entities while keeping quotes or events that point at them writes
    references to entities that are not in the file; keep entities for a loadable file.
    """

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)

    def add(self, record: DocumentRecord) -> None:
        schema = self.context.schema
        layers = self.context.layers
        record = replace(
            record,
            entities=record.entities if "entities" in layers else [],
            quotes=record.quotes if "quotes" in layers else [],
            events=record.events if "events" in layers else [],
            stances=record.stances if "stances" in layers else [],
        )
        line = record_to_json(record, schema.name, schema.version)
        self.out.write(json.dumps(line, ensure_ascii=False, separators=(", ", ": ")))
        self.out.write("\n")
        self.report.record(self.split)
        for entity in record.entities:
            self.report.span(self.split, "entities", entity.label)
        for quote in record.quotes:
            self.report.span(self.split, "quotes", quote.kind)
        for event in record.events:
            self.report.span(self.split, "events", event.type)
        for stance in record.stances:
            self.report.span(self.split, "stances", stance.label)

    def close(self) -> None:
        self.out.close()
