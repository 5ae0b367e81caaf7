"""``canonical``: the canonical JSON Lines (docs/FORMAT.md), one document per line, as a format
of the export registry (per split, with chosen layers, or to standard output).

The plain canonical export (every layer, no report, ``"-"`` for standard output) that
``annotator export P OUT`` and the app's Export menu run is
:func:`annotator.core.exports.pipeline.export_canonical`: the same pipeline as every format.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from annotator.core.exports.base import LAYERS, STDOUT, Context, FormatWriter
from annotator.core.exports.canonical_json import record_to_json
from annotator.core.exports.writer import open_text
from annotator.core.model import DocumentRecord

_ALL_LAYERS = frozenset(LAYERS)


class CanonicalWriter(FormatWriter):
    """One canonical line per document with the chosen layers (all by default).

    Leaving out entities while keeping quotes or events that point at them writes
    references to entities that are not in the file; keep entities for a loadable file.
    """

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = sys.stdout if path == STDOUT else open_text(path)
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode

    def add(self, record: DocumentRecord) -> None:
        schema = self.context.schema
        layers = self.context.layers
        if layers != _ALL_LAYERS:
            record = replace(
                record,
                entities=record.entities if "entities" in layers else [],
                quotes=record.quotes if "quotes" in layers else [],
                events=record.events if "events" in layers else [],
                stances=record.stances if "stances" in layers else [],
            )
        self.out.write(self.encode(record_to_json(record, schema.name, schema.version)))
        self.out.write("\n")
        report, split = self.report, self.split
        report.count_records(split)
        report.count_spans(split, "entities", [entity.label for entity in record.entities])
        report.count_spans(split, "quotes", [quote.kind for quote in record.quotes])
        report.count_spans(split, "events", [event.type for event in record.events])
        report.count_spans(split, "stances", [stance.label for stance in record.stances])

    def close(self) -> None:
        if self.path == STDOUT:
            self.out.flush()
        else:
            self.out.close()

