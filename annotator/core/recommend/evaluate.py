"""How good the recommender is: precision, recall and F1 per label on held-out documents,
beside the gazetteer pre-annotation on the same documents.

The split is fixed: documents are ordered by a hash of their id and the last
:data:`HELD_OUT` share is held out (at least one document), so the same project gives the
same split on every machine; with ``folds=K`` each document is held out once (K-fold, the
folds taken from the same order). Matching is exact (same start, end and label), as
:mod:`annotator.core.agreement.matching` counts it. The baseline is
:func:`annotator.core.preannotate.plan_entities` with the shipped names and the schema's
gazetteer (or a given gazetteer) over the same held-out texts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.agreement.matching import LabelScores, score_spans
from annotator.core.model import DocumentRecord
from annotator.core.preannotate import GazetteerEntry, plan_entities
from annotator.core.recommend.features import FeatureContext
from annotator.core.recommend.model_store import ENTITIES, Recommender, feature_context
from annotator.core.recommend.tags import Labelled
from annotator.core.recommend.training import spans_of, train_models, training_documents
from annotator.core.store import Project

HELD_OUT = 0.2
"""Share of the documents held out by the fixed split."""


def split_order(records: Sequence[DocumentRecord]) -> list[DocumentRecord]:
    """``records`` in the fixed order of the split (sha256 of the id)."""
    return sorted(records, key=lambda r: hashlib.sha256((r.id or "").encode()).hexdigest())


def folds_of(records: Sequence[DocumentRecord], folds: int | None
             ) -> list[tuple[list[DocumentRecord], list[DocumentRecord]]]:
    """``(train, held out)`` pairs: one fixed split, or ``folds`` folds."""
    ordered = split_order(records)
    if folds is None or folds < 2:
        held = max(1, round(len(ordered) * HELD_OUT))
        return [(ordered[:-held], ordered[-held:])]
    k = min(folds, len(ordered))
    return [([r for i, r in enumerate(ordered) if i % k != f],
             [r for i, r in enumerate(ordered) if i % k == f]) for f in range(k)]


@dataclass(slots=True)
class Evaluation:
    """Scores of the model and of the gazetteer on the held-out documents."""

    kind: str
    layer: str
    documents: int
    folds: int
    held_out: int
    model: LabelScores
    gazetteer: LabelScores | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "layer": self.layer, "documents": self.documents,
                "folds": self.folds, "held_out": self.held_out,
                "model": self.model.to_dict(),
                "gazetteer": None if self.gazetteer is None else self.gazetteer.to_dict()}


def gazetteer_entries(project: Project) -> list[GazetteerEntry]:
    """The baseline's gazetteer: the shipped names and the schema's, in schema labels."""
    from annotator.core.lexicon import shipped_names

    schema = project.schema
    pairs = [*shipped_names(), *((name, label) for label, names in schema.gazetteer.items()
                                 for name in names)]
    return [GazetteerEntry(name, label, 0) for name, label in pairs
            if schema.has_entity_label(label)]


def score_records(held: Sequence[DocumentRecord], kind: str,
                  predict: Any, into: LabelScores) -> None:
    """Add the exact-match counts of ``predict(text) -> spans`` on ``held`` to ``into``."""
    for record in held:
        gold: list[tuple[int, int, str]] = sorted(set(spans_of(record, kind)))
        found: list[Labelled] = sorted(set(predict(record.text)))
        score_spans(gold, found, "exact", into)


def evaluate_records(records: Sequence[DocumentRecord], kind: str, context: FeatureContext,
                     folds: int | None = None,
                     gazetteer: Sequence[GazetteerEntry] | None = None,
                     layer: str = "") -> Evaluation:
    """Train on each split's training part, score on its held-out part (and the gazetteer
    on the same documents when given, entities only)."""
    model = LabelScores()
    baseline = LabelScores() if gazetteer is not None and kind == ENTITIES else None
    ordered = sorted(gazetteer or (), key=lambda e: len(e.name), reverse=True)
    splits = folds_of(records, folds)
    held_out = 0
    for train_part, held in splits:
        held_out += len(held)
        models, _counts = train_models(train_part, kind, context, layer)
        if models:
            recommender = Recommender(kind, models[0].version, models, context)
            score_records(held, kind, recommender.predict, model)
        else:
            score_records(held, kind, lambda _text: [], model)
        if baseline is not None:
            score_records(held, kind, lambda text: plan_entities(text, ordered), baseline)
    return Evaluation(kind, layer, len(records), len(splits), held_out, model, baseline)


def evaluate(project: Project, kind: str = ENTITIES, folds: int | None = None,
             layer: str | None = None,
             gazetteer: Sequence[GazetteerEntry] | None = None) -> Evaluation:
    """:func:`evaluate_records` on the project's training documents (see
    :func:`~annotator.core.recommend.training.training_documents`). ``ValueError`` when
    there are fewer than two."""
    used, records = training_documents(project, layer)
    if len(records) < 2:
        raise ValueError(f"{len(records)} document(s) marked done in {used}'s layer:"
                         " evaluating needs at least two")
    entries = gazetteer if gazetteer is not None else gazetteer_entries(project)
    return evaluate_records(records, kind, feature_context(project), folds, entries, used)
