"""The navigator's "assigned to me" filter on a large project.

    python bench/assigned_filter.py           # 100,000 documents
    python bench/assigned_filter.py --quick   # 10,000 documents

Assigns 300 documents to each of three annotators (``--per-person 300``), then times, in the
same run: counting alice's documents, reading her last page of 100 rows and the position of
her last document (``assigned_to="alice"``), against a baseline that counts the documents of
one status (the status filter reads the navigator's whole covering index). Prints ONE JSON
line with the figures and the ratio of the assigned count to the baseline (median of 5).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.core.teams.assigning import assign_documents


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the documents")
    count = 10_000 if parser.parse_args().quick else 100_000
    with tempfile.TemporaryDirectory() as folder, \
            Project.open(Path(folder) / "big.annotator", create=True, annotator="b") as big:
        big.import_records(DocumentRecord(id=f"n{i}", text=f"نص الخبر رقم {i}.",
                                          title=f"عنوان {i}") for i in range(count))
        started = time.perf_counter()
        assign_documents(big, ["alice", "bob", "carol"], per_person=300, seed=1)
        assign_ms = (time.perf_counter() - started) * 1000
        mine = big.assignments("alice")
        assert big.document_count(assigned_to="alice") == len(mine) == 300
        count_ms = median_ms(lambda: big.document_count(assigned_to="alice"))
        page_ms = median_ms(lambda: big.list_documents(200, 100, assigned_to="alice"))
        position_ms = median_ms(lambda: big.document_position(mine[-1], assigned_to="alice"))
        baseline_ms = median_ms(lambda: big.document_count(status="todo"))
    print(json.dumps({"bench": "assigned_filter", "documents": count, "assigned": 300,
                      "assign_ms": round(assign_ms, 1), "count_ms": round(count_ms, 2),
                      "last_page_ms": round(page_ms, 2), "position_ms": round(position_ms, 2),
                      "baseline_status_count_ms": round(baseline_ms, 2),
                      "ratio_count_to_baseline": round(count_ms / baseline_ms, 3)}))


if __name__ == "__main__":
    main()
