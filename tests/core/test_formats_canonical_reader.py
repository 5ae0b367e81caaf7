"""Canonical JSONL: reading (with every kind of bad line), writing, schema validation and a
property-based round trip through text with emoji, tashkeel, bidi marks and CRLF."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.exports.canonical_json import record_to_json, write_canonical
from annotator.core.formats.canonical_reader import parse_canonical_object, read_canonical
from annotator.core.importing import import_paths
from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    InputError,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.resources import CANONICAL_JSON_SCHEMA, resource_path
from annotator.core.store import Project
from annotator.core.text.spans import span_problem

SCHEMA_PATH = resource_path(CANONICAL_JSON_SCHEMA)
TEXT = "قال بوتين 😀 إن «موسكو» ترحب."


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _full_record() -> DocumentRecord:
    putin = TEXT.index("بوتين")
    moscow = TEXT.index("موسكو")
    welcome = TEXT.index("ترحب")
    return DocumentRecord(
        id="doc-1",
        text=TEXT,
        title="عنوان",
        meta={"date": "2015-11-21"},
        status="done",
        entities=[
            Entity("1", putin, putin + 5, "PERS", {"mention": "NAM"}, note="رئيس", annotator="a"),
            Entity("2", moscow, moscow + 5, "GPE"),
        ],
        quotes=[Quote("3", Span(moscow - 1, len(TEXT) - 1), Span(0, 3), "1", "indirect")],
        events=[Event("4", "Contact:Meet", Span(welcome, welcome + 4),
                      [EventArgument("Entity", "2")], {"tense": "Present"})],
        stances=[
            Stance("5", AUTHOR, StanceTarget(entity="1"), "FAVOR", "3"),
            Stance("6", "1", StanceTarget(topic="anti-isis-coalition"), "NONE",
                   Span(welcome, welcome + 4)),
            Stance("7", None, StanceTarget(event="4"), "AGAINST"),
        ],
        labels={"topic": "politics"},
        notes=["ملاحظة"],
        normalization={"nfc": False, "newlines": 0},
    )


def test_export_line_is_valid_and_ordered() -> None:
    out = io.StringIO()
    count = write_canonical([_full_record()], out, "annotator-news-ar", 1)
    assert count == 1
    line = out.getvalue()
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert "بوتين" in line  # ensure_ascii=False
    obj = json.loads(line)
    _validator().validate(obj)
    assert list(obj)[:12] == ["id", "text", "meta", "status", "schema", "title", "entities",
                              "quotes", "events", "stances", "labels", "normalization"]
    entity = obj["entities"][0]
    assert entity["id"] == "e1"
    assert entity["text"] == "بوتين"
    assert entity["note"] == "رئيس"
    moscow = obj["entities"][1]
    assert moscow["utf16"] == [moscow["start"] + 1, moscow["end"] + 1]  # emoji before it
    assert obj["quotes"][0]["speaker"] == "e1"
    assert obj["quotes"][0]["cue"]["text"] == "قال"
    assert obj["events"][0]["arguments"] == [{"role": "Entity", "entity": "e2"}]
    assert obj["stances"][0] == {"id": "s5", "holder": "AUTHOR", "target": {"entity": "e1"},
                                 "label": "FAVOR", "evidence": "q3"}
    assert obj["stances"][1]["evidence"]["text"] == "ترحب"
    assert obj["stances"][2]["target"] == {"event": "v4"}
    assert obj["schema"] == {"name": "annotator-news-ar", "version": 1}


def test_export_refuses_span_outside_text() -> None:
    record = DocumentRecord(id="x", text="قصير", entities=[Entity("1", 0, 9, "PERS")])
    with pytest.raises(ValueError, match="outside the text"):
        record_to_json(record, "s", 1)


def test_reader_maps_ids_back_and_keeps_everything() -> None:
    obj = record_to_json(_full_record(), "s", 1)
    record, errors = parse_canonical_object(obj, "c.jsonl", 4)
    assert errors == []
    assert record is not None
    assert record.id == "doc-1"
    assert [e.id for e in record.entities] == ["e1", "e2"]
    assert record.quotes[0].speaker == "e1"
    assert record.events[0].arguments[0].entity == "e2"
    assert record.stances[0].evidence == "q3"
    assert record.stances[2].target.event == "v4"
    assert record.entities[0].note == "رئيس"
    assert record.entities[0].annotator == "a"
    assert record.notes == ["ملاحظة"]
    assert record.source == "c.jsonl:4"
    again = record_to_json(record, "s", 1)
    assert again["entities"] == obj["entities"]
    assert again["stances"] == obj["stances"]


def test_only_text_is_required() -> None:
    record, errors = parse_canonical_object({"text": "عنوان قصير\nنص"}, "c.jsonl", 1)
    assert errors == []
    assert record is not None
    assert record.id is None
    assert record.status == "todo"
    assert record.title == "عنوان قصير"


def test_crlf_text_moves_spans() -> None:
    raw = "سطر\r\nقال بوتين\r\nإن"
    start = raw.index("بوتين")
    obj = {"text": raw, "entities": [{"start": start, "end": start + 5, "label": "PERS"}]}
    record, errors = parse_canonical_object(obj, "c.jsonl", 1)
    assert errors == []
    assert record is not None
    assert record.text == "سطر\nقال بوتين\nإن"
    entity = record.entities[0]
    assert record.text[entity.start:entity.end] == "بوتين"
    assert entity.start == start - 1
    assert record.normalization["newlines"] == 2


def _errors(obj: dict[str, Any]) -> list[str]:
    record, errors = parse_canonical_object(obj, "corpus.jsonl", 17)
    assert record is None
    assert all(isinstance(e, InputError) and e.path == "corpus.jsonl" and e.line == 17
               for e in errors)
    return [str(e) for e in errors]


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ({"id": "x"}, 'corpus.jsonl:17: missing "text"'),
        ({"text": 5}, '"text" must be a string'),
        ({"text": " \n"}, '"text" is empty'),
        ({"text": "عَلي", "entities": [{"start": 0, "end": 1, "label": "PERS"}]},
         "entity e1 [0, 1) end 1 splits a character from its marks"),
        ({"text": "علي", "entities": [{"start": 0, "end": 9, "label": "PERS"}]},
         "entity e1 [0, 9) is out of range"),
        ({"text": "علي حسن", "entities": [{"start": 0, "end": 4, "label": "PERS"}]},
         "entity e1 [0, 4) end is whitespace"),
        ({"text": "علي", "entities": [{"start": 0, "end": 3, "label": "PERS", "text": "حسن"}]},
         "does not match the document text"),
        ({"text": "😀ب", "entities": [{"start": 1, "end": 2, "label": "X", "utf16": [1, 2]}]},
         "utf16 [1, 2] disagrees (expected [2, 3])"),
        ({"text": "علي", "entities": [{"start": "0", "end": 3, "label": "PERS"}]},
         "offsets must be non-negative integers"),
        ({"text": "علي", "entities": [{"start": 0, "end": 3}]}, '"label" must be a non-empty'),
        ({"text": "علي", "status": "finished"}, "unknown status 'finished'"),
        ({"text": "علي", "entities": [{"id": "a", "start": 0, "end": 3, "label": "P"},
                                      {"id": "a", "start": 0, "end": 3, "label": "P"}]},
         'entity id "a" is used twice'),
        ({"text": "علي", "stances": [{"holder": None, "target": {"x": 1}, "label": "FAVOR"}]},
         '"target" must be one of'),
        ({"text": "علي", "quotes": [{"content": [0, 3]}]}, "a span must be an object"),
    ],
)
def test_bad_lines_name_file_line_and_reason(obj: dict[str, Any], expected: str) -> None:
    messages = _errors(obj)
    assert any(expected in m for m in messages), messages


def test_read_file_reports_bad_json_and_keeps_going(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"text": "أول"}\n\n{"text": "ثان" "id": 2}\n[1, 2]\n{"text": "ثالث", "id": 7}\n',
        encoding="utf-8",
    )
    items = list(read_canonical(path))
    records = [i for i in items if isinstance(i, DocumentRecord)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [r.text for r in records] == ["أول", "ثالث"]
    assert records[1].id == "7"
    assert [e.line for e in errors] == [3, 4]
    assert "line is not valid JSON: Expecting ',' delimiter (column 16)" in str(errors[0])
    assert "not an object" in str(errors[1])


def test_read_file_with_bom_and_utf16(tmp_path: Path) -> None:
    line = json.dumps({"text": "سطر\u2028آخر"}, ensure_ascii=False) + "\n"
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8"))
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_bytes(line.encode("utf-16"))
    for path in (bom, utf16):
        warnings: list[str] = []
        (record,) = list(read_canonical(path, warnings.append))
        assert isinstance(record, DocumentRecord)
        assert record.text == "سطر\u2028آخر"


# --- round trip -----------------------------------------------------------------------------

PIECES = st.sampled_from([
    "بوتين", "كيري", "واشنطن", "عَلِيّ", "😀", "👍🏽", "\u200f", "\u200e", "\r\n", "\n", " ",
    "،", "«", "»", "abc", "ـ", "\u0627\u0654", "1٢3",
])


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    raw = "".join(draw(st.lists(PIECES, min_size=1, max_size=25))) + "خبر"
    candidates = [
        (s, e) for s in range(len(raw)) for e in range(s + 1, min(len(raw), s + 12) + 1)
        if span_problem(raw, s, e) is None and "\r" not in raw[s:e]
    ]
    if not candidates:
        return raw, []
    chosen = draw(st.lists(st.sampled_from(candidates), max_size=6, unique=True))
    return raw, chosen


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_round_trip_through_the_file(doc: tuple[str, list[tuple[int, int]]]) -> None:
    raw, spans = doc
    obj = {"text": raw, "entities": [
        {"start": s, "end": e, "label": "PERS", "text": raw[s:e]} for s, e in spans
    ]}
    first, errors = parse_canonical_object(obj, "r.jsonl", 1)
    assert errors == [], errors
    assert first is not None
    assert "\r" not in first.text
    for (s, e), entity in zip(spans, first.entities, strict=True):
        expected = unicodedata.normalize("NFC", raw[s:e])
        assert first.text[entity.start:entity.end] == expected
    out = io.StringIO()
    write_canonical([first], out, "s", 1)
    line = json.loads(out.getvalue())
    _validator().validate(line)
    second, errors = parse_canonical_object(line, "r.jsonl", 1)
    assert errors == []
    assert second is not None
    assert second.text == first.text
    assert [(e.start, e.end, e.label) for e in second.entities] == [
        (e.start, e.end, e.label) for e in first.entities
    ]


def test_truncated_utf16_jsonl_is_an_input_error(tmp_path: Path) -> None:
    """Found by atheris: a UTF-16 BOM followed by an odd number of bytes."""
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b"\xff\xfe" + '{"text": "نص"}\n'.encode("utf-16-le") + b"\xff")
    items = list(read_canonical(path))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(errors) == 1
    assert "UTF-16" in str(errors[0])
    assert str(path) in str(errors[0])


def test_export_sweeps_temporary_files_of_killed_exports(tmp_path: Path) -> None:
    import os
    import time

    from annotator.core.output import STALE_PART_SECONDS, sweep_stale_parts

    stale = tmp_path / ".out.jsonl.abc123.part"
    fresh = tmp_path / ".out.jsonl.def456.part"
    other = tmp_path / ".other.jsonl.abc123.part"
    for path in (stale, fresh, other):
        path.write_text("{}", encoding="utf-8")
    old = time.time() - STALE_PART_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert sweep_stale_parts(tmp_path, "out.jsonl") == [stale]
    assert not stale.exists()
    assert fresh.exists()  # may belong to an export still running
    assert other.exists()  # another target's


def test_normalization_record_survives_export_and_reimport() -> None:
    obj = {"text": "نص عربي", "normalization": {"newlines": 3, "nfc": True,
                                                      "encoding": "windows-1256"}}
    record, errors = parse_canonical_object(obj, "x.jsonl", 1)
    assert errors == []
    assert record is not None
    assert record.normalization["newlines"] == 3
    assert record.normalization["nfc"] is True
    assert record.normalization["encoding"] == "windows-1256"


def test_a_lone_surrogate_rejects_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "good", "text": "نص سليم"}, ensure_ascii=False)
    bad = '{"id": "bad", "text": "نص \\ud83d مكسور"}'
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    items = list(read_canonical(path))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1
    assert errors[0].line == 2
    assert "lone surrogate" in errors[0].reason
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        result = import_paths(project, [path], skip_bad=True)
        assert len(result.imported) == 1  # --skip-bad leaves out the bad line only
        assert len(result.bad) == 1
        assert project.document_count() == 1


_QUICK_TEXT = "قال بوتين 😀 إن موسكو ترحب بُوتِينُ."
_B = _QUICK_TEXT.index("بوتين")
_M = _QUICK_TEXT.index("موسكو")
_T = _QUICK_TEXT.index("بُوتِينُ")
_QUICK_ITEMS: list[dict[str, Any]] = [
    {"id": "e1", "start": _B, "end": _B + 5, "label": "PERS", "text": "بوتين"},
    {"id": "e2", "start": _M, "end": _M + 5, "label": "GPE", "utf16": [_M + 1, _M + 6]},
    {"id": "e3", "start": _M, "end": _M + 5, "label": "GPE", "utf16": [_M, _M + 5]},
    {"id": "e1", "start": _M, "end": _M + 5, "label": "GPE"},
    {"id": 7, "start": _M, "end": _M + 5, "label": "GPE"},
    {"start": _M, "end": _M + 5, "label": "GPE"},
    {"id": "", "start": _M, "end": _M + 5, "label": "GPE"},
    {"id": "e4", "start": True, "end": _M + 5, "label": "GPE"},
    {"id": "e5", "start": _M, "end": _M + 5.0, "label": "GPE"},
    {"id": "e6", "start": _M + 5, "end": _M, "label": "GPE"},
    {"id": "e7", "start": _M, "end": 999, "label": "GPE"},
    {"id": "e8", "start": _M, "end": _M + 5, "label": ""},
    {"id": "e9", "start": _M, "end": _M + 5, "label": "GPE", "text": "موسكا"},
    {"id": "e10", "start": _M, "end": _M + 5, "label": "GPE", "text": 5},
    {"id": "e11", "start": _M, "end": _M + 5, "label": "GPE", "attrs": []},
    {"id": "e12", "start": _M, "end": _M + 5, "label": "GPE", "attrs": {"a": "b"}},
    {"id": "e13", "start": _M, "end": _M + 5, "label": "GPE", "note": 3, "annotator": "x"},
    {"id": "e14", "start": _M - 1, "end": _M + 5, "label": "GPE"},
    {"id": "e15", "start": _T, "end": _T + 3, "label": "PERS"},
    {"id": "e16", "start": _T, "end": _T + len("بُوتِينُ"), "label": "PERS"},
    {"id": "e17", "start": _B - 2, "end": _B, "label": "PERS"},
    {"id": "e18", "start": 0, "end": 3, "label": "PERS", "note": "n", "annotator": "a"},
]


@pytest.mark.parametrize("item", _QUICK_ITEMS)
def test_the_quick_entity_path_decides_as_the_full_checks(
        item: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: the reader proves the usual entity valid with set lookups; whatever it
    accepts or refuses, the record and the messages are those of the full checks."""
    from annotator.core.formats import canonical_reader

    obj = {"id": "d", "text": _QUICK_TEXT, "entities": [_QUICK_ITEMS[0], item]}
    for _ in range(2):  # the second time, the edge sets know every character
        quick = parse_canonical_object(obj, "f.jsonl", 1)
    monkeypatch.setattr(canonical_reader, "PLAIN_EDGE", set())  # nothing proven: full checks
    full = parse_canonical_object(obj, "f.jsonl", 1)
    assert quick[0] == full[0]
    assert [str(e) for e in quick[1]] == [str(e) for e in full[1]]
