"""A lazy list model of a project's documents: rows come a page at a time, never the texts."""

from __future__ import annotations

from typing import Any

from annotator.core.model import DocumentSummary
from annotator.core.store import Project
from annotator.ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

PAGE = 256
DocIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2

_STATUS_MARK = {"todo": "○", "in-progress": "◐", "done": "●", "skipped": "⊘"}


class DocumentListModel(QAbstractListModel):
    """Rows are documents in store order; ``data`` loads the page that holds a row on demand."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self._project = project
        self._status: str | None = None
        self._text: str | None = None
        self._count = project.document_count()
        self._pages: dict[int, list[DocumentSummary]] = {}

    def set_filter(self, status: str | None = None, text: str | None = None) -> None:
        """Show only documents with ``status`` and whose title contains ``text``."""
        self.beginResetModel()
        self._status, self._text = status, (text or None)
        self._count = self._project.document_count(status=self._status, text=self._text)
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Reload after the store reports a change."""
        self.set_filter(self._status, self._text)

    def summary(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            self._pages[page] = self._project.list_documents(
                page * PAGE, PAGE, status=self._status, text=self._text
            )
        rows = self._pages[page]
        index = row - page * PAGE
        return rows[index] if index < len(rows) else None

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
            mark = _STATUS_MARK.get(doc.status, "?")
            return f"{mark} {doc.title or doc.external_id}  ({doc.entity_count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{doc.external_id} · {doc.status} · "
                f"{doc.entity_count} entities · {doc.length} chars"
            )
        if role == DocIdRole:
            return doc.doc_id
        if role == StatusRole:
            return doc.status
        return None
