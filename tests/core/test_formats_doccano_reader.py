"""doccano JSONL: UTF-16 offsets (doccano's unit), code point option, both layouts."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats.doccano_reader import (
    looks_like_doccano,
    parse_doccano_object,
    read_doccano,
)
from annotator.core.model import DocumentRecord, InputError

TEXT = "😀 قال بوتين في موسكو"


def _utf16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def test_utf16_offsets_after_an_emoji() -> None:
    start = TEXT.index("بوتين")
    u_start, u_end = _utf16(TEXT, start), _utf16(TEXT, start + 5)
    assert u_start == start + 1
    record, errors = parse_doccano_object(
        {"id": 42, "text": TEXT, "label": [[u_start, u_end, "PERS"]], "source": "x"}, "d.jsonl", 3
    )
    assert errors == []
    assert record is not None
    entity = record.entities[0]
    assert record.text[entity.start:entity.end] == "بوتين"
    assert record.id == "42"
    assert record.meta == {"source": "x"}
    assert record.normalization["offsets"] == "utf16"


def test_codepoint_option() -> None:
    start = TEXT.index("موسكو")
    record, errors = parse_doccano_object(
        {"text": TEXT, "label": [[start, start + 5, "GPE"]]}, "d.jsonl", 1, offsets="codepoint"
    )
    assert errors == []
    assert record is not None
    assert record.text[record.entities[0].start:record.entities[0].end] == "موسكو"


def test_offset_inside_surrogate_pair_is_an_error() -> None:
    record, errors = parse_doccano_object({"text": TEXT, "label": [[1, 4, "X"]]}, "d.jsonl", 9)
    assert record is None
    assert len(errors) == 1
    assert errors[0].line == 9
    assert "inside a surrogate pair" in errors[0].reason
    assert 'offsets="codepoint"' in errors[0].reason


def test_entities_layout_and_relations_warning() -> None:
    start = _utf16(TEXT, TEXT.index("بوتين"))
    warnings: list[str] = []
    obj = {
        "text": TEXT,
        "entities": [{"id": 7, "label": "PERS", "start_offset": start, "end_offset": start + 5}],
        "relations": [{"id": 1, "from_id": 7, "to_id": 7, "type": "self"}],
    }
    record, errors = parse_doccano_object(obj, "d.jsonl", 2, warn=warnings.append)
    assert errors == []
    assert record is not None
    assert record.entities[0].id == "e7"
    assert warnings == ["d.jsonl:2: 1 doccano relation(s) ignored (not part of the model)"]
    assert looks_like_doccano(obj)
    assert not looks_like_doccano({"text": "x", "entities": [{"start": 0, "end": 1}]})


def test_bad_spans_are_reported_with_file_and_line() -> None:
    obj = {"text": "علي حسن", "label": [[0, 4, "PERS"], [2, 99, "PERS"], ["a", "b"]]}
    record, errors = parse_doccano_object(obj, "d.jsonl", 5)
    assert record is None
    reasons = [e.reason for e in errors]
    assert any("end is whitespace" in r for r in reasons)
    assert any("out of range" in r for r in reasons)
    assert any("must be [start, end" in r for r in reasons)
    assert all(str(e).startswith("d.jsonl:5: ") for e in errors)


def test_read_file(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [{"text": "قال بوتين", "label": [[4, 9, "PERS"]]}, {"label": []}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    items = list(read_doccano(path))
    assert isinstance(items[0], DocumentRecord)
    assert isinstance(items[1], InputError)
    assert items[1].line == 2
    assert items[0].title == "قال بوتين"
