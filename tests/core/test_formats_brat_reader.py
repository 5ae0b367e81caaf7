"""brat standoff: entities, attributes, notes, events with brat-safe type names, quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats.brat_reader import brat_event_type, read_brat

ROLES = {"Conflict:Attack": ("Attacker", "Target", "Place"), "Contact:Meet": ("Entity", "Place")}
TEXT = "هاجم الجيش الحدود\r\nقال بوتين إن موسكو مستعدة"


def _pair(tmp_path: Path, ann: str, text: str = TEXT) -> Path:
    txt = tmp_path / "doc.txt"
    txt.write_bytes(text.encode("utf-8"))
    txt.with_suffix(".ann").write_text(ann, encoding="utf-8")
    return txt


def _t(ident: str, label: str, word: str, text: str = TEXT) -> str:
    start = text.index(word)
    return f"{ident}\t{label} {start} {start + len(word)}\t{word}\n"


def test_entities_events_attributes_notes_and_quotes(tmp_path: Path) -> None:
    quote = "إن موسكو مستعدة"
    ann = (
        _t("T1", "ORG", "الجيش") + _t("T2", "LOC", "الحدود") + _t("T3", "Conflict-Attack", "هاجم")
        + _t("T4", "PERS", "بوتين") + _t("T5", "Quote", quote) + _t("T6", "Cue", "قال")
        + _t("T7", "GPE", "موسكو")
        + "E1\tConflict-Attack:T3 Attacker:T1 Place2:T2\n"
        + "A1\tmention T4 NAM\nA2\tNegated E1\nA3\tkind T5 indirect\n"
        + "#1\tAnnotatorNotes T7\tالعاصمة الروسية\n"
        + "R1\tSpeaker Arg1:T5 Arg2:T4\nR2\tCue Arg1:T5 Arg2:T6\nR3\tFriend Arg1:T4 Arg2:T7\n"
    )
    warnings: list[str] = []
    record, errors = read_brat(_pair(tmp_path, ann), None, ROLES, warnings.append)
    assert errors == []
    assert record is not None
    assert "\r" not in record.text
    assert record.id == "doc"
    labels = {e.id: (e.label, record.text[e.start:e.end]) for e in record.entities}
    assert labels == {"T1": ("ORG", "الجيش"), "T2": ("LOC", "الحدود"), "T4": ("PERS", "بوتين"),
                      "T7": ("GPE", "موسكو")}
    putin = next(e for e in record.entities if e.id == "T4")
    assert putin.attrs == {"mention": "NAM"}
    assert next(e for e in record.entities if e.id == "T7").note == "العاصمة الروسية"
    (event,) = record.events
    assert event.type == "Conflict:Attack"
    assert record.text[event.trigger.start:event.trigger.end] == "هاجم"
    assert [(a.role, a.entity) for a in event.arguments] == [("Attacker", "T1"), ("Place", "T2")]
    assert event.attrs == {"Negated": True}
    (q,) = record.quotes
    assert record.text[q.content.start:q.content.end] == quote
    assert q.cue is not None
    assert record.text[q.cue.start:q.cue.end] == "قال"
    assert (q.speaker, q.kind) == ("T4", "indirect")
    assert len(warnings) == 1
    assert "doc.ann:15: R3: relation type 'Friend' ignored" in warnings[0]


@pytest.mark.parametrize(
    ("ann", "line", "reason"),
    [
        ("T1\tORG 5 10;11 17\tالجيش الحدود\n", 1, "discontinuous span"),
        ("T1\tORG 5 10\tالحدود\n", 1, "does not match the document text"),
        ("T1\tORG 5 99\tx\n", 1, "out of range"),
        ("T1\tORG 4 10\t الجيش\n", 1, "start is whitespace"),
        ("T1\tORG five 10\tx\n", 1, "are not two numbers"),
        ("T1\tORG 5 10\tالجيش\nE1\tConflict-Attack:T9 Attacker:T1\n", 2, "trigger T9 is not"),
        ("T1\tORG 5 10\tالجيش\nT2\tContact-Meet 0 4\tهاجم\nE1\tConflict-Attack:T2\n", 3,
         "is labelled 'Contact-Meet'"),
        ("T1\tConflict-Attack 0 4\tهاجم\nE1\tConflict-Attack:T1 Attacker:T7\n", 2,
         "Attacker:T7 is not an entity"),
    ],
)
def test_bad_ann_lines(tmp_path: Path, ann: str, line: int, reason: str) -> None:
    record, errors = read_brat(_pair(tmp_path, ann), None, ROLES)
    assert record is None
    assert any(e.line == line and reason in e.reason for e in errors), [str(e) for e in errors]
    assert all(e.path.endswith("doc.ann") for e in errors)


def test_missing_ann_file(tmp_path: Path) -> None:
    txt = tmp_path / "lonely.txt"
    txt.write_text("نص", encoding="utf-8")
    record, errors = read_brat(txt)
    assert record is None
    assert "cannot read file" in errors[0].reason


def test_brat_safe_type_names() -> None:
    types = ("Conflict:Attack", "Business:End-Org")
    assert brat_event_type("Conflict-Attack", types) == "Conflict:Attack"
    assert brat_event_type("Conflict_Attack", types) == "Conflict:Attack"
    assert brat_event_type("Business-End-Org", types) == "Business:End-Org"
    assert brat_event_type("Unknown-Type", types) == "Unknown-Type"
