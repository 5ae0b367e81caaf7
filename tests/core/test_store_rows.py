"""The one decoder of stored rows (``store/rows.py``): damaged values are typed errors naming
table, row and reason, never a crash, and messages never quote stored text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import DamagedRowError, Project
from annotator.core.store.rows import (
    MAX_JSON_DEPTH,
    DamagedText,
    decode_row,
    decode_text,
    load_json,
    shown,
)

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."


def test_text_that_is_not_utf8_is_marked_not_raised() -> None:
    value = decode_text(b"\xd8\xa7\xff")
    assert isinstance(value, DamagedText)
    assert value == "ا\ufffd"
    assert type(decode_text("موسكو".encode())) is str


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 100_000,
                                  "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)])
def test_deep_json_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="nested deeper"):
        load_json(text)


def test_json_within_the_depth_and_not_json() -> None:
    assert load_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None
    for bad in (b"{}", DamagedText("{}"), "{nope", 5):
        with pytest.raises(ValueError, match=r"BLOB|UTF-8|invalid JSON|not JSON text"):
            load_json(bad)


def test_shown_caps_and_neutralises() -> None:
    out = shown("\x1b]0;x\x07\u202e" + "y" * 500)
    for raw in ("\x1b", "\u202e", "\x07"):
        assert raw not in out
    assert len(out) < 120
    assert shown(b"\xff" * 10) == "a BLOB of 10 byte(s)"


def test_decode_row_names_table_row_and_every_problem() -> None:
    with pytest.raises(DamagedRowError) as info:
        decode_row("entities", ("doc_id", "id", "start", "label", "attrs"),
                   (2, 7, "abc", b"PERS", "[1]"), 7, 2)
    error = info.value
    assert (error.table, error.row_id, error.doc_id) == ("entities", 7, 2)
    for part in ("start is 'abc', not an integer", "label is a BLOB", "attrs holds a JSON list"):
        assert part in error.message


def _project_with_damaged(path: Path, column: str) -> None:
    with Project.open(path, create=True, annotator="a") as project:
        project.import_records([DocumentRecord(id="d1", text=TEXT, title="t1"),
                                DocumentRecord(id="d2", text=TEXT + " 2", title="t2")])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"UPDATE documents SET {column} = CAST(X'd8a7ff' || CAST(text AS BLOB) AS TEXT)"
                 " WHERE id = 2")
    conn.close()


@pytest.mark.parametrize("column", ["title", "text"])
def test_invalid_utf8_is_found_by_validate_and_skipped_by_reads(tmp_path: Path,
                                                                 column: str) -> None:
    path = tmp_path / "p.annotator"
    _project_with_damaged(path, column)
    with Project.open(path, annotator="a") as project:
        violations = [v for v in project.validate() if v.table == "documents"]
        assert [(v.row_id, v.doc_id) for v in violations] == [(2, 2)]
        assert f"{column} is not valid UTF-8" in violations[0].reason
        assert [r.id for r in project.iter_records()] == ["d1"]
        assert list(project.damaged_documents()) == [2]
        with pytest.raises(DamagedRowError) as info:
            project.get_record(2)
        assert TEXT[:10] not in info.value.message  # never the stored text
        assert [s.doc_id for s in project.list_documents()] == [1, 2]
        with pytest.raises(DamagedRowError):
            project.set_status(2, "done")  # a damaged row is never rewritten


HEALTHY_ENTITY = (3, 11, 4, 9, "PERS", "{}", None, 1, 1)
"""An ``ENTITY_COLUMNS`` row as the store writes it (document 3, text of length 20)."""
ONE_VALUE_OFF = [
    (0, 3.0), (1, "11"), (2, 4.0), (2, -1), (3, 21), (3, 4), (3, None), (4, DamagedText("P")),
    (4, b"PERS"), (4, None), (5, '{"k": 1}'), (5, DamagedText("{}")), (5, b"{}"), (5, "[]"),
    (5, "{"), (5, None), (6, "a note"), (6, DamagedText("n")), (6, 5), (7, "1"), (7, None),
    (8, 1.5), (8, None),
]


@pytest.mark.parametrize(("column", "value"), ONE_VALUE_OFF)
def test_entity_rows_read_by_unpacking_equal_the_full_check(column: int, value: object) -> None:
    """``Kept.entities`` takes the common row by unpacking: every row that differs from it in
    one value gives what the full check (``decode_row`` and the span check) gives."""
    from annotator.core.store.records import Kept

    row = tuple(value if k == column else v for k, v in enumerate(HEALTHY_ENTITY))
    names = {1: "ann"}
    fast = Kept(3, 20)
    full = Kept(3, 20)
    assert fast.entities([HEALTHY_ENTITY, row], names) == full.each(
        [HEALTHY_ENTITY, row], lambda r: full.entity(r, names))
    assert [str(e) for e in fast.damaged] == [str(e) for e in full.damaged]
    assert [e.attrs for e in fast.entities([HEALTHY_ENTITY], names)] == [{}]
