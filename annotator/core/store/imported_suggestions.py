"""Suggestions imported from other tools' predictions (issue 18: Label Studio's
``predictions``), beside the trained recommender's (:mod:`.recommender`).

They live in the recommender's ``recommender_suggestions`` table (no table of their own, no
migration), written by the import in its own transaction (``store/importer.py``). Their
``model_version`` is their **source**: the tool's prefix, a colon and the tool's model
version (``label-studio:ner-v2``); a trained model's version is a hex digest, without a
colon. So a source with a colon is imported: training a model and ``preannotate --model``
replace the model's stored suggestions and keep these. Reviews are the recommender's
(``recommender_reviews``, keyed by document, kind, span and label, with the source in their
``model_version``): a rejected suggestion is never offered again, whatever offers it, and
the accepted and rejected figures are counted per source here.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.store.recommender import ACCEPTED, REJECTED, RecommenderMixin

IMPORTED_PATTERN = "%:%"
"""``LIKE`` pattern of imported sources (a tool's prefix and a colon)."""

SourcedSpan = tuple[int, int, str, str]
"""``(start, end, label, source)`` of an imported suggestion."""


def is_imported(source: str) -> bool:
    """Whether a suggestion's source (``model_version``) is an imported one."""
    return ":" in source


@dataclass(frozen=True, slots=True)
class SuggestionSource:
    """One imported source of one kind: its stored suggestions, the documents holding them,
    and how its suggestions were reviewed."""

    source: str
    kind: str
    suggestions: int
    documents: int
    accepted: int = 0
    rejected: int = 0


class ImportedSuggestionsMixin(RecommenderMixin):
    """Reading the imported suggestions of :class:`~annotator.core.store.Project`."""

    def imported_suggestions(self, doc_id: int, kind: str) -> list[SourcedSpan]:
        """Every imported suggestion of ``doc_id`` and ``kind`` with its source, by position
        (reviewed ones too; an index read)."""
        if not self.has_recommender_tables():
            return []
        rows = self.conn.execute(
            'SELECT start, "end", label, model_version FROM recommender_suggestions'
            " WHERE doc_id = ? AND kind = ? AND model_version LIKE ?"
            ' ORDER BY start, "end", label', (doc_id, kind, IMPORTED_PATTERN))
        return [(int(s), int(e), str(label), str(source)) for s, e, label, source in rows]

    def suggestion_sources(self, kind: str | None = None) -> list[SuggestionSource]:
        """The imported sources (of ``kind``, else of every kind), by kind and name."""
        if not self.has_recommender_tables():
            return []
        where, args = " WHERE model_version LIKE ?", [IMPORTED_PATTERN]
        if kind is not None:
            where += " AND kind = ?"
            args.append(kind)
        stored = {(str(k), str(source)): (int(n), int(docs)) for k, source, n, docs in
                  self.conn.execute("SELECT kind, model_version, count(*), count(DISTINCT"
                                    " doc_id) FROM recommender_suggestions" + where
                                    + " GROUP BY kind, model_version", args)}
        reviews: dict[tuple[str, str], dict[str, int]] = {}
        for k, source, decision, count in self.conn.execute(
                "SELECT kind, model_version, decision, count(*) FROM recommender_reviews"
                + where + " GROUP BY kind, model_version, decision", args):
            reviews.setdefault((str(k), str(source)), {})[str(decision)] = int(count)
        return [SuggestionSource(source, k, *stored.get((k, source), (0, 0)),
                                 reviews.get((k, source), {}).get(ACCEPTED, 0),
                                 reviews.get((k, source), {}).get(REJECTED, 0))
                for k, source in sorted(stored.keys() | reviews.keys())]

    def source_review_counts(self, kind: str, source: str) -> dict[str, dict[str, int]]:
        """``{label: {"accepted": n, "rejected": m}}`` of the suggestions of one source."""
        if not self.has_recommender_tables():
            return {}
        counts: dict[str, dict[str, int]] = {}
        for label, decision, count in self.conn.execute(
                "SELECT label, decision, count(*) FROM recommender_reviews WHERE kind = ?"
                " AND model_version = ? GROUP BY label, decision", (kind, source)):
            counts.setdefault(str(label), {ACCEPTED: 0, REJECTED: 0})[str(decision)] = int(count)
        return counts
