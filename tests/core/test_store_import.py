"""Import, reading API and streaming export of the store (annotator.core.store)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.store import DocumentsAdded, Project, ProjectError
from tests.seed_path import SEED as SEED_PATH

SEED = SEED_PATH
SEED_ALT = SEED_PATH
TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def project(project_address: Path) -> Iterator[Project]:
    with Project.open(project_address, create=True, annotator="alice") as opened:
        yield opened


def full_record(text: str = TEXT, external_id: str | None = "r1") -> DocumentRecord:
    putin, moscow, russia = at(text, "فلاديمير بوتين"), at(text, "موسكو"), at(text, "روسيا")
    return DocumentRecord(
        id=external_id,
        text=text,
        title="الكرملين",
        source="in.jsonl:1",
        status="done",
        entities=[
            Entity("T1", *putin, "PERS", {"mention": "NAM"}, annotator="imported"),
            Entity("T2", *moscow, "GPE"),
            Entity("T3", *russia, "GPE"),
        ],
        quotes=[Quote("Q1", Span(russia[0], len(text) - 1), Span(0, 3), "T1", "indirect")],
        events=[Event("E1", "Contact:Meet", Span(*russia), [EventArgument("Place", "T2")])],
        stances=[
            Stance("S1", "T1", StanceTarget(topic="syria-political-solution"), "FAVOR", "Q1"),
            Stance("S2", AUTHOR, StanceTarget(event="E1"), "NONE", Span(*moscow)),
        ],
        labels={"topic": "politics"},
        notes=["مقال مهم"],
        meta={"url": "https://x"},
        normalization={"nfc": False},
    )


def test_import_remaps_ids_and_round_trips(project: Project) -> None:
    added: list[object] = []
    project.events.subscribe(added.append, DocumentsAdded)
    report = project.import_records([full_record()])
    assert report.imported == 1
    assert report.duplicates == []
    assert report.renamed == []
    assert report.counts["entities"] == 3
    assert report.counts["event_arguments"] == 1
    assert added == [DocumentsAdded(tuple(report.doc_ids))]
    record = next(project.iter_records())  # every layer: T1 is the "imported" annotator's
    ids = {e.label + str(e.start): e.id for e in record.entities}
    putin_id = ids["PERS" + str(at(TEXT, "فلاديمير بوتين")[0])]
    assert all(i.isdecimal() for i in ids.values())
    assert record.quotes[0].speaker == putin_id
    assert record.events[0].arguments[0].entity == ids["GPE" + str(at(TEXT, "موسكو")[0])]
    assert record.stances[0].holder == putin_id
    assert record.stances[0].evidence == record.quotes[0].id
    assert record.stances[1].target.event == record.events[0].id
    assert record.stances[1].holder == AUTHOR
    assert record.entities[0].annotator == "imported"
    assert record.entities[1].annotator == "alice"
    assert (record.status, record.labels, record.notes, record.meta) == (
        "done",
        {"topic": "politics"},
        ["مقال مهم"],
        {"url": "https://x"},
    )
    assert project.validate() == []
    entry = project.history(1)[0]
    assert entry.kind == "audit"
    assert not project.can_undo()


def test_import_is_all_or_nothing(project: Project) -> None:
    project.import_records([DocumentRecord(id="keep", text="نص أول")])
    before = project.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    good = [DocumentRecord(id=f"g{i}", text=f"نص رقم {i}") for i in range(5000)]
    bad = DocumentRecord(
        id="bad", text=TEXT, source="bad.txt:7", entities=[Entity("e1", 0, 4, "PERS")]
    )  # "قال " ends in a space
    with pytest.raises(ProjectError) as info:
        project.import_records([*good, bad])
    assert "bad.txt:7" in str(info.value)
    assert "whitespace" in str(info.value)
    assert project.document_count() == 1
    assert project.conn.execute("SELECT count(*) FROM journal").fetchone()[0] == before
    for broken, fragment in [
        (
            DocumentRecord(id="x", text=TEXT, entities=[Entity("e", 11, 25, "NOPE")]),
            "unknown entity label",
        ),
        (
            DocumentRecord(id="x", text=TEXT, quotes=[Quote("q", Span(0, 3), speaker="e9")]),
            "no entity 'e9'",
        ),
        (DocumentRecord(id="x", text=TEXT, status="finished"), "unknown status"),
        (DocumentRecord(id="x", text=TEXT, labels={"nope": 1}), "unknown document label"),
    ]:
        with pytest.raises(ProjectError, match=fragment):
            project.import_records([broken])
    assert project.document_count() == 1


def test_duplicates_and_external_ids(project: Project) -> None:
    project.import_records([DocumentRecord(id="a", text="نص أ", source="one.txt")])
    report = project.import_records(
        [
            DocumentRecord(id="b", text="نص أ", source="dup-existing.txt"),
            DocumentRecord(id="a", text="نص ب", source="clash.txt"),
            DocumentRecord(id=None, text="نص ج", source="noid.txt"),
            DocumentRecord(id="d", text="نص ج", source="dup-run.txt"),
        ]
    )
    assert report.duplicates == [
        ("dup-existing.txt", "a"),
        ("dup-run.txt", f"doc-{report.doc_ids[1]:06d}"),
    ]
    assert report.renamed == [("clash.txt", "a", "a-2")]
    assert [project.get_record(d).id for d in report.doc_ids] == [
        "a-2",
        f"doc-{report.doc_ids[1]:06d}",
    ]
    assert project.document_count() == 3


def test_list_count_and_filters(project: Project) -> None:
    project.import_records(
        [
            DocumentRecord(
                id=f"n{i}",
                text=f"خبر {i}",
                title=f"الرئيس {i}" if i % 2 else "سوريا",
                status="done" if i % 3 == 0 else "todo",
            )
            for i in range(30)
        ]
    )
    first = project.find_document("n1")
    assert first is not None
    project.add_entity(first, 0, 3, "OCC")
    assert project.document_count() == 30
    assert project.document_count(status="done") == 10
    assert project.document_count(text="سوريا") == 15
    # folded: hamza/alef forms and tashkeel do not matter
    assert project.document_count(text="الرَّئيس") == 15
    assert project.document_count(text="N1") == 11  # n1, n10..n19, case-insensitive
    page = project.list_documents(0, 5, status="todo")
    assert [s.external_id for s in page] == ["n1", "n2", "n4", "n5", "n7"]
    assert page[0].entity_count == 1
    assert page[1].entity_count == 0
    assert page[0].length == len("خبر 1")
    assert project.list_documents(28, 5)[-1].external_id == "n29"
    assert len(project.document_ids(status="done")) == 10
    assert project.find_document("nope") is None


def test_iter_records_streams_and_filters(project: Project) -> None:
    report = project.import_records([full_record(), full_record(TEXT + " ", "r2")])
    assert report.imported == 2
    with Project.open(project.path, annotator="bob") as bob:
        bob.add_entity(report.doc_ids[0], *at(TEXT, "الرئيس"), "OCC")
    project.set_status(report.doc_ids[1], "skipped")
    everything = list(project.iter_records())
    assert [r.id for r in everything] == ["r1", "r2"]
    assert [len(r.entities) for r in everything] == [4, 3]
    alices = next(project.iter_records(annotator="alice"))
    assert alices == project.get_record(report.doc_ids[0])  # alice's layer
    assert project.get_record(report.doc_ids[0], layer="bob").entities[0].label == "OCC"
    assert [r.id for r in project.iter_records(status="skipped")] == ["r2"]
    bobs = list(project.iter_records(annotator="bob"))
    assert [len(r.entities) for r in bobs] == [1, 0]
    assert bobs[0].quotes == []
    assert bobs[0].stances == []
    imported = next(iter(project.iter_records(annotator="imported")))
    assert [e.label for e in imported.entities] == ["PERS"]
    with pytest.raises(ProjectError, match="no annotator"):
        list(project.iter_records(annotator="nobody"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(TEXT)),
            st.integers(0, len(TEXT)),
            st.sampled_from(["PERS", "GPE", "ORG"]),
        ),
        max_size=8,
    )
)
def test_import_accepts_exactly_the_valid_spans(
    project: Project, spans: list[tuple[int, int, str]]
) -> None:
    from annotator.core.text import span_problem

    text = TEXT + f" {project.document_count()}"
    entities = [Entity(f"e{i}", s, e, label) for i, (s, e, label) in enumerate(spans)]
    valid = all(span_problem(text, e.start, e.end) is None for e in entities)
    record = DocumentRecord(id=None, text=text, entities=entities)
    if valid:
        report = project.import_records([record])
        stored = project.get_record(report.doc_ids[0]).entities
        assert sorted((e.start, e.end, e.label) for e in stored) == sorted(spans)
    else:
        with pytest.raises(ProjectError):
            project.import_records([record])


def test_seed_article_import(project: Project) -> None:
    path = SEED if SEED.exists() else SEED_ALT
    if not path.exists():
        pytest.skip("seed article not available")
    text = path.read_text(encoding="utf-8")
    entities = [
        Entity(f"e{i}", *at(text, name), label)
        for i, (name, label) in enumerate(
            [("بوتين", "PERS"), ("لافروف", "PERS"), ("الكرملين", "ORG")]
        )
    ]
    report = project.import_records(
        [DocumentRecord(id="seed", text=text, source=str(path), entities=entities)]
    )
    record = project.get_record(report.doc_ids[0])
    assert record.text == text
    assert sorted(text[e.start : e.end] for e in record.entities) == sorted(
        ["بوتين", "لافروف", "الكرملين"]
    )
    assert [e.start for e in record.entities] == sorted(e.start for e in record.entities)
    assert project.validate() == []


def _statements(project: Project, work: Callable[[], object]) -> list[str]:
    """The SQL statements ``work`` runs on the project's connection (one per executed row)."""
    seen: list[str] = []
    project.conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        project.conn.set_trace_callback(None)
    return seen


def _entity_records(count: int) -> list[DocumentRecord]:
    start, end = at(TEXT, "بوتين")
    return [DocumentRecord(id=None, text=f"{TEXT} {i}", title=f"عنوان {i}",
                           entities=[Entity("e1", start, end, "PERS")]) for i in range(count)]


def test_import_work_beyond_the_row_inserts_does_not_grow(tmp_path: Path) -> None:
    """Importing 2,500 documents (two batches) into an empty store runs one INSERT per 100 rows
    (``bulk.ROWS_PER_STATEMENT``; fewer rows, one a statement) and otherwise the same
    statements as 10 documents: one transaction, no per-document query.
    (Its rate against a raw executemany is measured by bench/store.py, not asserted.)"""

    def statements(count: int) -> tuple[int, list[str]]:
        with Project.open(tmp_path / f"p{count}.db", create=True) as project:
            records = _entity_records(count)
            seen = _statements(project, lambda: project.import_records(records))
            assert project.document_count() == count
        inserts = ("INSERT INTO documents ", "INSERT INTO entities ")
        rows = [q for q in seen if q.startswith(inserts)]
        other = [q.split("(")[0] for q in seen if q not in rows]
        return len(rows), other

    small, large = statements(10), statements(2500)
    assert small[0] == 20  # fewer than 100 rows: one a statement
    assert large[0] == 2 * (2000 // 100 + 500 // 100)  # two batches, 100 rows a statement
    assert len(large[1]) == len(small[1])
    assert large[1].count("BEGIN IMMEDIATE") == large[1].count("COMMIT") == 1
    assert not any("sha256" in q for q in large[1])  # no duplicate query per document


def test_streaming_records_runs_the_same_queries_for_any_size(tmp_path: Path) -> None:
    """``iter_records`` streams each table with one query, whatever the corpus size (its rate
    against raw rows + json.dumps is measured by bench/store.py, not asserted)."""

    def statements(count: int) -> list[str]:
        with Project.open(tmp_path / f"p{count}.db", create=True) as project:
            project.import_records(_entity_records(count))
            seen = _statements(project, lambda: [len(r.entities) for r in project.iter_records()])
            assert sum(len(r.entities) for r in project.iter_records()) == count
        return seen

    assert statements(10) == statements(2500)


def test_navigator_page_reads_only_the_navigator_index(tmp_path: Path) -> None:
    """A page of the navigator never reads document rows (so never a text): the query plan
    scans the covering index. (Page times are measured by bench/store.py, not asserted.)"""
    with Project.open(tmp_path / "p.db", create=True) as project:
        project.import_records(
            DocumentRecord(id=None, text=f"{TEXT} {i}", title=f"عنوان {i}") for i in range(2500)
        )
        page: list[object] = []
        seen = _statements(project, lambda: page.extend(
            project.list_documents(2400, 100, status="todo")))
        count = project.document_count(text="عنوان 249")
        assert len(seen) == 1
        plan = [row[3] for row in project.conn.execute(f"EXPLAIN QUERY PLAN {seen[0]}")]
    assert len(page) == 100
    assert count == 11
    assert "SCAN d USING COVERING INDEX documents_nav" in plan
    # (the entity count of a row is the layer's: a few entity rows of the page's documents)
    assert all("COVERING INDEX" in step or "SUBQUERY" in step or "INDEX entities_doc" in step
               for step in plan), plan
