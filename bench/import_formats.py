"""Import of other tools' formats against the canonical import of the same documents (issue 18).

    python bench/import_formats.py            # 2,000 documents
    python bench/import_formats.py --quick    # 200 documents

The corpus is ``import_annotated.py``'s (about 2,700 code points and 15 entity spans a
document, nesting, emoji, tashkeel), imported once, then exported with our own exporters as
``canonical`` (the baseline), ``conll``, ``hf-tokens``, ``label-studio`` and ``spacy`` (one
record per document). Each export is imported into a fresh project with
``import_paths``; each figure is the median of ``ROUNDS`` rounds, and ``ratio`` is the
format's time over the canonical import's, timed in the same run. The machine is shared:
read the ratios, and note the load average printed first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.import_annotated import write_corpus  # noqa: E402

ROUNDS = 3
FORMATS = (("canonical", ".jsonl"), ("conll", ".conll"), ("hf-tokens", ".jsonl"),
           ("label-studio", ".json"), ("spacy", ""))


def _timed_import(source: Path, folder: Path, name: str) -> tuple[float, int]:
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    target = folder / f"{name}.annotator"
    with Project.open(target, create=True, annotator="bench") as project:
        started = time.perf_counter()
        result = import_paths(project, [source])
        elapsed = time.perf_counter() - started
    target.unlink()
    if result.bad:
        raise SystemExit(f"{name}: {result.bad[0]}")
    return elapsed, len(result.imported)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 200 if args.quick else 2000
    from annotator.core.exports import export_dataset
    from annotator.core.exports.base import ExportOptions
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    print(json.dumps({"documents": count, "load": os.getloadavg()[0]}), flush=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        corpus = folder / "corpus.jsonl"
        write_corpus(corpus, count)
        source = folder / "source.annotator"
        with Project.open(source, create=True, annotator="bench") as project:
            import_paths(project, [corpus])
            exports = {}
            for fmt, suffix in FORMATS:
                out = folder / f"out-{fmt}{suffix}"
                export_dataset(project, out, ExportOptions(format=fmt, per_sentence=False))
                exports[fmt] = out
        baseline = 0.0
        for fmt, _suffix in FORMATS:
            times = []
            imported = 0
            for round_number in range(ROUNDS):
                elapsed, imported = _timed_import(exports[fmt], folder, f"{fmt}-{round_number}")
                times.append(elapsed)
            median = statistics.median(times)
            baseline = baseline or median
            print(json.dumps({"format": fmt, "documents": imported, "seconds": round(median, 3),
                              "ms_per_document": round(1000 * median / max(1, imported), 2),
                              "ratio": round(median / baseline, 2)}), flush=True)


if __name__ == "__main__":
    main()
