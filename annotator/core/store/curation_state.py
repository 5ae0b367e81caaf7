"""What curation keeps in the store (issue 14): the decisions and the documents in curation.

``curation_decisions`` holds what was decided at one key of one document (``agreed`` and
``partial`` by the auto-merge, ``accepted``, ``rejected`` and ``edited`` by a curator), who
decided, from which annotators' versions, and the journal entry of the action.
``curation_documents`` holds, per document in curation, the annotators and the policy it is
curated from, and its count of OPEN disagreements, indexed ``(open_count, doc_id)``, so
that the navigator's "disagreements left" filter and :meth:`curation_progress` never read
a layer. Both tables are written through the journal (:data:`~.tables.TABLE_KEYS`): a
decision and the curated rows it wrote are one action, undone together.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.store.actions import ActionsMixin
from annotator.core.store.errors import ProjectError
from annotator.core.store.journal import fetch_row
from annotator.core.store.roles import CURATED
from annotator.core.store.rows import load_json
from annotator.core.store.timeutil import utc_now

DECISIONS = ("agreed", "partial", "accepted", "rejected", "edited")
CURATOR_DECISIONS = ("accepted", "rejected", "edited")
"""The decisions a curator makes; ``agreed`` (the policy decided) and ``partial`` (the
auto-merge wrote what agreed, the rest is open) are the auto-merge's."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One stored decision."""

    kind: str
    key: str
    decision: str
    curator: str
    from_annotators: tuple[str, ...]
    journal_id: int | None


@dataclass(frozen=True, slots=True)
class CurationState:
    """One document in curation: from whom, under which policy, what is open."""

    doc_id: int
    annotators: tuple[str, ...]
    policy: str
    open_count: int


@dataclass(frozen=True, slots=True)
class CurationProgress:
    """Curation over the project: documents in curation, how many the curator marked done
    (curated), how many still hold open disagreements, and how many open ones in all."""

    documents: int
    curated: int
    with_disagreements: int
    open_disagreements: int


def names_of(value: object) -> tuple[str, ...]:
    """The annotator names of a stored JSON list (empty when damaged)."""
    try:
        loaded = load_json(value) if isinstance(value, str) else []
    except ValueError:
        return ()
    return tuple(str(n) for n in loaded) if isinstance(loaded, list) else ()


class CurationStateMixin(ActionsMixin):
    """The curation tables of :class:`~annotator.core.store.Project`."""

    def _check_curating(self) -> None:
        if self.layer_name != CURATED:
            raise ProjectError(f"{self.path}: curation writes the curated layer: open the"
                               f" project with layer={CURATED!r} (a curator only)")

    def curation_state_table(self) -> bool:
        """Whether the file has the curation tables (a read-only open of format 5 has not)."""
        return self._curation_tables()

    def _curation_tables(self) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                 " AND name = 'curation_documents'").fetchone() is not None

    def _next_journal_id(self) -> int:
        row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'journal'"
                                ).fetchone()
        return (int(row[0]) if row is not None else 0) + 1

    def record_decision(self, doc_id: int, kind: str, key: str, decision: str,
                        from_annotators: Sequence[str] = ()) -> None:
        """Store what was decided at ``(kind, key)`` of a document (replacing an earlier
        decision there), with the journal entry of the action it is part of: call it inside
        the ``batch`` that writes the curated rows, so both are one undoable action."""
        self._check_curating()
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}; decisions: {', '.join(DECISIONS)}")
        self._row("documents", doc_id)
        key_id = [doc_id, kind, key]
        row = {"decision": decision, "curator_id": self.actor_id,
               "from_annotators": json.dumps(list(from_annotators), ensure_ascii=False),
               "updated": utc_now()}
        with self._action(f"Decide {kind} {key}") as cs:
            row["journal_id"] = self._next_journal_id()
            if fetch_row(self.conn, "curation_decisions", key_id) is None:
                cs.insert("curation_decisions", {"doc_id": doc_id, "kind": kind, "key": key,
                                                 **row})
            else:
                cs.update("curation_decisions", key_id, row)

    def set_curation_state(self, doc_id: int, annotators: Sequence[str], policy: str,
                           open_count: int) -> None:
        """Store a document's curation settings and its count of open disagreements (inside
        the action that changed them)."""
        self._check_curating()
        row = {"annotators": json.dumps(list(annotators), ensure_ascii=False),
               "policy": policy, "open_count": open_count, "updated": utc_now()}
        with self._action("Curation state") as cs:
            if fetch_row(self.conn, "curation_documents", doc_id) is None:
                cs.insert("curation_documents", {"doc_id": doc_id, **row})
            else:
                cs.update("curation_documents", doc_id, row)

    def curation_decisions(self, doc_id: int) -> dict[tuple[str, str], Decision]:
        """Every decision stored for a document, by ``(kind, key)``."""
        self._check_open()
        if not self._curation_tables():
            return {}
        names = {int(i): str(n) for i, n in self.conn.execute("SELECT id, name FROM annotators")}
        return {(str(k), str(key)): Decision(str(k), str(key), str(d), names.get(c, str(c)),
                                             names_of(f), None if j is None else int(j))
                for k, key, d, c, f, j in self.conn.execute(
                    "SELECT kind, key, decision, curator_id, from_annotators, journal_id"
                    " FROM curation_decisions WHERE doc_id = ?", (doc_id,))}

    def curation_state(self, doc_id: int) -> CurationState | None:
        """A document's curation settings and open count, or None (not in curation)."""
        self._check_open()
        if not self._curation_tables():
            return None
        row = self.conn.execute("SELECT annotators, policy, open_count FROM curation_documents"
                                " WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return CurationState(doc_id, names_of(row[0]), str(row[1]), int(row[2]))

    def documents_with_disagreements(self, offset: int = 0, limit: int = 100) -> list[int]:
        """Ids of the documents in curation with open disagreements, in order (index only:
        the navigator's "disagreements left" filter)."""
        self._check_open()
        if not self._curation_tables():
            return []
        return [int(r[0]) for r in self.conn.execute(
            "SELECT doc_id FROM curation_documents INDEXED BY curation_documents_open"
            " WHERE open_count > 0 ORDER BY doc_id LIMIT ? OFFSET ?", (limit, offset))]

    def open_disagreements(self, doc_ids: Sequence[int]) -> dict[int, int]:
        """Open disagreements of the given documents (a navigator page), by id; documents
        not in curation are left out."""
        self._check_open()
        if not doc_ids or not self._curation_tables():
            return {}
        marks = ", ".join("?" for _ in doc_ids)
        return {int(d): int(n) for d, n in self.conn.execute(
            f"SELECT doc_id, open_count FROM curation_documents WHERE doc_id IN ({marks})",
            list(doc_ids))}

    def curation_progress(self) -> CurationProgress:
        """How far curation is: see :class:`CurationProgress` (index reads only)."""
        self._check_open()
        if not self._curation_tables():
            return CurationProgress(0, 0, 0, 0)
        documents, open_docs, open_total = self.conn.execute(
            "SELECT count(*), coalesce(sum(CASE WHEN open_count > 0 THEN 1 ELSE 0 END), 0),"
            " coalesce(sum(open_count), 0)"
            " FROM curation_documents").fetchone()
        curated = self.conn.execute(
            "SELECT count(*) FROM document_status s JOIN annotators a ON a.id = s.annotator_id"
            " WHERE a.name = ? AND s.status = 'done'", (CURATED,)).fetchone()[0]
        return CurationProgress(int(documents), int(curated), int(open_docs), int(open_total))
