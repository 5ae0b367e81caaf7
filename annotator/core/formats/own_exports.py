"""Our own exports, met again at import: what in them is a document and what is not.

An export folder written by ``annotator export`` holds, besides the documents, its marker
(``.annotator-export.json``: format and project), ``report.json``, the dataset card
``README.md`` and ``splits.json``; a one-file export ``OUT`` has ``OUT.report.json`` beside
it. None of those is a document: the import leaves them out and says so. An export the
import cannot read back is refused as a whole, with the export to make instead: the token
formats, Label Studio, spaCy, the events, quotes and stance records, and a doccano export
that carries quotes or events (doccano has only labelled spans, so they come out as spans
labelled ``Quote``, ``Cue`` or an event type, which are not entity labels).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.output.folders import MARKER_NAME

READABLE = frozenset({"canonical", "brat", "hf-tokens", "conll", "conll-flat", "spacy",
                      "label-studio", "events", "quotes"})
"""Export formats that ``annotator import`` reads back whatever their layers."""
ENTITIES_ONLY = frozenset({"doccano"})
"""Export formats read back when they carry entities only."""
ONE_FILE_REPORT = ".report.json"
"""The suffix of a one-file export's report (``OUT`` + this)."""
MAX_BYTES = 1 << 20
"""Largest marker or report read (they are small; a bigger file is not ours)."""


def export_files() -> frozenset[str]:
    """The names of the files every export folder holds besides the documents (from the
    exporters, imported only when an export is met)."""
    from annotator.core.exports.pipeline import CARD_NAME
    from annotator.core.exports.report import LABELS_CHART, SPLITS_CHART
    from annotator.core.exports.splits import MANIFEST_NAME
    from annotator.core.exports.writer import REPORT_NAME

    return frozenset({REPORT_NAME, CARD_NAME, MANIFEST_NAME, MARKER_NAME, LABELS_CHART,
                      SPLITS_CHART})


@dataclass(frozen=True, slots=True)
class OwnExport:
    """An export written by annotator: the folder or file, its format and layers (from its
    marker and report, which are untrusted: a value that cannot be read is None)."""

    path: Path
    format: str | None
    layers: tuple[str, ...] | None

    @property
    def readable(self) -> bool:
        """True when the import reads its documents back."""
        if self.format in READABLE:
            return True
        return self.format in ENTITIES_ONLY and self.layers is not None and set(
            self.layers) <= {"entities"}

    def left_out(self) -> str:
        """The warning for an export folder's own files, which are not documents."""
        names = ", ".join(sorted(n for n in export_files() if n != MARKER_NAME))
        return (f"{self.path} is an annotator {self.format} export: its own files ({names}) "
                "are not documents and are left out")

    def refusal(self) -> str:
        """Why it is not imported, and what to export instead."""
        what = f"a {self.format} export" if self.format else "an export"
        if self.format in ENTITIES_ONLY:
            what += " with quotes or events (written as spans that are not entities)"
        if self.format == "stance":
            what += " (one line per stance, without the document text)"
        return (f"{what} made by annotator: it cannot be imported back. Export the project "
                "with --format canonical (everything it holds), brat, or doccano --layers "
                "entities, and import that")


def _read_json(path: Path) -> Any:
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _from(path: Path, marker: Any, report: Any) -> OwnExport:
    fmt = None
    for source in (marker, report):
        if fmt is None and isinstance(source, Mapping):
            found = source.get("format")
            fmt = found if isinstance(found, str) and found.isprintable() else None
    layers = report.get("layers") if isinstance(report, Mapping) else None
    if not (isinstance(layers, list) and all(isinstance(x, str) for x in layers)):
        return OwnExport(path, fmt, None)
    return OwnExport(path, fmt, tuple(layers))


def export_of_folder(folder: Path) -> OwnExport | None:
    """The export whose marker ``folder`` holds, or None for any other folder."""
    marker = folder / MARKER_NAME
    if not marker.is_file():
        return None
    from annotator.core.exports.writer import REPORT_NAME

    return _from(folder, _read_json(marker), _read_json(folder / REPORT_NAME))


def export_of_file(path: Path) -> OwnExport | None:
    """The one-file export ``path`` when its report lies beside it, else None."""
    report = _read_json(path.with_name(path.name + ONE_FILE_REPORT))
    return _from(path, None, report) if isinstance(report, Mapping) else None


def is_export_file(path: Path) -> bool:
    """True for an export's own file: one of :func:`export_files` in an export folder, or the
    ``OUT.report.json`` beside a one-file export ``OUT``."""
    name = path.name
    stem = name[: -len(ONE_FILE_REPORT)] if name.endswith(ONE_FILE_REPORT) else ""
    if stem and path.with_name(stem).is_file():
        return True
    return (path.parent / MARKER_NAME).is_file() and name in export_files()
