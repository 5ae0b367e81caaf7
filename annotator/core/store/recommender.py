"""The store side of the recommender (issue 16; :mod:`annotator.core.recommend`).

Three tables added by migration 8, none of them annotations (never exported, never in the
journal, untouched by undo):

* ``recommender_models``: one trained model per kind (``entities``, ``triggers``) and nesting
  level, with the version of the data it saw (:meth:`RecommenderMixin.save_models`,
  :meth:`~RecommenderMixin.models`);
* ``recommender_reviews``: each accepted or rejected suggestion, keyed by
  ``(doc, kind, start, end, label)``: a rejected one is never offered again, and the counts
  per label are the recommender's precision as the annotators experience it;
* ``recommender_suggestions``: suggestions computed ahead for documents still to do
  (``annotator preannotate --model``).

A read-only open of a file made before migration 8 reads as "no model, nothing reviewed".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.store.base import ProjectBase
from annotator.core.store.timeutil import utc_now

ACCEPTED = "accepted"
REJECTED = "rejected"
SpanKey = tuple[int, int, str]
"""``(start, end, label)`` of a suggestion within one document and kind."""


@dataclass(frozen=True, slots=True)
class StoredModel:
    """One stored model: ``data`` is the CRF model file's bytes."""

    kind: str
    level: int
    version: str
    layer: str
    documents: int
    labels: tuple[str, ...]
    data: bytes
    created: str
    cuts: dict[str, int] = field(default_factory=dict)
    """Folded words seen in training with the span starting after their first letters
    (``وزار`` -> 1: the trigger is ``زار``), so a prediction on that word starts there."""


class RecommenderMixin(ProjectBase):
    """Models, reviews and stored suggestions of :class:`~annotator.core.store.Project`."""

    def has_recommender_tables(self) -> bool:
        """Whether the file has the recommender's tables (format 8 or later)."""
        self._check_open()
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                " AND name = 'recommender_models'").fetchone()
        return row is not None

    # -- models ---------------------------------------------------------------------------

    def save_models(self, kind: str, models: Sequence[StoredModel]) -> None:
        """Replace every model of ``kind`` with ``models`` (one transaction), and drop the
        suggestions stored for an older version of that kind."""
        import base64

        with self._transaction() as conn:
            conn.execute("DELETE FROM recommender_models WHERE kind = ?", (kind,))
            for model in models:
                conn.execute(
                    "INSERT INTO recommender_models(kind, level, version, layer, documents,"
                    " labels, cuts, model, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (kind, model.level, model.version, model.layer, model.documents,
                     " ".join(model.labels), json.dumps(model.cuts, ensure_ascii=False),
                     base64.b64encode(model.data).decode("ascii"), model.created))
            versions = sorted({m.version for m in models})
            conn.execute("DELETE FROM recommender_suggestions WHERE kind = ? AND model_version"
                         f" NOT IN ({', '.join('?' * len(versions))})"
                         " AND model_version NOT LIKE ?",  # imported ones stay (issue 18)
                         (kind, *versions, "%:%"))

    def models(self, kind: str) -> list[StoredModel]:
        """The stored models of ``kind``, by level (empty when none was trained)."""
        import base64
        import binascii

        if not self.has_recommender_tables():
            return []
        found: list[StoredModel] = []
        for level, version, layer, documents, labels, cuts, data, created in self.conn.execute(
                "SELECT level, version, layer, documents, labels, cuts, model, created"
                " FROM recommender_models WHERE kind = ? ORDER BY level", (kind,)):
            try:
                raw = base64.b64decode(str(data), validate=True)
                parsed = json.loads(str(cuts))
            except (binascii.Error, ValueError):
                continue  # a damaged row: that level is not offered
            known = {str(k): v for k, v in parsed.items() if type(v) is int and v > 0} \
                if isinstance(parsed, dict) else {}
            found.append(StoredModel(kind, int(level), str(version), str(layer),
                                     int(documents), tuple(str(labels).split()), raw,
                                     str(created), known))
        return found

    def model_version(self, kind: str) -> str | None:
        """The version of the stored models of ``kind``, or None."""
        if not self.has_recommender_tables():
            return None
        row = self.conn.execute("SELECT version FROM recommender_models WHERE kind = ?"
                                " ORDER BY level LIMIT 1", (kind,)).fetchone()
        return None if row is None else str(row[0])

    def trained_documents(self, kind: str) -> int | None:
        """How many documents the stored model of ``kind`` saw (None: no model); an index
        read, without the model itself."""
        if not self.has_recommender_tables():
            return None
        row = self.conn.execute("SELECT documents FROM recommender_models WHERE kind = ?"
                                " AND level = 1", (kind,)).fetchone()
        return None if row is None else int(row[0])

    # -- reviews --------------------------------------------------------------------------

    def review_suggestion(self, doc_id: int, kind: str, start: int, end: int, label: str,
                          decision: str, model_version: str = "") -> None:
        """Record that a suggestion was accepted or rejected (the latest decision counts);
        inside :meth:`batch` it is written in the batch's transaction."""
        if decision not in (ACCEPTED, REJECTED):
            raise ValueError(f"a review is {ACCEPTED!r} or {REJECTED!r}, not {decision!r}")
        values = (doc_id, kind, start, end, label, decision, self.actor_id, model_version,
                  utc_now())
        sql = ('INSERT INTO recommender_reviews(doc_id, kind, start, "end", label, decision,'
               " annotator_id, model_version, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
               ' ON CONFLICT(doc_id, kind, start, "end", label) DO UPDATE SET'
               " decision = excluded.decision, annotator_id = excluded.annotator_id,"
               " model_version = excluded.model_version, created = excluded.created")
        if self._batch is not None:  # inside a batch (accept all): join its transaction
            self.conn.execute(sql, values)
            return
        with self._transaction() as conn:
            conn.execute(sql, values)

    def rejected_suggestions(self, doc_id: int, kind: str) -> set[SpanKey]:
        """``(start, end, label)`` of every suggestion rejected in ``doc_id`` (index read)."""
        if not self.has_recommender_tables():
            return set()
        rows = self.conn.execute(
            'SELECT start, "end", label FROM recommender_reviews WHERE doc_id = ? AND kind = ?'
            " AND decision = ?", (doc_id, kind, REJECTED))
        return {(int(s), int(e), str(label)) for s, e, label in rows}

    def review_counts(self, kind: str | None = None) -> dict[str, dict[str, int]]:
        """``{label: {"accepted": n, "rejected": m}}`` over the whole project."""
        if not self.has_recommender_tables():
            return {}
        sql = "SELECT label, decision, count(*) FROM recommender_reviews"
        args: tuple[str, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            args = (kind,)
        counts: dict[str, dict[str, int]] = {}
        for label, decision, count in self.conn.execute(sql + " GROUP BY label, decision",
                                                        args):
            counts.setdefault(str(label), {ACCEPTED: 0, REJECTED: 0})[str(decision)] = int(count)
        return counts

    # -- stored suggestions ---------------------------------------------------------------

    def store_suggestions(self, doc_id: int, kind: str, version: str,
                          spans: Iterable[SpanKey]) -> int:
        """Replace the stored suggestions of ``doc_id`` and ``kind``; returns how many. The
        imported ones (:mod:`.imported_suggestions`) stay, and a span and label they hold is
        not stored again."""
        now = utc_now()
        rows = [(doc_id, kind, s, e, label, version, now) for s, e, label in spans]
        with self._transaction() as conn:
            conn.execute("DELETE FROM recommender_suggestions WHERE doc_id = ? AND kind = ?"
                         " AND model_version NOT LIKE ?",  # imported ones stay (issue 18)
                         (doc_id, kind, "%:%"))
            conn.executemany(
                'INSERT OR IGNORE INTO recommender_suggestions(doc_id, kind, start, "end",'
                " label, model_version, created) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def stored_suggestions(self, doc_id: int, kind: str, version: str) -> list[SpanKey] | None:
        """The suggestions stored for ``doc_id`` by model ``version``; None when there are
        none (compute them instead)."""
        if not self.has_recommender_tables():
            return None
        rows = self.conn.execute(
            'SELECT start, "end", label FROM recommender_suggestions WHERE doc_id = ?'
            " AND kind = ? AND model_version = ? ORDER BY start", (doc_id, kind, version))
        found = [(int(s), int(e), str(label)) for s, e, label in rows]
        return found or None
