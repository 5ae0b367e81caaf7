"""Shared fixtures. Tests under tests/ui are marked ``gui`` so ``-m "not gui"`` runs headless."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.seed_path import SEED as SEED_ARTICLE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def seed_article() -> Path:
    """The real news article in ../shared/seed (third-party: read in place, never copied)."""
    if not SEED_ARTICLE.exists():
        pytest.skip("shared/seed/news-article-ar.txt is not beside this checkout")
    return SEED_ARTICLE


# -- both engines (issue 15, docs/ENGINES.md) ---------------------------------------------------

PG_ENV = "ANNOTATOR_TEST_PG"
"""The address of a PostgreSQL server whose role may create databases (``.ci/postgres``)."""


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The address of a template database holding the project tables (no project yet): each
    PostgreSQL test copies it (``CREATE DATABASE ... TEMPLATE``), much faster than the DDL."""
    from tests.pg_databases import drop_template, make_template

    admin = os.environ.get(PG_ENV, "").strip()
    if not admin:
        pytest.skip(f"no PostgreSQL server configured: set {PG_ENV}=postgresql://... "
                    "(eval \"$(.ci/postgres start)\", docs/ENGINES.md)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'annotator[server]')")
    yield make_template(admin)
    drop_template(admin)


@pytest.fixture(params=["sqlite", "postgres"])
def project_address(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """Where a test's project lives: a file in ``tmp_path`` (``sqlite``), or a fresh database
    copied from the template (``postgres``; skipped without a server). Give it to
    ``Project.open(..., create=True)`` or to a CLI command as PROJECT."""
    if request.param == "sqlite":
        yield tmp_path / "p.db"
        return
    from tests.pg_databases import fresh_database

    template = request.getfixturevalue("pg_template")
    address, drop = fresh_database(os.environ[PG_ENV].strip(), template)
    yield address
    drop()
