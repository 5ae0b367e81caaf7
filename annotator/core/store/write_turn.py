"""Which write turn a transaction takes (docs/ENGINES.md, The write turn).

SQLite has one writer at a time (``BEGIN IMMEDIATE``). On PostgreSQL a transaction either
takes the project's turn (one writer: imports, schema changes, curation, assignments, every
transaction not marked otherwise) or a **layer turn**: the project's turn shared, plus the
turn of each layer it writes and of the undo stack it pushes (annotator ids). Two annotators
working each in their own layer then no longer wait for each other; what they share is made
safe without the project's turn:

- the journal: its entry is appended in the journal's turn, held to the COMMIT (sent in the
  same message), so entry ids and timestamps follow commit order;
- ids: identity sequences; an undo or redo giving a row back its id never moves them;
- the data version: a sequence bumped after each commit.

A layer turn is only for changes confined to the layer: :func:`layer_problem` checks every
recorded change before the COMMIT, so a wrong turn is refused, never committed.
"""

from __future__ import annotations

from typing import Any

LAYER_TABLES = frozenset({"entities", "quotes", "events", "event_arguments", "stances",
                          "document_labels", "document_status", "notes"})
"""The tables whose rows belong to one layer (their ``annotator_id``)."""


def layer_problem(changes: list[dict[str, Any]], layers: set[int]) -> str | None:
    """Why the changes are not confined to ``layers`` (a table outside a layer, or a row of
    another layer), or None."""
    for change in changes:
        table = change.get("table")
        if table not in LAYER_TABLES:
            return f"{table} is not a layer's table"
        for side in ("before", "after"):
            row = change.get(side)
            if isinstance(row, dict) and row.get("annotator_id") not in layers:
                return f"a row of {table} belongs to annotator {row.get('annotator_id')}"
    return None
