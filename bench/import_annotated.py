"""Import of an annotated corpus against a raw sqlite3 baseline from the same file (issue 12).

    python bench/import_annotated.py              # 10,000 documents; memory at 5,000 and 20,000
    python bench/import_annotated.py --quick      # 1,000 documents; memory at 500 and 2,000
    python bench/import_annotated.py --burn       # the same with a second process burning a core

The corpus is generated deterministically into a temporary folder as canonical JSON Lines:
about 2,700 code points and 15 entity spans per document, one in five spans nesting a
shorter one, an emoji (one with a skin-tone modifier, one ZWJ sequence) just before some
spans, tashkeel inside some spans. The baseline, timed in the same run, reads the same file
with ``json.loads`` and inserts the texts and the spans with two ``executemany`` (no
checks). Ours is ``import_paths(project, [file], fmt="canonical")``: read, decode,
normalize, check every span and record, one transaction; then the concordance index
(``Project.ensure_search_index``, which the import leaves to the first search), timed on
its own. Each figure is the median of
``ROUNDS`` rounds, each into a fresh file. Wall and CPU (``time.process_time``) times are
printed with their ratios, and the load average at the end: on a shared machine the CPU ratio
is the fairer figure.

Memory: a child process imports N and 4N documents (fresh project each) and prints its
VmHWM (peak resident memory, which restarts at exec); the ratio large/small is about 1.0
when the import streams.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = 3
SPANS_PER_DOC = 15
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_TASHKEEL = "\u064e\u064f\u0650\u0651\u0652"
_NAMES = ["موسكو", "واشنطن", "باريس", "بوتين", "كيري", "لافروف", "القاهرة", "الرياض"]
_EMOJI = ["\U0001F44D\U0001F3FD", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F30D"]
_LABELS = ["PERS", "GPE", "ORG", "LOC", "DATE", "NORP"]


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def _word(rng: random.Random) -> str:
    word = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 8)))
    if rng.random() < 0.1:  # tashkeel after a letter (inside the word, so inside a span)
        cut = rng.randint(1, len(word))
        word = word[:cut] + rng.choice(_TASHKEEL) + word[cut:]
    return word


def annotated_lines(count: int, chars: int = 2700, seed: int = 12) -> Iterator[str]:
    """``count`` canonical JSON lines (code-point offsets), deterministic for a seed."""
    rng = random.Random(seed)
    for number in range(count):
        words: list[str] = [f"خبر {number}:"]
        length = len(words[0])
        while length < chars:
            word = rng.choice(_NAMES) if rng.random() < 0.05 else _word(rng)
            words.append(word)
            length += len(word) + 1
        span_words = sorted(rng.sample(range(2, len(words) - 2), SPANS_PER_DOC))
        for index in span_words:
            if rng.random() < 0.25:  # an emoji (and a space) before the span
                words[index - 1] += " " + rng.choice(_EMOJI)
        starts, position = [], 0
        for word in words:
            starts.append(position)
            position += len(word) + 1
        text = " ".join(words)
        entities: list[dict[str, object]] = []
        for index in span_words:
            start, end = starts[index], starts[index] + len(words[index])
            entities.append({"id": f"e{len(entities)}", "start": start, "end": end,
                             "label": rng.choice(_LABELS), "text": text[start:end]})
            if rng.random() < 0.2 and index + 1 < len(words):  # an outer span nesting it
                outer_end = starts[index + 1] + len(words[index + 1])
                entities.append({"id": f"e{len(entities)}", "start": start, "end": outer_end,
                                 "label": rng.choice(_LABELS), "text": text[start:outer_end]})
        yield json.dumps({"id": f"doc-{number:06d}", "text": text, "entities": entities},
                         ensure_ascii=False)


def write_corpus(path: Path, count: int) -> tuple[int, int]:
    """Write the corpus; returns (bytes, spans)."""
    spans = 0
    with path.open("w", encoding="utf-8") as out:
        for line in annotated_lines(count):
            spans += line.count('"label"')
            out.write(line + "\n")
    return path.stat().st_size, spans


def raw_import(db: Path, source: Path) -> tuple[float, float]:
    """The baseline: json.loads per line and two executemany, no checks. Returns (wall
    seconds, CPU seconds of this process)."""
    started, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table documents (id integer primary key, external_id text, text text)")
    conn.execute('create table entities (id integer primary key, doc_id integer, start integer,'
                 ' "end" integer, label text)')
    docs: list[tuple[int, str, str]] = []
    ents: list[tuple[int, int, int, str]] = []
    with conn, source.open("rb") as lines:
        for doc_id, obj in enumerate(map(json.loads, lines), start=1):
            docs.append((doc_id, obj["id"], obj["text"]))
            ents.extend((doc_id, e["start"], e["end"], e["label"]) for e in obj["entities"])
            if len(docs) >= 2000:
                _raw_flush(conn, docs, ents)
        _raw_flush(conn, docs, ents)
    conn.close()
    return time.perf_counter() - started, time.process_time() - cpu


def _raw_flush(conn: sqlite3.Connection, docs: list[tuple[int, str, str]],
               ents: list[tuple[int, int, int, str]]) -> None:
    conn.executemany("insert into documents (id, external_id, text) values (?, ?, ?)", docs)
    conn.executemany('insert into entities (doc_id, start, "end", label) values (?, ?, ?, ?)',
                     ents)
    docs.clear()
    ents.clear()


def ours(db: Path, source: Path, docs: int) -> tuple[float, float, float]:
    """(seconds of the import without the concordance index, its CPU seconds, seconds of
    the index)."""
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    started, cpu = time.perf_counter(), time.process_time()
    with Project.open(db, create=True, annotator="bench") as project:
        result = import_paths(project, [source], fmt="canonical")
        imported, imported_cpu = time.perf_counter(), time.process_time()
        project.ensure_search_index()  # what the first search pays (the import does not)
    indexed = time.perf_counter()
    assert not result.bad, result.bad[:3]
    assert len(result.imported) == docs, (len(result.imported), docs)
    return imported - started, imported_cpu - cpu, indexed - imported


def bench_speed(workdir: Path, docs: int) -> dict[str, object]:
    source = workdir / "annotated.jsonl"
    size, spans = write_corpus(source, docs)
    raw, mine, index, raw_cpu, mine_cpu = [], [], [], [], []
    for round_ in range(ROUNDS):
        raw_seconds, raw_cpu_seconds = raw_import(workdir / f"raw-{round_}.sqlite", source)
        raw.append(raw_seconds)
        raw_cpu.append(raw_cpu_seconds)
        seconds, cpu_seconds, index_seconds = ours(workdir / f"ours-{round_}.annotator",
                                                   source, docs)
        mine.append(seconds)
        mine_cpu.append(cpu_seconds)
        index.append(index_seconds)
    raw_s, ours_s, index_s, raw_cpu_s, ours_cpu_s = (
        statistics.median(x) for x in (raw, mine, index, raw_cpu, mine_cpu))
    figures: dict[str, object] = {
        "bench": "import_annotated", "documents": docs, "spans": spans,
        "megabytes": round(size / 1e6, 1), "rounds": ROUNDS,
        "raw_s": round(raw_s, 2), "ours_s": round(ours_s, 2), "index_s": round(index_s, 2),
        "ours_docs_per_s": round(docs / ours_s), "raw_docs_per_s": round(docs / raw_s),
        "ours_with_index_docs_per_s": round(docs / (ours_s + index_s)),
        "ratio": round(raw_s / ours_s, 3),
        "ratio_with_index": round(raw_s / (ours_s + index_s), 3),
        "raw_cpu_s": round(raw_cpu_s, 2), "ours_cpu_s": round(ours_cpu_s, 2),
        "cpu_ratio": round(raw_cpu_s / ours_cpu_s, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    emit(**figures)
    return figures


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from annotator.core.importing import import_paths
from annotator.core.store import Project

with Project.open({db!r}, create=True, annotator="bench") as project:
    result = import_paths(project, [{source!r}], fmt="canonical")
assert not result.bad and len(result.imported) == {docs}, result.bad[:3]
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
"""


def peak_rss_kib(workdir: Path, docs: int) -> int:
    source = workdir / f"memory-{docs}.jsonl"
    write_corpus(source, docs)
    code = _CHILD.format(root=str(ROOT), db=str(workdir / f"memory-{docs}.annotator"),
                         source=str(source), docs=docs)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    source.unlink()
    return int(out.strip().splitlines()[-1])


def bench_memory(workdir: Path, small: int, large: int) -> dict[str, object]:
    peaks = [peak_rss_kib(workdir, n) for n in (small, large)]
    figures: dict[str, object] = {
        "bench": "import_memory", "documents": [small, large],
        "peak_rss_mib": [round(p / 1024, 1) for p in peaks],
        "ratio_large_over_small": round(peaks[1] / peaks[0], 3),
    }
    emit(**figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--burn", action="store_true",
                        help="run with a second process burning one core")
    parser.add_argument("--skip-memory", action="store_true", help="only the speed half")
    args = parser.parse_args()
    docs, small, large = (1_000, 500, 2_000) if args.quick else (10_000, 5_000, 20_000)
    burner = (subprocess.Popen([sys.executable, "-c", "while True: pass"])
              if args.burn else None)
    try:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
            speed = bench_speed(Path(tmp), docs)
            memory = None if args.skip_memory else bench_memory(Path(tmp), small, large)
    finally:
        if burner is not None:
            burner.kill()
            burner.wait()
    emit(bench="summary", burn=args.burn, ratio=speed["ratio"], cpu_ratio=speed["cpu_ratio"],
         ratio_with_index=speed["ratio_with_index"],
         memory_ratio=None if memory is None else memory["ratio_large_over_small"],
         targets={"ratio": ">= 0.5", "memory_ratio": "<= 1.1"})


if __name__ == "__main__":
    main()
