"""The documents agreement is computed on: each chosen annotator's layer of every document
that annotator marked done, matched by document id, kept when two or more of them did.

Each annotator's records come from ``Project.iter_records(status="done", annotator=NAME)``
(only NAME's annotations). The streams are read side by side in the store's document order
(a merge on the position of each id in :meth:`Project.external_ids`), so memory holds one
document per annotator whatever the size of the project.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from annotator.core.model import DocumentRecord
from annotator.core.store.roles import CURATED

ANNOTATED_TABLES = ("entities", "quotes", "events", "stances", "document_labels")


class AgreementSource(Protocol):
    """What the loader reads from a project (``annotator.core.store.Project`` has it)."""

    def external_ids(self, status: str | None = None) -> Iterator[str]: ...

    def iter_records(self, status: str | None = None,
                     annotator: str | None = None) -> Iterator[DocumentRecord]: ...

    def annotator_names(self) -> dict[int, str]: ...


@dataclass(frozen=True, slots=True)
class SharedDocument:
    """One document and each annotator's layer of it (``None``: not done by them)."""

    doc_id: str
    text: str
    records: tuple[DocumentRecord | None, ...]

    @property
    def raters(self) -> list[int]:
        """Indexes of the annotators who marked it done."""
        return [i for i, r in enumerate(self.records) if r is not None]


def annotators_with_annotations(project: AgreementSource) -> list[str]:
    """Names of the annotators who made at least one annotation, in name order (the
    default choice: opening a project registers a name that may have annotated nothing).
    The curated layer (:data:`CURATED`, the gold) is nobody's annotation: left out."""
    conn = getattr(project, "conn", None)
    names = project.annotator_names()
    if conn is None:
        return sorted(set(names.values()) - {CURATED})
    found: set[int] = set()
    for table in ANNOTATED_TABLES:
        found.update(int(i) for (i,) in conn.execute(
            f"SELECT DISTINCT annotator_id FROM {table} WHERE annotator_id IS NOT NULL"))
    return sorted({names[i] for i in found if i in names} - {CURATED})


def shared_documents(project: AgreementSource, annotators: Sequence[str],
                     minimum: int = 2) -> Iterator[SharedDocument]:
    """The documents at least ``minimum`` of ``annotators`` marked done, in store order."""
    position = {external: i for i, external in enumerate(project.external_ids())}
    unknown = len(position)

    def keyed(index: int) -> Iterator[tuple[int, str, int, int, DocumentRecord]]:
        stream = project.iter_records(status="done", annotator=annotators[index])
        for serial, record in enumerate(stream):
            external = record.id or ""
            yield position.get(external, unknown), external, index, serial, record

    merged = heapq.merge(*(keyed(i) for i in range(len(annotators))))
    current: list[DocumentRecord | None] = [None] * len(annotators)
    current_at: int | None = None
    current_id: str | None = None
    text = ""
    for at, _external, index, _serial, record in merged:
        if at != current_at or record.id != current_id:
            if current_at is not None and sum(r is not None for r in current) >= minimum:
                yield SharedDocument(current_id or "", text, tuple(current))
            current = [None] * len(annotators)
            current_at, current_id, text = at, record.id, record.text
        current[index] = record
    if current_at is not None and sum(r is not None for r in current) >= minimum:
        yield SharedDocument(current_id or "", text, tuple(current))
