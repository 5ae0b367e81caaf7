"""Text functions on long documents against simple baselines timed in the same run.

    python bench/text.py            # a 750,000-character text with emoji; 840,000 for clusters
    python bench/text.py --quick    # a tenth of the sizes

These were timing assertions in tests/core/test_text_offsets.py (UTF-16 map under 5 s) and
tests/core/test_text_graphemes.py (5,000 cluster queries at the end of a long text under 1 s);
the tests now check correctness and count the work of a query. One JSON line per measurement,
then a summary.

* ``utf16_map``: building :class:`Utf16Map`, then a round trip at every 7th offset, against
  the obvious alternative: a Python list of the UTF-16 offset of every code point (built by a
  loop over the text), the round trip by index and bisection. Ratios are baseline / ours;
  ``entries`` is what each keeps in memory (ours: one per astral character).
* ``grapheme_queries``: ``is_grapheme_boundary`` + ``next_boundary`` + ``prev_boundary`` at each
  of the last 5,000 offsets of a long text, against the same queries on only those last 5,000
  characters (a query is local when ``locality_ratio`` is near 1), and the full-text
  ``grapheme_boundaries`` scan a query avoids.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from bisect import bisect_left
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.text import (
    Utf16Map,
    grapheme_boundaries,
    is_grapheme_boundary,
    next_boundary,
    prev_boundary,
)


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def bench_utf16_map(length: int) -> dict[str, object]:
    text = ("قال الرئيس 😀 " * (length // 13 + 1))[:length]
    offsets = range(0, len(text), 7)
    started = time.perf_counter()
    m = Utf16Map(text)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    ours_checks = sum(m.to_codepoint(m.to_utf16(i)) == i for i in offsets)
    lookup_s = time.perf_counter() - started
    started = time.perf_counter()
    units = list(itertools.accumulate((2 if ch > "\uffff" else 1 for ch in text), initial=0))
    base_build_s = time.perf_counter() - started
    started = time.perf_counter()
    base_checks = sum(bisect_left(units, units[i]) == i for i in offsets)
    base_lookup_s = time.perf_counter() - started
    assert ours_checks == base_checks == len(offsets)
    assert units[-1] == m.utf16_length
    figures: dict[str, object] = {
        "bench": "utf16_map", "characters": len(text), "round_trips": ours_checks,
        "build_s": round(build_s, 4), "per_offset_list_build_s": round(base_build_s, 4),
        "build_ratio": round(base_build_s / build_s, 1),
        "lookups_s": round(lookup_s, 4), "per_offset_list_lookups_s": round(base_lookup_s, 4),
        "lookup_ratio": round(base_lookup_s / lookup_s, 2),
        "entries": m.utf16_length - m.length, "per_offset_list_entries": len(units),
        "old_test_bound_s": 5.0,
    }
    emit(**figures)
    return figures


def _queries(text: str, first: int) -> float:
    started = time.perf_counter()
    for i in range(first, len(text)):
        is_grapheme_boundary(text, i)
        next_boundary(text, i)
        prev_boundary(text, i)
    return time.perf_counter() - started


def bench_grapheme_queries(repeats: int, queries: int = 5000) -> dict[str, object]:
    text = "قال الرئيس الفرنسيُّ " * repeats
    ours_s = _queries(text, len(text) - queries)
    tail = text[len(text) - queries:]
    short_s = _queries(tail, 0)
    started = time.perf_counter()
    bounds = grapheme_boundaries(text)
    scan_s = time.perf_counter() - started
    figures: dict[str, object] = {
        "bench": "grapheme_queries", "characters": len(text), "queries": queries * 3,
        "ours_s": round(ours_s, 3), "same_queries_on_the_tail_alone_s": round(short_s, 3),
        "locality_ratio": round(short_s / ours_s, 3),
        "one_full_scan_s": round(scan_s, 3), "boundaries": len(bounds),
        "old_test_bound_s": 1.0,
    }
    emit(**figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    utf16 = bench_utf16_map(750_000 // scale)
    clusters = bench_grapheme_queries(40_000 // scale)
    emit(bench="summary", utf16_build_ratio=utf16["build_ratio"],
         utf16_lookup_ratio=utf16["lookup_ratio"],
         grapheme_locality_ratio=clusters["locality_ratio"],
         targets={"utf16_build_ratio": "> 1 (faster than a per-offset list)",
                  "utf16_lookup_ratio": "reported (both are a bisection or less)",
                  "grapheme_locality_ratio": "about 1 (a query does not scan the text)"})


if __name__ == "__main__":
    main()
