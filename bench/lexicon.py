"""Building the project-wide name lexicon (issue 11) on a large project.

    python bench/lexicon.py                  # 20,000 documents, 50 entities each (1,000,000)
    python bench/lexicon.py --quick          # 2,000 documents (a smoke run)
    python bench/lexicon.py --docs 5000      # another size

The app builds the lexicon once per project after the first paint. Printed figures (JSON
lines): the project build, ``build_project_lexicon`` (shipped names + gazetteer + every
annotated name, less the turned-off ones), its baseline (plain sqlite3 reading the texts
that have entities and the entity rows, nothing else) and the ratio, the shipped names
alone, and the one-query alternative (SQL substr per entity) that the store does not use.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.lexicon import build_project_lexicon, shipped_names
from annotator.core.store import Project
from annotator.core.text import NameLexicon
from bench.import_export import build_entity_project

ROUNDS = 3
SUBSTR_QUERY = ('SELECT substr(d.text, e.start + 1, e."end" - e.start) AS name, e.label,'
                " COUNT(*) FROM entities e JOIN documents d ON d.id = e.doc_id"
                " GROUP BY name, e.label")


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def _raw(path: Path) -> float:
    """The reads that cannot be avoided: every text with entities and every entity row."""
    conn = sqlite3.connect(path)
    try:
        began = time.perf_counter()
        for _row in conn.execute("SELECT id, text FROM documents"
                                 " WHERE id IN (SELECT doc_id FROM entities) ORDER BY id"):
            pass
        for _row in conn.execute('SELECT doc_id, start, "end", label FROM entities'
                                 " ORDER BY doc_id"):
            pass
        return time.perf_counter() - began
    finally:
        conn.close()


def _substr(path: Path) -> float:
    """The one-query alternative: SQL substr per entity, grouped in SQL."""
    conn = sqlite3.connect(path)
    try:
        began = time.perf_counter()
        conn.execute(SUBSTR_QUERY).fetchall()
        return time.perf_counter() - began
    finally:
        conn.close()


def _ours(path: Path) -> tuple[float, int]:
    with Project.open(path, annotator="bench") as project:
        began = time.perf_counter()
        lexicon = build_project_lexicon(project)
        return time.perf_counter() - began, len(lexicon.names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 documents")
    parser.add_argument("--docs", type=int, help="documents (default 20,000; 2,000 with --quick)")
    parser.add_argument("--per-doc", type=int, default=50)
    args = parser.parse_args()
    if args.docs is None:
        args.docs = 2_000 if args.quick else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lexicon.annotator"
        began = time.perf_counter()
        entities = build_entity_project(path, args.docs, args.per_doc)
        emit(step="project", docs=args.docs, entities=entities,
             seconds=round(time.perf_counter() - began, 1))
        began = time.perf_counter()
        shipped = NameLexicon()
        for name, label in shipped_names():
            shipped.add_name(name, label)
        emit(step="shipped names alone", names=len(shipped.names),
             seconds=round(time.perf_counter() - began, 3))
        raw, ours, names = [], [], 0
        for _round in range(ROUNDS):
            raw.append(_raw(path))
            seconds, names = _ours(path)
            ours.append(seconds)
        raw_s, ours_s = statistics.median(raw), statistics.median(ours)
        emit(step="build_project_lexicon", names=names, ours_s=round(ours_s, 3),
             raw_reads_s=round(raw_s, 3), ratio_ours_to_raw=round(ours_s / raw_s, 2))
        emit(step="one SQL substr query instead", seconds=round(_substr(path), 3))


if __name__ == "__main__":
    main()
