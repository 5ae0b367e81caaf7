"""Shared fixtures. Tests under tests/ui are marked ``gui`` so ``-m "not gui"`` runs headless."""

from __future__ import annotations

import os
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
