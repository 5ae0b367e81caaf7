"""Fixtures for every GUI test: isolated QSettings (never the user's real file)."""

from tests.ui.workbench_fixtures import isolated_settings, project_path  # noqa: F401
