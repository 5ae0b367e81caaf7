"""What the agreement tests share: the reference libraries (required in the main venv, a
clean skip in the no-Qt venv that does not install them) and a project annotated by several
annotators through the core API."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.store import Project

TEXTS = {
    "d1": "قال الرئيس فلاديمير بوتين في موسكو إن روسيا ستدعم الاتفاق مع الصين .",
    "d2": "أعلنت وزارة الخارجية المصرية في القاهرة أن الوزير سامح شكري سيزور باريس .",
    "d3": "ذكرت وكالة رويترز أن شركة أرامكو السعودية رفعت إنتاجها في الرياض .",
}


def reference(name: str) -> ModuleType:
    """Import a reference library of the ``agreement-test`` extra; in the no-Qt venv (which
    does not install it) a missing one skips the test, anywhere else it is a failure."""
    if os.environ.get("ANNOTATOR_EXPECT_NO_QT") == "1":
        return pytest.importorskip(name)
    return importlib.import_module(name)


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Code-point span of the ``nth`` occurrence of ``word`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def new_project(path: Path, texts: dict[str, str] | None = None) -> Path:
    """A project holding ``texts`` (default :data:`TEXTS`) with no annotation (the default
    schema, whose document label ``topic`` the label tests use)."""
    with Project.open(path, create=True, annotator="admin") as project:
        project.import_records([DocumentRecord(id=k, text=v)
                                for k, v in (texts or TEXTS).items()])
    return path


def annotate(path: Path, annotator: str, entities: dict[str, list[tuple[str, str]]],
             done: tuple[str, ...] | None = None) -> dict[str, dict[str, int]]:
    """Add ``annotator``'s entities (``doc -> [(word, label)]``) and mark ``done`` (default:
    the documents given) done; return the entity ids by document and word."""
    ids: dict[str, dict[str, int]] = {}
    with Project.open(path, annotator=annotator) as project:
        for doc, marks in entities.items():
            doc_id = project.find_document(doc)
            assert doc_id is not None
            text = project.get_record(doc_id).text
            for word, label in marks:
                ids.setdefault(doc, {})[word] = project.add_entity(
                    doc_id, *at(text, word), label)
        for doc in done if done is not None else tuple(entities):
            doc_id = project.find_document(doc)
            assert doc_id is not None
            project.set_status(doc_id, "done")
    return ids


def add_quote(path: Path, annotator: str, doc: str, content: str, cue: str | None,
              speaker: str | None, kind: str = "direct") -> None:
    """A quote of ``annotator`` whose speaker is the entity on the word ``speaker`` (one of
    theirs), or the author (``"AUTHOR"``), or unknown (None)."""
    with Project.open(path, annotator=annotator) as project:
        doc_id = project.find_document(doc)
        assert doc_id is not None
        record = project.get_record(doc_id)
        speaker_id: str | int | None = speaker
        if speaker not in (None, "AUTHOR"):
            speaker_id = next(e.id for e in record.entities if e.annotator == annotator
                              and record.text[e.start:e.end] == speaker)
        project.add_quote(doc_id, Span(*at(record.text, content)),
                          Span(*at(record.text, cue)) if cue else None, speaker_id, kind)
