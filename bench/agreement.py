"""Inter-annotator agreement on a large project against reading the same rows with sqlite3.

    python bench/agreement.py            # 20,000 documents, two annotators
    python bench/agreement.py --quick    # 1,000 documents

The project is generated once per size into a temporary folder through the core's import
(``Project.import_records``; every entity carries its annotator): texts of about 2,800 code
points (bench/corpus.py), 15 entity spans per document for alice, and bob's layer made from
alice's with disagreements: one span in ten left out, one in twenty relabelled, one in
twenty with its end moved one letter in, and one extra span in twenty documents' worth.
Every document is done.

Timed: ``compute_agreement(project, ["alice", "bob"])`` (every layer: entity span F1 in both
modes, the label confusion and disagreements, token-level kappa/alpha over the shared
tokenizer; the other layers are empty), and ``write_report`` (the charts and report files),
against a baseline timed in the same run that reads the same rows with plain sqlite3
(documents' texts and the entity rows, ordered as the store orders them) and does nothing
with them. The target: agreement on 20,000 documents in under a minute.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.agreement import compute_agreement  # noqa: E402
from annotator.core.agreement.report import write_report  # noqa: E402
from annotator.core.model import DocumentRecord, Entity, LayerState  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from bench.corpus import generate_texts, with_entities  # noqa: E402

SPANS_PER_DOC = 15
LABELS = ["PERS", "GPE", "ORG", "LOC", "DATE", "NORP"]


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def second_layer(record: DocumentRecord, rng: random.Random) -> list[Entity]:
    """Bob's entities: alice's with disagreements (see the module doc)."""
    out: list[Entity] = []
    for entity in record.entities:
        roll = rng.random()
        if roll < 0.10:
            continue
        start, end, label = entity.start, entity.end, entity.label
        if roll < 0.15:
            label = rng.choice([x for x in LABELS if x != label])
        elif roll < 0.20 and end - start > 2:
            end -= 1
        out.append(Entity(f"b{len(out)}", start, end, label, annotator="bob"))
    if rng.random() < 0.05 * SPANS_PER_DOC / 15:
        words = [i for i, ch in enumerate(record.text) if ch == " "]
        at = rng.choice(words[1:-2]) + 1
        stop = record.text.index(" ", at)
        taken = any(e.start < stop and at < e.end for e in record.entities)
        if not taken and stop > at and record.text[stop - 1].isalpha():
            out.append(Entity("bx", at, stop, rng.choice(LABELS), annotator="bob"))
    return out


def build(path: Path, count: int) -> None:
    rng = random.Random(13)

    def records() -> Iterator[DocumentRecord]:
        for number, text in enumerate(generate_texts(count)):
            record = with_entities(text, number, SPANS_PER_DOC, rng)
            for entity in record.entities:
                entity.annotator = "alice"
            record.entities += second_layer(record, rng)
            record.status = "done"
            # Statuses are per annotator (annotator layers): both marked the document done.
            record.layers = {name: LayerState(status="done") for name in ("alice", "bob")}
            yield record

    with Project.open(path, create=True, annotator="alice") as project:
        project.import_records(records())


def baseline(path: Path) -> tuple[float, float, int]:
    """Read the texts and the entity rows with sqlite3, in the store's order."""
    started = time.perf_counter()
    cpu = time.process_time()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = 0
    for (_text,) in conn.execute("SELECT text FROM documents WHERE status = 'done' ORDER BY id"):
        rows += 1
    for _row in conn.execute('SELECT doc_id, id, start, "end", label, annotator_id'
                             " FROM entities ORDER BY doc_id, id"):
        rows += 1
    conn.close()
    return time.perf_counter() - started, time.process_time() - cpu, rows


def load() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 documents")
    args = parser.parse_args()
    count = 1000 if args.quick else 20000
    with tempfile.TemporaryDirectory(prefix="bench-agreement-") as folder:
        path = Path(folder) / "agreement.annotator"
        started = time.perf_counter()
        build(path, count)
        emit(step="build", documents=count, seconds=round(time.perf_counter() - started, 1),
             load=load())
        base_seconds, base_cpu, rows = baseline(path)
        with Project.open(path, readonly=True) as project:
            started, cpu = time.perf_counter(), time.process_time()
            result = compute_agreement(project, ["alice", "bob"])
            ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
            data = result.to_dict()
            started = time.perf_counter()
            files = write_report(result, Path(folder) / "report", path, project.project_id,
                                 data)
            report_seconds = time.perf_counter() - started
        pair = data["layers"]["entities"]["pairs"]["alice~bob"]
        level = data["layers"]["entities"]["token_levels"][0]
        emit(step="agreement", documents=result.documents,
             tokens=data["layers"]["entities"]["tokens"], seconds=round(ours, 2),
             cpu_seconds=round(ours_cpu, 2),
             per_document_ms=round(1000 * ours / max(result.documents, 1), 3),
             baseline_sqlite3_seconds=round(base_seconds, 2),
             baseline_cpu_seconds=round(base_cpu, 2), baseline_rows=rows,
             ratio=round(ours / base_seconds, 1), cpu_ratio=round(ours_cpu / base_cpu, 1),
             under_a_minute=ours < 60, load=load())
        emit(step="report", files=len(files), seconds=round(report_seconds, 2), load=load())
        emit(step="figures", f1_exact=round(pair["exact"]["micro"]["f1"], 3),
             f1_overlap=round(pair["overlap"]["micro"]["f1"], 3),
             token_kappa=round(level["cohen_kappa"]["alice~bob"]["value"], 3),
             token_alpha=round(level["krippendorff_alpha"]["value"], 3))


if __name__ == "__main__":
    main()
