"""The tables the journal records, with their primary key columns (shared by the journal and
the row decoder, which checks journal payloads against it)."""

from __future__ import annotations

TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "entities": ("id",),
    "quotes": ("id",),
    "events": ("id",),
    "event_arguments": ("id",),
    "stances": ("id",),
    "document_labels": ("doc_id", "key", "annotator_id"),
    "document_status": ("doc_id", "annotator_id"),
    "notes": ("id",),
    "schemas": ("version",),
    "curation_decisions": ("doc_id", "kind", "key"),
    "curation_documents": ("doc_id",),
}
"""Tables user actions may change, with their primary key columns (``schemas``: a schema
change applied with renames, :mod:`.schema_change`, inserts its version row)."""
