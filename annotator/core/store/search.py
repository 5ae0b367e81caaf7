"""Keeping the concordance index current for an open project (the index itself, its tables
and how documents are folded into it, is :mod:`.search_index`)."""

from __future__ import annotations

from annotator.core.store.base import ProjectBase
from annotator.core.store.search_index import stale_documents, sync_index


class SearchIndexMixin(ProjectBase):
    """:meth:`ensure_search_index`, called before every search and after an import."""

    _search_checked: tuple[int, int] | None = None
    """``(PRAGMA data_version, total_changes)`` when the index was last found current. While
    neither moved (no commit by another connection, no row changed by this one), the next
    check is skipped."""

    def ensure_search_index(self) -> None:
        """Index documents added (and drop documents removed) since the index was last
        updated, in one transaction of its own."""
        conn = self.conn
        state = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
        if self._search_checked == state:
            return
        missing, gone = stale_documents(conn)
        if missing or gone:
            with self._transaction() as tx:
                missing, gone = stale_documents(tx)
                sync_index(tx, missing, gone)
        self._search_checked = (int(conn.execute("PRAGMA data_version").fetchone()[0]),
                                conn.total_changes)

    def forget_search_check(self) -> None:
        """Check the index in full at the next search (benchmarks time that cold path)."""
        self._search_checked = None
