"""Plain data classes shared by the store, importers, exporters and the GUI.

Offsets are end-exclusive Python code points into the document text, always.
UTF-16 offsets exist only at the Qt boundary and in exports (``utf16`` fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["todo", "in-progress", "done", "skipped"]
STATUSES: tuple[str, ...] = ("todo", "in-progress", "done", "skipped")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
STANCE_LABELS: tuple[str, ...] = ("FAVOR", "AGAINST", "NONE")
AUTHOR = "AUTHOR"
"""Speaker of a quote or holder of a stance when it is the article's author."""


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Entity:
    """An entity mention. ``id`` is the store's row id as a string, or a file-local
    id (e.g. ``"e1"``, ``"T3"``) before import."""

    id: str
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    schema_version: int | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class EntityColumns:
    """A record's entities as four parallel lists, made by a reader for the import's fast
    path (issue 12): no :class:`Entity` object per span, and the store writes the rows from
    the columns. Every entity here was checked by the reader that made it (its span on the
    stored text, an id used once in the record, a non-empty label string) and is plain: no
    attributes, note or annotator. :meth:`entities` builds the objects."""

    ids: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def entities(self) -> list[Entity]:
        """The same entities as :class:`Entity` objects, in order."""
        return [Entity(ident, start, end, label) for ident, start, end, label
                in zip(self.ids, self.starts, self.ends, self.labels, strict=True)]


@dataclass(slots=True)
class Quote:
    """Reported speech. ``speaker`` is an entity id, ``AUTHOR`` or ``None`` (unknown)."""

    id: str
    content: Span
    cue: Span | None = None
    speaker: str | None = None
    kind: str = "direct"
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    schema_version: int | None = None


@dataclass(slots=True)
class EventArgument:
    role: str
    entity: str
    """Id of the entity that fills the role."""


@dataclass(slots=True)
class Event:
    """An ACE-style event: ``type`` is ``"Type:Subtype"``."""

    id: str
    type: str
    trigger: Span
    arguments: list[EventArgument] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    schema_version: int | None = None


@dataclass(slots=True)
class StanceTarget:
    """Exactly one of ``entity`` (entity id), ``event`` (event id), ``topic`` (topic name)."""

    entity: str | None = None
    event: str | None = None
    topic: str | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.entity, self.event, self.topic) if v is not None]
        if len(given) != 1:
            raise ValueError("a stance target is exactly one of entity, event or topic")


@dataclass(slots=True)
class Stance:
    """``holder`` is an entity id, ``AUTHOR`` or ``None``; ``evidence`` a quote id or a span."""

    id: str
    holder: str | None
    target: StanceTarget
    label: str
    evidence: str | Span | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    schema_version: int | None = None


@dataclass(slots=True)
class LayerState:
    """What one annotator set on a whole document: a status, document labels, notes (the
    annotations carry their annotator themselves)."""

    status: str = "todo"
    labels: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested span another tool's model made (a Label Studio prediction): never an
    annotation. ``source`` is its model version with the tool's prefix
    (``label-studio:ner-v2``); ``kind`` the recommender's kind (``entities``)."""

    start: int
    end: int
    label: str
    source: str
    kind: str = "entities"


@dataclass(slots=True)
class DocumentRecord:
    """One document with all its annotations: what importers produce and exporters consume.

    ``id`` is the external id (kept from the input file when given). ``normalization``
    records what import did to the text (encoding, BOM, newline and NFC changes).

    ``status``, ``labels`` and ``notes`` are one annotator's (the layer read, or the reading
    annotator's when every layer is read). ``layers``, when not empty, maps EVERY
    annotator with a status, document label or note on the document to that
    :class:`LayerState` (a read of all layers of a project with several annotators, or a
    canonical line holding them): an import then takes them from it.
    """

    id: str | None
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "todo"
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    normalization: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    """File (and line) the record came from, for messages."""
    layers: dict[str, LayerState] = field(default_factory=dict)
    entity_columns: EntityColumns | None = None
    """Set only by a reader asked for columns (``read_canonical(..., columns=True)``, which
    the import pipeline's stream uses): the record's entities are these, and ``entities`` is
    empty. Everything but ``record_problems`` and the store's import reads ``entities``;
    :meth:`all_entities` gives them whichever way they came."""
    suggestions: list[Suggestion] = field(default_factory=list)
    """Other tools' predictions, stored as suggestions of the imported document (never
    annotations: not exported, not in the journal)."""

    def all_entities(self) -> list[Entity]:
        """``entities``, or the entities of ``entity_columns`` as objects."""
        if self.entity_columns is None:
            return self.entities
        return self.entity_columns.entities() + self.entities


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A navigator row: never carries the text."""

    doc_id: int
    external_id: str
    title: str
    status: str
    entity_count: int
    length: int


class InputError(Exception):
    """Bad input: names the file, the line (1-based, or None) and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
