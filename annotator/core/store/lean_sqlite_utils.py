"""``sqlite_utils`` without its optional pandas and numpy imports.

``sqlite_utils.db`` tries ``import pandas`` and ``import numpy`` when it is first imported, only
to map their scalar types to column types, which the store never uses. Where pandas is installed
that costs about 0.7 s of every start (issue 12). The first import here runs with a finder in
front of ``sys.meta_path`` that answers "not installed" for those two names, then removes it, so
a later ``import pandas`` anywhere works as usual. When sqlite_utils (or pandas) was imported
before, nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

OPTIONAL = frozenset({"pandas", "numpy"})
"""Top-level packages sqlite_utils imports only if they are there."""


class _NotInstalled:
    """A meta path finder that reports the optional packages as missing."""

    @staticmethod
    def find_spec(name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name.partition(".")[0] in OPTIONAL:
            raise ModuleNotFoundError(f"{name} is kept out of sqlite_utils", name=name)
        return None


def _import_sqlite_utils() -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    finder = _NotInstalled()
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(finder)
    return sqlite_utils


_import_sqlite_utils()

from sqlite_utils import Database  # noqa: E402  (after the import above, on purpose)

__all__ = ["Database"]
