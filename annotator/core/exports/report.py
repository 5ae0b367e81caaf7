"""What an export did, written beside every export: ``report.json`` and a ``README.md`` card.

The report counts documents, records (lines, sentences, tasks, files) and spans per split
and per label, and says exactly what was changed on the way: every span widened to whole
tokens and every annotation left out, each with its reason and a few examples (document id
and surface text). It also names the schema, the text normalization, the offset unit and
the tokenization, so a user of the data never has to guess.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NORMALIZATION = (
    "text stored as imported after decoding (UTF-8/UTF-16 with BOM, Windows-1256 fallback "
    "noted per document), newlines to \\n and Unicode NFC applied once at import; never "
    "NFKC, never changed since: tashkeel, tatweel, alef forms and emoji are kept as written"
)
MAX_EXAMPLES = 5
REPORT_VERSION = 1
LABELS_CHART = "card-labels.svg"
"""The dataset card's label distribution chart (:mod:`.card_charts`)."""
SPLITS_CHART = "card-splits.svg"
"""The dataset card's documents and records per split chart."""


@dataclass(slots=True)
class ExportReport:
    """Counters filled while an export runs, then written as JSON and Markdown."""

    format: str
    schema_name: str
    schema_version: int
    offset_unit: str
    layers: list[str]
    tokenization: str | None = None
    unit: str | None = None
    split: dict[str, Any] | None = None
    levels: int | None = None
    documents: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    spans: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    widened: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    adjusted: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    previous: Path | None = None
    """Where an earlier export folder at the destination was moved (not in the JSON)."""

    def count_document(self, split: str) -> None:
        """Count one exported document in ``split``."""
        self.documents[split] += 1

    def count_records(self, split: str, count: int = 1) -> None:
        """Count written records (lines, sentences, tasks, file pairs) in ``split``."""
        self.records[split] += count

    def count_span(self, split: str, layer: str, label: str) -> None:
        """Count one exported annotation of ``layer`` with ``label`` in ``split``."""
        self.spans.setdefault(split, {}).setdefault(layer, Counter())[label] += 1

    def count_spans(self, split: str, layer: str, labels: Sequence[str]) -> None:
        """Count several exported annotations at once (as :meth:`count_span` for each label)."""
        if labels:
            self.spans.setdefault(split, {}).setdefault(layer, Counter()).update(labels)

    def _example(self, key: str, where: str) -> None:
        shown = self.examples.setdefault(key, [])
        if len(shown) < MAX_EXAMPLES:
            shown.append(where)

    def widen(self, reason: str, where: str) -> None:
        """An annotation was exported over more text than annotated, and why."""
        self.widened[reason] += 1
        self._example("widened: " + reason, where)

    def skip(self, reason: str, where: str) -> None:
        """An annotation (or part of one) was left out of the export, and why."""
        self.skipped[reason] += 1
        self._example("skipped: " + reason, where)

    def adjust(self, reason: str, count: int = 1) -> None:
        """Something other than an annotation was changed (a sentence break not used)."""
        if count:
            self.adjusted[reason] += count

    def note(self, text: str) -> None:
        """A remark about the whole export (written once)."""
        if text not in self.notes:
            self.notes.append(text)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the report (keys documented in docs/EXPORTS.md)."""
        return {
            "report_version": REPORT_VERSION,
            "format": self.format,
            "schema": {"name": self.schema_name, "version": self.schema_version},
            "layers": list(self.layers),
            "offset_unit": self.offset_unit,
            "text_normalization": NORMALIZATION,
            "tokenization": self.tokenization,
            "record_unit": self.unit,
            "nesting_levels": self.levels,
            "split": self.split,
            "documents": dict(sorted(self.documents.items())),
            "records": dict(sorted(self.records.items())),
            "spans": {
                split: {layer: dict(sorted(c.items())) for layer, c in sorted(layers.items())}
                for split, layers in sorted(self.spans.items())
            },
            "widened": dict(sorted(self.widened.items())),
            "skipped": dict(sorted(self.skipped.items())),
            "adjusted": dict(sorted(self.adjusted.items())),
            "examples": dict(sorted(self.examples.items())),
            "notes": list(self.notes),
            "files": sorted(self.files),
            **self.extra,
        }

    def write_json(self, path: Path) -> None:
        """Write the report to ``path`` (pretty JSON, Arabic kept readable)."""
        path.write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    def dataset_card(self) -> str:
        """A ``README.md`` for an export folder: what is in it and how it was made."""
        data = self.to_dict()
        lines = [
            f"# Dataset card: {self.schema_name} ({self.format})",
            "",
            "Exported by annotator. Every figure below is also in `report.json`.",
            "",
            "| | |",
            "|---|---|",
            f"| Format | `{self.format}` |",
            f"| Schema | {self.schema_name}, version {self.schema_version} |",
            f"| Layers | {', '.join(self.layers) or '-'} |",
            f"| Offset unit | {self.offset_unit} |",
            f"| Record unit | {self.unit or '-'} |",
            f"| Nesting levels | {self.levels if self.levels is not None else '-'} |",
            f"| Text normalization | {NORMALIZATION} |",
            f"| Tokenization | {self.tokenization or 'none (character offsets)'} |",
        ]
        if self.split is not None:
            ratios = ", ".join(f"{k}={v}" for k, v in self.split["ratios"].items())
            lines.append(
                f"| Split | by document, stable: hash of (seed {self.split['seed']}, document "
                f"id); {ratios}; stratify: {self.split.get('stratify') or 'no'} |"
            )
        lines += ["", "## Documents and records per split", "", "| split | documents | records |",
                  "|---|---:|---:|"]
        for split in sorted(set(self.documents) | set(self.records)):
            lines.append(f"| {split} | {self.documents[split]} | {self.records[split]} |")
        lines += ["", "## Annotations per split and label", "",
                  "| split | layer | label | count |", "|---|---|---|---:|"]
        for split, layers in data["spans"].items():
            for layer, labels in layers.items():
                for label, count in labels.items():
                    lines.append(f"| {split} | {layer} | {label} | {count} |")
        lines += ["", "## Changed on the way", ""]
        if not self.widened and not self.skipped:
            lines.append("Nothing: every annotation was exported exactly as annotated.")
        for reason, count in sorted(self.adjusted.items()):
            lines.append(f"- Adjusted {count}: {reason}")
        for title, counter in (("Widened", self.widened), ("Skipped", self.skipped)):
            for reason, count in sorted(counter.items()):
                key = f"{title.lower()}: {reason}"
                shown = "; ".join(self.examples.get(key, []))
                lines.append(f"- {title} {count}: {reason}" + (f" (e.g. {shown})" if shown else ""))
        if self.extra.get("gold"):
            lines += gold_card_lines(self.extra["gold"])
        charts = [(name, caption) for name, caption in (
            (LABELS_CHART, "Annotations per label"), (SPLITS_CHART, "Documents per split"))
            if name in self.files]
        if charts:
            lines += ["", "## Charts", ""] + [f"![{caption}]({name})" for name, caption in charts]
        if self.notes:
            lines += ["", "## Notes", ""] + [f"- {note}" for note in self.notes]
        lines += ["", "## Files", ""] + [f"- `{name}`" for name in sorted(self.files)]
        return "\n".join(lines) + "\n"


def gold_card_lines(gold: dict[str, Any]) -> list[str]:
    """The dataset card's "How the gold was made" section (a curated export's ``gold``,
    :func:`annotator.core.curation.gold.gold_description`)."""
    policies = ", ".join(f"{p} ({n} document(s))" for p, n in gold["policies"].items())
    decisions = ", ".join(f"{d} {n}" for d, n in gold["decisions"].items()) or "none"
    lines = ["", "## How the gold was made", "",
             f"The curated layer (`{gold['layer']}`) of {gold['documents']} document(s), each"
             " marked curated by a curator.", "",
             f"- Annotators: {', '.join(gold['annotators']) or '-'}",
             f"- Auto-merge policy: {policies or 'none (curated by hand)'}",
             f"- Decisions: {decisions} (agreed/partial: the auto-merge; accepted, rejected,"
             " edited: a curator)",
             f"- Curators: {', '.join(gold['curators']) or '-'}"]
    agreement = dict(gold.get("agreement") or {})
    if agreement:
        documents = agreement.pop("documents", None)
        on = "" if documents is None else f" ({documents} gold document(s))"
        lines.append(f"- Agreement before curation{on}: " + ", ".join(
            f"{k} {_figure(v)}" for k, v in agreement.items()))
    else:
        lines.append("- Agreement before curation: not computed (run `annotator agreement`)")
    return lines


def _figure(value: Any) -> str:
    """An agreement figure on the card: three decimals, ``n/a`` when undefined."""
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
