"""The concordance's table: keyword-in-context rows, fetched a page at a time.

:class:`ConcordanceModel` pages through :meth:`annotator.core.corpus.Concordance.page`
lazily: a view asks ``canFetchMore``/``fetchMore`` as it scrolls, and no row is searched for
before it is asked for. Columns are in READING order; the view shows them right to left
(its layout direction), so the reader sees, from the right::

    text before the match | match | text after the match | label | document

Each context is elided at its far end from the match (:data:`ElideRole`, used by the
concordance delegate) and aligned towards the match; the match is bold and centred. Text is
display text only: newlines shown as ``¶``, the title and the label in their own isolates
(FSI…PDI) so a Latin title does not reorder the row; stored text is never changed. The
model follows the store: an entity added or removed on a shown match updates its label.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.corpus import Concordance, ConcordanceRow, Cursor
from annotator.core.corpus.concordance import CONTEXT
from annotator.core.store import AnnotationsChanged, ChangeEvent, Project
from annotator.ui.i18n import noop, translate
from annotator.ui.models.following import FollowsStore
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.qt import QModelIndex, QPersistentModelIndex, Qt, QtCore, QtGui

PAGE = 100
BEFORE, MATCH, AFTER, LABEL, DOCUMENT = range(5)
HEADERS = (noop("Concordance", "Before"), noop("Concordance", "Match"),
           noop("Concordance", "After"), noop("Concordance", "Label"),
           noop("Concordance", "Document"))
RowRole = Qt.ItemDataRole.UserRole + 1
ElideRole = Qt.ItemDataRole.UserRole + 2
FSI, PDI = "\u2068", "\u2069"

Index = QModelIndex | QPersistentModelIndex


def one_line(text: str) -> str:
    """Display text of a context on one line (newlines shown as ``¶``)."""
    return text.replace("\r", "").replace("\n", " ¶ ")


def before_text(row: ConcordanceRow) -> str:
    """The context before the match; when the document goes on before it, its cut first
    word is left out and ``…`` says the text goes on."""
    left = one_line(row.left)
    if row.start - len(row.left) > 0:
        space = left.find(" ")
        left = "…" + (left[space + 1:] if 0 <= space < len(left) - 1 else left)
    return left


def after_text(row: ConcordanceRow) -> str:
    """The context after the match, its cut last word left out when it was cut."""
    right = one_line(row.right)
    if len(row.right) >= CONTEXT:
        space = right.rfind(" ")
        right = (right[:space] if space > 0 else right) + "…"
    return right


def isolated(text: str) -> str:
    """``text`` in a first-strong isolate: it keeps its own direction inside the row."""
    return f"{FSI}{text}{PDI}" if text else ""


class ConcordanceModel(FollowsStore, QtCore.QAbstractTableModel):
    """Rows of one concordance search; empty until :meth:`search`."""

    def __init__(self, project: Project, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._concordance: Concordance | None = None
        self._rows: list[ConcordanceRow] = []
        self._next: Cursor | None = None
        self._more = False
        self.pages_fetched = 0
        self._bold = QtGui.QFont()
        self._bold.setBold(True)
        self._attached = False
        self._changing = False

    # -- the search ---------------------------------------------------------------------------

    def search(self, concordance: Concordance | None) -> None:
        """Show the rows of ``concordance`` (None: no search); the first page is read now,
        inside the reset (a ``fetchMore`` while a reset or an insertion is being signalled
        is ignored: rows are never inserted inside another change)."""
        self.beginResetModel()
        self._concordance = concordance
        self._rows = []
        self._next = None
        self.pages_fetched = 0
        self._more = False
        if concordance is not None:
            self._rows = list(self._read_page(concordance))
        self._changing = True
        try:
            self.endResetModel()
        finally:
            self._changing = False

    def _read_page(self, concordance: Concordance) -> list[ConcordanceRow]:
        page = concordance.page(PAGE, after=self._next)
        self.pages_fetched += 1
        self._more = page.next is not None
        self._next = page.next
        return page.rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        concordance = self._concordance
        if parent.isValid() or not self._more or concordance is None or self._changing:
            return
        rows = self._read_page(concordance)
        if rows:
            first = len(self._rows)
            self._changing = True
            try:
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            finally:
                self._changing = False

    @property
    def complete(self) -> bool:
        """Every row of the search is loaded."""
        return not self._more

    def row(self, index: int) -> ConcordanceRow | None:
        """The concordance row shown at ``index`` (None out of range)."""
        return self._rows[index] if 0 <= index < len(self._rows) else None

    # -- following the store ------------------------------------------------------------------

    def _on_event(self, event: ChangeEvent) -> None:
        if not isinstance(event, AnnotationsChanged) or event.table != "entities":
            return
        added = {(e.start, e.end): e for e in event.entities().values()}
        gone = {int(row["id"]) for row in event.removed} | set(event.deleted)
        for number, row in enumerate(self._rows):
            if row.doc_id != event.doc_id:
                continue
            entity = added.get((row.start, row.end))
            if entity is not None:
                new = replace(row, label=entity.label, entity_id=int(entity.id))
            elif row.entity_id is not None and row.entity_id in gone:
                new = replace(row, label=None, entity_id=None)
            else:
                continue
            self._rows[number] = new
            self.dataChanged.emit(self.index(number, 0), self.index(number, DOCUMENT))

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return translate("Concordance", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.title or row.external_id} · {row.start}–{row.end}\n"
                                 f"{row.left}{row.match}{row.right}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            label = row.label or translate("Concordance", "no label")
            return f"{row.match}, {label}, {row.title or row.external_id}"
        if role == Qt.ItemDataRole.FontRole and column == MATCH:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == ElideRole:
            return {BEFORE: Qt.TextElideMode.ElideLeft,
                    AFTER: Qt.TextElideMode.ElideRight}.get(column,
                                                            Qt.TextElideMode.ElideMiddle)
        if role == RowRole:
            return row
        return None

    @staticmethod
    def _display(row: ConcordanceRow, column: int) -> str:
        if column == BEFORE:
            return before_text(row)
        if column == MATCH:
            return one_line(row.match)
        if column == AFTER:
            return after_text(row)
        if column == LABEL:
            return isolated(row.label or "—")
        return isolated(row.title or row.external_id)

    @staticmethod
    def _alignment(column: int) -> Qt.AlignmentFlag:
        """Each context towards the match. Alignment flags are logical: in the view's
        right-to-left layout ``AlignLeading`` is the right side."""
        vertical = Qt.AlignmentFlag.AlignVCenter
        if column == BEFORE:  # shown right of the match: its trailing (left) side
            return Qt.AlignmentFlag.AlignTrailing | vertical
        if column == AFTER:  # shown left of the match: its leading (right) side
            return Qt.AlignmentFlag.AlignLeading | vertical
        if column == MATCH:
            return Qt.AlignmentFlag.AlignHCenter | vertical
        return Qt.AlignmentFlag.AlignLeading | vertical
