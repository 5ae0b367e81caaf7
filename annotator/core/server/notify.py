"""Live updates, server side: a trigger on every table a user action changes sends one
``pg_notify`` per changed row, delivered by PostgreSQL only when (and if) the transaction
commits, in commit order.

The payload (JSON, on channel :data:`CHANNEL`) says ``t`` table, ``o`` operation (``I``,
``U``, ``D``), ``d`` document id, ``i`` row id (None for a table keyed otherwise), ``a``
the row's annotator (its layer), ``x`` the transaction id and ``r`` the committed row (the
row before a delete) when it fits in a notification (PostgreSQL's limit is 8000 bytes; a
document row, with its text, never does). :mod:`.listener` turns them into the store's
change events.
"""

from __future__ import annotations

from annotator.core.server.policies import CURATION_TABLES, LAYER_TABLES, ident

CHANNEL = "annotator_changes"
ROW_LIMIT = 6000
"""Bytes of a row's JSON sent inside the notification (above: only its id)."""
WATCHED_TABLES = ("documents", *LAYER_TABLES, *CURATION_TABLES, "assignments", "schemas")
"""Tables whose committed changes are announced."""

FUNCTION = f"""
CREATE OR REPLACE FUNCTION annotator_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  payload jsonb := jsonb_build_object(
    't', TG_TABLE_NAME, 'o', left(TG_OP, 1),
    'd', CASE WHEN TG_TABLE_NAME = 'documents' THEN r -> 'id' ELSE r -> 'doc_id' END,
    'i', r -> 'id', 'a', r -> 'annotator_id', 'x', txid_current());
BEGIN
  IF TG_TABLE_NAME <> 'documents' AND octet_length(r::text) < {ROW_LIMIT} THEN
    payload := payload || jsonb_build_object('r', r);
  END IF;
  PERFORM pg_notify('{CHANNEL}', payload::text);
  RETURN NULL;
END $$"""


def trigger_statements(tables: set[str]) -> list[str]:
    """The notifying function and one row trigger per watched table that exists (made
    again when ``server init`` runs twice)."""
    out = [FUNCTION]
    for table in WATCHED_TABLES:
        if table not in tables:
            continue
        out.append(f"DROP TRIGGER IF EXISTS annotator_notify ON {ident(table)}")
        out.append(f"CREATE TRIGGER annotator_notify AFTER INSERT OR UPDATE OR DELETE"
                   f" ON {ident(table)} FOR EACH ROW EXECUTE FUNCTION annotator_notify()")
    return out
