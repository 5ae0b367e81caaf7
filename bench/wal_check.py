"""Cost of checking that a ``-wal`` belongs to its project, against SQLite reading the same
WAL, both timed in the same run.

    python bench/wal_check.py            # a WAL of about 40 MB (one import, writer killed)
    python bench/wal_check.py --mb 4     # a WAL of the usual size (autocheckpoint: 1000 pages)
    python bench/wal_check.py --quick    # the same as --mb 4 (a smoke run)

Prints one JSON line: WAL size, the check's time (``wal_problem``: header, frames and their
checksums in Python), the baseline (a read-only ``sqlite3`` connection that recovers the
same WAL into a fresh ``-shm`` and counts the documents) and the ratio check / baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.store.wal import wal_problem

WRITER = """
import os, sys
from annotator.core.store import Project
from annotator.core.model import DocumentRecord
project = Project.open(sys.argv[1], create=True, annotator='bench')
size = int(sys.argv[2]) << 20
text = 'كلمة عربية ' * 200
records = [DocumentRecord(id=f'd{i}', text=f'{i} {text}') for i in range(size // 4000)]
project.import_records(records)
os._exit(0)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a WAL of about 4 MB")
    parser.add_argument("--mb", type=int, help="WAL size in MB (default 40; 4 with --quick)")
    args = parser.parse_args()
    if args.mb is None:
        args.mb = 4 if args.quick else 40
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.annotator"
        env = {**os.environ, "PYTHONPATH": str(root)}
        subprocess.run([sys.executable, "-c", WRITER, str(path), str(args.mb)], check=True,
                       env=env)
        wal = Path(f"{path}-wal")
        started = time.perf_counter()
        verdict = wal_problem(path)
        check = time.perf_counter() - started
        Path(f"{path}-shm").unlink(missing_ok=True)  # make SQLite recover the WAL too
        started = time.perf_counter()
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
        baseline = time.perf_counter() - started
        print(json.dumps({"wal_mb": round(wal.stat().st_size / 2**20, 1),
                          "documents": documents, "verdict": verdict,
                          "check_s": round(check, 3), "sqlite_recovery_s": round(baseline, 3),
                          "ratio": round(check / baseline, 1)}))
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
