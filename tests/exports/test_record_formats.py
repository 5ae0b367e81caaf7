"""events (TextEE), quotes and stance: JSON Lines that datasets loads with stable features."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.exports.events import TRIGGER_WIDENED
from annotator.core.store import Project


def _load(path: Path, cache: Path) -> object:
    datasets = pytest.importorskip("datasets")
    return datasets.load_dataset("json", data_files=str(path), split="train",
                                 cache_dir=str(cache))


def test_events_textee_windows(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    report = export_dataset(project, out, ExportOptions(format="events"))
    loaded = _load(out, tmp_path / "cache")
    rows = [r for r in loaded if r["event_mentions"]]  # type: ignore[attr-defined]
    (window,) = rows
    (event,) = window["event_mentions"]
    tokens = window["tokens"]
    assert tokens[0] == "👍🏽"  # the emoji before the trigger is a token of its own
    trigger = event["trigger"]
    assert tokens[trigger["start"] : trigger["end"]] == ["هاجم"]
    assert event["event_type"] == "Conflict:Attack"
    arguments = {(a["role"], " ".join(tokens[a["start"] : a["end"]])) for a in event["arguments"]}
    assert arguments == {("Attacker", "الجيش"), ("Time", "أمس"), ("Place", "بغداد")}
    mentions = [m for r in loaded for m in r["entity_mentions"]]  # type: ignore[attr-defined]
    assert {"text": "وموسكو", "entity_type": "GPE"}.items() <= next(
        m for m in mentions if m["text"] == "وموسكو").items()
    assert TRIGGER_WIDENED not in report.widened


def test_events_arguments_in_another_sentence_are_reported(tmp_path: Path) -> None:
    from annotator.core.model import DocumentRecord, Entity, Event, EventArgument, Span
    from annotator.core.store import Project as Store
    from tests.exports.hard_cases import find

    text = "وصل الوفد إلى بغداد. وهاجم الجيش المدينة."
    record = DocumentRecord("e", text, entities=[Entity("e1", *find(text, "بغداد"), "GPE"),
                                                 Entity("e2", *find(text, "الجيش"), "ORG")],
                            events=[Event("v1", "Conflict:Attack", Span(*find(text, "هاجم")),
                                          [EventArgument("Place", "e1"),
                                           EventArgument("Attacker", "e2")])])
    with Store.open(tmp_path / "e.annotator", create=True) as store:
        store.import_records([record])
        report = export_dataset(store, tmp_path / "out.jsonl", ExportOptions(format="events"))
        whole = export_dataset(store, tmp_path / "doc.jsonl",
                               ExportOptions(format="events", per_sentence=False))
    assert sum(report.skipped.values()) == 1
    assert report.widened == {TRIGGER_WIDENED: 1}  # هاجم inside وهاجم
    assert whole.skipped == {}


def test_quotes_and_stance_records(project: Project, tmp_path: Path) -> None:
    quotes = tmp_path / "quotes.jsonl"
    export_dataset(project, quotes, ExportOptions(format="quotes"))
    (quote,) = list(_load(quotes, tmp_path / "c1"))  # type: ignore[call-overload]
    assert quote["content"] == "نحن مستعدون للتعاون"
    start, end = quote["content_span"]
    assert quote["text"][start:end] == quote["content"]
    assert quote["text"].startswith("وقال")
    assert (quote["cue"], quote["speaker"], quote["speaker_label"], quote["kind"]) == (
        "قال", "مُحَمَّد بن سلمان", "PERS", "direct")
    stance_out = tmp_path / "stance.jsonl"
    report = export_dataset(project, stance_out, ExportOptions(format="stance"))
    (stance,) = [json.loads(x) for x in stance_out.read_text(encoding="utf-8").splitlines()]
    assert stance["holder"] == "مُحَمَّد بن سلمان"
    assert (stance["target"], stance["target_kind"]) == ("الحل السياسي في سوريا", "topic")
    assert (stance["label"], stance["evidence"], stance["evidence_kind"]) == (
        "FAVOR", "نحن مستعدون للتعاون", "quote")
    assert report.spans == {"all": {"stances": {"FAVOR": 1}}}
