"""Annotator layers: every annotator's annotations, statuses, document labels and notes
over the same text (issue 13).

A project reads and writes the layer of the annotator who opened it; ``layer=NAME``
reads another one. A status is a ``document_status`` row (no row means ``todo``); the
navigator's status filters go through its index ``(annotator_id, status, doc_id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.store.base import ProjectBase
from annotator.core.store.errors import ProjectError

LAYER_TABLES = ("entities", "quotes", "events", "stances", "document_labels", "notes",
                "document_status")
"""The tables whose rows make a layer (event arguments follow their event)."""


def status_clause(status: str, who: int, column: str = "d.id") -> tuple[str, list[Any]]:
    """SQL keeping the documents (whose id is ``column``) that annotator ``who`` gave
    ``status``."""
    if status == "todo":
        return (f"{column} NOT IN (SELECT doc_id FROM document_status WHERE annotator_id = ?"
                " AND status <> 'todo')", [who])
    return (f"{column} IN (SELECT doc_id FROM document_status WHERE annotator_id = ?"
            " AND status = ?)", [who, status])


STATUS_OF = ("coalesce((SELECT s.status FROM document_status AS s INDEXED BY"
             " document_status_of WHERE s.doc_id = d.id AND s.annotator_id = ?), 'todo')")
"""SQL: one annotator's status of the document ``d`` (parameter: the annotator id)."""


class LayersMixin(ProjectBase):
    """Which layers a project and a document hold, and one layer's statuses."""

    def layer_id(self, layer: str | None) -> int:
        """The annotator row id of a layer name (None: the opening annotator; 0 when a
        read-only open's annotator never worked on the project). ``ProjectError`` for a
        name the project does not know."""
        self._check_open()
        if layer is None:
            return self.annotator_id
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?",
                                (layer,)).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no annotator named {layer!r}")
        return int(row[0])

    def _layer_ids(self, where: str = "", params: Sequence[Any] = ()) -> set[int]:
        union = " UNION ".join(f"SELECT annotator_id FROM {t}{where}" for t in LAYER_TABLES)
        return {int(r[0]) for r in self.conn.execute(union, list(params) * len(LAYER_TABLES))}

    def _names_of(self, ids: set[int]) -> list[str]:
        return [str(name) for i, name in self.conn.execute(
            "SELECT id, name FROM annotators ORDER BY id") if i in ids]

    def layer_names(self, statuses: Sequence[str] | None = None) -> list[str]:
        """The annotators with anything in the project (an annotation, a status, a document
        label or note), in the order they joined it; with ``statuses``, in the documents of
        those statuses in this annotator's layer (what an export selects). (Opening a
        project registers an annotator; only work makes a layer.)"""
        self._check_open()
        if not statuses:
            return self._names_of(self._layer_ids())
        either = [status_clause(s, self.annotator_id, "doc_id") for s in statuses]
        where = " WHERE (" + " OR ".join(sql for sql, _ in either) + ")"
        return self._names_of(self._layer_ids(where, [p for _, ps in either for p in ps]))

    def annotators_of(self, doc_id: int) -> list[str]:
        """The annotators with a layer on one document, in the order they joined."""
        self._check_open()
        return self._names_of(self._layer_ids(" WHERE doc_id = ?", [doc_id]))

    def _status_count(self, status: str, layer: str | None, below: int | None = None) -> int:
        """How many documents (with an id below ``below``) a layer gave ``status``, from the
        status index alone (no document row is visited; ``todo``: all documents but the
        others)."""
        who = self.layer_id(layer)
        bound, params = ("", []) if below is None else (" AND doc_id < ?", [below])
        if status != "todo":
            sql = ("SELECT count(*) FROM document_status INDEXED BY document_status_filter"
                   f" WHERE annotator_id = ? AND status = ?{bound}")
            return int(self.conn.execute(sql, [who, status, *params]).fetchone()[0])
        every = "" if below is None else " WHERE id < ?"
        total = self.conn.execute(f"SELECT count(*) FROM documents INDEXED BY documents_nav"
                                  f"{every}", params).fetchone()[0]
        done = self.conn.execute("SELECT count(*) FROM document_status WHERE annotator_id = ?"
                                 f" AND status <> 'todo'{bound}", [who, *params]).fetchone()[0]
        return int(total) - int(done)

    def status(self, doc_id: int, layer: str | None = None) -> str:
        """A layer's status of one document (``todo`` when it set none)."""
        row = self.conn.execute("SELECT status FROM document_status WHERE doc_id = ?"
                                " AND annotator_id = ?", (doc_id, self.layer_id(layer))
                                ).fetchone()
        return "todo" if row is None else str(row[0])

    def statuses(self, doc_id: int) -> dict[str, str]:
        """Every annotator's status of one document that is not ``todo``, by name."""
        self._check_open()
        return {str(n): str(s) for n, s in self.conn.execute(
            "SELECT a.name, s.status FROM document_status s JOIN annotators a"
            " ON a.id = s.annotator_id WHERE s.doc_id = ? AND s.status <> 'todo'"
            " ORDER BY a.id", (doc_id,))}
