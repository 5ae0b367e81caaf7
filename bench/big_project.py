"""A project of 100,000 documents: open, navigate, filter, stats, validate (issue 12, goal 4).

    QT_QPA_PLATFORM=offscreen python bench/big_project.py           # 25k, 50k and 100k documents
    QT_QPA_PLATFORM=offscreen python bench/big_project.py --quick   # 2.5k, 5k and 10k documents

Generated projects (Arabic texts of about 2,800 characters cut from a generated word pool, two
entities each, statuses spread over todo/in-progress/done/skipped) are kept in
``/tmp/annotator-bench-big`` so later runs skip the import. On the largest project it times, in
one process: opening it into the main window up to the first paint with the first document
shown (target < 1.5 s); the navigator scrolled to its end; a status filter and each keystroke of
a title filter (the filter's own work, without its 150 ms typing pause; target < 100 ms);
``stats`` (target < 1 s); the automatic backup, copied on a worker thread while the window's
event loop runs, with the longest stall of the GUI thread meanwhile (a 5 ms timer's longest
gap); the file's ``quick_check`` the app runs on a worker after the first paint (its time, and
the GUI stall), against the inspection at open with and without it. ``validate`` runs at
all three sizes (linear time: the per-document cost should stay flat). Baselines in the same
run: a bare ``SELECT count(*)`` and a full read
of every text (``SELECT length(text)``), the least any whole-project check must do.
Prints ONE JSON line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import STATUSES, DocumentRecord, Entity
from annotator.core.store import Project
from annotator.core.store.backup import AutoBackup, BackupPolicy
from annotator.core.store.database import inspect_readonly
from annotator.core.store.file_check import QuickCheckJob
from annotator.core.store.migrations import FORMAT_VERSION

CACHE = Path(tempfile.gettempdir()) / "annotator-bench-big"
TEXT_CHARS = 2800
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _pool(rng: random.Random, size: int = 400_000) -> str:
    words = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 8))) for _ in range(3000)]
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words) + ("." if rng.random() < 0.06 else "")
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def records(count: int, seed: int = 12) -> Iterator[DocumentRecord]:
    """``count`` documents: a unique head, a slice of the pool cut at spaces, two entities."""
    rng = random.Random(seed)
    pool = _pool(rng)
    for number in range(count):
        start = pool.index(" ", rng.randrange(len(pool) - 2 * TEXT_CHARS)) + 1
        end = pool.rindex(" ", start, start + TEXT_CHARS)
        head = f"خبر {number}: "
        text = head + pool[start:end]
        entities = []
        for index, at in enumerate((len(head), text.index(" ", len(head) + 1000) + 1)):
            stop = text.index(" ", at)
            while stop > at and not text[stop - 1].isalpha():
                stop -= 1
            entities.append(Entity(id=f"e{index}", start=at, end=stop,
                                   label=("PERS", "GPE")[index]))
        yield DocumentRecord(id=f"big-{number:06d}", text=text, title=f"عنوان الخبر {number}",
                             status=STATUSES[number % len(STATUSES)], entities=entities)


def project_of(count: int) -> Path:
    """The cached project of ``count`` documents, built when missing."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"big-{count}.annotator"
    if not path.exists():
        partial = CACHE / f"big-{count}.partial.annotator"
        for leftover in CACHE.glob(f"big-{count}.partial.annotator*"):
            leftover.unlink()
        started = time.perf_counter()
        with Project.open(partial, create=True, annotator="bench") as project:
            project.import_records(records(count))
        partial.replace(path)
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _validate(path: Path) -> dict[str, float]:
    with sqlite3.connect(path) as raw:
        started = time.perf_counter()
        raw.execute("SELECT sum(length(text)) FROM documents").fetchone()
        read_all = _ms(started)
    with Project.open(path, annotator="bench") as project:
        started = time.perf_counter()
        violations = project.validate()
        took = _ms(started)
    assert not violations, violations[:3]
    return {"validate_ms": took, "read_all_texts_ms": read_all}


def _while_running(app: object, done: object) -> tuple[float, float]:
    """Run the Qt event loop until ``done()``; return (milliseconds taken, the longest gap
    between two ticks of a 5 ms timer: how long the GUI thread could not answer)."""
    from annotator.ui.qt import QtCore

    assert callable(done)
    ticks = [time.perf_counter()]
    timer = QtCore.QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    started = time.perf_counter()
    timer.start()
    while not done():
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    timer.stop()
    ticks.append(time.perf_counter())
    gap = max(b - a for a, b in itertools.pairwise(ticks))
    return _ms(started), round(gap * 1000, 1)


def _check_figures(path: Path) -> dict[str, object]:
    """The inspection at open with and without ``quick_check``."""
    started = time.perf_counter()
    inspect_readonly(path, FORMAT_VERSION)
    full = _ms(started)
    started = time.perf_counter()
    inspect_readonly(path, FORMAT_VERSION, quick_check=False)
    return {"inspect_with_quick_check_ms": full, "inspect_header_only_ms": _ms(started)}


def _window_figures(path: Path, count: int) -> dict[str, object]:
    from annotator.ui.qt import QApplication
    from annotator.ui.window import project_watch
    from annotator.ui.window.main_window import MainWindow

    project_watch.FIRST_BACKUP_DELAY_MS = 3_600_000  # the bench's own backup goes elsewhere

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with sqlite3.connect(path) as raw:
        started = time.perf_counter()
        raw.execute("SELECT count(*) FROM documents").fetchone()
        count_ms = _ms(started)
    started = time.perf_counter()
    window = MainWindow(Project.open(path, annotator="bench", quick_check=False))  # as the app
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.repaint()
    open_ms = _ms(started)
    navigator = window.navigator
    view, model = navigator.list_view, navigator.model
    assert model.rowCount() == count
    started = time.perf_counter()
    view.scrollToBottom()
    view.repaint()
    app.processEvents()
    scroll_end_ms = _ms(started)
    keystrokes: list[float] = []
    started = time.perf_counter()
    navigator.set_status_filter("done")
    app.processEvents()
    view.repaint()
    status_ms = _ms(started)
    done_rows = model.rowCount()
    navigator.set_status_filter(None)
    typed = ""
    for key in f"عنوان الخبر {count // 2 + 7}":
        typed += key
        started = time.perf_counter()
        navigator.filter_edit.setText(typed)
        navigator.apply_filters()
        app.processEvents()
        view.repaint()
        keystrokes.append(_ms(started))
    last_rows = model.rowCount()
    window.watch.wait_for_backup()  # the deferred check, started after the first paint
    check = QuickCheckJob(path).start()
    check_ms, check_stall_ms = _while_running(app, check.done)
    assert check.problem is None, check.problem
    with tempfile.TemporaryDirectory() as folder:  # the automatic backup, on its worker
        auto = AutoBackup(window.project, BackupPolicy(folder=Path(folder)))
        job = auto.start(at_open=True)
        assert job is not None
        backup_ms, backup_stall_ms = _while_running(app, job.done)
        assert auto.finish(job) is not None
    window.close()
    app.processEvents()
    with Project.open(path, annotator="bench") as project:
        started = time.perf_counter()
        project.stats()
        stats_ms = _ms(started)
    return {"open_window_ms": open_ms, "count_baseline_ms": count_ms,
            "scroll_to_end_ms": scroll_end_ms, "status_filter_ms": status_ms,
            "status_filter_rows": done_rows, "title_keystroke_ms_max": max(keystrokes),
            "title_keystroke_ms_median": sorted(keystrokes)[len(keystrokes) // 2],
            "title_filter_rows_at_end": last_rows, "stats_ms": stats_ms,
            "backup_on_worker_ms": backup_ms, "backup_gui_stall_max_ms": backup_stall_ms,
            "quick_check_on_worker_ms": check_ms, "quick_check_gui_stall_max_ms": check_stall_ms,
            **_check_figures(path), "file_mb": round(path.stat().st_size / 2**20)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the documents")
    sizes = (2_500, 5_000, 10_000) if parser.parse_args().quick else (25_000, 50_000, 100_000)
    paths = {size: project_of(size) for size in sizes}
    result: dict[str, object] = {"bench": "big_project", "documents": sizes[-1]}
    result.update(_window_figures(paths[sizes[-1]], sizes[-1]))
    for size in sizes:
        figures = _validate(paths[size])
        result[f"validate_{size}_ms"] = figures["validate_ms"]
        result[f"validate_{size}_us_per_doc"] = round(figures["validate_ms"] * 1000 / size, 1)
        result[f"read_all_texts_{size}_ms"] = figures["read_all_texts_ms"]
    largest = sizes[-1]
    result["ratio_validate_to_read_all"] = round(
        float(result[f"validate_{largest}_ms"])  # type: ignore[arg-type]
        / max(float(result[f"read_all_texts_{largest}_ms"]), 0.1), 1)  # type: ignore[arg-type]
    result["targets_met"] = {
        "open_window": float(result["open_window_ms"]) < 1500,  # type: ignore[arg-type]
        "filter_keystroke": float(result["title_keystroke_ms_max"]) < 100,  # type: ignore[arg-type]
        "status_filter": float(result["status_filter_ms"]) < 100,  # type: ignore[arg-type]
        "stats": float(result["stats_ms"]) < 1000,  # type: ignore[arg-type]
    }
    result["load_average"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
