"""A project of generated news documents (bench/corpus.py's ``news_records``) for the
recommender tests: the first ones marked done in the annotator's layer, the rest to do."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from bench.corpus import news_records

ANNOTATOR = "lina"


def news_project(path: Path, done: int, todo: int = 2, seed: int = 11
                 ) -> list[DocumentRecord]:
    """Create ``path`` with ``done`` annotated documents marked done and ``todo`` documents
    without annotations; returns every record with its gold entities."""
    records = news_records(done + todo, seed=seed)
    stored = [dataclasses.replace(r, status="done") for r in records[:done]]
    stored += [dataclasses.replace(r, entities=[], events=[]) for r in records[done:]]
    with Project.open(path, create=True, annotator=ANNOTATOR) as project:
        project.import_records(stored)
    return records
