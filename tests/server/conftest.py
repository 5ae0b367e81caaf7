"""A project database made ready by ``server init``, with people added, for the server tests
(PostgreSQL only: skipped without ``ANNOTATOR_TEST_PG``, like the engine's ``postgres``
cases)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from annotator.core.server.setup import add_user, init_server
from annotator.core.store import Project
from tests.conftest import PG_ENV
from tests.server.helpers import TEXT_A, TEXT_B


def as_user(address: str, name: str) -> str:
    """``address`` logging in as ``name`` (no password: it is in the password file)."""
    parts = urlsplit(address)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"{name}@{host}", parts.path, parts.query, parts.fragment))


@dataclass(frozen=True, slots=True)
class Team:
    """A project on the server: the owner's address and one address per person."""

    admin: str
    people: dict[str, str]
    """Role name in the test (alice, bob, dana) -> their address."""
    names: dict[str, str]
    """Role name in the test -> their (unique) database user and annotator name."""

    def open(self, who: str, **kwargs: object) -> Project:
        return Project.open(self.people[who], annotator=self.names[who], **kwargs)  # type: ignore[arg-type]


def build_team(template: str, roles: dict[str, str] | None = None,
               ) -> tuple[Team, Callable[[], None], list[str]]:
    """``server init`` on a fresh database, people added with their roles (by default two
    annotators, alice and bob, and a curator, dana), two documents imported by the owner.
    Returns the team, the function that drops its database, and the password-file lines."""
    from annotator.core.model import DocumentRecord
    from tests.pg_databases import fresh_database

    roles = roles or {"alice": "annotator", "bob": "annotator", "dana": "curator"}
    admin, drop = fresh_database(os.environ[PG_ENV].strip(), template)
    init_server(admin)
    suffix = uuid.uuid4().hex[:6]
    names = {who: f"{who}_{suffix}" for who in roles}
    lines = []
    for who, name in names.items():
        password = f"pw-{who}-{uuid.uuid4().hex}"
        add_user(admin, name, roles[who], password)
        lines.append(f"*:*:*:{name}:{password}")
    with Project.open(admin) as owner:
        owner.import_records([DocumentRecord(id="a", text=TEXT_A),
                              DocumentRecord(id="b", text=TEXT_B)])
    return Team(admin, {who: as_user(admin, n) for who, n in names.items()}, names), drop, lines


def password_file(folder: Path, lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The people's passwords in a password file, as a desktop would keep them."""
    passfile = folder / "pgpass"
    passfile.write_text("\n".join(lines) + "\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))


@pytest.fixture
def team(pg_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    """``server init`` on a fresh database, two annotators and a curator added (passwords in
    a password file, as a desktop would keep them), two documents imported by the owner."""
    made, drop, lines = build_team(pg_template)
    password_file(tmp_path, lines, monkeypatch)
    yield made
    drop()
