"""Corpus search: keyword-in-context rows over every document of a project.

``Concordance(project, SearchQuery(...))`` streams :class:`ConcordanceRow` in document order
(then text order). Offsets are end-exclusive code points of the ORIGINAL text. Candidates come
from the FTS5 index (:mod:`annotator.core.store.search_index`) in whole-word mode; every match
is verified on the folded copy (:mod:`.matching`) and mapped back with
:func:`annotator.core.text.foldmap.fold_map`, which is computed only for documents that match.

Regex and substring queries cannot use the FTS index: they stream the folded texts in document
order (substring through an SQL ``instr`` prefilter on the query's longest word) and stop as
soon as ``limit`` rows are found, so the work is bounded by the limit for frequent matches and
by one pass over the folded texts (C-speed regex) for rare ones.

On PostgreSQL (no FTS5) whole-word and substring queries take their candidates from
``folded LIKE '%word%'`` on the query's longest word, which the trigram index answers
(:mod:`annotator.core.store.search_trigram`); the rows are the same as SQLite's.

For a view that pages (a Qt item model's ``fetchMore``), :meth:`Concordance.page` returns up to
``limit`` rows after a :class:`Cursor` and the cursor of the next page: no row is counted or
built before it is asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.corpus.matching import Matcher, Mode, compile_query, is_token_char
from annotator.core.store import Project
from annotator.core.store.engines import has_fts
from annotator.core.store.layers import status_clause
from annotator.core.store.search_trigram import like_pattern
from annotator.core.text.foldmap import fold_map
from annotator.core.text.graphemes import next_boundary, prev_boundary
from annotator.core.text.spans import settle_span

CONTEXT = 40
"""Characters of context on each side of a match (widened to grapheme boundaries)."""
FIRST_SPAN = 256
MAX_SPAN = 65536
"""Document ids asked for at a time on PostgreSQL: 256, then four times more each time up
to 65,536 (``Concordance._server_candidates``)."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to look for. ``label``: only matches with an entity of that label on them (the
    same span, or a span that covers the match); ``unlabelled``: only matches with none."""

    text: str
    mode: Mode = Mode.WORD
    label: str | None = None
    unlabelled: bool = False
    statuses: Sequence[str] = ()

    def __post_init__(self) -> None:
        if self.label is not None and self.unlabelled:
            raise ValueError("a search is either for one label or for unlabelled matches")


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page ended: the next page starts after this match."""

    doc_id: int
    start: int


@dataclass(frozen=True, slots=True)
class ConcordanceRow:
    """One match with its context. ``left`` is the text before the match (logical order:
    shown on the RIGHT in a right-to-left view), ``right`` the text after it;
    ``text[start - len(left):end + len(right)] == left + match + right``. ``label`` and
    ``entity_id`` are the entity on the match: one with exactly that span, else the smallest
    one covering it; None when there is none."""

    doc_id: int
    external_id: str
    title: str
    start: int
    end: int
    match: str
    left: str
    right: str
    label: str | None
    entity_id: int | None
    proclitic: str = ""
    """Attached proclitics just before the match, outside it (``و`` of ``وبرلين``)."""

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "external_id": self.external_id, "title": self.title,
                "start": self.start, "end": self.end, "match": self.match, "left": self.left,
                "right": self.right, "label": self.label, "entity_id": self.entity_id}


@dataclass(slots=True)
class Page:
    rows: list[ConcordanceRow] = field(default_factory=list)
    next: Cursor | None = None
    """Cursor for the following page; None when this page reached the end."""


Entity = tuple[int, int, int, str]  # id, start, end, label


def _entity_on(entities: list[Entity], start: int, end: int,
               label: str | None) -> tuple[int, str] | None:
    """The entity with exactly ``[start, end)``, else the smallest covering it (of ``label``
    when given)."""
    best: Entity | None = None
    for entity in entities:
        eid, s, e, lab = entity
        if label is not None and lab != label:
            continue
        if s == start and e == end:
            return eid, lab
        if s <= start and end <= e and (best is None or e - s < best[2] - best[1]):
            best = entity
    return None if best is None else (best[0], best[3])


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    left = max(0, start - width)
    if left > 0:
        left = prev_boundary(text, left + 1) if left + 1 < start else left
    right = min(len(text), end + width)
    if right < len(text):
        right = next_boundary(text, right - 1) if right - 1 > end else right
    return text[left:start], text[end:right]


class Concordance:
    """A search over one project; iterate it, or ask for pages."""

    def __init__(self, project: Project, query: SearchQuery, *, context: int = CONTEXT) -> None:
        self.project = project
        self.query = query
        self.matcher: Matcher = compile_query(query.text, query.mode)
        self.context = context
        if query.label is not None and not project.schema.has_entity_label(query.label):
            raise ValueError(f"label {query.label!r} is not in the project schema")
        project.ensure_search_index()

    def __iter__(self) -> Iterator[ConcordanceRow]:
        return self.rows()

    def page(self, limit: int, after: Cursor | None = None) -> Page:
        """Up to ``limit`` rows after ``after`` (from the start when None)."""
        page = Page()
        if limit <= 0:
            return page
        for row in self.rows(after):
            if len(page.rows) == limit:
                page.next = Cursor(page.rows[-1].doc_id, page.rows[-1].start)
                break
            page.rows.append(row)
        return page

    def rows(self, after: Cursor | None = None) -> Iterator[ConcordanceRow]:
        """Every matching row after ``after``, streamed in document then text order."""
        conn = self.project.conn
        first = after.doc_id if after is not None else 0
        for doc_id, folded in self._candidates(conn, first):
            spans = self.matcher.find(folded)
            if not spans:
                continue
            for row in self._rows_of(conn, doc_id, spans):
                if after is not None and doc_id == after.doc_id and row.start <= after.start:
                    continue
                yield row

    # -- candidates ---------------------------------------------------------------------------

    def _filters(self) -> tuple[str, list[Any]]:
        clauses = ["t.doc_id >= ?"]
        params: list[Any] = []
        who = self.project.annotator_id  # statuses and labels of the searching annotator's layer
        if self.query.statuses:
            either = [status_clause(s, who, "t.doc_id") for s in self.query.statuses]
            clauses.append("(" + " OR ".join(sql for sql, _ in either) + ")")
            params += [p for _, values in either for p in values]
        if self.query.label is not None:
            clauses.append("t.doc_id IN (SELECT doc_id FROM entities WHERE label = ?"
                           " AND annotator_id = ?)")
            params += [self.query.label, who]
        return " AND ".join(clauses), params

    def _candidates(self, conn: sqlite3.Connection, first: int) -> Iterator[tuple[int, str]]:
        where, params = self._filters()
        matcher = self.matcher
        if not has_fts(conn):
            yield from self._server_candidates(conn, first, where, params)
            return
        if not matcher.needs_scan:
            sql = ("SELECT t.doc_id, t.folded FROM search_fts f"
                   " JOIN search_text t ON t.doc_id = f.rowid"
                   f" WHERE search_fts MATCH ? AND f.rowid >= ? AND {where}"
                   " ORDER BY f.rowid")
            args = [matcher.fts_query(), first, first, *params]
        elif matcher.mode is Mode.REGEX:  # every folded text is a candidate
            sql = f"SELECT t.doc_id, t.folded FROM search_text t WHERE {where} ORDER BY t.doc_id"
            args = [first, *params]
        else:
            sql = (f"SELECT t.doc_id, t.folded FROM search_text t WHERE {where}"
                   " AND instr(t.folded, ?) > 0 ORDER BY t.doc_id")
            args = [first, *params, matcher.literal()]
        for doc_id, folded in conn.execute(sql, args):  # streamed as SQLite reads them
            yield int(doc_id), str(folded)

    def _server_candidates(self, conn: sqlite3.Connection, first: int, where: str,
                           params: list[Any]) -> Iterator[tuple[int, str]]:
        """PostgreSQL: whole words and substrings through ``LIKE`` on the query's longest
        word (the trigram index answers it; the word rules are the matcher's), a regex
        through every folded text. Its cursor fetches a statement's rows whole, so the
        documents are asked range after range of ids, each four times wider than the last
        (:data:`FIRST_SPAN`): a page of a frequent word reads a few hundred documents at
        most, a rare word takes a handful of statements. The first range is read without
        the index (``folded || ''`` is not indexed): for a frequent word, the index's
        answer over the whole corpus costs more than checking those few hundred texts."""
        extra: list[Any] = []
        scanned = indexed = ""
        if self.matcher.mode is not Mode.REGEX:
            scanned, indexed = " AND t.folded || '' LIKE ?", " AND t.folded LIKE ?"
            extra = [like_pattern(self.matcher.literal())]
        select = f"SELECT t.doc_id, t.folded FROM search_text t WHERE {where}"
        tail = " AND t.doc_id < ? ORDER BY t.doc_id"
        row = conn.execute("SELECT max(doc_id) FROM search_text").fetchone()
        last = int(row[0]) if row is not None and row[0] is not None else -1
        low, span, like = first, FIRST_SPAN, scanned
        while low <= last:
            for doc_id, folded in conn.execute(select + like + tail,
                                               [low, *params, *extra, low + span]):
                yield int(doc_id), str(folded)
            low, span, like = low + span, min(span * 4, MAX_SPAN), indexed

    # -- rows ---------------------------------------------------------------------------------

    def _rows_of(self, conn: sqlite3.Connection, doc_id: int,
                 spans: list[tuple[int, int]]) -> Iterator[ConcordanceRow]:
        found = conn.execute("SELECT external_id, title, text FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()
        if found is None:  # removed since it was indexed
            return
        external_id, title, text = str(found[0]), str(found[1]), str(found[2])
        entities: list[Entity] = [(int(i), int(s), int(e), str(lab)) for i, s, e, lab in
                                  conn.execute('SELECT id, start, "end", label FROM entities'
                                               " WHERE doc_id = ? AND annotator_id = ?",
                                               (doc_id, self.project.annotator_id))]
        mapping = fold_map(text)
        query = self.query
        for fs, fe in spans:
            # A joiner after the match belongs to its cluster; the span stops before it
            # (docs/ARABIC.md, Span edges), as an entity span must.
            start, end = settle_span(text, *mapping.original_span(fs, fe))
            if start >= end:
                continue
            on = _entity_on(entities, start, end, query.label)
            if (query.label is not None and on is None) or (query.unlabelled and on is not None):
                continue
            left, right = _context(text, start, end, self.context)
            yield ConcordanceRow(doc_id, external_id, title, start, end, text[start:end], left,
                                 right, on[1] if on else None, on[0] if on else None,
                                 _proclitic(text, start))


def _proclitic(text: str, start: int) -> str:
    """The attached letters before ``start`` up to the word start (the stripped proclitics)."""
    i = start
    while i > 0 and is_token_char(text[i - 1]):
        i -= 1
    return text[i:start]


def search(project: Project, query: SearchQuery, limit: int | None = None) -> list[ConcordanceRow]:
    """The first ``limit`` rows (all when None)."""
    rows = Concordance(project, query).rows()
    if limit is None:
        return list(rows)
    return [row for _, row in zip(range(limit), rows, strict=False)]
