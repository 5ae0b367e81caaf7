"""A lazy list model of a project's documents: rows come a page at a time, never the texts.

The model asks the store for a row count (an indexed ``count(*)``) and for the page of
:data:`PAGE` summaries holding a row only when a view asks for that row, so it opens as fast
with 100,000 documents as with ten. It follows the store: :meth:`DocumentListModel.attach`
subscribes it to ``project.events`` and

* an entity added or removed in a document moves the count of its cached row (if any) by the
  rows the event carries, with no read, and emits ``dataChanged`` for that row; a change that
  leaves the count as it is (a relabel, a resize) repaints nothing;
* a status change does the same, unless a status filter is on: then the row may leave or
  join the filtered set, so the model resets (views keep their current document through
  :meth:`row_of`);
* an import (``DocumentsAdded``) resets the model.

The status filter :data:`DISAGREEMENTS` (the curation view's "Disagreements left") keeps the
documents in curation with open disagreements: their ids come from the store's index
(``documents_with_disagreements``), a row's summary from two index reads; a decision
(``DocumentChanged`` with the field ``curation``) resets it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Any

from annotator.core.model import DocumentSummary
from annotator.core.store import (
    AnnotationsChanged,
    ChangeEvent,
    DocumentChanged,
    DocumentsAdded,
    Project,
)
from annotator.ui.i18n import noop, translate
from annotator.ui.models.following import FollowsStore
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

PAGE = 256
DISAGREEMENTS = "disagreements-left"
"""The status filter of the documents with open disagreements (curation)."""
DocIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
TitleRole = Qt.ItemDataRole.UserRole + 3
EntityCountRole = Qt.ItemDataRole.UserRole + 4
ExternalIdRole = Qt.ItemDataRole.UserRole + 5
LengthRole = Qt.ItemDataRole.UserRole + 6

STATUS_MARK = {"todo": "○", "in-progress": "◐", "done": "●", "skipped": "⊘"}
STATUS_NAMES = {"todo": noop("Documents", "To do"), "in-progress": noop("Documents", "In progress"),
                "done": noop("Documents", "Done"), "skipped": noop("Documents", "Skipped")}
"""English status names; :func:`status_name` gives the one to show."""


def status_name(status: str) -> str:
    """The name shown for ``status`` (in the interface language)."""
    name = STATUS_NAMES.get(status)
    return status if name is None else translate("Documents", name)

_ROW_TABLES = frozenset({"entities"})
"""Annotation tables whose changes alter what a row shows (its entity count)."""


class DocumentListModel(FollowsStore, QAbstractListModel):
    """Rows are documents in store order; ``data`` loads the page that holds a row on demand."""

    filterChanged = Signal()  # noqa: N815 - Qt signal naming
    """Emitted after the row set was rebuilt (filter change, import, status change under a
    status filter), so that a view can reselect its document."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self._project = project
        self._status: str | None = None
        self._text: str | None = None
        self._assigned: str | None = None
        self._count = project.document_count()
        self._pages: dict[int, list[DocumentSummary]] = {}
        self._only: list[int] | None = None
        """The ids the :data:`DISAGREEMENTS` filter keeps, in order (None: no such filter)."""
        self._attached = False

    @property
    def pages_loaded(self) -> int:
        """How many pages of summaries are held (the model never reads the whole list)."""
        return len(self._pages)

    # -- store events -------------------------------------------------------------------------

    def _on_event(self, event: ChangeEvent) -> None:
        if isinstance(event, DocumentsAdded):
            self.refresh()
        elif isinstance(event, DocumentChanged):
            if self._status is not None and ("status" in event.fields or (
                    self._only is not None and "curation" in event.fields)):
                self.refresh()
            else:
                self.reload_document(event.doc_id)
        elif isinstance(event, AnnotationsChanged) and event.table in _ROW_TABLES:
            change = self._count_change(event)
            if change is None:
                self.reload_document(event.doc_id)
            elif change:
                self._move_count(event.doc_id, change)

    def _count_change(self, event: AnnotationsChanged) -> int | None:
        """How the event moves the entity count of its document in this model's layer (the
        opening annotator's): its inserted rows less its removed ones, both carried by the
        event; None when the rows are not all there (then the page is read again)."""
        inserted = event.rows[:len(event.inserted)]
        if len(inserted) != len(event.inserted) or len(event.removed) != len(event.deleted):
            return None
        layer = self._project.annotator_id
        try:
            added = sum(1 for row in inserted if row["annotator_id"] == layer)
            removed = sum(1 for row in event.removed if row["annotator_id"] == layer)
        except KeyError:
            return None
        return added - removed

    def _move_count(self, doc_id: int, change: int) -> None:
        """Add ``change`` to the cached row of ``doc_id`` and repaint that row alone (no-op when
        its page was never loaded: it will be read fresh when shown)."""
        for page, rows in self._pages.items():
            for index, summary in enumerate(rows):
                if summary.doc_id == doc_id:
                    rows[index] = replace(summary, entity_count=summary.entity_count + change)
                    row = page * PAGE + index
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
                    return

    def reload_document(self, doc_id: int) -> None:
        """Re-read the cached page holding ``doc_id`` and repaint its row (no-op when the
        document's page was never loaded: it will be read fresh when shown)."""
        for page, rows in self._pages.items():
            for index, summary in enumerate(rows):
                if summary.doc_id == doc_id:
                    self._pages[page] = self._read_page(page)
                    row = page * PAGE + index
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
                    return

    # -- filtering ----------------------------------------------------------------------------

    @property
    def status_filter(self) -> str | None:
        """The status rows must have, or None for all."""
        return self._status

    @property
    def text_filter(self) -> str | None:
        """The text titles or external ids must contain (compared folded), or None."""
        return self._text

    @property
    def assigned_filter(self) -> str | None:
        """The annotator rows must be assigned to, or None for all."""
        return self._assigned

    def use_assigned(self, annotator: str | None) -> None:
        """Keep only documents assigned to ``annotator`` (None: all) from the next
        :meth:`set_filter` on (the caller applies it, so that the list resets once)."""
        self._assigned = annotator

    def set_filter(self, status: str | None = None, text: str | None = None) -> None:
        """Show only documents with ``status`` and whose title contains ``text`` (and
        assigned to the annotator of :meth:`use_assigned`, if any)."""
        self.beginResetModel()
        self._status, self._text = status, (text or None)
        self._only = None
        if status == DISAGREEMENTS:
            left = self._project.curation_progress().with_disagreements
            self._only = self._project.documents_with_disagreements(0, left)
            self._count = len(self._only)
        else:
            self._count = self._project.document_count(status=self._status, text=self._text,
                                                       assigned_to=self._assigned)
        self._pages.clear()
        self.endResetModel()
        self.filterChanged.emit()

    def refresh(self) -> None:
        """Reload everything after the store reports a change of the row set."""
        self.set_filter(self._status, self._text)

    # -- rows ---------------------------------------------------------------------------------

    def summary(self, row: int) -> DocumentSummary | None:
        """The navigator row ``row`` (loads its page on first use), or None out of range."""
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            self._pages[page] = self._read_page(page)
        rows = self._pages[page]
        index = row - page * PAGE
        return rows[index] if index < len(rows) else None

    def row_of(self, doc_id: int) -> int | None:
        """The row showing ``doc_id`` under the current filter, or None when it is filtered
        out (the store counts it in the index: no page is read)."""
        if self._only is not None:
            row = bisect_left(self._only, doc_id)
            return row if row < len(self._only) and self._only[row] == doc_id else None
        return self._project.document_position(doc_id, self._status, self._text,
                                               assigned_to=self._assigned)

    def _read_page(self, page: int) -> list[DocumentSummary]:
        project = self._project
        if self._only is None:
            return project.list_documents(page * PAGE, PAGE, status=self._status,
                                          text=self._text, assigned_to=self._assigned)
        found: list[DocumentSummary] = []
        for doc_id in self._only[page * PAGE:(page + 1) * PAGE]:
            position = project.document_position(doc_id)
            found.extend(project.list_documents(position, 1) if position is not None else [])
        return found

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        doc = self.summary(index.row())
        if doc is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            mark = STATUS_MARK.get(doc.status, "?")
            return f"{mark} {doc.title or doc.external_id}  ({doc.entity_count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            status = status_name(doc.status)
            return plain_tooltip(f"{doc.external_id} · {status} · "
                                 f"{doc.entity_count} entities · {doc.length} characters")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            status = status_name(doc.status)
            return f"{doc.title or doc.external_id}, {status}, {doc.entity_count} entities"
        return self._custom_role(doc, role)

    @staticmethod
    def _custom_role(doc: DocumentSummary, role: int) -> Any:
        values: dict[int, Any] = {
            DocIdRole: doc.doc_id,
            StatusRole: doc.status,
            TitleRole: doc.title or doc.external_id,
            EntityCountRole: doc.entity_count,
            ExternalIdRole: doc.external_id,
            LengthRole: doc.length,
        }
        return values.get(role)
