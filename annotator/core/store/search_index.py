"""The concordance index: the folded copy of every text, and an FTS5 index over it.

``search_text(doc_id, folded)`` holds ``fold(text).text`` of each document (see
:func:`annotator.core.text.foldmap.fold_fast`); ``search_fts`` is an FTS5 table whose content
is ``search_text`` (external content, so the folded text is stored once). Its tokenizer is
``unicode61`` with ``remove_diacritics 0`` (folding already removed what should go) and the
token categories ``L* N* Co M*``: letters, numbers, private use and combining marks make
words, everything else (spaces, punctuation, symbols, emoji) separates them.

On PostgreSQL (issue 15) there is no FTS5: ``search_text`` alone is kept, and a word search
reads every folded copy (docs/ENGINES.md).

The index is a candidate filter only: a search verifies every match on the folded copy.

Keeping it current: migration 4 builds it for older projects (:func:`build_index`). Stored
texts never change. :meth:`Project.ensure_search_index` (:mod:`.search`) indexes the
documents added (and drops those removed) since the last check, in steps of a few hundred
documents, each a transaction of its own: every search calls it first (the import does not:
indexing costs more than the import, issue 12), so documents added by any path (an import,
a restore, a future delete action, another program) are caught up; the app runs the steps
between events. An interrupted indexing is simply redone. The check is
a comparison of the two id lists (count, sum and sum of squares in SQL, then id by id when
they differ), a few milliseconds for 20,000 documents, skipped while nothing was written.
There are no triggers: the store refuses files with triggers it did not create.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.store.engines import has_fts
from annotator.core.text.foldmap import fold_fast

TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
TABLES: tuple[str, ...] = (
    "CREATE TABLE search_text (doc_id INTEGER PRIMARY KEY, folded TEXT NOT NULL)",
    # The ids alone, compact: listing them must not walk the pages of 100 MB of folded text.
    "CREATE INDEX search_text_ids ON search_text(doc_id)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_text',"
    f' content_rowid=\'doc_id\', tokenize="{TOKENIZER}")',
)
BATCH = 500


def create_index(conn: sqlite3.Connection) -> None:
    """Create the (empty) index tables (inside the caller's transaction)."""
    for statement in TABLES:
        conn.execute(statement)


def index_documents(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> int:
    """Index ``(doc_id, original text)`` pairs (inside the caller's transaction); returns how
    many. The documents must not be indexed yet."""
    count = 0
    batch: list[tuple[int, str]] = []
    for doc_id, text in rows:
        batch.append((doc_id, fold_fast(text)))
        if len(batch) >= BATCH:
            count += _insert(conn, batch)
    return count + _insert(conn, batch)


def _insert(conn: sqlite3.Connection, batch: list[tuple[int, str]]) -> int:
    if not batch:
        return 0
    conn.executemany("INSERT INTO search_text(doc_id, folded) VALUES (?, ?)", batch)
    if has_fts(conn):
        conn.executemany("INSERT INTO search_fts(rowid, folded) VALUES (?, ?)", batch)
    count = len(batch)
    batch.clear()
    return count


def unindex_documents(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> int:
    """Remove documents from the index (inside the caller's transaction); returns how many."""
    count = 0
    for doc_id in doc_ids:
        row = conn.execute("SELECT folded FROM search_text WHERE doc_id = ?",
                           (doc_id,)).fetchone()
        if row is None:
            continue
        if has_fts(conn):
            conn.execute("INSERT INTO search_fts(search_fts, rowid, folded)"
                         " VALUES ('delete', ?, ?)", (doc_id, row[0]))
        conn.execute("DELETE FROM search_text WHERE doc_id = ?", (doc_id,))
        count += 1
    return count


def build_index(conn: sqlite3.Connection) -> int:
    """Create and fill the index for every stored document (migration 4)."""
    create_index(conn)
    cursor = conn.execute("SELECT id, text FROM documents ORDER BY id")
    return index_documents(conn, ((int(i), str(t)) for i, t in cursor))


_DOCUMENT_IDS = "SELECT {} FROM documents INDEXED BY documents_status"
_INDEXED_IDS = "SELECT {} FROM search_text INDEXED BY search_text_ids"
_FINGERPRINT = "count(*), total({0}), total({0} * {0})"


def stale_documents(conn: sqlite3.Connection) -> tuple[list[int], list[int]]:
    """``(missing, gone)``: documents not indexed yet, index rows of documents that no
    longer exist. Both empty when the index is current. A read of two compact indexes, first
    compared by count, sum and sum of squares of the ids in SQL (a few milliseconds for
    20,000 documents), then id by id only when those differ; no lock taken."""
    documents = conn.execute(_DOCUMENT_IDS.format(_FINGERPRINT.format("id"))).fetchone()
    indexed = conn.execute(_INDEXED_IDS.format(_FINGERPRINT.format("doc_id"))).fetchone()
    if tuple(documents) == tuple(indexed):
        return [], []
    ids = {int(r[0]) for r in conn.execute(_DOCUMENT_IDS.format("id"))}
    done = {int(r[0]) for r in conn.execute(_INDEXED_IDS.format("doc_id"))}
    return sorted(ids - done), sorted(done - ids)


def index_missing(conn: sqlite3.Connection, doc_ids: list[int]) -> int:
    """Index those of ``doc_ids`` that exist and are not indexed yet (inside the caller's
    transaction: another connection may have indexed some meanwhile); returns how many."""
    if not doc_ids:
        return 0
    marks = ",".join("?" for _ in doc_ids)
    cursor = conn.execute(
        f"SELECT id, text FROM documents WHERE id IN ({marks}) AND id NOT IN"
        f" (SELECT doc_id FROM search_text WHERE doc_id IN ({marks}))", doc_ids + doc_ids)
    return index_documents(conn, ((int(i), str(t)) for i, t in cursor))


def sync_index(conn: sqlite3.Connection, missing: list[int], gone: list[int]) -> None:
    """Bring the index up to date (inside the caller's transaction)."""
    unindex_documents(conn, gone)
    if missing:
        marks = ",".join("?" for _ in missing)
        cursor = conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", missing)
        index_documents(conn, ((int(i), str(t)) for i, t in cursor))
