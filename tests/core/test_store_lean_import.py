"""Opening the store must not import sqlite_utils' optional pandas/numpy (issue 12: 0.7 s of
start-up where pandas is installed), and must leave them importable afterwards."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("pandas") is None,
                                reason="pandas is not installed: nothing to keep out")


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, timeout=120)
    return done.stdout.strip()


def test_store_import_leaves_pandas_and_numpy_unloaded() -> None:
    loaded = _run("import sys, annotator.core.store; "
                  "print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))")
    assert loaded == "[]"


def test_pandas_still_imports_after_the_store() -> None:
    assert _run("import annotator.core.store, pandas, sqlite_utils; "
                "print(pandas.__name__, sqlite_utils.Database.__name__)") == "pandas Database"
