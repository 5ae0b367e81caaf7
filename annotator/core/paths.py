"""Where annotator keeps per-user data (the sample project), following each platform's custom.

The files shipped with the package (schema, JSON Schemas, sample corpus, names) are read
through :mod:`annotator.core.resources`."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
