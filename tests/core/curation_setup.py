"""A project with three annotators' layers over one article, for the curation tests."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord, Span, StanceTarget
from annotator.core.store import Project

TEXT = "قال الرئيس أحمد علي إن «الوضع في بغداد صعب» بعد هجوم على دمشق."
TOPIC = "syria-political-solution"


def at(word: str) -> Span:
    """The span of the first occurrence of ``word``."""
    start = TEXT.index(word)
    return Span(start, start + len(word))


def annotate(path: Path, name: str, *, baghdad: str, damascus: bool, cue: bool,
             event: bool, topic: str) -> None:
    """One annotator's layer: Ahmed PERS and the stance for all; the rest as given."""
    with Project.open(path, annotator=name) as p:
        doc = p.document_ids()[0]
        ahmed = p.add_entity(doc, *_pair(at("أحمد علي")), "PERS")
        p.add_entity(doc, *_pair(at("بغداد")), baghdad)
        if damascus:
            p.add_entity(doc, *_pair(at("دمشق")), "GPE")
        p.add_quote(doc, at("الوضع في بغداد صعب"), at("قال") if cue else None, ahmed)
        if event:
            p.add_event(doc, "Conflict:Attack", at("هجوم"))
        p.add_stance(doc, ahmed, StanceTarget(topic=TOPIC), "AGAINST")
        p.set_document_label(doc, "topic", topic)
        p.set_status(doc, "done")


def _pair(span: Span) -> tuple[int, int]:
    return span.start, span.end


def three_layers(path: Path) -> Path:
    """alice, bob and carol annotated the article (each marked it done):

    - Ahmed PERS, the quote's content and speaker, the AGAINST stance: all three;
    - Baghdad: GPE, GPE, LOC; Damascus GPE: alice only; the cue قال: alice and bob;
    - the Conflict:Attack event: alice and bob; the topic: politics, politics, security.
    """
    with Project.open(path, create=True, annotator="alice") as p:
        p.import_records([DocumentRecord(id="news-1", text=TEXT)])
    annotate(path, "alice", baghdad="GPE", damascus=True, cue=True, event=True,
             topic="politics")
    annotate(path, "bob", baghdad="GPE", damascus=False, cue=True, event=True,
             topic="politics")
    annotate(path, "carol", baghdad="LOC", damascus=False, cue=False, event=False,
             topic="security")
    return path
