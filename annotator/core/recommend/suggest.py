"""Suggestions from a trained recommender: their own kind, never annotations.

A suggestion is ``(start, end, label)`` of one kind (an entity, or an event trigger with its
event type). It is not exported and not in the journal; accepting one adds the annotation
(an ordinary undoable action) and records the review; rejecting one records it only, and a
rejected ``(document, start, end, label)`` is never offered again (``recommender_reviews``).
The accepted and rejected counts per label are the recommender's precision as the
annotators experience it (:meth:`Project.review_counts
<annotator.core.store.recommender.RecommenderMixin.review_counts>`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.core.model import Span
from annotator.core.recommend.model_store import ENTITIES, EVENTS, Recommender, text_parts
from annotator.core.recommend.tags import Labelled
from annotator.core.store import Project
from annotator.core.store.recommender import ACCEPTED, REJECTED

STILL_TO_DO = ("todo", "in-progress")
"""The statuses ``preannotate --model`` fills by default."""


def filter_suggestions(predicted: Iterable[Labelled], existing: Iterable[tuple[int, int]],
                       rejected: set[Labelled]) -> list[Labelled]:
    """``predicted`` less the spans already annotated (any label) and the rejected ones."""
    taken = set(existing)
    return sorted(s for s in set(predicted) if (s[0], s[1]) not in taken and s not in rejected)


def _existing(project: Project, doc_id: int, kind: str) -> tuple[str, list[tuple[int, int]]]:
    record = project.get_record(doc_id)
    if kind == ENTITIES:
        return record.text, [(e.start, e.end) for e in record.entities]
    return record.text, [(ev.trigger.start, ev.trigger.end) for ev in record.events]


def document_suggestions(project: Project, doc_id: int, recommender: Recommender,
                         text: str | None = None,
                         existing: Iterable[tuple[int, int]] | None = None) -> list[Labelled]:
    """What to offer in ``doc_id``: the stored suggestions of the recommender's version, or
    its predictions, less what is annotated (``existing``: the open document's spans, read
    from the project when None) and less what was rejected."""
    if text is None or existing is None:
        text, existing = _existing(project, doc_id, recommender.kind)
    stored = project.stored_suggestions(doc_id, recommender.kind, recommender.version)
    predicted = stored if stored is not None else recommender.predict(text)
    return filter_suggestions(predicted, existing,
                              project.rejected_suggestions(doc_id, recommender.kind))


@dataclass(slots=True)
class DocumentOffer:
    """A document's suggestions computed part by part (:func:`~.model_store.text_parts`), so
    a long document shows the first part's at once and the rest while the app is idle.
    :meth:`step` predicts the next part and returns what it adds (less what is annotated and
    what the opener rejected); stored suggestions come whole, with no part left."""

    recommender: Recommender
    text: str
    existing: set[tuple[int, int]]
    rejected: set[Labelled]
    parts: list[tuple[int, int]] = field(default_factory=list)
    found: list[Labelled] = field(default_factory=list)
    predicted: int = 0
    """Code points predicted so far (tests bound the work of opening a document with it)."""

    @property
    def done(self) -> bool:
        return not self.parts

    def step(self) -> list[Labelled]:
        """Predict the next part; the suggestions it adds (in text order)."""
        if not self.parts:
            return []
        start, end = self.parts.pop(0)
        self.predicted += end - start
        added = filter_suggestions(self.recommender.predict(self.text, start, end),
                                   self.existing, self.rejected)
        self.found.extend(added)
        return added


def offer_suggestions(project: Project, doc_id: int, recommender: Recommender, text: str,
                      existing: Iterable[tuple[int, int]]) -> DocumentOffer:
    """The offer of ``doc_id`` with its first part predicted (all of it for a document of
    about a screen; the stored suggestions of the recommender's version when there are)."""
    rejected = project.rejected_suggestions(doc_id, recommender.kind)
    offer = DocumentOffer(recommender, text, set(existing), rejected)
    stored = project.stored_suggestions(doc_id, recommender.kind, recommender.version)
    if stored is not None:
        offer.found = filter_suggestions(stored, offer.existing, rejected)
        return offer
    offer.parts = text_parts(text)
    offer.step()
    return offer


def accept_suggestion(project: Project, doc_id: int, kind: str, suggestion: Labelled,
                      version: str = "") -> int:
    """Add the annotation a suggestion proposes (one undoable action) and record the
    review; returns the new entity's or event's id."""
    start, end, label = suggestion
    if kind == ENTITIES:
        new_id = project.add_entity(doc_id, start, end, label)
    elif kind == EVENTS:
        new_id = project.add_event(doc_id, label, Span(start, end))
    else:
        raise ValueError(f"no recommender kind {kind!r}")
    project.review_suggestion(doc_id, kind, start, end, label, ACCEPTED, version)
    return new_id


def reject_suggestion(project: Project, doc_id: int, kind: str, suggestion: Labelled,
                      version: str = "") -> None:
    """Record that a suggestion was rejected: it is never offered again."""
    project.review_suggestion(doc_id, kind, *suggestion, REJECTED, version)


def preannotate_with_model(project: Project, kind: str = ENTITIES,
                           statuses: Iterable[str] | None = None) -> Counter[str]:
    """Store the recommender's suggestions for every document of ``statuses`` (default: the
    ones still to do); returns counts per label. ``LookupError`` when no model is trained."""
    recommender = Recommender.load(project, kind)
    if recommender is None:
        raise LookupError(f"no {kind} model in this project: run 'annotator recommend train'"
                          " first")
    wanted = tuple(statuses) if statuses else STILL_TO_DO
    added: Counter[str] = Counter()
    for status in wanted:
        for doc_id in project.document_ids(status=status):
            text, existing = _existing(project, doc_id, kind)
            # Not less anyone's rejected ones: reviews are each annotator's, and opening the
            # document leaves out the opener's (document_suggestions).
            spans = filter_suggestions(recommender.predict(text), existing, set())
            project.store_suggestions(doc_id, kind, recommender.version, spans)
            added.update(label for _s, _e, label in spans)
    return added
