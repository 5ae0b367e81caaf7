"""doccano and brat round trips through our own importers; Label Studio against its schema."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.exports.graph import STANCE_NO_FORM
from annotator.core.formats.brat_reader import read_brat
from annotator.core.formats.doccano_reader import read_doccano
from annotator.core.model import DocumentRecord
from annotator.core.resources import LABEL_STUDIO_JSON_SCHEMA, read_resource_text
from annotator.core.store import Project
from tests.exports.hard_cases import TEXT, find


def _entities(record: DocumentRecord) -> set[tuple[int, int, str, str]]:
    return {(e.start, e.end, e.label, record.text[e.start : e.end]) for e in record.entities}


def _originals(project: Project) -> dict[str, DocumentRecord]:
    return {str(r.id): r for r in project.iter_records()}


def test_doccano_round_trip_gives_back_the_same_entities(
    project: Project, tmp_path: Path
) -> None:
    out = tmp_path / "doccano.jsonl"
    export_dataset(project, out, ExportOptions(format="doccano", layers=("entities",)))
    main_line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    start, end = find(TEXT, "موسكو")
    # UTF-16 units: the emoji before the name is two units, so every offset after it is +1;
    # the skin-toned emoji of the third line shifts the entities after it by 2 more.
    assert {"id": 8, "label": "GPE", "start_offset": start + 1, "end_offset": end + 1} in (
        main_line["entities"])
    start, end = find(TEXT, "بغداد")
    assert {"id": 11, "label": "GPE", "start_offset": start + 3, "end_offset": end + 3} in (
        main_line["entities"])
    originals = _originals(project)
    back = [r for r in read_doccano(out) if isinstance(r, DocumentRecord)]
    assert len(back) == len(originals)
    for record in back:
        assert record.text == originals[str(record.id)].text
        assert _entities(record) == _entities(originals[str(record.id)])


def test_doccano_relations_for_quotes_and_events(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "doccano.jsonl"
    report = export_dataset(project, out, ExportOptions(
        format="doccano", layers=("entities", "quotes", "events", "stances")))
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    labels = {e["id"]: e["label"] for e in line["entities"]}
    kinds = {(labels[r["from_id"]], r["type"], labels[r["to_id"]]) for r in line["relations"]}
    assert kinds == {("Quote", "cue", "Cue"), ("Quote", "speaker", "PERS"),
                     ("Conflict:Attack", "Attacker", "ORG"), ("Conflict:Attack", "Time", "DATE"),
                     ("Conflict:Attack", "Place", "GPE")}
    assert report.skipped == {STANCE_NO_FORM: 1}


def test_brat_round_trip_gives_back_entities_quotes_and_events(
    project: Project, tmp_path: Path
) -> None:
    out = tmp_path / "brat"
    export_dataset(project, out, ExportOptions(format="brat", ratios={"train": 0.5,
                                                                      "test": 0.5}))
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "Conflict-Attack\tAttacker*:<ENTITY>" in conf
    assert "mention\tArg:<ENTITY>, Value:NAM|NOM|PRO" in conf
    roles = {name: t.roles for name, t in project.schema.event_types.items()}
    originals = _originals(project)
    pairs = sorted(out.glob("*/*.txt"))
    assert len(pairs) == len(originals)
    for txt in pairs:
        record, errors = read_brat(txt, None, roles)
        assert errors == []
        assert record is not None
        original = originals[txt.stem]
        assert record.text == original.text
        assert _entities(record) == _entities(original)
        assert {(e.label, tuple(sorted(e.attrs.items()))) for e in record.entities} == {
            (e.label, tuple(sorted(e.attrs.items()))) for e in original.entities}
        if txt.stem != "main":
            continue
        by_id = {e.id: record.text[e.start : e.end] for e in record.entities}
        old_by_id = {e.id: original.text[e.start : e.end] for e in original.entities}
        (quote,) = record.quotes
        (old_quote,) = original.quotes
        assert (quote.content, quote.cue, quote.kind) == (
            old_quote.content, old_quote.cue, old_quote.kind)
        assert by_id[str(quote.speaker)] == old_by_id[str(old_quote.speaker)]
        (event,) = record.events
        (old_event,) = original.events
        assert (event.type, event.trigger) == (old_event.type, old_event.trigger)
        assert [(a.role, by_id[a.entity]) for a in event.arguments] == [
            (a.role, old_by_id[a.entity]) for a in old_event.arguments]


def test_label_studio_tasks_match_the_schema(project: Project, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(read_resource_text(LABEL_STUDIO_JSON_SCHEMA))
    jsonschema.Draft202012Validator.check_schema(schema)
    out = tmp_path / "ls"
    report = export_dataset(project, out, ExportOptions(format="label-studio",
                                                        ratios={"all": 1.0}))
    tasks = json.loads((out / "all.json").read_text(encoding="utf-8"))
    jsonschema.validate(tasks, schema)
    assert len(tasks) == 31
    main = next(t for t in tasks if t["data"]["doc_id"] == "main")
    text = main["data"]["text"]
    regions = [r for r in main["annotations"][0]["result"] if r["type"] == "labels"]
    for region in regions:  # code points: the slice is the labelled text, emoji or not
        value = region["value"]
        assert text[value["start"] : value["end"]] == value["text"]
    assert {"موسكو", "مُحَمَّد بن سلمان", "القاهرة", "جامعة القاهرة"} <= {
        r["value"]["text"] for r in regions}
    ids = {r["id"] for r in regions}
    relations = [r for r in main["annotations"][0]["result"] if r["type"] == "relation"]
    assert len(relations) == 5
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in relations)
    config = ElementTree.fromstring((out / "label_config.xml").read_text(encoding="utf-8"))
    label_values = {label.get("value") for label in config.iter("Label")}
    assert {r["value"]["labels"][0] for t in tasks for r in t["annotations"][0]["result"]
            if r["type"] == "labels"} <= label_values
    assert report.to_dict()["label_config"].startswith("<View>")
    broken = json.loads(json.dumps(tasks))
    broken[0]["annotations"][0]["result"][0]["value"].pop("labels")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_brat_file_names_are_unique_without_a_set_of_names(tmp_path: Path) -> None:
    from annotator.core.exports.brat import file_stem

    names = []
    for key in ("a/b", "a_b", "a?b", "..", ""):
        stem = file_stem(key, tmp_path)
        (tmp_path / f"{stem}.txt").write_text("x", encoding="utf-8")
        names.append(stem)
    assert names == ["a_b", "a_b_2", "a_b_3", "document", "document_2"]
