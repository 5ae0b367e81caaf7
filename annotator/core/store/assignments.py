"""Reading the ``assignments`` table: who is to annotate which document.

The table (migration 6) is written by :mod:`annotator.core.teams.assigning`; the store only
reads it: the documents of one annotator (:meth:`AssignmentsMixin.assignments`, and the
``assigned_to`` filter of the navigator's queries in :mod:`.reading`), and the annotators of
one document. Both are index look-ups (the primary key ``(annotator_id, doc_id)`` and
``assignments_doc``), whatever the number of documents. A read-only open of a file made
before the table existed reads as "nothing assigned".
"""

from __future__ import annotations

from typing import Any

from annotator.core.store.base import ProjectBase

NOBODY = -1
"""The annotator id used for a name that never worked on the project: it matches no row."""


class AssignmentsMixin(ProjectBase):
    """Assignment queries of :class:`~annotator.core.store.Project`."""

    def has_assignments_table(self) -> bool:
        """Whether the file has the ``assignments`` table (a read-only open of an older format
        may not)."""
        self._check_open()
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                " AND name = 'assignments'").fetchone()
        return row is not None

    def has_assignments(self) -> bool:
        """Whether any document is assigned to anyone (one index probe)."""
        self._check_open()
        if not self.has_assignments_table():
            return False
        return self.conn.execute("SELECT 1 FROM assignments LIMIT 1").fetchone() is not None

    def annotator_row_id(self, name: str) -> int:
        """The row id of annotator ``name``, or :data:`NOBODY` when there is none."""
        self._check_open()
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        return NOBODY if row is None else int(row[0])

    def assigned_clause(self, name: str) -> tuple[str, list[Any]]:
        """An SQL condition on ``d.id`` keeping the documents assigned to ``name`` (with its
        parameters); on the leading column of ``documents_nav``, so SQLite seeks each
        assigned id instead of scanning every document."""
        if not self.has_assignments_table():
            return "0", []
        return ("d.id IN (SELECT doc_id FROM assignments WHERE annotator_id = ?)",
                [self.annotator_row_id(name)])

    def assignments(self, annotator: str) -> list[int]:
        """The ids of the documents assigned to ``annotator``, in document order (empty for
        a name with no assignment)."""
        self._check_open()
        if not self.has_assignments_table():
            return []
        rows = self.conn.execute("SELECT doc_id FROM assignments WHERE annotator_id = ?"
                                 " ORDER BY doc_id", (self.annotator_row_id(annotator),))
        return [int(r[0]) for r in rows]

    def assigned_to(self, doc_id: int) -> list[str]:
        """The names of the annotators document ``doc_id`` is assigned to, sorted (two or
        more: a shared document)."""
        self._check_open()
        if not self.has_assignments_table():
            return []
        rows = self.conn.execute("SELECT a.name FROM assignments AS s JOIN annotators AS a"
                                 " ON a.id = s.annotator_id WHERE s.doc_id = ?"
                                 " ORDER BY a.name", (doc_id,))
        return [str(r[0]) for r in rows]
