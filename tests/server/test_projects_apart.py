"""Two teams' project databases on one cluster stay apart: each project has its own group
roles, nobody else may connect to its database, and a database made with the old
cluster-wide group roles is moved to its own by ``server init``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.server.policies import LEGACY_GROUPS, groups_for
from annotator.core.server.setup import add_user, init_server, secure
from annotator.core.store import Project, ProjectError
from tests.server.conftest import Team, as_user, build_team, password_file
from tests.server.helpers import TEXT_A, span

psycopg = pytest.importorskip("psycopg")  # the server extra


@pytest.fixture
def teams(pg_template: str, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Team, Team]]:
    """Team A (alice, an annotator; dana, a curator) and team B (bob, a manager) on one
    cluster."""
    a, drop_a, lines_a = build_team(pg_template, {"alice": "annotator", "dana": "curator"})
    b, drop_b, lines_b = build_team(pg_template, {"bob": "manager"})
    password_file(tmp_path, lines_a + lines_b, monkeypatch)
    yield a, b
    drop_a()
    drop_b()


def _doc(project: Project, external_id: str) -> int:
    found = project.find_document(external_id)
    assert found is not None
    return found


def _entities(address: str) -> int:
    with psycopg.connect(address) as conn:
        row = conn.execute("SELECT count(*) FROM entities").fetchone()
    assert row is not None
    return int(row[0])


def test_an_annotator_of_one_project_cannot_reach_anothers(teams: tuple[Team, Team]) -> None:
    a, b = teams
    alice, dana = a.names["alice"], a.names["dana"]
    for name in (alice, dana):  # even with hand-written SQL: no connection at all
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(as_user(b.admin, name)).close()
        with pytest.raises(ProjectError, match="permission denied"):
            Project.open(as_user(b.admin, name), annotator=name)
    with psycopg.connect(a.people["alice"]) as sql:  # nor a role of B's to take
        database_b = b.admin.rsplit("/", 1)[1]
        for group in groups_for(database_b).by_role().values():
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                sql.execute(f'SET ROLE "{group}"'.encode())
            sql.rollback()
    with b.open("bob") as bob:  # bob of B unaffected
        bob.add_entity(_doc(bob, "a"), *span(TEXT_A, "موسكو"), "GPE")
        assert bob.validate() == []
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(as_user(a.admin, b.names["bob"])).close()
    with a.open("alice") as project:  # and alice keeps her own project
        project.add_entity(_doc(project, "a"), *span(TEXT_A, "روسيا"), "GPE")
    assert (_entities(a.admin), _entities(b.admin)) == (1, 1)


def test_a_person_of_two_projects_has_a_role_in_each(teams: tuple[Team, Team]) -> None:
    a, b = teams
    bob = b.names["bob"]
    add_user(a.admin, bob, "annotator", None)  # bob joins A as an annotator
    with Project.open(as_user(a.admin, bob), annotator=bob) as project:
        entity = project.add_entity(_doc(project, "a"), *span(TEXT_A, "موسكو"), "GPE")
    with (psycopg.connect(as_user(a.admin, bob), autocommit=True) as sql,  # annotator in A
          pytest.raises(psycopg.errors.InsufficientPrivilege, match="documents")):
        sql.execute("DELETE FROM documents")
    with psycopg.connect(as_user(b.admin, bob)) as sql:  # still manager in B
        assert sql.execute("UPDATE documents SET title = 'x'").rowcount == 2
        sql.rollback()
    with Project.open(as_user(a.admin, bob), annotator=bob) as project:
        assert [e.id for e in project.get_record(_doc(project, "a")).entities] == [str(entity)]


def test_group_names_are_per_database_and_safe() -> None:
    long = "x" * 200
    names = [*groups_for(long).by_role().values(), *groups_for('a"b; DROP').by_role().values()]
    assert all(len(n.encode()) <= 63 for n in names)
    assert groups_for("news") != groups_for("News") != groups_for("news ")
    assert groups_for("نشرة").annotator.isascii()
    assert groups_for("news") == groups_for("news")
    assert not set(groups_for("news").by_role().values()) & set(
        LEGACY_GROUPS.by_role().values())


def test_init_moves_a_project_off_the_old_cluster_wide_roles(
        pg_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, drop, lines = build_team(pg_template, {"alice": "annotator", "dana": "curator"})
    password_file(tmp_path, lines, monkeypatch)
    try:
        database = a.admin.rsplit("/", 1)[1]
        own = groups_for(database)
        with psycopg.connect(a.admin) as conn:  # as an older version left it
            secure(conn, LEGACY_GROUPS)
            for who, role in (("alice", "annotator"), ("dana", "curator")):
                name = a.names[who]
                for group in own.by_role().values():
                    conn.execute(f'REVOKE "{group}" FROM "{name}"'.encode())
                conn.execute(f'GRANT "{LEGACY_GROUPS.by_role()[role]}" TO "{name}"'.encode())
            conn.execute(f'REVOKE ALL ON DATABASE "{database}" FROM "{own.annotator}"'.encode())
            conn.commit()
        init_server(a.admin)
        with psycopg.connect(a.admin) as conn:
            legacy = conn.execute(
                "SELECT count(*) FROM pg_database d, aclexplode(d.datacl) x"
                " WHERE d.datname = current_database() AND x.grantee = %s::regrole",
                (LEGACY_GROUPS.annotator,)).fetchone()
            members = {who: conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                         (a.names[who], own.curator)).fetchone()
                       for who in ("alice", "dana")}
        assert legacy == (0,)
        assert members == {"alice": (False,), "dana": (True,)}
        with a.open("alice") as alice:
            alice.add_entity(_doc(alice, "a"), *span(TEXT_A, "موسكو"), "GPE")
        with psycopg.connect(a.people["alice"], autocommit=True) as sql:
            assert sql.execute("UPDATE entities SET label = 'LOC' WHERE annotator_id <> (SELECT"
                               " id FROM annotators WHERE name = current_user)").rowcount == 0
    finally:
        drop()
