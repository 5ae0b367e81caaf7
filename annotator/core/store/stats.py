"""Project statistics for the CLI and the GUI's overview (counts only, no texts)."""

from __future__ import annotations

import sqlite3
from typing import Any

from annotator.core.model import STATUSES

ANNOTATION_TABLES = ("entities", "quotes", "events", "event_arguments", "stances",
                     "document_labels", "notes")


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(sql)}


def _statuses(conn: sqlite3.Connection, total: int, annotator_id: int) -> dict[str, int]:
    """Documents per status in one annotator's layer (no status row means ``todo``)."""
    per_status = dict.fromkeys(STATUSES, 0)
    per_status.update(_grouped(conn, "SELECT status, count(*) FROM document_status"
                               f" WHERE annotator_id = {int(annotator_id)} GROUP BY status"))
    per_status["todo"] += total - sum(per_status.values())
    return per_status


def layer_stats(conn: sqlite3.Connection, total: int
                ) -> tuple[dict[str, Any], dict[str, int]]:
    """Per annotator with a layer: documents per status and annotations per kind; and the
    annotations (entities, quotes, events, stances) per annotator name. One scan of each
    table."""
    layers: dict[int, dict[str, Any]] = {}
    for table in ("entities", "quotes", "events", "stances", "document_labels", "notes"):
        for who, n in conn.execute(f"SELECT annotator_id, count(*) FROM {table}"
                                   " GROUP BY annotator_id"):
            layers.setdefault(who, {})[table] = int(n)
    for (who,) in conn.execute("SELECT DISTINCT annotator_id FROM document_status"):
        layers.setdefault(who, {})
    out: dict[str, Any] = {}
    per_annotator: dict[str, int] = {}
    for who, name in conn.execute("SELECT id, name FROM annotators ORDER BY id"):
        if who in layers:
            out[str(name)] = {"documents": _statuses(conn, total, who),
                              "annotations": layers[who]}
            made = sum(layers[who].get(t, 0) for t in ("entities", "quotes", "events",
                                                        "stances"))
            if made:
                per_annotator[str(name)] = made
    return out, per_annotator


def project_stats(conn: sqlite3.Connection, annotator_id: int) -> dict[str, Any]:
    """Documents per status (in the layer of ``annotator_id``), annotations per table and
    per label/type/kind, annotations per annotator, every layer's statuses and
    annotations, journal size per kind, and the schema versions stored."""
    total = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    per_status = _statuses(conn, total, annotator_id)
    annotations = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                   for t in ANNOTATION_TABLES}
    layers, per_annotator = layer_stats(conn, total)
    journal = _grouped(conn, "SELECT kind, count(*) FROM journal GROUP BY kind")
    return {
        "documents": {"total": sum(per_status.values()), **per_status},
        "annotations": annotations,
        "entity_labels": _grouped(conn, "SELECT label, count(*) FROM entities GROUP BY label"),
        "event_types": _grouped(conn, "SELECT type, count(*) FROM events GROUP BY type"),
        "quote_kinds": _grouped(conn, "SELECT kind, count(*) FROM quotes GROUP BY kind"),
        "stance_labels": _grouped(conn, "SELECT label, count(*) FROM stances GROUP BY label"),
        "annotators": {"count": int(conn.execute("SELECT count(*) FROM annotators")
                                    .fetchone()[0]), "annotations": per_annotator},
        "layers": layers,
        "journal": {"entries": sum(journal.values()), **journal},
        "schema_versions": [int(r[0]) for r in conn.execute(
            "SELECT version FROM schemas ORDER BY version")],
    }
