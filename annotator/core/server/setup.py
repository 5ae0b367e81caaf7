"""``annotator server init`` and ``server add-user``: a project database made ready for a
team, run by the database's owner (the DBA).

:func:`init_server` creates the project's tables through the store (``Project.open(...,
create=True)``), then in ONE transaction the project's own group roles, GRANTs, row-level
security policies (:mod:`.policies`) and the live-update triggers (:mod:`.notify`); running
it again brings an older database up to date (its people moved off the cluster-wide groups
of older versions: :mod:`.role_upgrade`). :func:`add_user` creates a person's login role (or
finds it: one login may work in several projects) in one group of ONE project, with their
``annotators`` row (and ``roles`` row for a curator or a manager). A
password is sent to the server only as a SCRAM verifier computed here (libpq's
``PQencryptPasswordConn``): the clear text is in no statement, server log or message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.server.notify import trigger_statements
from annotator.core.server.policies import (
    CURATED_NAME,
    ROLES,
    Groups,
    database_statements,
    group_statements,
    groups_for,
    table_statements,
)
from annotator.core.server.role_upgrade import upgrade_statements
from annotator.core.store.engines.address import redact
from annotator.core.store.engines.postgres import import_psycopg
from annotator.core.store.errors import ProjectError
from annotator.core.store.timeutil import utc_now

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class InitReport:
    """What ``server init`` set up."""

    database: str
    tables: tuple[str, ...]
    created_schema: bool
    groups: Groups


def connect(address: str) -> psycopg.Connection[Any]:
    """A psycopg connection (not autocommit) to ``address``; a failure is a ProjectError
    naming the address without its password."""
    pg = import_psycopg()
    try:
        conn: psycopg.Connection[Any] = pg.connect(address)
    except pg.Error as exc:
        raise ProjectError(f"{redact(address)}: cannot connect ({_one_line(exc)})") from None
    return conn


def _one_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _tables(conn: psycopg.Connection[Any]) -> dict[str, set[str]]:
    rows = conn.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c"
        " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
        " AND t.table_name = c.table_name"
        " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'").fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(str(table), set()).add(str(column))
    return tables


def create_schema(address: str) -> bool:
    """The project's tables through the store's engine; True when they were created now."""
    from annotator.core.store import Project

    with Project.open(address, create=True) as project:
        return bool(project.created)


def _where(conn: psycopg.Connection[Any]) -> tuple[str, str]:
    row = conn.execute("SELECT current_database(), current_schema()").fetchone()
    assert row is not None
    return str(row[0]), str(row[1])


def secure(conn: psycopg.Connection[Any], groups: Groups | None = None) -> InitReport:
    """Roles, GRANTs, policies and triggers over the tables of ``conn``'s database, in the
    caller's transaction; ``groups`` the project's own (:func:`groups_for`) unless given
    (tests make an older version's layout with the legacy ones). People of groups the project
    no longer uses are moved to its own."""
    database, schema = _where(conn)
    groups = groups or groups_for(database)
    tables = _tables(conn)
    if "annotators" not in tables or "journal" not in tables:
        raise ProjectError(f"database {database}: not an annotator project (no annotators"
                           " or journal table)")
    statements = [*group_statements(groups), *database_statements(database, schema, groups)]
    for table in sorted(tables):
        statements += table_statements(table, tables[table], groups)
    statements += trigger_statements(set(tables))
    for statement in statements:
        conn.execute(statement.encode())
    for statement in upgrade_statements(conn, groups, database, schema):
        conn.execute(statement.encode())
    _trigram_index(conn)
    return InitReport(database, tuple(sorted(tables)), False, groups)


def _trigram_index(conn: psycopg.Connection[Any]) -> None:
    """The concordance's trigram index (:mod:`annotator.core.store.search_trigram`) when the
    server has ``pg_trgm``; a refusal (an extension policy) leaves searches scanning."""
    from annotator.core.store.search_trigram import HAS_INDEX, STATEMENTS, may_create

    if conn.execute(HAS_INDEX).fetchone() is not None or not may_create(conn):
        return
    pg = import_psycopg()
    try:
        with conn.transaction():  # a savepoint: the rest of init stands either way
            for statement in STATEMENTS:
                conn.execute(statement.encode())
    except pg.Error as exc:
        log.warning("no trigram index for the concordance (%s)", _one_line(exc))


def ensure_database(address: str) -> bool:
    """Create the database ``address`` names when the server has none of that name
    (through the server's ``postgres`` database, as the same user); True when created."""
    pg = import_psycopg()
    from psycopg import conninfo, sql

    try:
        pg.connect(address).close()
        return False
    except pg.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise ProjectError(f"{redact(address)}: cannot connect ({_one_line(exc)})") from None
    params = conninfo.conninfo_to_dict(address)
    name = str(params.get("dbname") or "")
    if not name:
        raise ProjectError(f"{redact(address)}: the address names no database")
    params["dbname"] = "postgres"
    try:
        with pg.connect(conninfo.make_conninfo("", **params), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except pg.Error as exc:
        raise ProjectError(f"{redact(address)}: cannot create the database"
                           f" ({_one_line(exc)})") from None
    return True


def init_server(address: str) -> InitReport:
    """``annotator server init ADDRESS``: the database when missing, the schema, then roles,
    policies and triggers."""
    ensure_database(address)
    created = create_schema(address)
    with connect(address) as conn:
        try:
            report = secure(conn)
        except Exception as exc:
            conn.rollback()
            if isinstance(exc, ProjectError):
                raise
            raise ProjectError(f"{redact(address)}: server init failed"
                               f" ({_one_line(exc)})") from None
        conn.commit()
    return InitReport(report.database, report.tables, created, report.groups)


def add_user(address: str, name: str, role: str, password: str | None) -> None:
    """Create (or update) the login role ``name`` as a member of ``role``'s group of the
    project at ``address`` (their groups in other projects are left as they are), with
    their ``annotators`` row; ``password`` None leaves the password to the DBA (or to
    another authentication method). A curator or manager also gets the project's
    ``roles`` row, so the app offers what the server allows."""
    import_psycopg()
    from psycopg import sql

    if role not in ROLES:
        raise ProjectError(f"unknown role {role!r} (one of: {', '.join(ROLES)})")
    if name == CURATED_NAME or not name.strip():
        raise ProjectError(f"{name!r} cannot be a person's name")
    with connect(address) as conn:
        try:
            groups = _project_groups(conn, address)
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                  (name,)).fetchone() is not None
            who = sql.Identifier(name)
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(who))
            if password is not None:
                verifier = conn.pgconn.encrypt_password(
                    password.encode(), name.encode(), b"scram-sha-256")
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    who, sql.Literal(verifier.decode())))
            mine = groups.by_role()
            for group in mine.values():  # one group: a changed role replaces the old one
                if group != mine[role]:
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), who))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(mine[role]), who))
            _project_rows(conn, name, role)
        except Exception as exc:
            conn.rollback()
            if isinstance(exc, ProjectError):
                raise
            message = _one_line(exc)
            if password:
                message = message.replace(password, "***")
            raise ProjectError(f"{redact(address)}: cannot add {name}: {message}") from None
        conn.commit()
    log.info("server user %s added as %s", name, role)


def _project_groups(conn: psycopg.Connection[Any], address: str) -> Groups:
    """The groups of the project ``conn`` is connected to; refused until ``server init``
    made them (a project of an older version had cluster-wide groups)."""
    groups = groups_for(_where(conn)[0])
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                    (groups.annotator,)).fetchone() is None:
        raise ProjectError(f"{redact(address)}: the project has no roles of its own yet; run"
                           f" `annotator server init {redact(address)}` first")
    return groups


def _annotator_row(conn: psycopg.Connection[Any], name: str) -> int:
    row = conn.execute("SELECT id FROM annotators WHERE name = %s", (name,)).fetchone()
    if row is None:
        row = conn.execute("INSERT INTO annotators(name, created) VALUES (%s, %s)"
                           " RETURNING id", (name, utc_now())).fetchone()
    assert row is not None
    return int(row[0])


def _project_rows(conn: psycopg.Connection[Any], name: str, role: str) -> None:
    """The person's ``annotators`` row and, for a curator or manager, the ``roles`` row
    (granted by the DBA's own annotator row)."""
    person = _annotator_row(conn, name)
    conn.execute("DELETE FROM roles WHERE annotator_id = %s", (person,))
    if role == "annotator":
        return
    granter = _annotator_row(conn, str(conn.execute("SELECT current_user").fetchone()[0]))  # type: ignore[index]
    conn.execute("INSERT INTO roles(annotator_id, role, granted_by, granted)"
                 " VALUES (%s, %s, %s, %s)", (person, role, granter, utc_now()))
