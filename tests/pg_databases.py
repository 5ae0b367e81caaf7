"""Throwaway PostgreSQL databases for the tests on both engines (tests/conftest.py)."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

TEMPLATE = f"annotator_tpl_{os.getpid()}"


def with_database(address: str, name: str) -> str:
    """``address`` naming database ``name`` instead of its own."""
    parts = urlsplit(address)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _admin(address: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(address, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]  # statements built here


def make_template(admin: str) -> str:
    """Create this run's template database with the project tables; returns its address."""
    from annotator.core.store.engines.server import open_database

    _admin(admin, f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)',
           f'CREATE DATABASE "{TEMPLATE}"')
    address = with_database(admin, TEMPLATE)
    open_database(address, create=True).db.close()
    return address


def drop_template(admin: str) -> None:
    """Drop this run's template database (the end of the test session)."""
    _admin(admin, f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')


def fresh_database(admin: str, template: str) -> tuple[str, Callable[[], None]]:
    """A new database copied from ``template``, and the function that drops it."""
    name = f"annotator_t_{uuid.uuid4().hex[:12]}"
    source = urlsplit(template).path[1:]
    _admin(admin, f'CREATE DATABASE "{name}" TEMPLATE "{source}" STRATEGY FILE_COPY')

    def drop() -> None:
        _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return with_database(admin, name), drop


def skip_on_server(address: object, why: str) -> None:
    """Skip a test of ``address`` when it is a PostgreSQL database: the test is about the
    SQLite file itself (``why``)."""
    import pytest

    if isinstance(address, str) and address.startswith("postgresql://"):
        pytest.skip(f"SQLite only: {why}")


@contextmanager
def open_db(address: object) -> Iterator[Any]:
    """A plain connection to a test's project on either engine (sqlite3's, or the store's
    PostgreSQL adapter with the same API), committed and closed at the end."""
    if isinstance(address, str) and address.startswith("postgresql://"):
        from annotator.core.store.engines.postgres import connect_server

        conn: Any = connect_server(address).conn
    else:
        conn = sqlite3.connect(str(address), isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()
