"""Keeping the concordance index current for an open project (the index itself, its tables
and how documents are folded into it, is :mod:`.search_index`).

The index is brought up to date lazily, never by the import (issue 12: indexing costs more
than the import itself): the first search (:meth:`ensure_search_index`, which the
concordance calls) indexes what is missing, with ``progress(done, total)`` for the CLI; the
app indexes in steps between events (:meth:`index_search_step`, a few hundred documents a
transaction) and says the index is building meanwhile (:meth:`search_index_pending`).
On PostgreSQL the first check of a connection also makes the trigram index when it is
missing and the connection may (:mod:`.search_trigram`).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.store.base import ProjectBase
from annotator.core.store.engines import has_fts
from annotator.core.store.search_index import index_missing, stale_documents, sync_index
from annotator.core.store.search_trigram import ensure_trigram_index

STEP = 200
"""Documents indexed per transaction by :meth:`SearchIndexMixin.index_search_step` (about a
quarter of a second of work: another writer waits at most that long for the lock)."""


class SearchIndexMixin(ProjectBase):
    """:meth:`ensure_search_index`, called before every search."""

    _search_checked: tuple[int, int] | None = None
    """``(PRAGMA data_version, total_changes)`` when the index was last found current. While
    neither moved (no commit by another connection, no row changed by this one), the next
    check is skipped."""
    _search_todo: list[int] | None = None
    """Documents found missing from the index and not indexed yet (in steps)."""
    _trigram_checked: bool = False
    """PostgreSQL: the trigram index was looked for (and made when missing) once."""

    def _search_state(self) -> tuple[int, int]:
        conn = self.conn
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def search_index_pending(self) -> int:
        """How many documents the index still lacks (0 when it is current). Documents removed
        since are dropped from it here. A few milliseconds for 20,000 documents; nothing
        while no row was written since the last check."""
        if self._search_todo:
            return len(self._search_todo)
        if not self._trigram_checked and not has_fts(self.conn):
            self._trigram_checked = True
            ensure_trigram_index(self.conn)
        if self._search_checked == self._search_state():
            return 0
        missing, gone = stale_documents(self.conn)
        if gone:
            with self._transaction() as tx:
                sync_index(tx, [], stale_documents(tx)[1])
        if not missing:
            self._search_todo = None
            self._search_checked = self._search_state()
            return 0
        self._search_todo = missing
        return len(missing)

    def index_search_step(self, limit: int = STEP) -> int:
        """Index up to ``limit`` of the pending documents in one transaction of their own;
        returns how many are still pending. A document indexed meanwhile by another
        connection, or deleted, is skipped; an interrupted step is simply redone."""
        if not self.search_index_pending() or self._search_todo is None:
            return 0
        chunk, rest = self._search_todo[:limit], self._search_todo[limit:]
        with self._transaction() as tx:
            index_missing(tx, chunk)
        self._search_todo = rest or None
        return len(rest) if rest else self.search_index_pending()

    def ensure_search_index(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Index the documents added (and drop the documents removed) since the index was
        last updated; ``progress(done, total)`` after each step when there was work."""
        total = self.search_index_pending()
        left = total
        while left:
            left = self.index_search_step()
            total = max(total, left)
            if progress is not None:
                progress(total - left, total)

    def forget_search_check(self) -> None:
        """Check the index in full at the next search (benchmarks time that cold path)."""
        self._search_checked = None
        self._search_todo = None
