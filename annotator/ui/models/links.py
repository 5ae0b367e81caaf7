"""The tree model of the links panel: quotes, events, stances and suggestions of the open
document, one group each (``Quotes (2)``), one row per link.

Rows come from :func:`~annotator.ui.session.link_list.link_rows` over the session; a link
row carries its owner id (``q1``, ``v2``...) under :data:`OwnerRole`. The other annotators'
layers shown add their rows after yours (:func:`other_link_rows`): greyed (disabled), named
for their annotator, never selectable. :meth:`refresh` reads the session again (a model reset:
a document has a few dozen links).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.schema import Schema
from annotator.ui.i18n import translate
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from annotator.ui.row_text import directed, strip_isolates
from annotator.ui.session.link_list import GROUPS, LinkRow, link_rows, other_link_rows
from annotator.ui.session.session import DocumentSession

Index = QModelIndex | QPersistentModelIndex
OwnerRole = Qt.ItemDataRole.UserRole
NO_GROUP = 0
"""Internal id of a group row; a link row's is its group's number + 1."""


class LinksTreeModel(QAbstractItemModel):
    """Groups of links (top level) and their links (children)."""

    def __init__(self, session: DocumentSession, schema: Callable[[], Schema],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._schema = schema
        self._rows: list[list[LinkRow]] = [[] for _ in GROUPS]

    def refresh(self) -> bool:
        """Read the session's links again; returns whether a row changed (else the model
        stays as it is: an entity added far from every link changes no row)."""
        schema = self._schema()
        rows = link_rows(self._session, schema)
        others = other_link_rows(self._session, schema)
        fresh = [rows[kind] + others[kind] for kind, _ in GROUPS]
        if fresh == self._rows:
            return False
        self.beginResetModel()
        self._rows = fresh
        self.endResetModel()
        return True

    def index_of(self, owner: str) -> QModelIndex:
        """The row of a link (invalid when it is not listed)."""
        group = next((n for n, (kind, _) in enumerate(GROUPS) if kind == owner[:1]), None)
        if group is None:
            return QModelIndex()
        row = next((n for n, r in enumerate(self._rows[group]) if r.owner == owner), None)
        return QModelIndex() if row is None else self.createIndex(row, 0, group + 1)

    def group_index(self, kind: str) -> QModelIndex:
        """The group row of ``kind`` (``q``, ``v``, ``s``, ``g``)."""
        group = next(n for n, (k, _) in enumerate(GROUPS) if k == kind)
        return self.createIndex(group, 0, NO_GROUP)

    # -- QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Group rows at the top, link rows under their group."""
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, NO_GROUP) if row < len(GROUPS) else QModelIndex()
        if parent.internalId() != NO_GROUP or row >= len(self._rows[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: Index | None = None) -> Any:
        """A link row's group; none for a group row. (Without an argument: the QObject
        parent, as ``QObject.parent()``.)"""
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == NO_GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, NO_GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        """Four groups; a group's links; nothing under a link."""
        if not parent.isValid():
            return len(GROUPS)
        if parent.internalId() == NO_GROUP:
            return len(self._rows[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One column."""
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Groups are enabled only; links may be selected."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == NO_GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        if self._rows[index.internalId() - 1][index.row()].annotator:
            return Qt.ItemFlag.NoItemFlags  # another layer's: greyed, read-only
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A group's title with its count, or a link's line; a link's owner id."""
        if not index.isValid():
            return None
        if index.internalId() == NO_GROUP:
            if role == Qt.ItemDataRole.DisplayRole:
                title = translate("Links", GROUPS[index.row()][1])
                rows = self._rows[index.row()]
                others = sum(1 for r in rows if r.annotator)
                extra = (translate("Links", " + {count} other").format(count=others) if others
                         else "")
                return f"{title} ({len(rows) - others}{extra})"
            return None
        row = self._rows[index.internalId() - 1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return directed(row.text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return strip_isolates(row.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            whose = (translate("Links", "\n({annotator}'s layer: read-only)").format(
                annotator=row.annotator) if row.annotator else "")
            return plain_tooltip(strip_isolates(row.text) + whose)
        if role == OwnerRole:
            return row.owner or None
        return None
