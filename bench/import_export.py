"""Import and export throughput against raw baselines measured in the same run.

    python bench/import_export.py                 # full size: 20,000 documents, 1,000,000 entities
    python bench/import_export.py --quick         # a small smoke run

Prints one JSON line per measurement and a final summary line. Targets (issue #2):
import rate >= 0.5 x raw sqlite3.executemany of the same texts; canonical export rate >= 0.5 x a raw
json dump of the same rows; export peak memory flat across two corpus sizes (streaming).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.exports import export_canonical
from annotator.core.importing import import_paths
from annotator.core.store import Project
from bench.corpus import generate_texts, with_entities, write_jsonl


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


ROUNDS = 3
"""Import timings are the median of this many rounds, each into a fresh database file, the three
contenders taking turns so that disk-cache and background noise fall on all of them alike."""


def _raw_in_memory(path: Path, texts: list[str]) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table documents (id integer primary key, external_id text, text text)")
    with conn:
        conn.executemany(
            "insert into documents (external_id, text) values (?, ?)",
            ((f"bench-{i:06d}", t) for i, t in enumerate(texts)),
        )
    conn.close()
    return time.perf_counter() - started


def _raw_from_file(path: Path, source: Path) -> float:
    """The same raw insert starting from the same file as ours: read, json.loads, executemany."""
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table documents (id integer primary key, external_id text, text text)")
    with conn, source.open("rb") as lines:
        conn.executemany(
            "insert into documents (external_id, text) values (?, ?)",
            ((obj["id"], obj["text"]) for obj in map(json.loads, lines)),
        )
    conn.close()
    return time.perf_counter() - started


def _ours(path: Path, source: Path, docs: int) -> float:
    started = time.perf_counter()
    with Project.open(path, create=True, annotator="bench") as project:
        result = import_paths(project, [source], fmt="canonical")
    seconds = time.perf_counter() - started
    assert len(result.imported) == docs, (len(result.imported), docs)
    return seconds


def bench_import(workdir: Path, docs: int) -> dict[str, float]:
    source = workdir / "corpus.jsonl"
    size = write_jsonl(source, generate_texts(docs))
    texts = list(generate_texts(docs))
    raw, raw_file, ours = [], [], []
    for round_ in range(ROUNDS):
        raw.append(_raw_in_memory(workdir / f"raw-{round_}.sqlite", texts))
        raw_file.append(_raw_from_file(workdir / f"raw-file-{round_}.sqlite", source))
        ours.append(_ours(workdir / f"import-{round_}.annotator", source, docs))
    raw_seconds, raw_file_seconds, ours_seconds = (
        statistics.median(raw),
        statistics.median(raw_file),
        statistics.median(ours),
    )
    figures = {
        "bench": "import",
        "documents": docs,
        "megabytes": round(size / 1e6, 1),
        "rounds": ROUNDS,
        "ours_s": round(ours_seconds, 2),
        "raw_executemany_s": round(raw_seconds, 2),
        "ours_docs_per_s": round(docs / ours_seconds),
        "raw_docs_per_s": round(docs / raw_seconds),
        "rate_ratio": round(raw_seconds / ours_seconds, 3),
        "raw_from_file_s": round(raw_file_seconds, 2),
        "rate_ratio_vs_raw_from_file": round(raw_file_seconds / ours_seconds, 3),
    }
    emit(**figures)
    return figures


def build_entity_project(path: Path, docs: int, per_doc: int) -> int:
    rng = random.Random(11)
    records = (
        with_entities(text, n, per_doc, rng)
        for n, text in enumerate(generate_texts(docs, chars=1800, seed=3))
    )
    with Project.open(path, create=True, annotator="bench") as project:
        project.import_records(records)
        return int(project.stats()["annotations"]["entities"])


def raw_dump(path: Path, out: Path) -> None:
    """Baseline: the same rows streamed with plain sqlite3, json.dumps one line per document."""
    conn = sqlite3.connect(path)
    docs = conn.execute("select id, external_id, text from documents order by id")
    ents = conn.execute(
        'select doc_id, id, start, "end", label, attrs from entities order by doc_id, start'
    )
    pending = next(ents, None)
    with out.open("w", encoding="utf-8") as sink:
        for doc_id, external_id, text in docs:
            entities = []
            while pending is not None and pending[0] == doc_id:
                _, eid, start, end, label, attrs = pending
                entities.append(
                    {
                        "id": f"e{eid}",
                        "start": start,
                        "end": end,
                        "label": label,
                        "text": text[start:end],
                        "attrs": json.loads(attrs or "{}"),
                    }
                )
                pending = next(ents, None)
            sink.write(
                json.dumps(
                    {"id": external_id, "text": text, "entities": entities}, ensure_ascii=False
                )
            )
            sink.write("\n")
    conn.close()


def bench_export(workdir: Path, docs: int, per_doc: int) -> dict[str, float]:
    path = workdir / "entities.annotator"
    entities = build_entity_project(path, docs, per_doc)
    started = time.perf_counter()
    raw_dump(path, workdir / "raw.jsonl")
    raw_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with Project.open(path, annotator="bench") as project:
        export_canonical(project, str(workdir / "ours.jsonl"))
    ours_seconds = time.perf_counter() - started
    figures = {
        "bench": "export",
        "documents": docs,
        "entities": entities,
        "ours_s": round(ours_seconds, 2),
        "raw_json_dump_s": round(raw_seconds, 2),
        "ours_entities_per_s": round(entities / ours_seconds),
        "raw_entities_per_s": round(entities / raw_seconds),
        "rate_ratio": round(raw_seconds / ours_seconds, 3),
    }
    emit(**figures)
    return figures


_PEAK_CHILD = """
import sys, tracemalloc
sys.path.insert(0, {root!r})
from annotator.core.exports import export_canonical
from annotator.core.store import Project


def hwm_kib():
    # VmHWM (peak resident memory) restarts at exec; ru_maxrss would include the parent's.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


with Project.open({path!r}, annotator="bench") as project:
    rss_before = hwm_kib()
    tracemalloc.start()
    export_canonical(project, {out!r})
    peak = tracemalloc.get_traced_memory()[1]
    rss_after = hwm_kib()
print(peak, rss_after - rss_before, rss_after)
"""


def export_peak(path: Path, out: Path) -> tuple[int, int, int]:
    """(Python peak bytes, growth of the process's max RSS in KiB, max RSS in KiB) of one export."""
    code = _PEAK_CHILD.format(
        root=str(Path(__file__).resolve().parents[1]), path=str(path), out=str(out)
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    peak, growth, rss = result.stdout.strip().splitlines()[-1].split()
    return int(peak), int(growth), int(rss)


def bench_memory(workdir: Path, docs: int, per_doc: int) -> dict[str, object]:
    peaks: dict[int, tuple[int, int, int]] = {}
    for size in (docs, docs * 2):
        path = workdir / f"memory-{size}.annotator"
        build_entity_project(path, size, per_doc)
        peaks[size] = export_peak(path, workdir / f"memory-{size}.jsonl")
    small, large = peaks[docs], peaks[docs * 2]
    figures: dict[str, object] = {
        "bench": "export_memory",
        "documents": [docs, docs * 2],
        "python_peak_mib": [round(small[0] / 2**20, 2), round(large[0] / 2**20, 2)],
        "rss_growth_mib": [round(small[1] / 1024, 1), round(large[1] / 1024, 1)],
        "peak_rss_mib": [round(small[2] / 1024, 1), round(large[2] / 1024, 1)],
        "peak_ratio_large_over_small": round(large[0] / small[0], 3),
    }
    emit(**figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    args = parser.parse_args()
    import_docs, export_docs, per_doc, memory_docs = (
        (500, 500, 50, 200) if args.quick else (20_000, 20_000, 50, 5_000)
    )
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        workdir = Path(tmp)
        imp = bench_import(workdir, import_docs)
        exp = bench_export(workdir, export_docs, per_doc)
        mem = bench_memory(workdir, memory_docs, per_doc)
    emit(
        bench="summary",
        import_rate_ratio=imp["rate_ratio"],
        import_rate_ratio_vs_raw_from_file=imp["rate_ratio_vs_raw_from_file"],
        export_rate_ratio=exp["rate_ratio"],
        export_peak_ratio=mem["peak_ratio_large_over_small"],
        targets={
            "import_rate_ratio": ">= 0.5",
            "export_rate_ratio": ">= 0.5",
            "export_peak_ratio": "about 1.0",
        },
    )


if __name__ == "__main__":
    main()
