"""Export tests run offline: Hugging Face libraries must never reach the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.store import Project
from tests.exports.hard_cases import make_project

os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


@pytest.fixture
def project_path(project_address: Path) -> Path:
    """A project with the hard-case document and 30 small ones."""
    return make_project(project_address, fillers=30)


@pytest.fixture
def project(project_path: Path) -> Project:
    """The project, open (closed after the test)."""
    with Project.open(project_path) as opened:
        yield opened  # type: ignore[misc]
