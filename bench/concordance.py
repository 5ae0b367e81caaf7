"""Concordance query time over 20,000 annotated Arabic documents (about 100 MB of text).

    python bench/concordance.py                  # full size, project cached in /tmp
    python bench/concordance.py --quick          # 1,000 documents
    python bench/concordance.py --dir DIR        # where the project is built (once) and kept
    python bench/concordance.py --burn           # the same with a second process burning a core
    python bench/concordance.py --count 10000 --server postgresql://dba@host/concordance_bench
                                                 # also on PostgreSQL (issue 15)

The project is built once (generated news-like sentences with tashkeel, emoji, names with
attached proclitics, and entities on the names) and reused; its name carries the project file
format, so a project left by an older build is never picked up. Each query is timed as the CLI runs
it: ``Concordance(project, query)`` (which checks the index is current: ``ours_ms`` pays that
check every time, as a new CLI process does; ``warm_ms`` is the app, which skips it while nothing
was written) then the first page of 100 rows, median of 5 runs. The baseline, timed in the
same run, is a plain Python scan of the folded texts already in memory with the same matcher
(no index, no SQLite). Prints one JSON line
per query and a summary; the target is under 200 ms per query.

With ``--server ADDRESS`` the same project is copied (``annotator copy``) into that database
(created when missing, reused when it holds the documents) and every query runs there too,
three ways: ``postgres`` (the trigram index, :mod:`annotator.core.store.search_trigram`),
``postgres-like`` (the same ``LIKE`` with the index dropped inside a rolled-back transaction:
a server without ``pg_trgm``) and ``postgres-scan`` (every folded text read, as before the
index). Times are wall clock (the server's work is in another process), with the load
average; ``vs_sqlite`` is the ratio to the SQLite figure of the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.corpus import Concordance, Mode, SearchQuery, compile_query
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.core.store.migrations import FORMAT_VERSION


def _split(words: str) -> list[str]:
    return words.split()


WORDS = _split(
    "قال أعلن أكد المتحدث الرسمي الحكومة الوزير الرئيس المستشار وزير الخارجية في من إلى على عن  "
    "أن مع بعد قبل خلال اليوم أمس الأسبوع المقبل الماضي مؤتمر صحفي اجتماع محادثات اتفاق الأمن  "
    "الاقتصاد السياسة الحرب السلام المفاوضات العاصمة المدينة البلاد الدولة الشعب المجلس  "
    "البرلمان الانتخابات القمة الأزمة العلاقات التعاون الدعم المساعدات اللاجئين الحدود الجيش  "
    "القوات المعارضة التقرير المصادر الوكالة البيان مسؤول مسؤولون دبلوماسي كبير جديد جديدة  "
    "كبيرة مهمة عاجل رسمية الثلاثاء الأربعاء الخميس الجمعة")
NAMES = _split(
    "موسكو واشنطن باريس القاهرة الرياض بغداد دمشق عمان بيروت لندن أنقرة طهران الدوحة بوتين  "
    "ماكرون شولتس بلينكن لافروف غوتيريش")
RARE = "زغرتا"
CLITIC = "برلين"
TASHKEEL = "\u064e\u064f\u0650\u0651\u0652"
EMOJI = ("😀", "👍🏽", "🇸🇦", "📰")
LABEL = {name: ("PERS" if name in {"بوتين", "ماكرون", "شولتس", "بلينكن", "لافروف", "غوتيريش"}
                else "GPE") for name in [*NAMES, RARE, CLITIC]}


def _word(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    if rng.random() < 0.08:  # some tashkeel on a letter
        i = rng.randrange(len(word))
        word = word[:i + 1] + rng.choice(TASHKEEL) + word[i + 1:]
    return word


def document(number: int, rng: random.Random, chars: int = 2700) -> DocumentRecord:
    parts: list[str] = []
    entities: list[Entity] = []
    length = 0
    while length < chars:
        if rng.random() < 0.06:
            name = CLITIC if rng.random() < 0.05 else rng.choice(NAMES)
            if number % 4000 == 7 and rng.random() < 0.2:
                name = RARE
            prefix = rng.choice(("", "", "", "و", "ل", "ب", "وب"))
            start = length + len(prefix)
            parts.append(prefix + name)
            entities.append(Entity(id=f"e{len(entities)}", start=start, end=start + len(name),
                                   label=LABEL[name]))
        else:
            parts.append(_word(rng))
        if rng.random() < 0.01:
            parts[-1] += " " + rng.choice(EMOJI)
        if rng.random() < 0.07:
            parts[-1] += "."
        length += len(parts[-1]) + 1
    return DocumentRecord(id=f"news-{number:06d}", title=f"خبر {number}", text=" ".join(parts),
                          entities=entities)


def documents(count: int) -> Iterator[DocumentRecord]:
    rng = random.Random(11)
    for number in range(count):
        yield document(number, rng)


def build(path: Path, count: int) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    with Project.open(partial, create=True, annotator="bench") as project:
        batch: list[DocumentRecord] = []
        for record in documents(count):
            batch.append(record)
            if len(batch) == 2000:
                project.import_records(batch)
                batch.clear()
        project.import_records(batch)
        project.ensure_search_index()
    partial.rename(path)
    print(json.dumps({"built": str(path), "documents": count,
                      "seconds": round(time.perf_counter() - started, 1)}), flush=True)


QUERIES: list[tuple[str, str, Mode]] = [
    ("common word", "في", Mode.WORD),
    ("rare name", RARE, Mode.WORD),
    ("clitic name", CLITIC, Mode.WORD),
    ("substring, rare", "غرت", Mode.SUBSTRING),
    ("regex", r"وزير \w+ه", Mode.REGEX),
    ("regex, rare (whole scan)", r"زغرتا\w", Mode.REGEX),
]
PAGE = 100
RUNS = 5


def _median_ms(action: Callable[[], int]) -> tuple[float, int]:
    times: list[float] = []
    found = 0
    for _ in range(RUNS):
        started = time.perf_counter()
        found = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def _burn(stop: float) -> None:
    while time.time() < stop:
        sum(i * i for i in range(10000))


class ScanConcordance(Concordance):
    """The candidates as before the trigram index: every folded text (PostgreSQL)."""

    def _candidates(self, conn: Any, first: int) -> Iterator[tuple[int, str]]:
        where, params = self._filters()
        for doc_id, folded in conn.execute(f"SELECT t.doc_id, t.folded FROM search_text t"
                                           f" WHERE {where} ORDER BY t.doc_id",
                                           [first, *params]):
            yield int(doc_id), str(folded)


def on_server(path: Path, address: str) -> None:
    """The bench project copied into ``address`` (once), its folded copies and index made."""
    from annotator.core.server.copying import copy_project
    from annotator.core.server.setup import ensure_database

    ensure_database(address)
    with Project.open(address, create=True, annotator="bench") as project:
        have = project.document_count()
    if not have:
        started = time.perf_counter()
        copy_project(str(path), address)
        print(json.dumps({"copied_to_server_s": round(time.perf_counter() - started, 1)}),
              flush=True)
    with Project.open(address, annotator="bench") as project:
        started = time.perf_counter()
        project.ensure_search_index()
        project.conn.raw.execute("ANALYZE search_text")  # type: ignore[attr-defined]
        print(json.dumps({"server_index_s": round(time.perf_counter() - started, 1)}),
              flush=True)


@contextlib.contextmanager
def without_trigram_index(project: Project) -> Iterator[None]:
    """The trigram index dropped for the queries inside (a transaction rolled back after)."""
    from annotator.core.store.search_trigram import INDEX

    raw = project.conn.raw  # type: ignore[attr-defined]
    raw.execute("BEGIN")
    try:
        raw.execute(f"DROP INDEX {INDEX}")
        yield
    finally:
        raw.execute("ROLLBACK")


def run_queries(project: Project, engine: str, folded: list[str],
                kind: type[Concordance] = Concordance,
                sqlite_ms: dict[str, float] | None = None) -> list[dict[str, Any]]:
    results = []
    for name, text, mode in QUERIES:
        def warm(text: str = text, mode: Mode = mode) -> int:
            return len(kind(project, SearchQuery(text, mode)).page(PAGE).rows)

        def ours(text: str = text, mode: Mode = mode) -> int:
            project.forget_search_check()
            return warm(text, mode)

        def baseline(text: str = text, mode: Mode = mode) -> int:
            matcher, found = compile_query(text, mode), 0
            for doc in folded:
                found += len(matcher.find(doc))
                if found >= PAGE:
                    return PAGE
            return found

        ours_ms, rows = _median_ms(ours)
        warm_ms, _ = _median_ms(warm)
        base_ms, base_rows = _median_ms(baseline)
        figures: dict[str, Any] = {
            "engine": engine, "query": name, "text": text, "rows": rows,
            "baseline_rows": base_rows, "ours_ms": round(ours_ms, 1),
            "warm_ms": round(warm_ms, 1), "baseline_ms": round(base_ms, 1),
            "ratio": round(ours_ms / base_ms, 3) if base_ms else None,
            "load": round(os.getloadavg()[0], 2)}
        if sqlite_ms is not None and sqlite_ms.get(name):
            figures["vs_sqlite"] = round(ours_ms / sqlite_ms[name], 2)
        results.append(figures)
        print(json.dumps(figures, ensure_ascii=False), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 documents")
    parser.add_argument("--count", type=int, help="documents (default 20,000)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--burn", action="store_true", help="burn a core in another process")
    parser.add_argument("--server", help="also on PostgreSQL: a database address (made when"
                        " missing, the project copied into it once)")
    args = parser.parse_args()
    count = args.count or (1000 if args.quick else 20000)
    path = args.dir / f"concordance-bench-{count}-format{FORMAT_VERSION}.annotator"
    build(path, count)
    if args.server:
        on_server(path, args.server)
    burner = None
    if args.burn:
        burner = multiprocessing.Process(target=_burn, args=(time.time() + 3600,), daemon=True)
        burner.start()
    try:
        with Project.open(path, annotator="bench") as project:
            folded = [str(t) for (t,) in project.conn.execute(
                "SELECT folded FROM search_text ORDER BY doc_id")]
            megabytes = project.conn.execute(
                "SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()[0] / 1e6
            results = run_queries(project, "sqlite", folded)
        sqlite_ms = {str(r["query"]): float(r["ours_ms"]) for r in results}
        if args.server:
            with Project.open(args.server, annotator="bench") as project:
                run_queries(project, "postgres", folded, sqlite_ms=sqlite_ms)
                with without_trigram_index(project):
                    run_queries(project, "postgres-like", folded, sqlite_ms=sqlite_ms)
                run_queries(project, "postgres-scan", folded, ScanConcordance, sqlite_ms)
    finally:
        if burner is not None:
            burner.terminate()
    word_queries = [r for r in results if not str(r["query"]).startswith("regex")]
    print(json.dumps({"documents": count, "text_mb": round(megabytes, 1), "burn": args.burn,
                      "worst_word_query_ms": max(r["ours_ms"] for r in word_queries),
                      "target_ms": 200}), flush=True)


if __name__ == "__main__":
    main()
