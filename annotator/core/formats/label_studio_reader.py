"""Label Studio's JSON export (a JSON array of tasks; a JSON Lines file of tasks too).

A task is ``{"id", "data": {"text", ...}, "annotations": [{"completed_by", "was_cancelled",
"result": [...]}], "predictions": [...]}``. Read:

* **text**: ``data.text`` (or the only string in ``data``); ``data.doc_id`` (our export) or the
  task ``id`` is the document id, ``data.title`` the title; other ``data`` keys go to ``meta``.
* **annotations**: each annotation is its annotator's **layer**: ``completed_by`` (its
  ``email``, else ``ls-<id>``), with status ``done`` (``skipped`` when ``was_cancelled``);
  without ``completed_by`` the annotations are the importing annotator's.
* **regions** (``type`` ``labels``): ``value.start``/``value.end`` are code points (Label
  Studio's unit since label-studio-frontend#308), ``value.text`` must equal the text there; a
  region with two labels is two spans. A span labelled ``Quote`` / ``Cue`` (when the schema
  has no entity label of that name) is a quote's content / cue, one labelled with an event
  type of the schema an event trigger, any other an entity.
* **relations** (``type`` ``relation``, as our export writes them): ``speaker`` (quote to
  entity), ``cue`` (quote to cue), and from a trigger to an entity typed with the role: event
  arguments. Other relations, and results of other types (``choices``, ``textarea``...), are
  counted in a warning.
* **predictions** become suggestions of the document (``recommender_suggestions``, source
  ``label-studio:<model_version>``; :mod:`.label_studio_predictions`), never annotations;
  with ``--predictions skip`` they are skipped and counted in a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.detect import head_bytes
from annotator.core.formats.json_values import iter_array
from annotator.core.formats.jsonl_reader import OnBytes, Warn, iter_json_lines
from annotator.core.formats.label_studio_predictions import (
    META_KEY,
    PredictionCounts,
    read_predictions,
)
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.spans import SpanMover
from annotator.core.model import (
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    InputError,
    LayerState,
    Quote,
    Span,
    Suggestion,
)
from annotator.core.schema import Schema

QUOTE_LABEL = "Quote"
CUE_LABEL = "Cue"
_DATA_KEYS = frozenset({"text", "doc_id", "title"})


def layer_name(completed_by: Any) -> str | None:
    """The layer of an annotation: ``completed_by``'s email, else ``ls-<id>``; None when
    missing."""
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email.strip():
            return email.strip()
        completed_by = completed_by.get("id")
    if isinstance(completed_by, (int, str)) and not isinstance(completed_by, bool) \
            and str(completed_by).strip():
        return f"ls-{completed_by}"
    return None


class _Task:
    """One task's record under construction."""

    def __init__(self, text: str, path: str, line: int, schema: Schema) -> None:
        self.mover = SpanMover(text, path, line)
        self.schema = schema
        self.entities: list[Entity] = []
        self.quotes: dict[str, Quote] = {}
        self.events: dict[str, Event] = {}
        self.cues: dict[str, Span] = {}
        self.other = 0
        self.unmapped = 0

    def kind(self, label: str) -> str:
        if label in self.schema.entity_types:
            return "entity"
        if label == QUOTE_LABEL:
            return "quote"
        if label == CUE_LABEL:
            return "cue"
        return "event" if label in self.schema.event_types else "entity"

    def region(self, item: dict[str, Any], key: str, layer: str | None) -> None:
        value = item.get("value")
        labels = value.get("labels") if isinstance(value, dict) else None
        if not isinstance(value, dict) or not isinstance(labels, list) or not labels:
            self.mover.error(f"region {key}: needs value.start, value.end and value.labels")
            return
        expected = value.get("text")
        span = self.mover.move(value.get("start"), value.get("end"), f"region {key}",
                               expected if isinstance(expected, str) else None)
        if span is None:
            return
        for number, label in enumerate(labels):
            if not isinstance(label, str):
                self.mover.error(f"region {key}: label {label!r} is not a string")
                continue
            ident = key if number == 0 else f"{key}.{number}"
            kind = self.kind(label)
            if kind == "quote":
                self.quotes[ident] = Quote(ident, span, annotator=layer)
            elif kind == "cue":
                self.cues[ident] = span
            elif kind == "event":
                self.events[ident] = Event(ident, label, span, annotator=layer)
            else:
                self.entities.append(Entity(ident, span.start, span.end, label,
                                            annotator=layer))

    def relation(self, item: dict[str, Any], prefix: str) -> None:
        source, target = f"{prefix}{item.get('from_id')}", f"{prefix}{item.get('to_id')}"
        labels = item.get("labels") or [""]
        kind = str(labels[0]) if isinstance(labels, list) and labels else ""
        entity_ids = {e.id for e in self.entities}
        quote, event = self.quotes.get(source), self.events.get(source)
        if quote is not None and kind == "speaker" and target in entity_ids:
            quote.speaker = target
        elif quote is not None and kind == "cue" and target in self.cues:
            quote.cue = self.cues[target]
        elif event is not None and kind and target in entity_ids:
            event.arguments.append(EventArgument(kind, target))
        else:
            self.unmapped += 1


def _task_record(task: Any, path: str, line: int, schema: Schema, options: ReadOptions,
                 predicted: PredictionCounts,
                 ) -> tuple[DocumentRecord | None, list[InputError], dict[str, int]]:
    counts = {"other": 0, "relations": 0, "cues": 0}
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict):
        return None, [InputError(path, 'a task needs "data" with its text', line)], counts
    text = data.get("text")
    if not isinstance(text, str):
        strings = [v for v in data.values() if isinstance(v, str)]
        text = strings[0] if len(strings) == 1 else None
    if not isinstance(text, str) or not text.strip():
        return None, [InputError(path, f"task data has no text (keys: {', '.join(data)})",
                                 line)], counts
    built = _Task(text, path, line, schema)
    layers: dict[str, LayerState] = {}
    annotations = task.get("annotations") or []
    if not isinstance(annotations, list):
        annotations = []
        built.mover.error('"annotations" must be a list')
    for number, annotation in enumerate(annotations, start=1):
        if not isinstance(annotation, dict):
            built.mover.error(f"annotation {number} is not an object")
            continue
        layer = layer_name(annotation.get("completed_by"))
        if layer is not None:
            layers[layer] = LayerState("skipped" if annotation.get("was_cancelled") else "done")
        prefix = f"a{number}-" if len(annotations) > 1 else ""
        results = annotation.get("result") or []
        regions = [r for r in results if isinstance(r, dict) and r.get("type") != "relation"]
        for item in regions:
            if item.get("type", "labels") == "labels" or "labels" in (item.get("value") or {}):
                built.region(item, f"{prefix}{item.get('id', len(built.entities) + 1)}", layer)
            else:
                counts["other"] += 1
        for item in results:
            if isinstance(item, dict) and item.get("type") == "relation":
                built.relation(item, prefix)
    predictions = task.get("predictions")
    suggestions: list[Suggestion] = []
    scores: list[dict[str, Any]] = []
    if options.predictions == "skip":
        predicted.skipped += len(predictions) if isinstance(predictions, list) else 0
    else:
        suggestions, scores = read_predictions(predictions, built.mover, schema,
                                               options.label_map, predicted)
    counts["relations"] = built.unmapped
    used = {q.cue for q in built.quotes.values()}
    counts["cues"] = sum(1 for span in built.cues.values() if span not in used)
    if built.mover.errors:
        return None, built.mover.errors, counts
    raw_id = data.get("doc_id", task.get("id"))
    ident = str(raw_id) if raw_id is not None else None
    meta = {k: v for k, v in data.items() if k not in _DATA_KEYS and v is not text}
    if "doc_id" in data and task.get("id") is not None:
        meta["label_studio_task"] = task.get("id")
    if scores:
        meta[META_KEY] = scores
    title = data.get("title")
    mover = built.mover
    return DocumentRecord(
        id=ident, text=mover.text,
        title=title if isinstance(title, str) else text_title(mover.text, ident or ""),
        meta=meta, entities=built.entities, quotes=list(built.quotes.values()),
        events=list(built.events.values()), normalization=dict(mover.info),
        source=f"{path}:{line}", layers=layers, suggestions=suggestions,
    ), [], counts


def read_label_studio(
    path: str | Path, schema: Schema, warn: Warn | None = None,
    on_bytes: OnBytes | None = None, options: ReadOptions | None = None,
) -> Iterator[DocumentRecord | InputError]:
    """Read a Label Studio export: a record per good task (its predictions as suggestions),
    the problems of bad ones; what is skipped (predictions with ``--predictions skip``,
    unmapped results) is counted in one warning per file."""
    options = options or ReadOptions()
    predicted = PredictionCounts()
    file = Path(path)
    source = str(file)
    head = head_bytes(file).lstrip(b"\xef\xbb\xbf \t\r\n")
    tasks: Iterator[tuple[int, Any]] = (iter_array(file, on_bytes, warn)
                                        if head.startswith(b"[")
                                        else iter_json_lines(file, warn, on_bytes))
    totals = {"other": 0, "relations": 0, "cues": 0}
    for line, task in tasks:
        if isinstance(task, InputError):
            yield task
            continue
        record, errors, counts = _task_record(task, source, line, schema, options, predicted)
        for key, count in counts.items():
            totals[key] += count
        if record is not None:
            yield record
        yield from errors
    if warn is None:
        return
    notes = [*predicted.notes(),
             f"{totals['other']} result(s) that are not labelled text regions skipped"
             if totals["other"] else "",
             f"{totals['relations']} relation(s) that are not a quote's speaker or cue or an "
             "event argument skipped" if totals["relations"] else "",
             f"{totals['cues']} Cue region(s) of no quote skipped" if totals["cues"] else ""]
    for note in filter(None, notes):
        warn(f"{source}: {note}")
