"""Training-data export throughput: 1,000,000 entities in each format beside a raw json dump.

    python bench/exports.py            # 20,000 documents x 50 entities = 1,000,000 entities
    python bench/exports.py --quick    # 400 documents, a smoke run

Builds one project (the generated corpus of bench/corpus.py, some entities nested), then in
the same run: the raw baseline (plain sqlite3 rows -> json.dumps, one line per document, as
in bench/import_export.py) and every format of ``annotator.core.exports.FORMATS``, each in a
child process so that its peak resident memory (VmHWM) is its own. Prints one JSON line
per format and a summary line. Formats are timed with a split (train/dev/test) since that
is how training data is written; spaCy is skipped when it is not installed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.import_export import build_entity_project, raw_dump

RATIOS = {"train": 0.8, "dev": 0.1, "test": 0.1}


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mib() -> float:
    """This process's peak resident memory. ``VmHWM`` restarts at exec, unlike ``ru_maxrss``,
    which Linux carries over from the parent that forked the child."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_format(project: Path, out: Path, fmt: str) -> None:
    """Child process: export ``project`` as ``fmt``; print seconds, report and peak RSS."""
    from annotator.core.exports import ExportOptions, export_dataset
    from annotator.core.store import Project

    started = time.perf_counter()
    with Project.open(project, annotator="bench") as opened:
        report = export_dataset(opened, out, ExportOptions(format=fmt, ratios=dict(RATIOS)))
    seconds = time.perf_counter() - started
    print(json.dumps({
        "seconds": seconds,
        "records": sum(report.records.values()),
        "widened": sum(report.widened.values()),
        "skipped": sum(report.skipped.values()),
        "levels": report.levels,
        "peak_rss_mib": peak_rss_mib(),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--one", nargs=3, metavar=("PROJECT", "OUT", "FORMAT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_format(Path(args.one[0]), Path(args.one[1]), args.one[2])
        return
    from annotator.core.exports import FORMATS

    docs, per_doc = (400, 50) if args.quick else (20_000, 50)
    try:
        import spacy  # noqa: F401

        has_spacy = True
    except ImportError:
        has_spacy = False
    with tempfile.TemporaryDirectory(prefix="annotator-bench-exports-") as tmp:
        workdir = Path(tmp)
        project = workdir / "entities.annotator"
        entities = build_entity_project(project, docs, per_doc)
        started = time.perf_counter()
        raw_dump(project, workdir / "raw.jsonl")
        raw_seconds = time.perf_counter() - started
        emit(bench="raw_json_dump", documents=docs, entities=entities,
             seconds=round(raw_seconds, 2), entities_per_s=round(entities / raw_seconds),
             megabytes=round(size_of(workdir / "raw.jsonl") / 1e6, 1))
        ratios: dict[str, float] = {}
        for fmt in FORMATS:
            if fmt == "spacy" and not has_spacy:
                emit(bench="export", format=fmt, skipped="spaCy is not installed")
                continue
            out = workdir / f"out-{fmt}"
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(project), str(out), fmt],
                capture_output=True, text=True, check=True)
            result = json.loads(child.stdout.strip().splitlines()[-1])
            seconds = result.pop("seconds")
            ratios[fmt] = round(raw_seconds / seconds, 3)
            emit(bench="export", format=fmt, documents=docs, entities=entities,
                 seconds=round(seconds, 2), entities_per_s=round(entities / seconds),
                 raw_json_dump_s=round(raw_seconds, 2), rate_ratio_vs_raw=ratios[fmt],
                 megabytes=round(size_of(out) / 1e6, 1),
                 peak_rss_mib=round(result.pop("peak_rss_mib"), 1), **result)
            for path in ([out] if out.is_file() else sorted(out.rglob("*"), reverse=True)):
                path.unlink() if path.is_file() else path.rmdir()
    emit(bench="summary", entities=entities, rate_ratio_vs_raw=ratios)


if __name__ == "__main__":
    main()
