"""The concordance on both engines: the same rows for the same project (SQLite through its
FTS5 index, PostgreSQL through its trigram index), and on both only the candidate documents
the index names are read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from annotator.core.corpus import Concordance, Mode, SearchQuery, search
from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from tests.core.test_corpus_search import BERLIN, IRAQ, _entity

OTHER = "قالت الوكالة إن 100% من الطلاب_الجدد نجحوا، وفي المدينة احتفالات."

QUERIES: list[tuple[str, Mode, list[tuple[str, str]]]] = [
    ("برلين", Mode.WORD, [("berlin", w) for w in
                          ("بَرلين", "برلين", "برلين", "برلين", "برلين", "برلِّين")]),
    ("بَرْلِين", Mode.WORD, [("berlin", w) for w in  # tashkeel in the query
                             ("بَرلين", "برلين", "برلين", "برلين", "برلين", "برلِّين")]),
    ("أحمد", Mode.WORD, [("iraq", "احمد"), ("iraq", "أحمد"), ("iraq", "أَحمد")]),
    ("إحمد", Mode.WORD, [("iraq", "احمد"), ("iraq", "أحمد"), ("iraq", "أَحمد")]),
    ("العراق", Mode.WORD, [("iraq", "لعراق"), ("iraq", "العراق"), ("iraq", "العراق")]),
    ("البرلينية", Mode.WORD, [("berlin", "البرلينية"), ("berlin", "البرلينية")]),
    ("برلينية", Mode.WORD, []),
    ("لين", Mode.WORD, []),
    ("عراقي", Mode.WORD, []),
    ("عاد  إلى", Mode.WORD, [("berlin", "عاد إلى")]),
    ("المدينة", Mode.WORD, [("berlin", "والمدينة"[1:]), ("other", "المدينة")]),
    ("100%", Mode.WORD, [("other", "100%")]),
    ("الطلاب_الجدد", Mode.WORD, [("other", "الطلاب_الجدد")]),
    ("رلين", Mode.SUBSTRING, [("berlin", "رلين")] * 7 + [("berlin", "رلِّين")]),
    ("احتفالات.", Mode.SUBSTRING, [("other", "احتفالات.")]),
    (r"العراق\w+", Mode.REGEX, [("iraq", "العراقيون")]),
]


@pytest.fixture
def project(project_address: Any) -> Iterator[Project]:
    with Project.open(project_address, create=True, annotator="t") as proj:
        proj.import_records([
            DocumentRecord(id="berlin", title="برلين", text=BERLIN,
                           entities=[_entity(BERLIN, "بَرلين", "GPE")]),
            DocumentRecord(id="iraq", title="العراق", text=IRAQ),
            DocumentRecord(id="empty", text="لا شيء هنا"),
            DocumentRecord(id="other", text=OTHER),
        ])
        yield proj


@pytest.mark.parametrize(("query", "mode", "expected"), QUERIES,
                         ids=[f"{m.value}-{n}" for n, (_, m, _) in enumerate(QUERIES)])
def test_the_same_rows_on_both_engines(project: Project, query: str, mode: Mode,
                                       expected: list[tuple[str, str]]) -> None:
    rows = search(project, SearchQuery(query, mode=mode))
    assert [(r.external_id, r.match) for r in rows] == expected
    for row in rows:
        text = project.get_text(row.doc_id)
        assert text[row.start - len(row.left):row.end + len(row.right)] == (
            row.left + row.match + row.right)


def test_proclitics_and_labels_on_both_engines(project: Project) -> None:
    rows = search(project, SearchQuery("برلين"))
    assert [r.proclitic for r in rows] == ["", "و", "ل", "فل", "", ""]
    assert [r.label for r in rows] == ["GPE", None, None, None, None, None]
    assert [r.match for r in search(project, SearchQuery("برلين", unlabelled=True))] == [
        "برلين", "برلين", "برلين", "برلين", "برلِّين"]


@pytest.mark.parametrize(("query", "mode"), [("احمد", Mode.WORD), ("حمد", Mode.SUBSTRING),
                                             ("للعراق", Mode.WORD)])
def test_only_the_candidates_the_index_names_are_read(project: Project, query: str,
                                                      mode: Mode) -> None:
    concordance = Concordance(project, SearchQuery(query, mode=mode))
    read = [doc_id for doc_id, _ in concordance._candidates(project.conn, 0)]
    assert read == [project.find_document("iraq")]


def test_postgresql_answers_the_candidates_from_its_trigram_index(project: Project) -> None:
    from annotator.core.store.engines import has_fts

    if has_fts(project.conn):
        pytest.skip("PostgreSQL only: SQLite's FTS5 index is tested above")
    from annotator.core.store.search_trigram import INDEX, has_trigram_index, like_pattern

    search(project, SearchQuery("برلين"))  # the first search makes it (the owner may)
    assert has_trigram_index(project.conn)
    raw = project.conn.raw  # type: ignore[attr-defined]
    raw.execute("BEGIN")
    try:  # four documents: the planner would scan them, unless told not to
        raw.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(str(r[0]) for r in raw.execute(
            "EXPLAIN SELECT t.doc_id FROM search_text t WHERE t.folded LIKE %s",
            (like_pattern("برلين"),)))
    finally:
        raw.execute("ROLLBACK")
    assert INDEX in plan


def test_candidates_come_in_growing_ranges_on_the_server(project: Project,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL fetches a statement's rows whole: the first page of a word found in every
    document reads only the first range of documents (counted), not all of them; the
    following ranges find the rest."""
    from annotator.core.corpus import concordance
    from annotator.core.store.engines import has_fts

    if has_fts(project.conn):
        pytest.skip("PostgreSQL only: SQLite streams the candidates")
    monkeypatch.setattr(concordance, "FIRST_SPAN", 1)
    monkeypatch.setattr(concordance, "MAX_SPAN", 2)
    query = SearchQuery("ال", mode=Mode.SUBSTRING)
    found = Concordance(project, query)
    read = [doc_id for doc_id, _ in found._candidates(project.conn, 0)]
    assert read == [project.find_document(n) for n in ("berlin", "iraq", "other")]
    fetched: list[int] = []

    class Counting:  # the rows each statement brings from the server
        engine = project.conn.engine  # type: ignore[attr-defined]

        def execute(self, sql: str, args: Any = ()) -> Any:
            rows = project.conn.execute(sql, args).fetchall()
            fetched.append(len(rows))
            return _Rows(rows)

    berlin = project.find_document("berlin")
    assert berlin is not None
    candidates = found._candidates(Counting(), berlin)  # type: ignore[arg-type]
    assert next(candidates)[0] == berlin
    assert fetched == [1, 1]  # max(doc_id), then the first range: one document
    assert len(found.page(2).rows) == 2


class _Rows(list[Any]):
    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list[Any]:
        return list(self)
