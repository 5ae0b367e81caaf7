"""What the untrusted-row decoding (``annotator/core/store/rows.py``) costs a full read.

    python bench/row_decoding.py           # 4,000 documents x 50 entities = 200,000 entities
    python bench/row_decoding.py --quick   # 400 documents

Builds one project (bench/corpus.py texts), then, in the same run and alternating three
times, streams every record with ``Project.iter_records`` (every value checked, text decoded
by the checking ``text_factory``) and reads the same rows with plain sqlite3 (the default
``text_factory``, no checks: the baseline). Prints one JSON line per measurement and the
ratio of the best times.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.store import Project
from bench.import_export import build_entity_project


def checked(path: Path) -> int:
    with Project.open(path, annotator="bench") as project:
        return sum(len(r.entities) for r in project.iter_records())


def plain(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        texts = sum(len(t) > 0 for (t,) in conn.execute("SELECT text FROM documents"))
        rows = conn.execute('SELECT doc_id, id, start, "end", label, attrs, note, annotator_id,'
                            " schema_version FROM entities ORDER BY doc_id, start")
        count = sum(1 for r in rows if json.loads(r[5]) is not None)
        return count if texts else 0
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    docs = 400 if args.quick else 4000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.annotator"
        entities = build_entity_project(path, docs, 50)
        best = {"checked": float("inf"), "plain": float("inf")}
        for _ in range(3):
            for name, read in (("plain", plain), ("checked", checked)):
                started = time.perf_counter()
                count = read(path)
                seconds = time.perf_counter() - started
                best[name] = min(best[name], seconds)
                print(json.dumps({"read": name, "documents": docs, "entities": count,
                                  "seconds": round(seconds, 3)}))
        print(json.dumps({"entities": entities, "checked_s": round(best["checked"], 3),
                          "plain_s": round(best["plain"], 3),
                          "ratio": round(best["checked"] / best["plain"], 2)}))


if __name__ == "__main__":
    main()
