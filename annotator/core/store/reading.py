"""The reading API: document navigation, records, links, streaming export.

Listing and counting use the covering index ``documents_nav`` and never read a text; the
entity count of a listed page is a per-row indexed count (``entities_doc``), cheap because
a page is small. ``get_links`` reads one document's quotes, events (with the row ids of
their arguments) and stances with indexed per-document queries, and only the ids of its
entities (its text comes from the text cache, to check the spans against), so an editor can
reload them after every change. ``iter_records`` streams every
table once, ordered by ``doc_id``, and merges the streams, so memory stays constant and
there is no query per document.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from annotator.core.model import DocumentRecord, DocumentSummary, Event
from annotator.core.store import records as rec
from annotator.core.store.assignments import AssignmentsMixin
from annotator.core.store.errors import ProjectError
from annotator.core.store.rows import DamagedRowError
from annotator.core.text import fold_text


def search_key(title: str, external_id: str) -> str:
    """What the navigator's text filter matches: the folded, case-folded title and id."""
    return f"{fold_text(title).casefold()}\n{external_id.casefold()}"


class ReadingMixin(AssignmentsMixin):
    """Read-only queries of :class:`~annotator.core.store.Project`."""

    def _filter(self, status: str | None, text: str | None,
                assigned_to: str | None = None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if assigned_to is not None:
            clause, values = self.assigned_clause(assigned_to)
            clauses.append(clause)
            params.extend(values)
        if status is not None:
            clauses.append("d.status = ?")
            params.append(status)
        if text:
            clauses.append("instr(d.search_key, ?) > 0")
            params.append(fold_text(text).casefold())
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def document_count(self, status: str | None = None, text: str | None = None,
                       assigned_to: str | None = None) -> int:
        """Number of documents, optionally of one status and/or whose title or external id
        contains ``text`` (compared folded: hamza forms, tashkeel, tatweel... ignored) and/or
        assigned to the annotator ``assigned_to``."""
        self._check_open()
        where, params = self._filter(status, text, assigned_to)
        sql = f"SELECT count(*) FROM documents AS d INDEXED BY documents_nav{where}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def list_documents(self, offset: int = 0, limit: int = 100, status: str | None = None,
                       text: str | None = None, assigned_to: str | None = None
                       ) -> list[DocumentSummary]:
        """A page of navigator rows in document order (filters as ``document_count``)."""
        self._check_open()
        where, params = self._filter(status, text, assigned_to)
        sql = ("SELECT d.id, d.external_id, d.title, d.status,"
               " (SELECT count(*) FROM entities AS e WHERE e.doc_id = d.id), d.length"
               f" FROM documents AS d INDEXED BY documents_nav{where}"
               " ORDER BY d.id LIMIT ? OFFSET ?")
        rows = self.conn.execute(sql, [*params, limit, offset]).fetchall()
        return [rec.summary(row) for row in rows]

    def document_ids(self, status: str | None = None,
                     assigned_to: str | None = None) -> list[int]:
        """All document ids in order, optionally of one status and/or assigned to the
        annotator ``assigned_to``."""
        self._check_open()
        where, params = self._filter(status, None, assigned_to)
        sql = f"SELECT d.id FROM documents AS d INDEXED BY documents_nav{where} ORDER BY d.id"
        return [int(r[0]) for r in self.conn.execute(sql, params)]

    def document_position(self, doc_id: int, status: str | None = None,
                          text: str | None = None, assigned_to: str | None = None
                          ) -> int | None:
        """The row of ``doc_id`` among the documents the filters keep (as ``document_count``),
        or None when they leave it out: two index-only queries, whatever the project size."""
        self._check_open()
        where, params = self._filter(status, text, assigned_to)
        joined = f"{where} AND" if where else " WHERE"
        nav = "FROM documents AS d INDEXED BY documents_nav"
        if self.conn.execute(f"SELECT 1 {nav}{joined} d.id = ?",
                             [*params, doc_id]).fetchone() is None:
            return None
        return int(self.conn.execute(f"SELECT count(*) {nav}{joined} d.id < ?",
                                     [*params, doc_id]).fetchone()[0])

    def external_ids(self, status: str | None = None) -> Iterator[str]:
        """The external ids of the documents in order, optionally of one status, streaming
        (what a split is computed from; a damaged id is left out, as its document is)."""
        self._check_open()
        where, params = self._filter(status, None)
        sql = (f"SELECT d.external_id FROM documents AS d INDEXED BY documents_nav{where}"
               " ORDER BY d.id")
        for (value,) in self.conn.execute(sql, params):
            if isinstance(value, str) and value:
                yield value

    def find_document(self, external_id: str) -> int | None:
        """The id of the document with that external id, or None."""
        self._check_open()
        row = self.conn.execute("SELECT id FROM documents WHERE external_id = ?",
                                (external_id,)).fetchone()
        return None if row is None else int(row[0])

    def annotator_names(self) -> dict[int, str]:
        """Annotator row id to name."""
        return {int(i): str(n) for i, n in self.conn.execute("SELECT id, name FROM annotators")}

    def get_record(self, doc_id: int) -> DocumentRecord:
        """One document with all its annotations (ids are row ids as strings).

        Raises :class:`DamagedRowError` (a ``ProjectError``) when the document's own row cannot
        be read (its text is not valid UTF-8, ...). Annotation rows that are damaged (not
        readable, outside the text, pointing at nothing) are left out of the record and
        listed by :meth:`document_damage`."""
        self._check_open()
        conn = self.conn
        doc = conn.execute(f"SELECT {rec.DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
                           (doc_id,)).fetchone()
        if doc is None:
            raise ProjectError(f"{self.path}: no document {doc_id}")

        parts = {
            table: conn.execute(f"SELECT {columns} FROM {table} WHERE doc_id = ?"
                                f" ORDER BY {order}", (doc_id,)).fetchall()
            for table, (columns, order) in rec.QUERIES.items()
        }
        try:
            record, damaged = rec.document(doc, parts, self.annotator_names())
        except DamagedRowError as exc:
            self._note_damage(doc_id, [exc])
            raise
        self._note_damage(doc_id, damaged)
        return record

    def _note_damage(self, doc_id: int, damaged: list[DamagedRowError]) -> None:
        if damaged:
            self._damaged[doc_id] = damaged
        else:
            self._damaged.pop(doc_id, None)

    def document_damage(self, doc_id: int) -> list[DamagedRowError]:
        """The damaged rows the latest read of ``doc_id`` found (empty when none): rows left
        out of the record, or the document row itself when it could not be read."""
        return list(self._damaged.get(doc_id, ()))

    def damaged_documents(self) -> dict[int, list[DamagedRowError]]:
        """Every document a read of this session found damaged (``iter_records`` skipped
        them), with what was damaged. ``validate`` finds them all without reading first."""
        return {doc_id: list(rows) for doc_id, rows in sorted(self._damaged.items())}

    def get_links(self, doc_id: int) -> rec.LinkRecord:
        """The quotes, events (with their argument row ids), stances and document labels of
        ``doc_id``, in the order of :meth:`get_record` (ids are row ids as strings); damaged
        rows are left out as by :meth:`get_record`."""
        self._check_open()
        conn = self.conn
        kept = rec.Kept(doc_id, len(self.get_text(doc_id)))  # cached: actions need it too
        names = self.annotator_names()
        entity_ids = {str(r[0]) for r in conn.execute(
            "SELECT id FROM entities WHERE doc_id = ?", (doc_id,))}

        def rows(table: str) -> list[tuple[Any, ...]]:
            columns, order = rec.QUERIES[table]
            return conn.execute(f"SELECT {columns} FROM {table} WHERE doc_id = ?"
                                f" ORDER BY {order}", (doc_id,)).fetchall()

        def an_argument(r: tuple[Any, ...]) -> rec.EventArgumentRow:
            a = rec.argument_row(r)
            if a.entity_id not in entity_ids:
                raise DamagedRowError("event_arguments", a.id, f"entity {a.entity_id} is not an"
                                 " entity of the document", doc_id)
            return a

        def an_event(r: tuple[Any, ...]) -> Event:
            arguments = links.arguments.get(str(r[1]), [])
            e = rec.event(r, [(doc_id, r[1], a.role, a.entity_id) for a in arguments], names)
            return kept.inside("events", r, e, e.trigger)

        links = rec.LinkRecord()
        links.quotes = kept.each(rows("quotes"),
                                 lambda r: kept.quote(r, rec.quote(r, names), entity_ids))
        argument_rows = conn.execute(f"SELECT {rec.ARGUMENT_ROW_COLUMNS} FROM event_arguments"
                                     " WHERE doc_id = ? ORDER BY event_id, id", (doc_id,))
        for r in argument_rows:
            for a in kept.each([r], an_argument):
                links.arguments.setdefault(str(r[1]), []).append(a)
        links.events = kept.each(rows("events"), an_event)
        refs = (entity_ids, {e.id for e in links.events}, {q.id for q in links.quotes})
        links.stances = kept.each(rows("stances"),
                                  lambda r: kept.stance(r, rec.stance(r, names), refs))
        links.labels = dict(kept.each(rows("document_labels"), rec.label))
        return links

    def event_arguments(self, event_id: int) -> list[rec.EventArgumentRow]:
        """The arguments of one event with their row ids, in insertion order; raises
        :class:`ProjectError` when there is no such event."""
        self._check_open()
        if self.conn.execute("SELECT 1 FROM events WHERE id = ?",
                             (event_id,)).fetchone() is None:
            raise ProjectError(f"{self.path}: no event {event_id}")
        rows = self.conn.execute(f"SELECT {rec.ARGUMENT_ROW_COLUMNS} FROM event_arguments"
                                 " WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
        return rec.Kept(0, 0).each(rows, rec.argument_row)

    def iter_records(self, status: str | None = None,
                     annotator: str | None = None) -> Iterator[DocumentRecord]:
        """Every document (of one status) as a record, in id order, streaming.

        With ``annotator`` only the annotations, labels and notes made by that annotator
        are kept (event arguments follow their event), and references to annotations left
        out are dropped (see :func:`records.drop_dangling`). Writing to the project while
        iterating is allowed but the stream may or may not see the change.

        A damaged document (its row, or any of its annotation rows, cannot be read, lies
        outside the text or points at nothing) is skipped; :meth:`damaged_documents` lists
        the ones skipped, with why.
        """
        self._check_open()
        names = self.annotator_names()
        who: int | None = None
        if annotator is not None:
            ids = [i for i, n in names.items() if n == annotator]
            if not ids:
                raise ProjectError(f"{self.path}: no annotator named {annotator!r}")
            who = ids[0]
        conn = self.conn

        def stream(table: str) -> rec.GroupedStream:
            columns, order = rec.QUERIES[table]
            clauses: list[str] = []
            params: list[Any] = []
            if status is not None:
                clauses.append("doc_id IN (SELECT id FROM documents WHERE status = ?)")
                params.append(status)
            if who is not None:
                clauses.append("event_id IN (SELECT id FROM events WHERE annotator_id = ?)"
                               if table == "event_arguments" else "annotator_id = ?")
                params.append(who)
            where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
            cursor: sqlite3.Cursor = conn.execute(
                f"SELECT {columns} FROM {table}{where} ORDER BY {order}", params)
            return rec.GroupedStream(iter(cursor))

        streams = {table: stream(table) for table in rec.PARTS}
        doc_sql = f"SELECT {rec.DOCUMENT_COLUMNS} FROM documents"
        doc_params: list[Any] = []
        if status is not None:
            doc_sql += " WHERE status = ?"
            doc_params.append(status)
        for doc in conn.execute(doc_sql + " ORDER BY id", doc_params):
            doc_id = doc[0]
            parts = {table: s.take(doc_id) for table, s in streams.items()}
            try:
                record, damaged = rec.document(doc, parts, names, references=who is None)
            except DamagedRowError as exc:
                damaged = [exc]
            self._note_damage(doc_id, damaged)
            if damaged:
                continue
            yield rec.drop_dangling(record) if who is not None else record
