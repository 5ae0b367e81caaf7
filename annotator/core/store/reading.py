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
from annotator.core.store.layers import STATUS_OF, LayersMixin, status_clause
from annotator.core.store.rows import DamagedRowError
from annotator.core.text import fold_text


def search_key(title: str, external_id: str) -> str:
    """What the navigator's text filter matches: the folded, case-folded title and id."""
    return f"{fold_text(title).casefold()}\n{external_id.casefold()}"


class ReadingMixin(LayersMixin, AssignmentsMixin):
    """Read-only queries of :class:`~annotator.core.store.Project`. Statuses, document
    labels, notes and annotations are those of one annotator's layer: the opening
    annotator's, or ``layer``'s."""

    def _filter(self, status: str | None, text: str | None,
                layer: str | None = None,
                assigned_to: str | None = None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if assigned_to is not None:
            clause, values = self.assigned_clause(assigned_to)
            clauses.append(clause)
            params.extend(values)
        if status is not None:
            clause, values = status_clause(status, self.layer_id(layer))
            clauses.append(clause)
            params.extend(values)
        if text:
            clauses.append("instr(d.search_key, ?) > 0")
            params.append(fold_text(text).casefold())
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def document_count(self, status: str | None = None, text: str | None = None,
                       layer: str | None = None, assigned_to: str | None = None) -> int:
        """Number of documents, optionally of one status (in this annotator's layer, or
        ``layer``'s) and/or whose title or external id contains ``text`` (compared folded:
        hamza forms, tashkeel, tatweel... ignored) and/or assigned to ``assigned_to``."""
        self._check_open()
        if status is not None and not text and assigned_to is None:
            return self._status_count(status, layer)
        where, params = self._filter(status, text, layer, assigned_to)
        sql = f"SELECT count(*) FROM documents AS d INDEXED BY documents_nav{where}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def list_documents(self, offset: int = 0, limit: int = 100, status: str | None = None,
                       text: str | None = None, layer: str | None = None,
                       assigned_to: str | None = None) -> list[DocumentSummary]:
        """A page of navigator rows in document order (filters as ``document_count``); the
        status and entity count are the layer's."""
        self._check_open()
        who = self.layer_id(layer)
        columns = ("d.id, d.external_id, d.title, {},"
                   " (SELECT count(*) FROM entities AS e WHERE e.doc_id = d.id"
                   " AND e.annotator_id = ?), d.length")
        if status is not None and status != "todo":
            # Walk the layer's status index in document order: a page stops after its rows.
            where, params = self._filter(None, text, None, assigned_to)
            also = where.replace(" WHERE ", " AND ", 1)
            sql = (f"SELECT {columns.format('s.status')}"
                   " FROM document_status AS s INDEXED BY document_status_filter"
                   " CROSS JOIN documents AS d INDEXED BY documents_nav ON d.id = s.doc_id"
                   f" WHERE s.annotator_id = ? AND s.status = ?{also}"
                   " ORDER BY s.doc_id LIMIT ? OFFSET ?")
            params = [who, who, status, *params, limit, offset]
        else:
            where, params = self._filter(status, text, layer, assigned_to)
            sql = (f"SELECT {columns.format(STATUS_OF)}"
                   f" FROM documents AS d INDEXED BY documents_nav{where}"
                   " ORDER BY d.id LIMIT ? OFFSET ?")
            params = [who, who, *params, limit, offset]
        rows = self.conn.execute(sql, params).fetchall()
        return [rec.summary(row) for row in rows]

    def document_ids(self, status: str | None = None, layer: str | None = None,
                     assigned_to: str | None = None) -> list[int]:
        """All document ids in order, optionally of one status (of the layer) and/or
        assigned to the annotator ``assigned_to``."""
        self._check_open()
        where, params = self._filter(status, None, layer, assigned_to)
        sql = f"SELECT d.id FROM documents AS d INDEXED BY documents_nav{where} ORDER BY d.id"
        return [int(r[0]) for r in self.conn.execute(sql, params)]

    def document_position(self, doc_id: int, status: str | None = None,
                          text: str | None = None, layer: str | None = None,
                          assigned_to: str | None = None) -> int | None:
        """The row of ``doc_id`` among the documents the filters keep (as ``document_count``),
        or None when they leave it out: two index-only queries, whatever the project size."""
        self._check_open()
        where, params = self._filter(status, text, layer, assigned_to)
        joined = f"{where} AND" if where else " WHERE"
        nav = "FROM documents AS d INDEXED BY documents_nav"
        if self.conn.execute(f"SELECT 1 {nav}{joined} d.id = ?",
                             [*params, doc_id]).fetchone() is None:
            return None
        if status is not None and not text and assigned_to is None:
            return self._status_count(status, layer, below=doc_id)
        return int(self.conn.execute(f"SELECT count(*) {nav}{joined} d.id < ?",
                                     [*params, doc_id]).fetchone()[0])

    def external_ids(self, status: str | None = None, layer: str | None = None
                     ) -> Iterator[str]:
        """The external ids of the documents in order, optionally of one status (of the
        layer), streaming (what a split is computed from; a damaged id is left out, as its
        document is)."""
        self._check_open()
        where, params = self._filter(status, None, layer)
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

    def external_id(self, doc_id: int) -> str:
        """The external id of a document (``ProjectError`` when there is none)."""
        self._check_open()
        row = self.conn.execute("SELECT external_id FROM documents WHERE id = ?",
                                (doc_id,)).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no document {doc_id}")
        return str(row[0])

    def annotator_names(self) -> dict[int, str]:
        """Annotator row id to name."""
        return {int(i): str(n) for i, n in self.conn.execute("SELECT id, name FROM annotators")}

    def get_record(self, doc_id: int, layer: str | None = None) -> DocumentRecord:
        """One document with one layer's annotations, status, labels and notes (this
        annotator's, or ``layer``'s; ids are row ids as strings).

        Raises :class:`DamagedRowError` (a ``ProjectError``) when the document's own row cannot
        be read (its text is not valid UTF-8, ...). Annotation rows that are damaged (not
        readable, outside the text, pointing at nothing) are left out of the record and
        listed by :meth:`document_damage`."""
        self._check_open()
        conn = self.conn
        who = self.layer_id(layer)
        doc = conn.execute(f"SELECT {rec.document_columns(STATUS_OF)} FROM documents AS d"
                           " WHERE id = ?", (who, doc_id)).fetchone()
        if doc is None:
            raise ProjectError(f"{self.path}: no document {doc_id}")

        parts = {
            table: conn.execute(f"SELECT {columns} FROM {table} WHERE doc_id = ?"
                                f" AND {rec.layer_filter(table)} ORDER BY {order}",
                                (doc_id, who)).fetchall()
            for table, (columns, order) in rec.QUERIES.items()
        }
        known = tuple({str(r[0]) for r in conn.execute(
            f"SELECT id FROM {table} WHERE doc_id = ?", (doc_id,))}
            for table in ("entities", "events", "quotes"))
        try:
            record, damaged = rec.document(doc, parts, self.annotator_names(),
                                           known=(known[0], known[1], known[2]))
        except DamagedRowError as exc:
            self._note_damage(doc_id, [exc])
            raise
        self._note_damage(doc_id, damaged)
        return rec.drop_dangling(record)

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

    def layers(self, doc_id: int) -> dict[str, DocumentRecord]:
        """Every layer of one document: annotator name -> that layer's record."""
        return {name: self.get_record(doc_id, layer=name)
                for name in self.annotators_of(doc_id)}

    def get_links(self, doc_id: int, layer: str | None = None) -> rec.LinkRecord:
        """The quotes, events (with their argument row ids), stances and document labels of
        ``doc_id`` in one layer (as :meth:`get_record`), in the order of :meth:`get_record`
        (ids are row ids as strings); damaged rows are left out as by :meth:`get_record`."""
        self._check_open()
        conn = self.conn
        who = self.layer_id(layer)
        kept = rec.Kept(doc_id, len(self.get_text(doc_id)))  # cached: actions need it too
        names = self.annotator_names()
        own = {str(r[0]) for r in conn.execute(
            "SELECT id FROM entities WHERE doc_id = ? AND annotator_id = ?", (doc_id, who))}
        # Damage is a reference to nothing; one to another layer is dropped (at the end).
        entity_ids, event_ids, quote_ids = ({str(r[0]) for r in conn.execute(
            f"SELECT id FROM {table} WHERE doc_id = ?", (doc_id,))}
            for table in ("entities", "events", "quotes"))

        def rows(table: str) -> list[tuple[Any, ...]]:
            columns, order = rec.QUERIES[table]
            return conn.execute(f"SELECT {columns} FROM {table} WHERE doc_id = ?"
                                f" AND {rec.layer_filter(table)} ORDER BY {order}",
                                (doc_id, who)).fetchall()

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
                                     " WHERE doc_id = ? AND"
                                     f" {rec.layer_filter('event_arguments')}"
                                     " ORDER BY event_id, id", (doc_id, who))
        for r in argument_rows:
            for a in kept.each([r], an_argument):
                links.arguments.setdefault(str(r[1]), []).append(a)
        links.events = kept.each(rows("events"), an_event)
        refs = (entity_ids, event_ids, quote_ids)
        links.stances = kept.each(rows("stances"),
                                  lambda r: kept.stance(r, rec.stance(r, names), refs))
        links.labels = dict(kept.each(rows("document_labels"), rec.label))
        links.stances = rec.drop_references(links.quotes, links.events, links.stances, own)
        links.arguments = {k: [a for a in args if a.entity_id in own]
                           for k, args in links.arguments.items()}
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

        With ``annotator`` the record is that annotator's layer: only the annotations,
        labels and notes they made (event arguments follow their event; references to
        annotations left out are dropped, see :func:`records.drop_dangling`), and
        ``status`` is THEIR status (``iter_records(status="done", annotator=name)``: the
        documents ``name`` marked done, with ``name``'s layer). Without it every layer's
        annotations are kept, ``status`` (filter and field), labels and notes are the
        reading annotator's, and when the project holds a layer of anyone else the record's
        ``layers`` gives every annotator's status, labels and notes. Writing to the project
        while iterating is allowed but the stream may or may not see the change.

        A damaged document (its row, or any of its annotation rows, cannot be read, lies
        outside the text or points at nothing) is skipped; :meth:`damaged_documents` lists
        the ones skipped, with why.
        """
        self._check_open()
        names = self.annotator_names()
        who = None if annotator is None else self.layer_id(annotator)
        reader = self.annotator_id if who is None else who
        all_layers = who is None and self.layer_names() not in ([], [self.layer_name])
        conn = self.conn

        def stream(table: str, columns: str, order: str) -> rec.GroupedStream:
            clauses: list[str] = []
            params: list[Any] = []
            if status is not None:
                clause, values = status_clause(status, reader, "doc_id")
                clauses.append(clause)
                params.extend(values)
            if who is not None:
                clauses.append(rec.layer_filter(table))
                params.append(who)
            where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
            cursor: sqlite3.Cursor = conn.execute(
                f"SELECT {columns} FROM {table}{where} ORDER BY {order}", params)
            return rec.GroupedStream(iter(cursor))

        streams = {table: stream(table, *rec.QUERIES[table]) for table in rec.PARTS}
        # One layer: a reference to another layer is dropped, one to nothing is damage.
        every = {table: rec.GroupedStream(iter(conn.execute(
            f"SELECT doc_id, id FROM {table} ORDER BY doc_id"))) if who is not None else None
            for table in ("entities", "events", "quotes")}
        statuses = (stream("document_status", rec.STATUS_COLUMNS, "doc_id, annotator_id")
                    if all_layers else None)
        where, params = "", list[Any]()
        if status is not None:
            clause, params = status_clause(status, reader)
            where = f" WHERE {clause}"
        doc_sql = (f"SELECT {rec.document_columns(STATUS_OF)} FROM documents AS d{where}"
                   " ORDER BY d.id")
        for doc in conn.execute(doc_sql, [reader, *params]):
            doc_id = doc[0]
            parts = {table: s.take(doc_id) for table, s in streams.items()}
            layers = {}
            if who is None:
                labels, notes = parts["document_labels"], parts["notes"]
                if statuses is not None:
                    layers = rec.layer_states(labels, notes, statuses.take(doc_id), names)
                parts["document_labels"] = [r for r in labels if r[3] == reader]
                parts["notes"] = [r for r in notes if r[3] == reader]
            known = None
            if who is not None:
                e, v, q = ({str(r[1]) for r in s.take(doc_id)} if s is not None else set()
                           for s in every.values())
                known = (e, v, q)
            try:
                record, damaged = rec.document(doc, parts, names, known=known)
            except DamagedRowError as exc:
                damaged = [exc]
            self._note_damage(doc_id, damaged)
            if damaged:
                continue
            record.layers = layers
            yield rec.drop_dangling(record) if who is not None else record
