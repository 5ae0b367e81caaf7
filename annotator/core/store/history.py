"""The journal as a person reads it: one short line per entry (``annotator history``).

:func:`history_lines` turns the latest journal entries into :class:`HistoryLine` records:
when, who, what kind of entry, the action's name, the document's external id and a short
"what" (``PERS «بوتين» 12-17``, ``todo → done``, ``+152 entities in 10 documents``). It never
carries a stored row or a document's text: only an excerpt of at most :data:`EXCERPT_LIMIT`
characters of the annotated span, on one line. The journal is untrusted (a crafted file may
hold anything in ``changes``): every value is checked before it is used, and an entry the
store marked damaged (``JournalEntry.damage``) becomes a line that says so.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from annotator.core.store.journal import SINGULAR, JournalEntry, recent_entries

EXCERPT_LIMIT = 24
"""Longest excerpt of document text in a history line, in characters (then "…")."""

_SPANS: dict[str, tuple[str, str]] = {
    "entities": ("start", "end"),
    "quotes": ("content_start", "content_end"),
    "events": ("trigger_start", "trigger_end"),
    "stances": ("evidence_start", "evidence_end"),
}
_PLURAL = {"entity": "entities", "document label": "document labels"}


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One journal entry, summarised. ``time`` is the stored UTC timestamp (ISO 8601)."""

    id: int
    time: str
    annotator: str
    kind: str
    action: str
    document: str | None
    what: str
    damage: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The line as a JSON object (``annotator history --json``)."""
        return asdict(self)


def history_lines(conn: sqlite3.Connection, limit: int,
                  doc_id: int | None = None) -> list[HistoryLine]:
    """The latest ``limit`` journal entries, newest first, summarised."""
    reader = _Documents(conn)
    return [_line(entry, reader) for entry in recent_entries(conn, limit, doc_id)]


class _Documents:
    """External ids and short excerpts of documents, read on demand (never a whole text)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[int, str | None] = {}

    def external_id(self, doc_id: int | None) -> str | None:
        if doc_id is None:
            return None
        if doc_id not in self.ids:
            row = self.conn.execute("SELECT external_id FROM documents WHERE id = ?",
                                    (doc_id,)).fetchone()
            self.ids[doc_id] = str(row[0]) if row is not None and row[0] is not None else None
        return self.ids[doc_id] or f"#{doc_id}"

    def excerpt(self, doc_id: Any, start: int, end: int) -> str | None:
        """At most EXCERPT_LIMIT characters of the span (SQLite's substr counts code
        points, as offsets do), on one line; None when it cannot be read."""
        if not isinstance(doc_id, int) or end <= start:
            return None
        length = min(end - start, EXCERPT_LIMIT)
        row = self.conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                (start + 1, length, doc_id)).fetchone()
        if row is None or not isinstance(row[0], str):
            return None
        flat = " ".join(row[0].split())
        if end - start > EXCERPT_LIMIT:  # the span goes on beyond what was read
            return flat[: EXCERPT_LIMIT - 1].rstrip() + "…"
        return flat


def one_line(text: str, limit: int) -> str:
    """``text`` with runs of whitespace as one space, cut at ``limit`` characters ("…")."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _row(change: dict[str, Any], side: str) -> dict[str, Any]:
    row = change.get(side)
    return row if isinstance(row, dict) else {}


def _span(table: str, row: dict[str, Any], docs: _Documents) -> str:
    """``«excerpt» start-end`` of the row's span (or ``""`` for a table without one)."""
    columns = _SPANS.get(table)
    if columns is None:
        return ""
    start, end = _int(row.get(columns[0])), _int(row.get(columns[1]))
    if start is None or end is None:
        return ""
    excerpt = docs.excerpt(row.get("doc_id"), start, end)
    return (f"«{excerpt}» " if excerpt else "") + f"{start}-{end}"


def _name(table: str, row: dict[str, Any]) -> str:
    """The label (or type, role, kind) that names the row, if it is a short string."""
    for column in ("label", "type", "role", "kind", "key"):
        value = row.get(column)
        if isinstance(value, str) and value:
            return one_line(value, 40)
    return SINGULAR.get(table, table)


def _one_change(change: dict[str, Any], docs: _Documents) -> str:
    table, op = str(change.get("table")), change.get("op")
    before, after = _row(change, "before"), _row(change, "after")
    row = after if op != "delete" else before
    if table == "documents":
        old, new = before.get("status"), after.get("status")
        if isinstance(old, str) and isinstance(new, str) and old != new:
            return f"{old} → {new}"
        return "document edited"
    if table == "document_status":
        old, new = before.get("status", "todo"), after.get("status", "todo")
        return f"{old} → {new}" if isinstance(old, str) and isinstance(new, str) else "status"
    if table == "document_labels":
        value = row.get("value")
        shown = one_line(value, 40) if isinstance(value, str) else "?"
        name = _name(table, row)
        return f"{name} = {shown}" if op != "delete" else f"{name} cleared"
    if table == "notes":
        return "note"
    name = _name(table, row)
    if op == "update" and table == "entities":
        old_label, new_label = before.get("label"), after.get("label")
        if isinstance(old_label, str) and old_label != new_label:
            name = f"{one_line(old_label, 40)} → {name}"
        old_span = _span(table, before, docs)
        new_span = _span(table, after, docs)
        if old_span != new_span and old_span:
            return f"{name} {old_span} → {new_span.rsplit(' ', 1)[-1]}"
    span = _span(table, row, docs)
    return f"{name} {span}".rstrip()


def _what(entry: JournalEntry, docs: _Documents) -> str:
    if entry.kind == "audit":
        if not isinstance(entry.changes, dict):
            return ""
        parts = [f"{key} {one_line(str(value), 40)}" for key, value in entry.changes.items()
                 if isinstance(value, (int, str)) and not isinstance(value, bool)]
        return ", ".join(parts[:4])
    changes = [c for c in entry.changes if isinstance(c, dict)]
    if len(changes) == 1:
        return _one_change(changes[0], docs)
    if not changes:
        return ""
    main = [c for c in changes if c.get("table") != "event_arguments"] or changes
    if len(main) == 1:
        more = len(changes) - 1
        return _one_change(main[0], docs) + f" (+{more} argument{'s' if more > 1 else ''})"
    counts: Counter[str] = Counter()
    docs_seen: set[Any] = set()
    for change in changes:
        sign = {"insert": "+", "delete": "-"}.get(str(change.get("op")), "~")
        singular = SINGULAR.get(str(change.get("table")), "row")
        counts[f"{sign}{singular}"] += 1
        docs_seen.add((_row(change, "after") or _row(change, "before")).get("doc_id"))
    parts = [f"{key[0]}{n} {_PLURAL.get(key[1:], key[1:] + 's') if n != 1 else key[1:]}"
             for key, n in counts.most_common()]
    where = f" in {len(docs_seen)} documents" if len(docs_seen) > 1 else ""
    return ", ".join(parts) + where


def _line(entry: JournalEntry, docs: _Documents) -> HistoryLine:
    document = docs.external_id(entry.doc_id)
    if entry.damage is not None:
        return HistoryLine(id=entry.id, time=entry.ts, annotator=entry.annotator,
                           kind=entry.kind, action=entry.action, document=document,
                           what="damaged entry: " + entry.damage, damage=entry.damage)
    return HistoryLine(id=entry.id, time=entry.ts, annotator=entry.annotator, kind=entry.kind,
                       action=entry.action, document=document, what=_what(entry, docs))
