"""Turning stored rows into :mod:`annotator.core.model` objects.

The row layouts are the column lists below (``*_COLUMNS``), shared by ``get_record`` (one
document) and ``iter_records`` (merged streams over all documents). Every row starts with
its ``doc_id`` so streams can be grouped per document. Annotation ids become strings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from annotator.core.model import (
    AUTHOR,
    STATUSES,
    DocumentRecord,
    DocumentSummary,
    Entity,
    Event,
    EventArgument,
    LayerState,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.store.errors import ProjectError
from annotator.core.store.rows import (
    DamagedRowError,
    DamagedText,
    column_names,
    decode_row,
    load_json,
    shown,
)

DOCUMENT_COLUMNS = "id, external_id, title, status, meta, normalization, source, text"
ENTITY_COLUMNS = 'doc_id, id, start, "end", label, attrs, note, annotator_id, schema_version'
ENTITY_ORDER = 'doc_id, start, "end", id'
QUOTE_COLUMNS = ("doc_id, id, content_start, content_end, cue_start, cue_end,"
                 " speaker_entity_id, speaker_author, kind, attrs, note, annotator_id,"
                 " schema_version")
QUOTE_ORDER = "doc_id, content_start, content_end, id"
EVENT_COLUMNS = ("doc_id, id, type, trigger_start, trigger_end, attrs, note, annotator_id,"
                 " schema_version")
EVENT_ORDER = "doc_id, trigger_start, trigger_end, id"
ARGUMENT_COLUMNS = "doc_id, event_id, role, entity_id, id"
ARGUMENT_ORDER = "doc_id, event_id, id"
ARGUMENT_ROW_COLUMNS = "doc_id, event_id, id, role, entity_id"
"""An argument with its row id (which :class:`EventArgument` does not carry)."""
STANCE_COLUMNS = ("doc_id, id, holder_entity_id, holder_author, target_entity_id,"
                  " target_event_id, target_topic, label, evidence_quote_id, evidence_start,"
                  " evidence_end, attrs, note, annotator_id, schema_version")
STANCE_ORDER = "doc_id, id"
LABEL_COLUMNS = "doc_id, key, value, annotator_id"
LABEL_ORDER = "doc_id, key, annotator_id"
NOTE_COLUMNS = "doc_id, text, id, annotator_id"
NOTE_ORDER = "doc_id, id"
STATUS_COLUMNS = "doc_id, annotator_id, status"
"""The ``document_status`` rows of :func:`layer_states`."""
QUERIES: dict[str, tuple[str, str]] = {
    "entities": (ENTITY_COLUMNS, ENTITY_ORDER),
    "quotes": (QUOTE_COLUMNS, QUOTE_ORDER),
    "events": (EVENT_COLUMNS, EVENT_ORDER),
    "event_arguments": (ARGUMENT_COLUMNS, ARGUMENT_ORDER),
    "stances": (STANCE_COLUMNS, STANCE_ORDER),
    "document_labels": (LABEL_COLUMNS, LABEL_ORDER),
    "notes": (NOTE_COLUMNS, NOTE_ORDER),
}
"""Columns and order of the rows of each annotation table."""


def document_columns(status: str) -> str:
    """``DOCUMENT_COLUMNS`` of the table aliased ``d``, with the SQL expression ``status``
    (one annotator's status, :data:`~.layers.STATUS_OF`) as the status column."""
    return ", ".join(status if c == "status" else f"d.{c}" for c in DOCUMENT_NAMES)


def layer_filter(table: str) -> str:
    """SQL keeping one annotator's rows of ``table`` (parameter: the annotator id); event
    arguments belong to the layer of their event."""
    if table == "event_arguments":  # (one of no event at all is kept, to be found damaged)
        return ("(event_id IN (SELECT id FROM events WHERE annotator_id = ?)"
                " OR event_id NOT IN (SELECT id FROM events))")
    return "annotator_id = ?"
DOCUMENT_NAMES = column_names(DOCUMENT_COLUMNS)
ENTITY_NAMES = column_names(ENTITY_COLUMNS)
QUOTE_NAMES = column_names(QUOTE_COLUMNS)
EVENT_NAMES = column_names(EVENT_COLUMNS)
ARGUMENT_NAMES = column_names(ARGUMENT_COLUMNS)
ARGUMENT_ROW_NAMES = column_names(ARGUMENT_ROW_COLUMNS)
STANCE_NAMES = column_names(STANCE_COLUMNS)
LABEL_NAMES = column_names(LABEL_COLUMNS)
NOTE_NAMES = column_names(NOTE_COLUMNS)

Names = dict[int, str]
Tup = tuple[Any, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EventArgumentRow:
    """One stored event argument with its row id: what removing a single argument needs
    (an event may have the same role filled twice, so role and entity do not identify it)."""

    id: int
    role: str
    entity_id: str


@dataclass(slots=True)
class LinkRecord:
    """The quotes, events, stances and document labels of one document, without its text
    and entities (see ``Project.get_links``). ``arguments`` maps an event id to its argument
    rows in insertion order, the order of ``Event.arguments``."""

    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    arguments: dict[str, list[EventArgumentRow]] = field(default_factory=dict)
    stances: list[Stance] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)


def stored_json(text: Any) -> Any:
    """A JSON column's value; damaged JSON (a crafted or broken file) is a ProjectError."""
    if text is None:
        return None
    try:
        return load_json(text)
    except ValueError as exc:
        raise ProjectError(f"the project holds damaged JSON (the value {exc});"
                           " run annotator validate") from None


def _ref(row_id: int | None) -> str | None:
    return None if row_id is None else str(row_id)


def _decoded(table: str, columns: tuple[str, ...], r: Tup, row_id: Any = None) -> list[Any]:
    doc_id = r[0] if type(r[0]) is int else None
    return decode_row(table, columns, r, r[1] if row_id is None else row_id, doc_id)


def entity(r: Tup, names: Names) -> Entity:
    """An ``ENTITY_COLUMNS`` row (:class:`DamagedRowError` when it cannot be read)."""
    v = _decoded("entities", ENTITY_NAMES, r)
    return Entity(str(v[1]), v[2], v[3], v[4], v[5], v[6], names.get(v[7]), v[8])


def quote(r: Tup, names: Names) -> Quote:
    """A ``QUOTE_COLUMNS`` row."""
    v = _decoded("quotes", QUOTE_NAMES, r)
    content = _span("quotes", r, "content", v[2], v[3])
    cue = None if v[4] is None and v[5] is None else _span("quotes", r, "cue", v[4], v[5])
    speaker = AUTHOR if v[7] else _ref(v[6])
    return Quote(str(v[1]), content, cue, speaker, v[8], v[9], v[10], names.get(v[11]), v[12])


def event(r: Tup, arguments: list[Tup], names: Names) -> Event:
    """An ``EVENT_COLUMNS`` row with its ``ARGUMENT_COLUMNS`` rows (already decoded)."""
    v = _decoded("events", EVENT_NAMES, r)
    args = [EventArgument(a[2], str(a[3])) for a in arguments]
    return Event(str(v[1]), v[2], _span("events", r, "trigger", v[3], v[4]), args, v[5], v[6],
                 names.get(v[7]), v[8])


def argument(r: Tup, row_id: Any = None) -> Tup:
    """An ``ARGUMENT_COLUMNS`` row, decoded."""
    return tuple(_decoded("event_arguments", ARGUMENT_NAMES, r, row_id))


def argument_row(r: Tup) -> EventArgumentRow:
    """An ``ARGUMENT_ROW_COLUMNS`` row."""
    v = _decoded("event_arguments", ARGUMENT_ROW_NAMES, r, r[2])
    return EventArgumentRow(int(v[2]), str(v[3]), str(v[4]))


def stance(r: Tup, names: Names) -> Stance:
    """A ``STANCE_COLUMNS`` row."""
    v = _decoded("stances", STANCE_NAMES, r)
    holder = AUTHOR if v[3] else _ref(v[2])
    target = StanceTarget(entity=_ref(v[4]), event=_ref(v[5]), topic=v[6])
    evidence: str | Span | None = None
    if v[8] is not None:
        evidence = str(v[8])
    elif v[9] is not None or v[10] is not None:
        evidence = _span("stances", r, "evidence", v[9], v[10])
    return Stance(str(v[1]), holder, target, v[7], evidence, v[11], v[12],
                  names.get(v[13]), v[14])


def label(r: Tup) -> tuple[str, Any]:
    """A ``LABEL_COLUMNS`` row as ``(key, value)``."""
    v = _decoded("document_labels", LABEL_NAMES, r, r[1])
    return str(v[1]), v[2]


def layer_states(labels: list[Tup], notes: list[Tup], statuses: list[Tup], names: Names
                 ) -> dict[str, LayerState]:
    """Every annotator's :class:`LayerState` of one document from its ``LABEL_COLUMNS``,
    ``NOTE_COLUMNS`` and ``STATUS_COLUMNS`` rows (by annotator name, in annotator order;
    rows that cannot be read are left out: the reading annotator's are reported as damage
    by :func:`document`)."""
    states: dict[int, LayerState] = {}
    for r in statuses:
        if type(r[1]) is int and r[2] in STATUSES:
            states.setdefault(r[1], LayerState()).status = str(r[2])
    for r in labels:
        try:
            key, value = label(r)
        except DamagedRowError:
            continue
        states.setdefault(r[3], LayerState()).labels[key] = value
    for r in notes:
        if isinstance(r[1], str) and not isinstance(r[1], DamagedText):
            states.setdefault(r[3], LayerState()).notes.append(r[1])
    return {names[i]: states[i] for i in sorted(states, key=_order) if i in names}


def _order(value: Any) -> int:
    return value if type(value) is int else -1


def _span(table: str, r: Tup, what: str, start: int | None, end: int | None) -> Span:
    if start is None or end is None or not 0 <= start < end:
        raise DamagedRowError(table, r[1], f"{what} [{start}, {end}) is not a span", r[0])
    return Span(start, end)


PARTS = ("entities", "quotes", "events", "event_arguments", "stances", "document_labels",
         "notes")
"""The tables whose rows :func:`document` takes, in the order of the ``*_COLUMNS`` above."""


Refs = tuple[set[str], set[str], set[str]]
"""The entity, event and quote ids a reference may point at."""


def document(d: Tup, parts: dict[str, list[Tup]], names: Names, *, references: bool = True,
             known: Refs | None = None) -> tuple[DocumentRecord, list[DamagedRowError]]:
    """A ``DOCUMENT_COLUMNS`` row with the rows of its annotations (``parts``: table name
    to rows, every name of :data:`PARTS`), and the annotation rows left out as damaged: not
    readable, outside the text, or (with ``references``) pointing at an annotation the
    document does not hold (``known``: every annotation of the document, when ``parts``
    holds one layer; references to another layer are then left for :func:`drop_dangling`).
    Raises :class:`DamagedRowError` when the document row itself cannot
    be read."""
    v = decode_row("documents", DOCUMENT_NAMES, d, d[0], d[0])
    doc_id, text = int(v[0]), str(v[7])
    if v[3] not in STATUSES:
        raise DamagedRowError("documents", doc_id, f"status {shown(v[3])} is not a status", doc_id)
    kept = Kept(doc_id, len(text))

    def an_event(r: Tup) -> Event:
        e = event(r, [], names)
        return kept.inside("events", r, e, e.trigger)

    entities = kept.entities(parts["entities"], names)
    entity_ids = ({e.id for e in entities} if known is None else known[0]) if references \
        else None
    quotes = kept.each(parts["quotes"], lambda r: kept.quote(r, quote(r, names), entity_ids))
    bare = kept.each(parts["events"], an_event)
    events = {e.id: e for e in bare}
    for a in kept.each(parts["event_arguments"], lambda r: kept.argument(r, events, entity_ids)):
        events[str(a[1])].arguments.append(EventArgument(a[2], str(a[3])))
    refs = None if entity_ids is None else (
        (entity_ids, set(events), {q.id for q in quotes}) if known is None else known)
    stances = kept.each(parts["stances"], lambda r: kept.stance(r, stance(r, names), refs))
    labels = dict(kept.each(parts["document_labels"], label))
    notes = kept.each(parts["notes"], lambda r: str(_decoded("notes", NOTE_NAMES, r, r[2])[1]))
    record = DocumentRecord(
        id=v[1], text=text, title=v[2], meta=v[4], status=v[3], entities=entities,
        quotes=quotes, events=bare, stances=stances, labels=labels, notes=notes,
        normalization=v[5], source=v[6])
    return record, kept.damaged


class Kept:
    """The checks :func:`document` (and ``get_links``) apply to each annotation row of one
    document, collecting the rows they leave out as damaged."""

    def __init__(self, doc_id: int, length: int) -> None:
        self.doc_id = doc_id
        self.length = length
        self.damaged: list[DamagedRowError] = []

    def each(self, rows: list[Tup], make: Callable[[Tup], T]) -> list[T]:
        out: list[T] = []
        for r in rows:
            try:
                out.append(make(r))
            except DamagedRowError as exc:
                self.damaged.append(exc)
        return out

    def entities(self, rows: list[Tup], names: Names) -> list[Entity]:
        """The ``ENTITY_COLUMNS`` rows inside the text as entities, the others left out as
        damaged. The common row (integers where they belong, text label, attributes
        ``'{}'``, no damaged text) is taken by unpacking; any other goes through
        :func:`entity` and its full check (:func:`~.rows.decode_row`)."""
        out: list[Entity] = []
        length = self.length
        for r in rows:
            doc, row_id, start, end, label, attrs, note, who, version = r
            if (type(start) is int and type(end) is int and 0 <= start < end <= length
                    and type(attrs) is str and attrs == "{}" and type(label) is str
                    and type(row_id) is int and type(doc) is int and type(who) is int
                    and type(version) is int and (note is None or type(note) is str)):
                out.append(Entity(str(row_id), start, end, label, {}, note, names.get(who),
                                  version))
                continue
            try:
                out.append(self.entity(r, names))
            except DamagedRowError as exc:
                self.damaged.append(exc)
        return out

    def entity(self, r: Tup, names: Names) -> Entity:
        """An ``ENTITY_COLUMNS`` row inside the text (:class:`DamagedRowError` when it
        cannot be read or lies outside)."""
        e = entity(r, names)
        if not 0 <= e.start < e.end <= self.length:
            raise self.fail("entities", r, f"[{e.start}, {e.end}) is not a span of the text"
                            f" (length {self.length})")
        return e

    def fail(self, table: str, r: Tup, reason: str) -> DamagedRowError:
        return DamagedRowError(table, r[1], reason, self.doc_id)

    def inside(self, table: str, r: Tup, item: T, *spans: Span | None) -> T:
        for span in spans:
            if span is not None and span.end > self.length:
                raise self.fail(table, r, f"[{span.start}, {span.end}) is outside the text"
                                 f" (length {self.length})")
        return item

    def quote(self, r: Tup, q: Quote, entity_ids: set[str] | None) -> Quote:
        self.inside("quotes", r, q, q.content, q.cue)
        if entity_ids is not None and q.speaker not in (None, AUTHOR) \
                and q.speaker not in entity_ids:
            raise self.fail("quotes", r, f"speaker {shown(q.speaker)} is not an entity of"
                             " the document")
        return q

    def argument(self, r: Tup, events: dict[str, Event], entity_ids: set[str] | None) -> Tup:
        a = argument(r, r[4] if len(r) > 4 else None)
        if str(a[1]) not in events:
            raise DamagedRowError("event_arguments", r[4], f"event {a[1]} is not an event of the"
                             " document", self.doc_id)
        if entity_ids is not None and str(a[3]) not in entity_ids:
            raise DamagedRowError("event_arguments", r[4], f"entity {a[3]} is not an entity of"
                             " the document", self.doc_id)
        return a

    def stance(self, r: Tup, s: Stance, refs: tuple[set[str], set[str], set[str]] | None
               ) -> Stance:
        if isinstance(s.evidence, Span):
            self.inside("stances", r, s, s.evidence)
        if refs is None:
            return s
        entity_ids, event_ids, quote_ids = refs
        wanted = [("holder", s.holder, entity_ids), ("target entity", s.target.entity,
                                                      entity_ids),
                  ("target event", s.target.event, event_ids),
                  ("evidence quote", s.evidence if isinstance(s.evidence, str) else None,
                   quote_ids)]
        for what, ref, known in wanted:
            if ref not in (None, AUTHOR) and ref not in known:
                raise self.fail("stances", r, f"{what} {shown(ref)} is not in the document")
        return s


SUMMARY_TITLE_LIMIT = 500
"""Longest title a navigator row shows (a crafted file may hold a title of megabytes)."""


def summary(r: Tup) -> DocumentSummary:
    """A navigator row (id, external id, title, status, entity count, length), never
    failing: a damaged value is shown as ``(damaged)`` or with U+FFFD replacements."""

    def text(value: Any) -> str:
        if not isinstance(value, str):
            return "(damaged)"
        if len(value) > SUMMARY_TITLE_LIMIT:
            value = value[:SUMMARY_TITLE_LIMIT] + "…"
        return ("⚠ " + value) if isinstance(value, DamagedText) else value

    return DocumentSummary(int(r[0]), text(r[1]), text(r[2]), text(r[3]), int(r[4]),
                           r[5] if type(r[5]) is int else 0)


def drop_dangling(record: DocumentRecord) -> DocumentRecord:
    """Remove references to annotations the record does not contain (after an annotator
    filter): quote speakers and stance holders/evidence become None, event arguments and
    stances aimed at a missing annotation are dropped."""
    record.stances = drop_references(record.quotes, record.events, record.stances,
                                     {e.id for e in record.entities})
    return record


def drop_references(quotes: list[Quote], events: list[Event], stances: list[Stance],
                    entity_ids: set[str]) -> list[Stance]:
    """:func:`drop_dangling` on the parts of a record (changed in place); returns the
    stances kept."""
    event_ids = {e.id for e in events}
    quote_ids = {q.id for q in quotes}
    for q in quotes:
        if q.speaker not in (None, AUTHOR) and q.speaker not in entity_ids:
            q.speaker = None
    for ev in events:
        ev.arguments = [a for a in ev.arguments if a.entity in entity_ids]
    kept: list[Stance] = []
    for s in stances:
        if s.target.entity is not None and s.target.entity not in entity_ids:
            continue
        if s.target.event is not None and s.target.event not in event_ids:
            continue
        if s.holder not in (None, AUTHOR) and s.holder not in entity_ids:
            s.holder = None
        if isinstance(s.evidence, str) and s.evidence not in quote_ids:
            s.evidence = None
        kept.append(s)
    return kept


class GroupedStream:
    """Rows ordered by ``doc_id`` (first column), handed out one document at a time."""

    def __init__(self, rows: Iterator[Tup]) -> None:
        self._rows = rows
        self._next: Tup | None = next(rows, None)

    def take(self, doc_id: int) -> list[Tup]:
        """The rows of ``doc_id`` (rows of smaller doc ids, filtered-out documents, are
        skipped, and so are rows whose ``doc_id`` is not even an integer: they belong to
        no document). Documents must be asked for in increasing order."""
        out: list[Tup] = []
        row = self._next
        rows = self._rows
        while row is not None and (type(row[0]) is not int or row[0] < doc_id):
            row = next(rows, None)
        while row is not None and row[0] == doc_id:
            out.append(row)
            row = next(rows, None)
        self._next = row
        return out
