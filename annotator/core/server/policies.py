"""Who may write what on the server: group roles, GRANTs and row-level security policies.

Three group roles PER PROJECT DATABASE (:func:`groups_for`: the names derive from the
database's name, so two teams' projects on one cluster never share a group), a login role
per person is a member of one group of each project they work in:

- ``annotator_<db>_<hash>_annotator``: reads everything; writes the rows of their OWN
  layer (the layer tables' ``annotator_id`` is the ``annotators`` row named like the
  database user, ``current_user``), their own journal entries, undo stacks and window
  state, and their own ``annotators`` row;
- ``..._curator`` (a member of the project's annotator group): also the curated layer (the
  reserved annotator ``curation``) and the curation tables (decisions, documents in
  curation);
- ``..._manager`` (a member of the project's annotator group): every row (imports,
  assignments, roles, schema changes, which rename labels in every layer).

Only the project's annotator group (and so its curators and managers) may connect to the
database (``CONNECT`` is revoked from ``PUBLIC``). Older versions used three cluster-wide
groups (:data:`LEGACY_GROUPS`); ``server init`` moves a project off them
(:mod:`.role_upgrade`).

The tables belong to the role that ran ``server init`` (the DBA), which row-level security
does not restrict. Everything is written as SQL text here; :mod:`.setup` runs it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

ROLES = ("annotator", "curator", "manager")
"""The ``--role`` names, each the suffix of its group's name."""
PREFIX = "annotator_"
SLUG_CHARS = 32
"""Characters of the database's name kept in a group's name: ``annotator_`` (10) + 32 + ``_``
+ 8 hex + ``_manager`` or ``_annotator`` (at most 10) stays within PostgreSQL's 63 bytes."""


@dataclass(frozen=True, slots=True)
class Groups:
    """The three group roles of one project."""

    annotator: str
    curator: str
    manager: str

    def by_role(self) -> dict[str, str]:
        """``--role`` name -> group role."""
        return {"annotator": self.annotator, "curator": self.curator, "manager": self.manager}


LEGACY_GROUPS = Groups("annotator_annotator", "annotator_curator", "annotator_manager")
"""The cluster-wide groups of older versions, shared by every project on the cluster."""


def groups_for(database: str) -> Groups:
    """The group roles of the project in ``database``: ``annotator_`` + the name's letters
    and digits (lower case, others as ``_``, at most 32) + 8 hex digits of its SHA-256 (two
    names that look alike stay apart) + the role. ASCII, never quoted wrongly, never longer
    than PostgreSQL's 63 bytes, never a reserved ``pg_`` name."""
    slug = re.sub(r"[^a-z0-9]+", "_", database.lower()).strip("_")[:SLUG_CHARS].strip("_")
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:8]
    stem = f"{PREFIX}{slug}_{digest}" if slug else f"{PREFIX}{digest}"
    return Groups(*(f"{stem}_{role}" for role in ROLES))


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


def literal(text: str) -> str:
    """A quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def group_statements(groups: Groups) -> list[str]:
    """Create the project's three group roles when missing and nest curator and manager
    inside annotator."""
    statements = [
        "DO $$ BEGIN"
        f" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {literal(role)}) THEN"
        f" CREATE ROLE {ident(role)} NOLOGIN; END IF; END $$"
        for role in groups.by_role().values()
    ]
    statements += [f"GRANT {ident(groups.annotator)} TO {ident(groups.curator)}",
                   f"GRANT {ident(groups.annotator)} TO {ident(groups.manager)}"]
    return statements


def _policy(table: str, name: str, command: str, role: str, using: str | None,
            check: str | None) -> str:
    sql = f"CREATE POLICY {name} ON {ident(table)} FOR {command} TO {role}"
    if using is not None:
        sql += f" USING ({using})"
    if check is not None:
        sql += f" WITH CHECK ({check})"
    return sql


def table_statements(table: str, columns: set[str], groups: Groups) -> list[str]:
    """GRANTs, ``ENABLE ROW LEVEL SECURITY`` and the policies of one table (dropped and
    made again: ``server init`` may run twice)."""
    annotator, curator, manager = (ident(g) for g in groups.by_role().values())
    out = [f"ALTER TABLE {ident(table)} ENABLE ROW LEVEL SECURITY",
           f"GRANT SELECT ON {ident(table)} TO {annotator}",
           f"GRANT SELECT, INSERT, UPDATE, DELETE ON {ident(table)} TO {manager}"]
    for name in ("read_all", "manager_all", "own_rows", "own_insert", "curated_layer",
                 "curator_all", "shared_rows"):
        out.append(f"DROP POLICY IF EXISTS {name} ON {ident(table)}")
    out.append(_policy(table, "read_all", "SELECT", "PUBLIC", "true", None))
    out.append(_policy(table, "manager_all", "ALL", manager, "true", "true"))
    own = f"annotator_id = {ME}"
    if table in LAYER_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "own_rows", "ALL", annotator, own, own))
        curated = f"annotator_id = {CURATED_ID}"
        out.append(_policy(table, "curated_layer", "ALL", curator, curated, curated))
    elif table == "journal":  # append only, under one's own name
        out.append(f"GRANT INSERT ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "own_insert", "INSERT", annotator, None, own))
    elif table in PERSONAL_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "own_rows", "ALL", annotator, own, own))
    elif table in CURATION_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {curator}")
        out.append(_policy(table, "curator_all", "ALL", curator, "true", "true"))
    elif table in SHARED_TABLES and "annotator_id" in columns:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "shared_rows", "ALL", annotator, "true", own))
    elif table in CACHE_TABLES:
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "shared_rows", "ALL", annotator, "true", "true"))
    elif table == "annotators":  # one's own row at first open; a curator's curated layer
        out.append(f"GRANT INSERT ON {ident(table)} TO {annotator}")
        out.append(_policy(table, "own_insert", "INSERT", annotator, None,
                           "name = current_user"))
        out.append(_policy(table, "curated_layer", "INSERT", curator, None,
                           f"name = '{CURATED_NAME}'"))
    return out


def database_statements(database: str, schema: str, groups: Groups) -> list[str]:
    """Nobody but the members of the groups (and the owner) connects to the project's
    database; every member reads the catalog views and uses the sequences (ids of new rows;
    an undo puts a row back under its id and moves the sequence past it; the data version
    bumped after each commit)."""
    db, sch, annotator = ident(database), ident(schema), ident(groups.annotator)
    return [f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
            f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {annotator}",
            f"GRANT USAGE ON SCHEMA {sch} TO {annotator}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {sch} TO {annotator}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {sch} TO {annotator}",
            f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {sch} TO {annotator}"]
