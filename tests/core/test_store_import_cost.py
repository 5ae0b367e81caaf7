"""What importing the store loads (issue 12: start-up). sqlite-utils imported pandas and numpy
where they are installed (0.7 s of every start) only to map their scalar types; the store
imports it through ``lean_sqlite_utils``, which keeps them out."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "numpy", "pyarrow")


def _loaded(code: str) -> list[str]:
    probe = (f"import sys; {code}; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                          text=True, timeout=120)
    return done.stdout.split()


def test_the_store_loads_no_heavy_library() -> None:
    assert _loaded("import annotator.core.store") == []


def test_opening_a_project_loads_no_heavy_library(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.annotator"
    code = ("from annotator.core.store import Project; "
            f"Project.open({str(path)!r}, create=True, annotator='t').close()")
    assert _loaded(code) == []
