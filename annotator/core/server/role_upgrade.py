"""Moving a project off group roles it no longer uses (run by ``server init``, in its
transaction).

Older versions gave every project on a cluster the same three groups
(:data:`.policies.LEGACY_GROUPS`), so a member of one team's group could connect to another
team's database and write there. A project now has its own groups
(:func:`.policies.groups_for`). Any other ``annotator_...`` group that still holds a
privilege in this database (the legacy ones, or the groups of the database's former name
after a rename) is a *former* group: each of its login members who is a person of this
project (an ``annotators`` row) joins the project's group of the same role, then the former
group loses every privilege here. The former groups themselves are left alone (other
projects on the cluster may still use them until ``server init`` runs there); once every
project is upgraded the DBA may drop them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.server.policies import PREFIX, ROLES, Groups, ident

if TYPE_CHECKING:
    import psycopg

GRANTEES = """
SELECT DISTINCT r.rolname FROM (
    SELECT (aclexplode(d.datacl)).grantee AS oid FROM pg_database d
     WHERE d.datname = current_database() AND d.datacl IS NOT NULL
    UNION
    SELECT (aclexplode(c.relacl)).grantee FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relacl IS NOT NULL
    UNION
    SELECT (aclexplode(n.nspacl)).grantee FROM pg_namespace n
     WHERE n.oid = current_schema()::regnamespace AND n.nspacl IS NOT NULL
) g JOIN pg_roles r ON r.oid = g.oid
WHERE NOT r.rolcanlogin ORDER BY r.rolname"""

MEMBERS = """
SELECT m.rolname FROM pg_auth_members a
  JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
 WHERE g.rolname = %s AND m.rolcanlogin
   AND m.rolname IN (SELECT name FROM annotators) ORDER BY m.rolname"""


def role_of(group: str) -> str | None:
    """The ``--role`` an annotator group role stands for (by its suffix); None for a role
    that is not an annotator group."""
    if not group.startswith(PREFIX):
        return None
    return next((role for role in ROLES if group.endswith(f"_{role}")), None)


def former_groups(conn: psycopg.Connection[Any], groups: Groups) -> dict[str, str]:
    """Annotator groups other than ``groups`` holding a privilege in this database, with
    the role each stands for."""
    own = set(groups.by_role().values())
    out: dict[str, str] = {}
    for (name,) in conn.execute(GRANTEES).fetchall():
        role = role_of(str(name))
        if role is not None and str(name) not in own:
            out[str(name)] = role
    return out


def upgrade_statements(conn: psycopg.Connection[Any], groups: Groups, database: str,
                       schema: str) -> list[str]:
    """The statements that move this project's people from its former groups to
    ``groups`` and take every privilege here from the former groups."""
    out: list[str] = []
    target = groups.by_role()
    db, sch = ident(database), ident(schema)
    for group, role in former_groups(conn, groups).items():
        for (member,) in conn.execute(MEMBERS, (group,)).fetchall():
            out.append(f"GRANT {ident(target[role])} TO {ident(str(member))}")
        former = ident(group)
        out += [f"REVOKE ALL ON DATABASE {db} FROM {former}",
                f"REVOKE ALL ON SCHEMA {sch} FROM {former}",
                f"REVOKE ALL ON ALL TABLES IN SCHEMA {sch} FROM {former}",
                f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {sch} FROM {former}",
                f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {sch} FROM {former}"]
    return out
