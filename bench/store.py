"""The store's own import, streaming and navigator reads against raw sqlite3, timed in one run.

    python bench/store.py            # 20,000 documents imported, 25,000 streamed, 100,000 paged
    python bench/store.py --quick    # a tenth of the sizes, for a smoke run

These were timing assertions in tests/core/test_store_import.py; the tests now check the work by
counting (statements per import, queries per stream, the navigator's query plan) and this
script prints the figures. One JSON line per measurement, then a summary. ``rate_ratio`` is
baseline seconds / our seconds (1.0: as fast as the raw baseline). The old tests wanted at least
0.5 for the import and the stream, and a navigator page (one page + one filtered count) under
500 ms at 100,000 documents.
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

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project

ROUNDS = 3
"""Each import is timed this many times (fresh files, the two contenders taking turns); the
median is reported."""

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
WORDS = ("الرئيس", "فلاديمير", "بوتين", "موسكو", "روسيا", "تدعم", "الحل", "السياسي")


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def _texts(count: int) -> list[str]:
    base = ("عواصم (وكالات) أعلن يوري اوشاكوف المسؤول في الرئاسة الروسية للصحفيين أمس، أن "
            "الكرملين يعتقد أن الزيارة المقبلة للرئيس الفرنسي خطوة لتحالف. ") * 20
    return [f"{i} {base}"[:2600] for i in range(count)]


def _raw_import(path: Path, texts: list[str]) -> float:
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT)")
    started = time.perf_counter()
    with raw:
        raw.executemany("INSERT INTO docs(text) VALUES (?)", ((t,) for t in texts))
    seconds = time.perf_counter() - started
    raw.close()
    return seconds


def _our_import(path: Path, texts: list[str]) -> float:
    with Project.open(path, create=True) as project:
        records = [DocumentRecord(id=None, text=t, title=t[:30]) for t in texts]
        started = time.perf_counter()
        report = project.import_records(records)
        seconds = time.perf_counter() - started
    assert report.imported == len(texts), report.imported
    return seconds


def bench_import(workdir: Path, docs: int) -> dict[str, object]:
    texts = _texts(docs)
    raw, ours = [], []
    for round_ in range(ROUNDS):
        raw.append(_raw_import(workdir / f"raw-{round_}.db", texts))
        ours.append(_our_import(workdir / f"ours-{round_}.db", texts))
    raw_s, ours_s = statistics.median(raw), statistics.median(ours)
    figures: dict[str, object] = {
        "bench": "store_import", "documents": docs, "rounds": ROUNDS,
        "ours_s": round(ours_s, 3), "raw_executemany_s": round(raw_s, 3),
        "rate_ratio": round(raw_s / ours_s, 3),
    }
    emit(**figures)
    return figures


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _dumps_entity(e: Entity) -> str:
    return json.dumps({"id": e.id, "start": e.start, "end": e.end, "label": e.label,
                       "attrs": e.attrs, "note": e.note, "annotator": e.annotator,
                       "schema_version": e.schema_version})


def bench_stream(workdir: Path, docs: int) -> dict[str, object]:
    spans = [_at(w) for w in WORDS]
    with Project.open(workdir / "stream.db", create=True) as project:
        project.import_records(
            DocumentRecord(id=None, text=f"{TEXT} {i}", entities=[
                Entity(f"e{k}", s, e, "PERS") for k, (s, e) in enumerate(spans)])
            for i in range(docs))
        started = time.perf_counter()
        count = sum(len(_dumps_entity(e)) > 0 for r in project.iter_records() for e in r.entities)
        ours_s = time.perf_counter() - started
        started = time.perf_counter()
        cursor = project.conn.execute(
            'SELECT id, start, "end", label, attrs, note, annotator_id, schema_version'
            " FROM entities")
        names = [d[0] for d in cursor.description]
        raw_count = sum(len(json.dumps(dict(zip(names, row, strict=True)))) > 0 for row in cursor)
        raw_s = time.perf_counter() - started
    assert count == raw_count == docs * len(WORDS), (count, raw_count)
    figures: dict[str, object] = {
        "bench": "store_stream", "documents": docs, "entities": count,
        "ours_s": round(ours_s, 3), "raw_rows_json_s": round(raw_s, 3),
        "rate_ratio": round(raw_s / ours_s, 3),
    }
    emit(**figures)
    return figures


PAGE_REPEATS = 21
"""A navigator page is timed this many times; the median is reported."""


def bench_navigator(workdir: Path, docs: int) -> dict[str, object]:
    path = workdir / "navigator.db"
    title = f"عنوان {docs // 10 - 1}"  # matches 11 titles (999, 9990..9999 for 10,000 docs)
    ours, raw = [], []
    with Project.open(path, create=True) as project:
        project.import_records(
            DocumentRecord(id=None, text=f"{TEXT} {i}", title=f"عنوان {i}") for i in range(docs))
        for _ in range(PAGE_REPEATS):
            started = time.perf_counter()
            page = project.list_documents(docs - 100, 100, status="todo")
            count = project.document_count(text=title)
            ours.append(time.perf_counter() - started)
    assert len(page) == 100
    assert count == 11, count
    conn = sqlite3.connect(path)  # the same page and count read from the table itself
    for _ in range(PAGE_REPEATS):
        started = time.perf_counter()
        rows = conn.execute("SELECT id, external_id, title, status, length FROM documents"
                            " WHERE status = 'todo' ORDER BY id LIMIT 100 OFFSET ?",
                            (docs - 100,)).fetchall()
        raw_count = conn.execute("SELECT count(*) FROM documents WHERE instr(title, ?) > 0",
                                 (title,)).fetchone()[0]
        raw.append(time.perf_counter() - started)
    conn.close()
    assert len(rows) == 100
    assert raw_count == 11, raw_count
    ours_s, raw_s = statistics.median(ours), statistics.median(raw)
    figures: dict[str, object] = {
        "bench": "store_navigator_page", "documents": docs, "repeats": PAGE_REPEATS,
        "ours_ms": round(ours_s * 1000, 2), "raw_table_page_ms": round(raw_s * 1000, 2),
        "rate_ratio": round(raw_s / ours_s, 3), "old_test_bound_ms": 500,
    }
    emit(**figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    with tempfile.TemporaryDirectory(prefix="annotator-bench-store-") as tmp:
        workdir = Path(tmp)
        imp = bench_import(workdir, 20_000 // scale)
        stream = bench_stream(workdir, 25_000 // scale)
        nav = bench_navigator(workdir, 100_000 // scale)
    emit(bench="summary", import_rate_ratio=imp["rate_ratio"],
         stream_rate_ratio=stream["rate_ratio"], navigator_page_ms=nav["ours_ms"],
         targets={"import_rate_ratio": ">= 0.5", "stream_rate_ratio": ">= 0.5",
                  "navigator_page_ms": "< 500"})


if __name__ == "__main__":
    main()
