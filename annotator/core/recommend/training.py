"""Training the recommender on what the project's annotators finished.

* **Which documents**: the documents marked done in the curated layer when a curator
  curated any (the gold), otherwise the ones marked done in the chosen annotator's layer
  (:func:`training_documents`).
* **What**: entities (``kind="entities"``) or event triggers labelled with their event type
  (``kind="events"``), one CRF per nesting level, outermost first (:mod:`.tags`); a level is
  trained only when it holds at least :data:`MIN_LEVEL_SPANS` spans.
* **Version**: a hash of the training documents' ids and of what they hold for that kind
  (:func:`data_version`): the same data gives the same version, any change a new one, so a
  model says exactly what it saw (``recommender_models.version``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.exports.tokens import tokenize
from annotator.core.model import DocumentRecord
from annotator.core.recommend.features import FeatureContext, sequence_features
from annotator.core.recommend.model_store import ENTITIES, EVENTS, crfsuite, feature_context
from annotator.core.recommend.tags import Labelled, level_tags, proclitic_cuts
from annotator.core.store import CURATED, Project
from annotator.core.store.recommender import StoredModel
from annotator.core.store.timeutil import utc_now

MAX_LEVELS = 2
"""Nesting levels modelled (level 1 outermost); deeper nesting is rare in news text."""
MIN_LEVEL_SPANS = 5
"""A nested level is trained only with at least this many spans."""
DEFAULT_MIN_DOCS = 5
"""``recommend train`` refuses fewer done documents unless ``--min-docs`` says otherwise."""
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120,
          "feature.possible_transitions": True}
"""L-BFGS with elastic net, as sklearn-crfsuite's tutorials start from."""


class NotEnoughDataError(ValueError):
    """Too few done documents to train on; the message says how many there are."""


def spans_of(record: DocumentRecord, kind: str) -> list[Labelled]:
    """What ``record`` holds for ``kind``: entities, or event triggers with their type."""
    if kind == ENTITIES:
        return [(e.start, e.end, e.label) for e in record.entities]
    if kind == EVENTS:
        return [(ev.trigger.start, ev.trigger.end, ev.type) for ev in record.events]
    raise ValueError(f"no recommender kind {kind!r} (entities or events)")


def training_documents(project: Project, layer: str | None = None
                       ) -> tuple[str, list[DocumentRecord]]:
    """``(layer, records)``: the curated layer's done documents when there are any (and
    ``layer`` is not given), else ``layer``'s (default: the project's own layer)."""
    if layer is None and CURATED in project.layer_names():
        curated = list(project.iter_records(status="done", annotator=CURATED))
        if curated:
            return CURATED, curated
    name = layer or project.layer_name
    if name not in project.layer_names():
        return name, []
    return name, list(project.iter_records(status="done", annotator=name))


def data_version(records: Sequence[DocumentRecord], kind: str) -> str:
    """A short hash of the documents' ids and their spans of ``kind`` (order-free)."""
    digest = hashlib.sha256(kind.encode())
    for record in sorted(records, key=lambda r: r.id or ""):
        digest.update(f"\x00{record.id or ''}\x01{len(record.text)}".encode())
        for start, end, label in sorted(spans_of(record, kind)):
            digest.update(f"\x02{start},{end},{label}".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class TrainResult:
    """What :func:`train` stored: the version, layer, documents and spans per level."""

    kind: str
    version: str
    layer: str
    documents: int
    spans_per_level: tuple[int, ...]
    labels: tuple[str, ...]


def train_models(records: Sequence[DocumentRecord], kind: str, context: FeatureContext,
                 layer: str = "") -> tuple[list[StoredModel], list[int]]:
    """Train one CRF per nesting level on ``records`` (nothing is stored); returns the
    models and the number of spans each level learned from."""
    module = crfsuite()
    version = data_version(records, kind)
    examples: list[tuple[list[list[str]], list[list[list[str]]]]] = []
    cuts: dict[str, int] = {}
    for record in records:
        tokens = tokenize(record.text)
        if not len(tokens):
            continue
        gold = spans_of(record, kind)
        cuts.update(proclitic_cuts(tokens, gold))
        rows = level_tags(tokens, gold, MAX_LEVELS)
        feats = [sequence_features(context, tokens, rows[level - 1] if level else None)
                 for level in range(MAX_LEVELS)]
        examples.append((rows, feats))
    models: list[StoredModel] = []
    counts: list[int] = []
    now = utc_now()
    for level in range(MAX_LEVELS):
        labels = sorted({tag[2:] for rows, _ in examples for tag in rows[level] if tag != "O"})
        spans = sum(1 for rows, _ in examples for tag in rows[level] if tag.startswith("B-"))
        if not labels or (level and spans < MIN_LEVEL_SPANS):
            break
        trainer = module.Trainer(verbose=False)
        trainer.set_params(PARAMS)
        for rows, feats in examples:
            trainer.append(feats[level], rows[level])
        handle, name = tempfile.mkstemp(suffix=".crfsuite")
        os.close(handle)
        try:
            trainer.train(name)
            data = Path(name).read_bytes()
        finally:
            Path(name).unlink(missing_ok=True)
        models.append(StoredModel(kind, level + 1, version, layer, len(records),
                                  tuple(labels), data, now, cuts))
        counts.append(spans)
    return models, counts


def train(project: Project, kind: str = ENTITIES, min_docs: int = DEFAULT_MIN_DOCS,
          layer: str | None = None) -> TrainResult:
    """Train on the project's done documents and store the models with the project.

    :class:`NotEnoughDataError` when fewer than ``min_docs`` documents are done or none holds a
    span of ``kind``."""
    used, records = training_documents(project, layer)
    if len(records) < max(min_docs, 1):
        raise NotEnoughDataError(f"{len(records)} document(s) marked done in {used}'s layer;"
                            f" training needs at least {max(min_docs, 1)} (--min-docs)")
    models, counts = train_models(records, kind, feature_context(project), used)
    if not models:
        raise NotEnoughDataError(f"the {len(records)} done document(s) of {used}'s layer hold no"
                            f" {kind} to learn from")
    project.save_models(kind, models)
    return TrainResult(kind, models[0].version, used, len(records),
                       tuple(counts),
                       tuple(sorted({label for m in models for label in m.labels})))

