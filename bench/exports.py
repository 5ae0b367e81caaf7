"""Training-data export throughput: 1,000,000 entities in each format beside a raw json dump,
and peak memory of every format at two corpus sizes.

    python bench/exports.py            # 20,000 documents x 50 entities = 1,000,000 entities,
                                       # then memory at 5,000 and 10,000 documents
    python bench/exports.py --quick    # 400 documents (memory: 200 and 400, canonical and
                                       # hf-tokens only unless --formats), a smoke run
    python bench/exports.py --annotated          # the annotated corpus of issue 12: 10,000
                                       # documents imported from bench/import_annotated.py's
                                       # generator (15 spans each, nested, emoji, tashkeel);
                                       # canonical, doccano, hf-tokens and conll, no memory
    python bench/exports.py --annotated --quick  # the same on 1,000 documents

Throughput: builds one project (the generated corpus of bench/corpus.py), then in the same
run the raw baseline (plain sqlite3 rows -> json.dumps, one line per document, as in
bench/import_export.py; timed before and after each format, the mean of the two is that
format's baseline, so that a shared machine's changing load falls on both) and every format
of ``annotator.core.exports.FORMATS``, each in a child process so that its peak resident
memory (VmHWM) is its own. Formats are timed with a
split (train/dev/test) since that is how training data is written; spaCy is skipped when it
is not installed.

Memory: two more projects (N and 2N documents); every format is exported from each in a
child process with ``tracemalloc`` on (Python's peak allocation during the export) and its
VmHWM read at the end. The ratio large/small of the tracemalloc peak is about 1.0 when
memory does not grow with the corpus (a growing format shows about 2.0). Prints one JSON
line per measurement and a summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.import_annotated import write_corpus
from bench.import_export import build_entity_project, raw_dump

RATIOS = {"train": 0.8, "dev": 0.1, "test": 0.1}
ANNOTATED_FORMATS = ("canonical", "doccano", "hf-tokens", "conll")
"""The formats issue 12 (goal 5) holds to >= 0.5 of the raw dump on the annotated corpus."""
QUICK_MEMORY_FORMATS = ("canonical", "hf-tokens")
"""The formats whose memory `--quick` measures (a document-at-a-time writer and a token one)."""


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


def one_format(project: Path, out: Path, fmt: str, traced: bool) -> None:
    """Child process: export ``project`` as ``fmt``; print seconds, report and peaks."""
    from annotator.core.exports import ExportOptions, export_dataset
    from annotator.core.store import Project

    with Project.open(project, annotator="bench") as opened:
        if traced:
            tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        report = export_dataset(opened, out, ExportOptions(format=fmt, ratios=dict(RATIOS)))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        python_peak = tracemalloc.get_traced_memory()[1] if traced else 0
    print(json.dumps({
        "seconds": seconds,
        "cpu_seconds": cpu,
        "records": sum(report.records.values()),
        "widened": sum(report.widened.values()),
        "skipped": sum(report.skipped.values()),
        "levels": report.levels,
        "peak_rss_mib": peak_rss_mib(),
        "python_peak_mib": python_peak / 2**20,
    }))


def run_child(project: Path, out: Path, fmt: str, traced: bool) -> dict[str, float]:
    """Run :func:`one_format` in a fresh interpreter; remove its output; return its figures."""
    args = [sys.executable, __file__, "--one", str(project), str(out), fmt]
    child = subprocess.run([*args, *(["--traced"] if traced else [])],
                           capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(child.stdout.strip().splitlines()[-1])
    result["megabytes"] = size_of(out) / 1e6
    for path in ([out] if out.is_file() else sorted(out.rglob("*"), reverse=True)):
        path.unlink() if path.is_file() else path.rmdir()
    out.rmdir() if out.is_dir() else None
    return result


def formats_to_run() -> list[str]:
    """Every export format, spaCy only when it is installed (reported otherwise)."""
    from annotator.core.exports import FORMATS

    try:
        import spacy  # noqa: F401
    except ImportError:
        emit(bench="export", format="spacy", skipped="spaCy is not installed")
        return [fmt for fmt in FORMATS if fmt != "spacy"]
    return list(FORMATS)


def build_annotated_project(path: Path, docs: int) -> int:
    """The annotated corpus of bench/import_annotated.py, imported the user's way
    (``import_paths``, canonical JSONL); returns the number of entities."""
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    source = path.with_suffix(".jsonl")
    write_corpus(source, docs)
    with Project.open(path, create=True, annotator="bench") as project:
        result = import_paths(project, [source], fmt="canonical")
        if result.bad or len(result.imported) != docs:
            raise RuntimeError(f"the annotated corpus did not import: {result.bad[:3]}")
        entities = int(project.stats()["annotations"]["entities"])
    source.unlink()
    return entities


def throughput(workdir: Path, docs: int, per_doc: int, formats: list[str],
               annotated: bool = False) -> dict[str, float]:
    """Every format beside the raw dump of the same project, in the same run."""
    project = workdir / "entities.annotator"
    entities = (build_annotated_project(project, docs) if annotated
                else build_entity_project(project, docs, per_doc))
    corpus = "annotated" if annotated else "generated"

    raw_cpu = 0.0

    def timed_raw_dump() -> float:
        nonlocal raw_cpu
        started, cpu = time.perf_counter(), time.process_time()
        raw_dump(project, workdir / "raw.jsonl")
        raw_cpu = time.process_time() - cpu
        return time.perf_counter() - started

    raw_seconds = timed_raw_dump()
    emit(bench="raw_json_dump", corpus=corpus, documents=docs, entities=entities,
         seconds=round(raw_seconds, 2), entities_per_s=round(entities / raw_seconds),
         megabytes=round(size_of(workdir / "raw.jsonl") / 1e6, 1))
    ratios: dict[str, float] = {}
    for fmt in formats:
        result = run_child(project, workdir / f"out-{fmt}", fmt, traced=False)
        seconds = result.pop("seconds")
        result.pop("python_peak_mib")
        cpu = result.pop("cpu_seconds")
        # The load of a shared machine changes during a run: the baseline of each format
        # is the raw dump timed just before it and again just after it (their mean); the
        # CPU times (process_time) of both are printed too, much less moved by the load.
        cpu_before = raw_cpu
        after = timed_raw_dump()
        raw = (raw_seconds + after) / 2
        raw_seconds = after
        ratios[fmt] = round(raw / seconds, 3)
        result["cpu_s"] = round(cpu, 2)
        result["raw_json_dump_cpu_s"] = round((cpu_before + raw_cpu) / 2, 2)
        result["cpu_ratio_vs_raw"] = round((cpu_before + raw_cpu) / 2 / cpu, 3)
        emit(bench="export", corpus=corpus, format=fmt, documents=docs, entities=entities,
             seconds=round(seconds, 2), entities_per_s=round(entities / seconds),
             raw_json_dump_s=round(raw, 2), rate_ratio_vs_raw=ratios[fmt],
             megabytes=round(result.pop("megabytes"), 1),
             peak_rss_mib=round(result.pop("peak_rss_mib"), 1),
             load_average=round(os.getloadavg()[0], 2), **result)
    project.unlink()
    return ratios


def memory(workdir: Path, docs: int, per_doc: int, formats: list[str]) -> dict[str, float]:
    """Peak memory of every format at ``docs`` and ``2 * docs`` documents."""
    sizes = (docs, docs * 2)
    projects = {size: workdir / f"memory-{size}.annotator" for size in sizes}
    for size, path in projects.items():
        build_entity_project(path, size, per_doc)
    ratios: dict[str, float] = {}
    for fmt in formats:
        runs = [run_child(projects[size], workdir / f"mem-{fmt}", fmt, traced=True)
                for size in sizes]
        python = [run["python_peak_mib"] for run in runs]
        rss = [run["peak_rss_mib"] for run in runs]
        ratios[fmt] = round(python[1] / python[0], 3)
        emit(bench="export_memory", format=fmt, documents=list(sizes),
             records=[run["records"] for run in runs],
             python_peak_mib=[round(p, 2) for p in python],
             peak_rss_mib=[round(r, 1) for r in rss],
             python_peak_ratio_large_over_small=ratios[fmt],
             rss_ratio_large_over_small=round(rss[1] / rss[0], 3))
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--skip-throughput", action="store_true",
                        help="only the memory measurement")
    parser.add_argument("--skip-memory", action="store_true",
                        help="only the throughput measurement")
    parser.add_argument("--formats", metavar="NAME,...", help="only these formats")
    parser.add_argument("--annotated", action="store_true",
                        help="the annotated corpus of bench/import_annotated.py (10,000 "
                             "documents) in canonical, doccano, hf-tokens and conll; no memory")
    parser.add_argument("--one", nargs=3, metavar=("PROJECT", "OUT", "FORMAT"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_format(Path(args.one[0]), Path(args.one[1]), args.one[2], args.traced)
        return
    docs, memory_docs, per_doc = (400, 200, 50) if args.quick else (20_000, 5_000, 50)
    formats = formats_to_run()
    memory_formats = formats
    if args.annotated:
        docs = 1_000 if args.quick else 10_000
        formats = [fmt for fmt in ANNOTATED_FORMATS
                   if not args.formats or fmt in args.formats.split(",")]
        args.skip_memory = True
    elif args.formats:
        formats = memory_formats = [fmt for fmt in formats if fmt in args.formats.split(",")]
    elif args.quick:
        memory_formats = [fmt for fmt in formats if fmt in QUICK_MEMORY_FORMATS]
    with tempfile.TemporaryDirectory(prefix="annotator-bench-exports-") as tmp:
        workdir = Path(tmp)
        rates = ({} if args.skip_throughput
                 else throughput(workdir, docs, per_doc, formats, args.annotated))
        peaks = {} if args.skip_memory else memory(workdir, memory_docs, per_doc,
                                                   memory_formats)
    target = (">= 0.5 (annotated corpus)" if args.annotated
              else ">= 0.2 (spaCy), >= 0.33 (token formats)")
    emit(bench="summary", annotated=args.annotated, rate_ratio_vs_raw=rates,
         python_peak_ratio_large_over_small=peaks,
         targets={"rate_ratio_vs_raw": target, "python_peak_ratio_large_over_small": "about 1.0"})


if __name__ == "__main__":
    main()
