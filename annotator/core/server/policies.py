"""Who may write what on the server: group roles, GRANTs and row-level security policies.

Three group roles (cluster-wide names, a login role per person is a member of one):

- ``annotator_annotator``: reads everything; writes the rows of their OWN layer (the
  layer tables' ``annotator_id`` is the ``annotators`` row named like the database user,
  ``current_user``), their own journal entries, undo stacks and window state, and their own
  ``annotators`` row;
- ``annotator_curator`` (a member of annotator): also the curated layer (the reserved
  annotator ``curation``) and the curation tables (decisions, documents in curation);
- ``annotator_manager`` (a member of annotator): every row (imports, assignments, roles,
  schema changes, which rename labels in every layer).

The tables belong to the role that ran ``server init`` (the DBA), which row-level security
does not restrict. Everything is written as SQL text here; :mod:`.setup` runs it.
"""

from __future__ import annotations

ANNOTATOR = "annotator_annotator"
CURATOR = "annotator_curator"
MANAGER = "annotator_manager"
GROUPS: dict[str, str] = {"annotator": ANNOTATOR, "curator": CURATOR, "manager": MANAGER}
"""``--role`` name -> group role."""

CURATED_NAME = "curation"
"""The reserved annotator of the curated layer (``annotator.core.store.roles.CURATED``)."""

LAYER_TABLES = ("entities", "quotes", "events", "event_arguments", "stances",
                "document_labels", "document_status", "notes")
"""Rows of one annotator's layer (``annotator_id``): its owner, a curator for the curated
layer, a manager."""
PERSONAL_TABLES = ("journal", "undo_stack", "ui_state", "recommender_reviews")
"""Rows of the person acting (``annotator_id``): only their own (journal: append only; a
recommender suggestion accepted or rejected is one annotator's review, format 9)."""
CURATION_TABLES = ("curation_decisions", "curation_documents")
SHARED_TABLES = ("lexicon_disabled",)
"""Written by every annotator (a name turned off for the whole project), inserted under
their own id."""
CACHE_TABLES = ("search_text", "recommender_models", "recommender_suggestions")
"""Derived data any reader may have to bring up to date (the concordance's folded copies,
indexed lazily by the first search; the recommender's models, retrained in the background by
whoever's app sees enough new documents, and its stored suggestions): written by everyone,
never the source of a stored annotation."""

ME = "(SELECT a.id FROM annotators a WHERE a.name = current_user)"
CURATED_ID = f"(SELECT a.id FROM annotators a WHERE a.name = '{CURATED_NAME}')"


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def group_statements() -> list[str]:
    """Create the three group roles when missing (a second project on the same cluster
    shares them) and nest curator and manager inside annotator."""
    statements = [
        "DO $$ BEGIN"
        f" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN"
        f" CREATE ROLE {role} NOLOGIN; END IF; END $$"
        for role in (ANNOTATOR, CURATOR, MANAGER)
    ]
    statements += [f"GRANT {ANNOTATOR} TO {CURATOR}", f"GRANT {ANNOTATOR} TO {MANAGER}"]
    return statements


def _policy(table: str, name: str, command: str, role: str, using: str | None,
            check: str | None) -> str:
    sql = f"CREATE POLICY {name} ON {ident(table)} FOR {command} TO {role}"
    if using is not None:
        sql += f" USING ({using})"
    if check is not None:
        sql += f" WITH CHECK ({check})"
    return sql


def table_statements(table: str, columns: set[str]) -> list[str]:
    """GRANTs, ``ENABLE ROW LEVEL SECURITY`` and the policies of one table (dropped and
    made again: ``server init`` may run twice)."""
    out = [f"ALTER TABLE {ident(table)} ENABLE ROW LEVEL SECURITY",
           f"GRANT SELECT ON {ident(table)} TO {ANNOTATOR}",
           f"GRANT SELECT, INSERT, UPDATE, DELETE ON {ident(table)} TO {MANAGER}"]
    for name in ("read_all", "manager_all", "own_rows", "own_insert", "curated_layer",
                 "curator_all", "shared_rows"):
        out.append(f"DROP POLICY IF EXISTS {name} ON {ident(table)}")
    out.append(_policy(table, "read_all", "SELECT", "PUBLIC", "true", None))
    out.append(_policy(table, "manager_all", "ALL", MANAGER, "true", "true"))
    own = f"annotator_id = {ME}"
    if table in LAYER_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "own_rows", "ALL", ANNOTATOR, own, own))
        curated = f"annotator_id = {CURATED_ID}"
        out.append(_policy(table, "curated_layer", "ALL", CURATOR, curated, curated))
    elif table == "journal":  # append only, under one's own name
        out.append(f"GRANT INSERT ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "own_insert", "INSERT", ANNOTATOR, None, own))
    elif table in PERSONAL_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "own_rows", "ALL", ANNOTATOR, own, own))
    elif table in CURATION_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {CURATOR}")
        out.append(_policy(table, "curator_all", "ALL", CURATOR, "true", "true"))
    elif table in SHARED_TABLES and "annotator_id" in columns:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "shared_rows", "ALL", ANNOTATOR, "true", own))
    elif table in CACHE_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "shared_rows", "ALL", ANNOTATOR, "true", "true"))
    elif table == "annotators":  # one's own row at first open; a curator's curated layer
        out.append(f"GRANT INSERT ON {ident(table)} TO {ANNOTATOR}")
        out.append(_policy(table, "own_insert", "INSERT", ANNOTATOR, None,
                           "name = current_user"))
        out.append(_policy(table, "curated_layer", "INSERT", CURATOR, None,
                           f"name = '{CURATED_NAME}'"))
    return out


def database_statements(database: str, schema: str) -> list[str]:
    """Nobody but the members of the groups (and the owner) connects to the project's
    database; every member reads the catalog views and uses the sequences (ids of new rows;
    an undo puts a row back under its id and moves the sequence past it; the data version
    bumped after each commit)."""
    db, sch = ident(database), ident(schema)
    return [f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
            f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {ANNOTATOR}",
            f"GRANT USAGE ON SCHEMA {sch} TO {ANNOTATOR}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {sch} TO {ANNOTATOR}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {sch} TO {ANNOTATOR}",
            f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {sch} TO {ANNOTATOR}"]
