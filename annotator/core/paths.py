"""Where annotator keeps per-user data (the sample project), following each platform's custom."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The source tree's top folder: resources/ and corpora/ in a checkout or editable install."""


def user_data_dir(env: dict[str, str] | None = None, platform: str | None = None) -> Path:
    """``%APPDATA%\\annotator`` on Windows, ``~/Library/Application Support/annotator`` on macOS,
    ``$XDG_DATA_HOME/annotator`` (default ``~/.local/share/annotator``) elsewhere."""
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "annotator"


def resources_dir() -> Path:
    """The ``resources/`` folder (schema, JSON Schema of the export format)."""
    return REPO_ROOT / "resources"


def corpora_dir() -> Path:
    """The ``corpora/`` folder with the bundled sample corpus."""
    return REPO_ROOT / "corpora"
