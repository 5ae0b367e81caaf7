"""Test data for every export format, built in a real project store (plain helpers; the
fixtures that use them are in ``conftest.py``).

The main document has what every format must survive: an emoji before the spans (and a
skin-tone emoji sequence), tashkeel inside a span (مُحَمَّد), names with proclitics (the
entities sit on واشنطن in لواشنطن and on موسكو in وموسكو), nested entities (القاهرة inside
جامعة القاهرة; الرئيس inside الرئيس فلاديمير بوتين), a quote with a cue and a speaker, an event
with arguments and a stance whose evidence is the quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import (
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.store import Project

TEXT = (
    "😀 أعلن الكرملين أن الرئيس فلاديمير بوتين سيزور جامعة القاهرة.\n"
    "وقال مُحَمَّد بن سلمان «نحن مستعدون للتعاون» بعد زيارته لواشنطن وموسكو.\n"
    "👍🏽 هاجم الجيش الحدود أمس في بغداد."
)
ENTITIES = [
    ("الكرملين", "ORG", 0),
    ("الرئيس فلاديمير بوتين", "PERS", 0),
    ("الرئيس", "OCC", 0),
    ("جامعة القاهرة", "ORG", 0),
    ("القاهرة", "GPE", 0),
    ("مُحَمَّد بن سلمان", "PERS", 0),
    ("واشنطن", "GPE", 0),
    ("موسكو", "GPE", 0),
    ("الجيش", "ORG", 0),
    ("أمس", "DATE", 0),
    ("بغداد", "GPE", 0),
]
"""(surface, label, which occurrence) of each entity of the main document."""


def find(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    """Code-point offsets of the ``occurrence``-th ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def main_record(doc_id: str = "main") -> DocumentRecord:
    """The document with every hard case (ids are file-local; the store remaps them)."""
    entities = []
    for number, (surface, label, occurrence) in enumerate(ENTITIES, start=1):
        start, end = find(TEXT, surface, occurrence)
        entities.append(Entity(f"e{number}", start, end, label))
    entities[0].attrs = {"mention": "NAM"}
    speaker = entities[5].id
    content = Span(*find(TEXT, "نحن مستعدون للتعاون"))
    cue = Span(*find(TEXT, "قال"))
    quote = Quote("q1", content, cue, speaker, "direct")
    trigger = Span(*find(TEXT, "هاجم"))
    event = Event("v1", "Conflict:Attack", trigger, [
        EventArgument("Attacker", entities[8].id),
        EventArgument("Time", entities[9].id),
        EventArgument("Place", entities[10].id),
    ])
    stance = Stance("s1", speaker, StanceTarget(topic="syria-political-solution"), "FAVOR",
                    evidence="q1")
    return DocumentRecord(id=doc_id, text=TEXT, title="خبر", status="done", entities=entities,
                          quotes=[quote], events=[event], stances=[stance])


def filler_records(count: int, status: str = "done") -> Iterator[DocumentRecord]:
    """Small documents with one entity each (labels alternate), for splits."""
    labels = ["GPE", "PERS", "ORG", "GPE", "GPE", "LOC"]
    for n in range(count):
        text = f"خبر رقم {n}: زار الوفد مدينة بغداد ثم عاد."
        start, end = find(text, "بغداد")
        label = labels[n % len(labels)]
        yield DocumentRecord(id=f"doc-{n:03d}", text=text, title=f"خبر {n}", status=status,
                             entities=[Entity("e1", start, end, label)])


def make_project(path: Path, fillers: int = 0) -> Path:
    """A project file holding the main document and ``fillers`` small ones."""
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([main_record(), *filler_records(fillers)])
    return path
