"""Issue 12: the import's fast path. The canonical reader hands the import plain entities as
columns (``EntityColumns``, no ``Entity`` per span) and the store writes their rows from the
columns; records, rows, references and messages are those of the object path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.checks import record_problems
from annotator.core.formats.canonical_reader import parse_canonical_object, read_canonical
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord, EntityColumns, Quote, Span
from annotator.core.schema import default_schema_path, load_schema
from annotator.core.store import Project, ProjectError

TEXT = "قال بوتين 😀 إن موسكو ترحب بُوتِينُ والرياض."
_B, _M, _T = TEXT.index("بوتين"), TEXT.index("موسكو"), TEXT.index("بُوتِينُ")
_R = TEXT.index("الرياض")
PLAIN = {"id": "e1", "start": _B, "end": _B + 5, "label": "PERS", "text": "بوتين"}
CITY = {"id": "e2", "start": _M, "end": _M + 5, "label": "GPE"}
TASHKEEL = {"id": "e3", "start": _T, "end": _T + len("بُوتِينُ"), "label": "PERS"}
UTF16 = {"id": "e4", "start": _R, "end": _R + 6, "label": "GPE", "utf16": [_R + 1, _R + 7]}
EMPTY_ATTRS = {"id": "e5", "start": _R, "end": _R + 6, "label": "GPE", "attrs": {}}
ATTRS = {"id": "e6", "start": _M, "end": _M + 5, "label": "GPE", "attrs": {"a": "b"}}
NAMED = {"id": "e7", "start": _B, "end": _B + 5, "label": "PERS", "annotator": "bob"}
BAD = {"id": "e8", "start": _M, "end": _M + 4, "label": "GPE", "text": "موسكو"}


def _parse(entities: list[dict[str, Any]], columns: bool,
           text: str = TEXT) -> tuple[DocumentRecord | None, list[str]]:
    obj = {"id": "d", "text": text, "entities": entities}
    record, errors = parse_canonical_object(obj, "f.jsonl", 1, columns=columns)
    return record, [str(e) for e in errors]


@pytest.mark.parametrize("entities", [
    [PLAIN, CITY], [PLAIN, TASHKEEL, CITY], [UTF16, EMPTY_ATTRS], [PLAIN, ATTRS, CITY],
    [PLAIN, CITY, NAMED], [NAMED, PLAIN], [PLAIN, BAD, CITY], [PLAIN, dict(PLAIN)], [],
])
@pytest.mark.parametrize("text", [TEXT, TEXT.replace(" ", "\r\n", 1)])
def test_columns_hold_the_same_entities_as_the_objects(entities: list[dict[str, Any]],
                                                       text: str) -> None:
    """Each way twice (the second time the reader's edge sets know every character); a
    CRLF text moves the spans (no quick path); messages are the same."""
    for _ in range(2):
        objects, object_errors = _parse(entities, False, text)
        columns, column_errors = _parse(entities, True, text)
    assert column_errors == object_errors
    if objects is None:
        assert columns is None
        return
    assert columns is not None
    assert objects.entity_columns is None
    assert columns.all_entities() == objects.entities
    plain = all(not item.get("attrs") and "annotator" not in item for item in entities)
    if not entities:
        assert columns.entity_columns is None
        assert columns.entities == []
    elif plain:
        assert columns.entities == []
        assert columns.entity_columns is not None
        assert len(columns.entity_columns) == len(entities)
    else:  # one entity with attributes or an annotator: every one is an object, in order
        assert columns.entity_columns is None
        assert columns.entities == objects.entities


def _write(tmp_path: Path, lines: list[dict[str, Any]]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in lines),
                    encoding="utf-8")
    return path


def _rows(project: Project) -> list[tuple[Any, ...]]:
    return project.conn.execute(
        'SELECT id, doc_id, start, "end", label, attrs, note, annotator_id, schema_version'
        " FROM entities ORDER BY id").fetchall()


LINES: list[dict[str, Any]] = [
    {"id": "a", "text": TEXT, "entities": [PLAIN, TASHKEEL, CITY],
     "quotes": [{"id": "q1", "content": {"start": _M, "end": _M + 5}, "speaker": "e1"}],
     "stances": [{"id": "s1", "holder": "e3", "target": {"entity": "e2"}, "label": "FAVOR"}]},
    {"id": "b", "text": TEXT + " 2", "entities": [UTF16, PLAIN]},
    {"id": "c", "text": TEXT + " 3", "entities": [PLAIN, NAMED]},
    {"id": "d", "text": TEXT + " 4"},
]


def test_the_fast_path_stores_what_the_object_path_stores(tmp_path: Path) -> None:
    source = _write(tmp_path, LINES)
    stored = []
    for name, fast in (("fast", True), ("objects", False)):
        with Project.open(tmp_path / f"{name}.annotator", create=True, annotator="t") as project:
            records = [r for r in read_canonical(source, columns=fast)
                       if isinstance(r, DocumentRecord)]
            assert [r.entity_columns is not None for r in records] == [fast, fast, False, False]
            project.import_records(records, spans_checked=True)
            assert project.validate() == []
            quote = project.conn.execute("SELECT speaker_entity_id FROM quotes").fetchone()
            stance = project.conn.execute(
                "SELECT holder_entity_id, target_entity_id FROM stances").fetchone()
            stored.append((_rows(project), quote, stance,
                           [project.get_record(i).entities for i in (1, 2, 3, 4)]))
    assert stored[0] == stored[1]
    rows, quote, stance, _ = stored[0]
    assert quote == (rows[0][0],)  # e1 of document a
    assert stance == (rows[1][0], rows[2][0])  # e3 holds, e2 is the target


def test_the_pipeline_streams_columns_and_checks_labels(tmp_path: Path) -> None:
    source = _write(tmp_path, LINES)
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        result = import_paths(project, [source], fmt="canonical")
        assert not result.bad
        assert len(result.imported) == 4
        assert project.stats()["annotations"]["entities"] == 7
        assert project.validate() == []
    bad = [{"id": "x", "text": TEXT, "entities": [PLAIN, dict(CITY, label="CITY")]}]
    with Project.open(tmp_path / "q.annotator", create=True, annotator="t") as project:
        result = import_paths(project, [_write(tmp_path, bad)], fmt="canonical")
        labels = ", ".join(project.schema.entity_types)
        assert [e.reason for e in result.bad] == [
            f"entity e2: unknown entity label 'CITY' (schema has {labels})"]
        assert project.document_count() == 0


def _column_record(label: str = "GPE", span: tuple[int, int] = (_M, _M + 5)) -> DocumentRecord:
    return DocumentRecord(id="x", text=TEXT, entity_columns=EntityColumns(
        ["e1", "e2"], [_B, span[0]], [_B + 5, span[1]], ["PERS", label]))


@pytest.mark.parametrize("status", ["todo", "done", "finished"])
@pytest.mark.parametrize("labels", [{}, {"nonsense": 1}])
def test_record_problems_of_columns_are_those_of_objects(status: str,
                                                         labels: dict[str, Any]) -> None:
    """Columns alone (the stream's quick return, fourth pass) or with a quote: the problems
    of the same record with entity objects, for good and bad labels, statuses and document
    labels."""
    schema = load_schema(default_schema_path())
    quote = Quote("q1", Span(_M, _M + 5), None, "e1")
    for record in (_column_record(), _column_record("CITY")):
        for quotes in ([], [quote]):
            record.status, record.labels, record.quotes = status, labels, quotes
            objects = DocumentRecord(id="x", text=TEXT, entities=record.all_entities(),
                                     status=status, labels=labels, quotes=quotes)
            for checked in (True, False):
                assert (record_problems(record, schema, spans_checked=checked)
                        == record_problems(objects, schema, spans_checked=checked))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        yield proj


def test_the_store_refuses_columns_as_it_refuses_objects(project: Project) -> None:
    """An undeclared label in the columns; a bad span when the caller did not check spans
    (a direct ``import_records`` call checks every span, columns or not)."""
    for record, checked, message in (
            (_column_record("CITY"), True, "unknown entity label 'CITY'"),
            (_column_record(span=(_T, _T + 1)), False, "entity e2: .*splits")):
        objects = DocumentRecord(id="x", text=TEXT, entities=record.all_entities())
        for candidate in (record, objects):
            with pytest.raises(ProjectError, match=message):
                project.import_records([candidate], spans_checked=checked)
    assert project.document_count() == 0


def test_map_renames_the_labels_of_a_streamed_canonical_import(tmp_path: Path) -> None:
    """``--map`` renames entity objects: the stream then reads entities as objects, never as
    columns that the renaming would miss (the two features met at a merge)."""
    from annotator.core.formats.read_options import ReadOptions

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "قال بوتين في موسكو", "entities": [
        {"id": "e1", "start": 4, "end": 9, "label": "PER"},
        {"id": "e2", "start": 13, "end": 18, "label": "GPE"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="alice") as project:
        result = import_paths(project, [source], options=ReadOptions(label_map={"PER": "PERS"}))
        assert not result.bad
        record = project.get_record(project.document_ids()[0])
    assert [e.label for e in record.entities] == ["PERS", "GPE"]


@pytest.mark.parametrize("text", [TEXT, TEXT.replace(" ", "\r\n", 1), "e\u0301 " + TEXT,
                                  TEXT + " \ud83d"])
def test_the_reader_hands_the_store_the_bytes_of_a_plain_text_only(text: str) -> None:
    """Issue 12, fourth pass: the surrogate test's UTF-8 encoding goes to the store's sha256
    (one encoding a text), only for a text stored as it was read."""
    obj = {"id": "d", "text": text}
    record, errors = parse_canonical_object(obj, "f.jsonl", 1, columns=True)
    plain = text == TEXT
    assert (record is None) == (not plain and "\ud83d" in text)
    if record is None:
        assert errors
        return
    if not plain:
        assert record.encoded is None
        return
    assert record.encoded is not None
    assert record.encoded[0] is record.text
    assert record.encoded[1] == record.text.encode("utf-8")
    assert parse_canonical_object(obj, "f.jsonl", 1)[0].encoded is None  # (not streamed)


def test_the_store_hashes_the_reader_s_bytes_only_for_that_very_text(project: Project) -> None:
    import dataclasses
    import hashlib

    def record(n: int) -> DocumentRecord:
        found, _ = parse_canonical_object({"id": f"d{n}", "text": f"{TEXT} {n}"}, "f", n,
                                          columns=True)
        assert found is not None
        assert found.encoded is not None
        return found

    changed = record(2)
    changed.text = changed.text + " ب"  # the bytes are now another text's
    replaced = dataclasses.replace(record(3), text="نص آخر")
    records = [record(1), changed, replaced]
    project.import_records(records, spans_checked=True)
    stored = project.conn.execute("SELECT sha256, text FROM documents ORDER BY id").fetchall()
    assert stored == [(hashlib.sha256(r.text.encode("utf-8")).hexdigest(), r.text)
                      for r in records]
    assert project.validate() == []
