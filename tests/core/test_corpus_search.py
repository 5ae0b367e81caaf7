"""The concordance: the FTS5 index kept with the documents, and what a query matches."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.corpus import (
    Concordance,
    Cursor,
    Mode,
    SearchQuery,
    compile_query,
    search,
)
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord, Entity
from annotator.core.resources import DEFAULT_SCHEMA, read_resource_text
from annotator.core.store import Project
from annotator.core.store.migrations import FORMAT_VERSION, migrate

BERLIN = ("زار الرئيسُ بَرلين ثم عاد إلى وبرلين، وكتب عن لبرلين فلبرلين. "
          "البرلينية والمدينة البرلينية ليستا برلين\u200c 😀 ونحن في برلِّين.")
IRAQ = "قال للعراق إن العراق والعراق بخير، والعراقيون كذلك. 👍🏽 احمد وأحمد وأَحمد وأحمدي"


def _entity(text: str, word: str, label: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Entity(id=f"{label}{start}", start=start, end=start + len(word), label=label)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        proj.import_records([
            DocumentRecord(id="berlin", title="برلين", text=BERLIN,
                           entities=[_entity(BERLIN, "بَرلين", "GPE")]),
            DocumentRecord(id="iraq", title="العراق", text=IRAQ,
                           entities=[_entity(IRAQ, "قال للعراق", "EVENT"),
                                     _entity(IRAQ, "العراق", "GPE")]),
            DocumentRecord(id="empty", text="لا شيء هنا"),
        ])
        yield proj


def matched(project: Project, text: str, **options: object) -> list[tuple[str, str]]:
    rows = search(project, SearchQuery(text, **options))  # type: ignore[arg-type]
    for row in rows:
        whole = project.get_text(row.doc_id)
        assert whole[row.start:row.end] == row.match
        assert whole[row.start - len(row.left):row.end + len(row.right)] == (
            row.left + row.match + row.right)
    return [(row.external_id, row.match) for row in rows]


def test_import_indexes_every_document(project: Project, tmp_path: Path) -> None:
    conn = project.conn
    # import_records alone (the store's transaction) leaves the index to the next check...
    assert conn.execute("SELECT count(*) FROM search_text").fetchone() == (0,)
    project.ensure_search_index()
    indexed = conn.execute("SELECT doc_id FROM search_text ORDER BY doc_id").fetchall()
    assert indexed == [(1,), (2,), (3,)]
    hits = conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH 'وبرلين'").fetchall()
    assert hits == [(1,)]
    # ...and so does the import pipeline (issue 12): the first search indexes what it added.
    source = tmp_path / "new.txt"
    source.write_text("خبر عن وبرلين", encoding="utf-8")
    new = import_paths(project, [source]).imported
    assert not conn.execute("SELECT doc_id FROM search_text WHERE doc_id = ?", new).fetchone()
    assert project.search_index_pending() == 1
    (external,) = conn.execute("SELECT external_id FROM documents WHERE id = ?", new).fetchone()
    assert matched(project, "برلين")[-1] == (external, "برلين")
    assert conn.execute("SELECT doc_id FROM search_text WHERE doc_id = ?", new).fetchone()
    assert project.search_index_pending() == 0


def test_whole_word_folded_and_clitic_aware(project: Project) -> None:
    found = matched(project, "برلين")
    # بَرلين (tashkeel), و+برلين, ل+برلين, فل+برلين, برلين before a ZWNJ, برلِّين; never inside
    # البرلينية, never the title.
    assert found == [("berlin", w) for w in
                     ("بَرلين", "برلين", "برلين", "برلين", "برلين", "برلِّين")]
    rows = search(project, SearchQuery("برلين"))
    assert [r.proclitic for r in rows] == ["", "و", "ل", "فل", "", ""]
    zwnj = rows[4]
    assert BERLIN[zwnj.end] == "\u200c"  # the joiner stays outside (docs/ARABIC.md, Span edges)


def test_hamza_forms_and_al_with_elided_alef(project: Project) -> None:
    assert matched(project, "أحمد") == [("iraq", "احمد"), ("iraq", "أحمد"), ("iraq", "أَحمد")]
    assert matched(project, "العراق") == [("iraq", "لعراق"), ("iraq", "العراق"),
                                          ("iraq", "العراق")]


def test_negatives(project: Project) -> None:
    assert matched(project, "برلينية") == []  # ال is not a proclitic: البرلينية is one word
    assert matched(project, "البرلينية") == [("berlin", "البرلينية"), ("berlin", "البرلينية")]
    assert matched(project, "لين") == []  # بر is not a proclitic
    assert matched(project, "عراقي") == []


def test_substring_and_regex(project: Project) -> None:
    assert len(matched(project, "برلين", mode=Mode.SUBSTRING)) == 8
    assert matched(project, "رلين", mode=Mode.SUBSTRING)[0] == ("berlin", "رلين")
    assert matched(project, r"العراق\w+", mode=Mode.REGEX) == [("iraq", "العراقيون")]
    # non-ASCII characters of a pattern are folded: أ finds احمد
    assert [m for _, m in matched(project, r"أحمد\b", mode=Mode.REGEX)] == [
        "احمد", "أحمد", "أَحمد"]
    with pytest.raises(ValueError, match="bad regular expression"):
        compile_query("(", Mode.REGEX)


def test_label_and_unlabelled_filters(project: Project) -> None:
    rows = search(project, SearchQuery("العراق"))
    assert [r.label for r in rows] == ["EVENT", "GPE", None]  # covering, exact, none
    assert matched(project, "العراق", label="GPE") == [("iraq", "العراق")]
    assert matched(project, "العراق", label="EVENT") == [("iraq", "لعراق")]
    assert [r.start for r in search(project, SearchQuery("العراق", unlabelled=True))] == [
        IRAQ.index("والعراق") + 1]
    assert matched(project, "برلين", label="GPE") == [("berlin", "بَرلين")]
    with pytest.raises(ValueError, match="not in the project schema"):
        Concordance(project, SearchQuery("برلين", label="NOPE"))


def test_pages_follow_each_other(project: Project) -> None:
    concordance = Concordance(project, SearchQuery("برلين", mode=Mode.SUBSTRING))
    everything = list(concordance)
    first = concordance.page(4)
    assert first.rows == everything[:4]
    assert first.next == Cursor(everything[3].doc_id, everything[3].start)
    second = concordance.page(100, after=first.next)
    assert first.rows + second.rows == everything
    assert second.next is None


def test_documents_added_or_removed_elsewhere_are_caught_up(project: Project) -> None:
    conn = project.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM entities WHERE doc_id = 1")
    conn.execute("DELETE FROM documents WHERE id = 1")
    text = "خبر جديد عن برلين"
    conn.execute("INSERT INTO documents(external_id, sha256, length, created, updated, text)"
                 " VALUES ('new', ?, ?, '2024', '2024', ?)",
                 (hashlib.sha256(text.encode()).hexdigest(), len(text), text))
    conn.execute("COMMIT")
    assert matched(project, "برلين") == [("new", "برلين")]
    assert conn.execute("SELECT doc_id FROM search_text ORDER BY doc_id").fetchall() == [
        (2,), (3,), (4,)]


def test_migration_builds_the_index_for_an_old_project(tmp_path: Path) -> None:
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    migrate(conn, upto=2)
    schema_text = read_resource_text(DEFAULT_SCHEMA)
    conn.execute("INSERT INTO schemas VALUES (1, 'default', ?, '2024-01-01T00:00:00Z')",
                 (schema_text,))
    for number, text in enumerate((BERLIN, IRAQ)):
        conn.execute("INSERT INTO documents(external_id, sha256, length, created, updated, text)"
                     " VALUES (?, ?, ?, '2024', '2024', ?)",
                     (f"old{number}", hashlib.sha256(text.encode()).hexdigest(), len(text), text))
    conn.close()
    with Project.open(path, annotator="t") as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
        assert project.conn.execute("SELECT count(*) FROM search_text").fetchone() == (2,)
        assert [m for _, m in matched(project, "العراق")] == ["لعراق", "العراق", "العراق"]
        assert project.validate() == []


def test_candidates_come_from_the_index(project: Project) -> None:
    """Whole-word search reads only the folded texts the FTS index names (counted)."""
    concordance = Concordance(project, SearchQuery("احمد"))
    read = list(concordance._candidates(project.conn, 0))
    assert [doc_id for doc_id, _ in read] == [2]
