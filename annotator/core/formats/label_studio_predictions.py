"""Label Studio's ``predictions`` as suggestions of the imported document (issue 18).

A task's ``predictions`` are ``[{"model_version", "score", "result": [...]}]``, each result
a region like an annotation's (``type`` ``labels``, ``value.start``/``value.end`` in code
points, ``value.labels``, ``value.text`` when given). Each labelled region becomes a
:class:`~annotator.core.model.Suggestion` of kind ``entities`` whose source is
``label-studio:`` + the prediction's ``model_version`` (``label-studio:unnamed`` without
one). Never annotations: the store keeps them in ``recommender_suggestions``.

* Spans are checked like the annotations' (the task's :class:`SpanMover`: a bad one is a
  ``file:line: reason`` problem of the task, left out with ``--skip-bad``).
* ``--map OLD=NEW`` renames their labels; a label that is then not an entity label of the
  schema is left out and counted in a warning (a suggestion of it could not be accepted).
* The same span and label predicted twice (two predictions, or two model versions) is
  one suggestion, the first one's.
* A prediction's ``score`` is kept in the document's ``meta`` (``label_studio_predictions``:
  ``[{"model_version", "score"}]``); a region's own ``score`` has no place without a new
  column and is dropped (counted in a warning).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.formats.spans import SpanMover
from annotator.core.model import Suggestion
from annotator.core.schema import Schema

SOURCE_PREFIX = "label-studio:"
UNNAMED = "unnamed"
META_KEY = "label_studio_predictions"


@dataclass(slots=True)
class PredictionCounts:
    """What the predictions of a file became (for the reader's warnings)."""

    suggestions: int = 0
    skipped: int = 0
    """Predictions not read (``--predictions skip``)."""
    repeated: int = 0
    """Regions whose span and label an earlier prediction of the task gave already."""
    outside: Counter[str] = field(default_factory=Counter)
    """Labels that are not entity labels of the schema (after ``--map``): regions left out."""
    other: int = 0
    """Results that are not labelled text regions (choices, relations...)."""
    scores: int = 0
    """Regions' own scores dropped."""

    def add(self, other: PredictionCounts) -> None:
        self.suggestions += other.suggestions
        self.skipped += other.skipped
        self.repeated += other.repeated
        self.outside.update(other.outside)
        self.other += other.other
        self.scores += other.scores

    def notes(self) -> list[str]:
        """One line per thing worth a warning."""
        outside = ", ".join(f"{label} ({count})" for label, count in sorted(self.outside.items()))
        notes = [
            f"{self.skipped} prediction(s) skipped (--predictions skip)" if self.skipped else "",
            f"{sum(self.outside.values())} predicted region(s) with a label that is not an"
            f" entity label of the schema left out: {outside}" if self.outside else "",
            f"{self.repeated} predicted region(s) repeating an earlier prediction's span and"
            " label kept once" if self.repeated else "",
            f"{self.other} predicted result(s) that are not labelled text regions skipped"
            if self.other else "",
            f"{self.scores} predicted region score(s) dropped (a prediction's own score is"
            f" kept in the document's meta, {META_KEY})" if self.scores else "",
        ]
        return [note for note in notes if note]


def source_of(prediction: Mapping[str, Any]) -> str:
    """``label-studio:`` + the prediction's ``model_version`` (``unnamed`` when missing)."""
    version = prediction.get("model_version")
    name = "" if isinstance(version, bool) or not isinstance(version, (str, int, float)) \
        else str(version).strip()
    return SOURCE_PREFIX + (name or UNNAMED)


def _score(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def read_predictions(
    predictions: Any, mover: SpanMover, schema: Schema, label_map: Mapping[str, str],
    counts: PredictionCounts,
) -> tuple[list[Suggestion], list[dict[str, Any]]]:
    """The suggestions of a task's ``predictions`` and the ``meta`` entries of their scores;
    problems go to ``mover.errors``, what is left out to ``counts``."""
    if predictions is None:
        return [], []
    if not isinstance(predictions, list):
        mover.error('"predictions" must be a list')
        return [], []
    found: dict[tuple[int, int, str], Suggestion] = {}
    scores: list[dict[str, Any]] = []
    for number, prediction in enumerate(predictions, start=1):
        if not isinstance(prediction, dict):
            mover.error(f"prediction {number} is not an object")
            continue
        source = source_of(prediction)
        score = _score(prediction.get("score"))
        if score is not None:
            scores.append({"model_version": source[len(SOURCE_PREFIX):], "score": score})
        results = prediction.get("result") or []
        if not isinstance(results, list):
            mover.error(f'prediction {number}: "result" must be a list')
            continue
        for index, item in enumerate(results, start=1):
            value = item.get("value") if isinstance(item, dict) else None
            if not isinstance(item, dict) or item.get("type") == "relation" or not (
                    item.get("type", "labels") == "labels"
                    or (isinstance(value, dict) and "labels" in value)):
                counts.other += 1
                continue
            what = f"prediction {number} region {item.get('id', index)}"
            _region(item, value, what, source, mover, schema, label_map, counts, found)
    counts.suggestions += len(found)
    return list(found.values()), scores


def _region(
    item: dict[str, Any], value: Any, what: str, source: str, mover: SpanMover,
    schema: Schema, label_map: Mapping[str, str], counts: PredictionCounts,
    found: dict[tuple[int, int, str], Suggestion],
) -> None:
    labels = value.get("labels") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(labels, list) or not labels:
        mover.error(f"{what}: needs value.start, value.end and value.labels")
        return
    expected = value.get("text")
    span = mover.move(value.get("start"), value.get("end"), what,
                      expected if isinstance(expected, str) else None)
    if span is None:
        return
    if _score(item.get("score", value.get("score"))) is not None:
        counts.scores += 1
    for given in labels:
        if not isinstance(given, str):
            mover.error(f"{what}: label {given!r} is not a string")
            continue
        label = label_map.get(given, given)
        if label not in schema.entity_types:
            counts.outside[label] += 1
            continue
        key = (span.start, span.end, label)
        if key in found:
            counts.repeated += 1
            continue
        found[key] = Suggestion(span.start, span.end, label, source)
