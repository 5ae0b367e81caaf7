"""The issue's done-when as a session (issue 16): a linguist who has marked the sample's first
documents done sees useful suggestions on the next ones.

Works with whatever the sample corpus holds (``annotator/resources/sample/sample.jsonl``, or
another canonical JSONL given as ``source``): the sample project is built as the app builds it
(:func:`annotator.core.sample.build_sample_project`, the annotations in the linguist's layer);
of its annotated documents, in the navigator's order, the first ``N = min(20, annotated - 3)``
are marked done and the others are the next ones, their annotations taken out of the project
(kept as the gold) so the linguist opens them fresh. The recommender is trained by the app's own
command (:func:`annotator.ui.session.retraining.train_command`, a separate process, as the
window starts it when :func:`~annotator.ui.session.retraining.needs_training` says so; with
fewer done documents than the app waits for, the same command is run by hand, as
``annotator recommend train`` would be). Each next document is then opened as the app opens it
(:func:`annotator.core.recommend.suggest.offer_suggestions`: what is shown at once) and its
suggestions are scored against the sample's annotations: precision, recall, F1 (exact span and
label), the share of the entities that arrive as accepted suggestions, beside the gazetteer
pre-annotation (shipped names and the schema's gazetteer) of the same documents.

Used by ``tests/core/test_recommend_sample_session.py`` and ``bench/recommender.py
--sample-session``.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.agreement.matching import LabelScores, score_spans
from annotator.core.model import DocumentRecord
from annotator.core.preannotate import plan_entities
from annotator.core.recommend.evaluate import gazetteer_entries
from annotator.core.recommend.model_store import ENTITIES, EVENTS, Recommender
from annotator.core.recommend.suggest import offer_suggestions
from annotator.core.sample import build_sample_project
from annotator.core.store import Project
from annotator.ui.session import retraining

LINGUIST = "linguist"
MOST_DONE = 20
"""The issue's 20 documents marked done."""
NEXT_AT_LEAST = 3
"""Annotated documents kept back as the next ones, at least."""


@dataclass(slots=True)
class SessionFigures:
    """What the session measured on the next documents."""

    annotated: int
    done: int
    next_documents: int
    app_trigger: bool
    """Whether the app itself would have started the training at ``done`` documents."""
    train_seconds: float
    model: LabelScores = field(default_factory=LabelScores)
    gazetteer: LabelScores = field(default_factory=LabelScores)
    triggers: LabelScores = field(default_factory=LabelScores)
    offered: list[int] = field(default_factory=list)
    """Suggestions shown on opening each next document."""
    open_cpu_ms: list[float] = field(default_factory=list)
    """CPU time of computing each next document's suggestions, as on opening it."""
    characters: list[int] = field(default_factory=list)

    @property
    def entities(self) -> int:
        micro = self.model.micro
        return micro.tp + micro.fn

    @property
    def accepted_share(self) -> float | None:
        """Share of the next documents' entities that arrive as suggestions to accept."""
        return self.model.micro.tp / self.entities if self.entities else None

    def to_dict(self) -> dict[str, Any]:
        def line(scores: LabelScores) -> dict[str, Any]:
            micro = scores.micro
            return {"precision": _round(micro.precision), "recall": _round(micro.recall),
                    "f1": _round(micro.f1), "tp": micro.tp, "fp": micro.fp, "fn": micro.fn,
                    "per_label_f1": {k: _round(v.f1) for k, v in sorted(scores.per_label.items())}}

        return {"annotated": self.annotated, "done": self.done,
                "next_documents": self.next_documents, "app_trigger": self.app_trigger,
                "train_s": round(self.train_seconds, 2), "entities": self.entities,
                "offered": self.offered, "accepted_share": _round(self.accepted_share),
                "model": line(self.model), "gazetteer": line(self.gazetteer),
                "triggers": line(self.triggers),
                "open_cpu_ms": [round(v, 1) for v in self.open_cpu_ms],
                "characters": self.characters}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def annotated_documents(project: Project) -> list[tuple[int, DocumentRecord]]:
    """``(doc_id, record)`` of the linguist's annotated documents, in the navigator's order."""
    found = []
    for doc_id in project.document_ids():
        record = project.get_record(doc_id)
        if record.entities:
            found.append((doc_id, record))
    return found


def prepare(path: Path, source: Path | None = None
            ) -> tuple[list[tuple[int, DocumentRecord]], list[tuple[int, DocumentRecord]]]:
    """Build the sample project at ``path``: the first N annotated documents marked done, the
    next ones emptied of their annotations; returns ``(done, next)`` with the gold records."""
    build_sample_project(path, source, annotator=LINGUIST)
    with Project.open(path, annotator=LINGUIST) as project:
        annotated = annotated_documents(project)
        done_count = min(MOST_DONE, len(annotated) - NEXT_AT_LEAST)
        if done_count < 1:
            raise ValueError(f"the sample has {len(annotated)} annotated document(s): the"
                             f" session needs at least {NEXT_AT_LEAST + 1}")
        done, following = annotated[:done_count], annotated[done_count:]
        for doc_id, record in following:  # the linguist opens them fresh
            with project.batch(f"Clear document {doc_id}"):
                for event in record.events:
                    project.delete_event(int(event.id or 0))
                for entity in record.entities:
                    project.delete_entity(int(entity.id or 0))
            project.set_status(doc_id, "todo")
        for doc_id, _record in done:
            project.set_status(doc_id, "done")
    return done, following


def train_as_the_app(path: Path) -> tuple[bool, float]:
    """Run the app's training command (a separate process); ``(whether the app would have
    started it by itself, wall seconds)``."""
    with Project.open(path, annotator=LINGUIST, readonly=True) as project:
        due = retraining.needs_training(project.document_count(status="done"),
                                        project.trained_documents(ENTITIES))
    env = dict(os.environ)  # this checkout's annotator, as the app's own process has it
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    started = time.perf_counter()
    subprocess.run(retraining.train_command(path, LINGUIST), check=True,
                   capture_output=True, env=env)
    return due, time.perf_counter() - started


def run_session(path: Path, source: Path | None = None) -> SessionFigures:
    """The whole session at ``path`` (a new file); see the module docstring."""
    done, following = prepare(path, source)
    due, seconds = train_as_the_app(path)
    figures = SessionFigures(len(done) + len(following), len(done), len(following), due,
                             seconds)
    with Project.open(path, annotator=LINGUIST) as project:
        entities = Recommender.load(project, ENTITIES)
        if entities is None:
            raise RuntimeError("the training stored no entities model")
        triggers = Recommender.load(project, EVENTS, entities.context)
        gazetteer = sorted(gazetteer_entries(project), key=lambda e: len(e.name), reverse=True)
        for doc_id, gold in following:
            record = project.get_record(doc_id)
            started = time.process_time()
            offer = offer_suggestions(project, doc_id, entities, record.text, [])
            figures.open_cpu_ms.append((time.process_time() - started) * 1000)
            while not offer.done:  # the rest of a long document, as the idle timer does
                offer.step()
            figures.offered.append(len(offer.found))
            figures.characters.append(len(record.text))
            expected = sorted({(e.start, e.end, e.label) for e in gold.entities})
            score_spans(expected, offer.found, "exact", figures.model)
            score_spans(expected, sorted(set(plan_entities(record.text, gazetteer))), "exact",
                        figures.gazetteer)
            if triggers is not None:
                found = sorted(set(triggers.predict(record.text)))
                wanted = sorted({(ev.trigger.start, ev.trigger.end, ev.type)
                                 for ev in gold.events})
                score_spans(wanted, found, "exact", figures.triggers)
    return figures
