"""Label Studio's predictions read as suggestions (issue 18): code points after an emoji,
nested spans, ``--map``, labels outside the schema, repeats, scores, bad spans at their
task's line, and ``--predictions skip``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.formats.label_studio_predictions import source_of
from annotator.core.formats.label_studio_reader import read_label_studio
from annotator.core.formats.read_options import ReadOptions
from annotator.core.model import DocumentRecord, InputError, Suggestion
from annotator.core.schema import default_schema_path, load_schema

TEXT = "🇸🇦😀 قال مُحَمَّد إن وفد القاهرة وصل"
"""Two emoji (three code points, five UTF-16 units) before every span."""
SCHEMA = load_schema(default_schema_path())


def region(ident: str, surface: str, *labels: str, after: str = "",
           score: float | None = None) -> dict[str, Any]:
    """A region as Label Studio writes it (``from_name``/``to_name``/``value.labels``)."""
    start = TEXT.index(surface, TEXT.index(after) if after else 0)
    item: dict[str, Any] = {
        "id": ident, "from_name": "label", "to_name": "text", "type": "labels",
        "origin": "prediction",
        "value": {"start": start, "end": start + len(surface), "text": surface,
                  "labels": list(labels)}}
    if score is not None:
        item["score"] = score
    return item


def read(tmp_path: Path, given: list[Any], **options: Any
         ) -> tuple[list[DocumentRecord], list[InputError], list[str]]:
    path = tmp_path / "export.json"
    tasks = [{"id": 3, "data": {"text": TEXT}, "annotations": [], "predictions": given}]
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    warnings: list[str] = []
    items = list(read_label_studio(path, SCHEMA, warnings.append, None,
                                   ReadOptions(**options)))
    return ([i for i in items if isinstance(i, DocumentRecord)],
            [i for i in items if isinstance(i, InputError)],
            [w.split(": ", 1)[1] for w in warnings])


def test_code_points_after_emoji_and_nested_spans(tmp_path: Path) -> None:
    (record,), errors, warnings = read(tmp_path, [{
        "model_version": "ner-v2", "score": 0.74,
        "result": [region("p1", "مُحَمَّد", "PERS"), region("p2", "وفد القاهرة", "ORG"),
                   region("p3", "القاهرة", "GPE")]}])
    assert errors == []
    assert warnings == []
    assert record.entities == []  # never annotations
    found = {(TEXT[s.start:s.end], s.label, s.source, s.kind) for s in record.suggestions}
    assert found == {("مُحَمَّد", "PERS", "label-studio:ner-v2", "entities"),
                     ("وفد القاهرة", "ORG", "label-studio:ner-v2", "entities"),
                     ("القاهرة", "GPE", "label-studio:ner-v2", "entities")}
    assert record.meta == {"label_studio_predictions": [{"model_version": "ner-v2",
                                                         "score": 0.74}]}


def test_map_outside_labels_repeats_and_region_scores(tmp_path: Path) -> None:
    (record,), errors, warnings = read(tmp_path, [
        {"model_version": 7, "result": [region("a", "مُحَمَّد", "PER", score=0.9),
                                        region("b", "القاهرة", "GPE", "MISC"),
                                        {"type": "choices", "value": {"choices": ["x"]}}]},
        {"result": [region("c", "القاهرة", "GPE"), region("d", "وفد", "THING")]}],
        label_map={"PER": "PERS"})
    assert errors == []
    assert sorted((TEXT[s.start:s.end], s.label, s.source) for s in record.suggestions) == [
        ("القاهرة", "GPE", "label-studio:7"), ("مُحَمَّد", "PERS", "label-studio:7")]
    assert warnings == [
        "2 predicted region(s) with a label that is not an entity label of the schema left"
        " out: MISC (1), THING (1)",
        "1 predicted region(s) repeating an earlier prediction's span and label kept once",
        "1 predicted result(s) that are not labelled text regions skipped",
        "1 predicted region score(s) dropped (a prediction's own score is kept in the"
        " document's meta, label_studio_predictions)"]
    assert "label_studio_predictions" not in record.meta  # no prediction-level score


def test_a_bad_prediction_span_is_a_problem_of_its_task(tmp_path: Path) -> None:
    bad = region("p1", "مُحَمَّد", "PERS")
    bad["value"]["start"] += 2  # counted in UTF-16 units, say: inside the word
    bad["value"]["end"] += 2
    records, errors, _warnings = read(tmp_path, [{"model_version": "v", "result": [bad]}])
    assert records == []
    (problem,) = errors
    assert problem.line == 2  # the task's line in the array
    assert problem.reason.startswith("prediction 1 region p1 [")


def test_predictions_skipped_on_request(tmp_path: Path) -> None:
    (record,), errors, warnings = read(
        tmp_path, [{"result": [region("p", "القاهرة", "GPE")]}, {"result": []}],
        predictions="skip")
    assert (record.suggestions, errors) == ([], [])
    assert warnings == ["2 prediction(s) skipped (--predictions skip)"]


def test_sources() -> None:
    assert source_of({"model_version": " ner v2 "}) == "label-studio:ner v2"
    assert source_of({"model_version": True}) == "label-studio:unnamed"
    assert source_of({}) == "label-studio:unnamed"
    assert Suggestion(1, 2, "PERS", "label-studio:x").kind == "entities"
