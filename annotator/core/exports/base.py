"""What every export format shares: options, the per-export context and the writer protocol.

A format is a :class:`FormatSpec` (name, file suffix or folder, offset unit, layers it can
carry) and a :class:`FormatWriter` subclass that receives documents one at a time and writes
them at once: no format keeps the corpus in memory (spaCy's DocBin, which spaCy serializes
whole, is written as a folder of shards of a fixed number of Docs).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.core.exports.report import ExportReport
from annotator.core.exports.tagging import TokenSpan, align_entities
from annotator.core.exports.tokens import Tokens, lexicon_for, tokenize
from annotator.core.exports.word_runs import compact_tokens
from annotator.core.model import DocumentRecord

LAYERS = ("entities", "quotes", "events", "stances")
STDOUT = Path("-")
"""The destination that means standard output."""


class SchemaLike(Protocol):
    """The parts of :class:`annotator.core.schema.Schema` the exporters read."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def entity_types(self) -> dict[str, Any]: ...

    @property
    def event_types(self) -> dict[str, Any]: ...

    @property
    def quote_kinds(self) -> tuple[str, ...]: ...

    @property
    def entity_attributes(self) -> dict[str, Any]: ...

    @property
    def event_attributes(self) -> dict[str, Any]: ...

    @property
    def gazetteer(self) -> dict[str, tuple[str, ...]]: ...

    @property
    def topics(self) -> dict[str, Any]: ...


class ExportSource(Protocol):
    """What an export needs from a project (``annotator.core.store.Project`` fits): its file
    (never written by an export) and identity (in the marker of an export folder), its
    schema, its records and counts."""

    @property
    def path(self) -> Path: ...

    @property
    def project_id(self) -> str: ...

    @property
    def schema(self) -> SchemaLike: ...

    def iter_records(
        self, status: str | None = None, annotator: str | None = None
    ) -> Iterator[DocumentRecord]: ...

    def document_count(self, status: str | None = None, text: str | None = None,
                       layer: str | None = None) -> int: ...

    def external_ids(self, status: str | None = None, layer: str | None = None
                     ) -> Iterator[str]: ...

    def layer_names(self, statuses: Sequence[str] | None = None) -> list[str]: ...


@dataclass(slots=True)
class ExportOptions:
    """Everything a user can choose for a training-data export (see docs/EXPORTS.md)."""

    format: str
    statuses: list[str] | None = None
    annotator: str | None = None
    ratios: dict[str, float] | None = None
    seed: int = 0
    stratify: str | None = None
    layers: tuple[str, ...] | None = None
    per_sentence: bool = True
    split_proclitics: bool = False
    spacy_shard_docs: int = 1000
    """spaCy Docs per DocBin shard file (bounds the spaCy writer's memory)."""
    gold: dict[str, Any] | None = None
    """How the gold was made, for a curated export (:func:`~annotator.core.curation.gold.
    gold_description`): the report's ``gold`` key and the dataset card's section."""
    write_report: bool = True
    """Write ``OUT.report.json`` beside a one-file export (the plain canonical export and
    standard output have none; an export folder always holds its ``report.json``)."""
    charts: bool = True
    """Draw the dataset card's charts (labels per split, documents and records per split) as
    SVG beside an export folder's ``README.md`` (:mod:`.card_charts`; milliseconds)."""


@dataclass(slots=True)
class Context:
    """Shared by the writers of one export: schema, options, layers, report, levels seen."""

    schema: SchemaLike
    options: ExportOptions
    report: ExportReport
    layers: frozenset[str]
    max_levels: int = 1
    gazetteer_names: list[str] = field(default_factory=list)

    def tokens_of(self, record: DocumentRecord) -> tuple[Tokens, list[TokenSpan]]:
        """Tokenize a record (shared rules) and place its entities on the tokens."""
        lexicon = None
        if self.options.split_proclitics:
            names = [record.text[e.start : e.end] for e in record.entities]
            lexicon = lexicon_for(record.text, [*self.gazetteer_names, *names])
        tokens = tokenize(record.text, self.options.split_proclitics, lexicon)
        spans = align_entities(record, tokens, self.report) if "entities" in self.layers else []
        return tokens, spans

    def entries_of(self, record: DocumentRecord) -> tuple[Tokens, list[int], list[TokenSpan]]:
        """:meth:`tokens_of` on entries (runs of plain words and single tokens,
        :mod:`.word_runs`), with how many tokens each entry holds; the spans' ``first`` and
        ``last`` count entries. Not for ``split_proclitics`` (it cuts words)."""
        entities = "entities" in self.layers
        edges = sorted({edge for e in record.entities for edge in (e.start, e.end)}) \
            if entities else []
        tokens, counts = compact_tokens(record.text, edges)
        spans = align_entities(record, tokens, self.report) if entities else []
        return tokens, counts, spans


class FormatWriter(ABC):
    """Writes the documents of one split to ``path`` (a file, or a folder for brat and for
    spaCy's shards)."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        self.path = path
        self.split = split
        self.context = context
        self.report = context.report

    @abstractmethod
    def add(self, record: DocumentRecord) -> None:
        """Write one document (and count what was written in the report)."""

    @abstractmethod
    def close(self) -> None:
        """Finish the output; called after every document of every split was added."""


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """A format: its name, file ``suffix`` (``""`` for a folder of files), offset unit,
    supported and default layers, whether it is token based, and its writer class.

    ``sharded``: a split is a folder ``<split><suffix>/`` of ``*<suffix>`` files that the
    writer names (spaCy's DocBin shards); without a split they go to the export folder."""

    name: str
    suffix: str
    offset_unit: str
    layers: tuple[str, ...]
    default_layers: tuple[str, ...]
    tokenized: bool
    writer: Callable[[Path, str, Context], FormatWriter]
    extra_files: Callable[[Path, Context], list[str]] | None = None
    """Writes schema files into an export folder (brat's annotation.conf); returns names."""
    sharded: bool = False
    stdout: bool = False
    """The writer can write to standard output (given the path :data:`STDOUT`)."""

    @property
    def folder(self) -> bool:
        """True when one split is a folder of files rather than one file."""
        return self.suffix == ""
