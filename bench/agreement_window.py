"""The Agreement window computing on its worker thread: does the window keep answering?

    QT_QPA_PLATFORM=offscreen python bench/agreement_window.py          # 5,000 documents
    QT_QPA_PLATFORM=offscreen python bench/agreement_window.py --quick  # 500 documents

The project is bench/agreement.py's (two annotators, 15 spans a document, every document
done). Timed in the same run: ``compute_agreement`` and the charts called directly (the
baseline: nothing else runs), then Compute in the Agreement window, from the click to the
tables filled, while a 10 ms timer ticks in the window's event loop. Printed: both times and
their ratio (what the worker and the polling cost), and the longest gap between two ticks
during the computation (how long the window could not answer; the idle gap is printed
beside it). One JSON line per step, with the load average.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.agreement import compute_agreement  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from annotator.ui.qt import QApplication, QtCore  # noqa: E402
from annotator.ui.session.agreement import pair_views  # noqa: E402
from annotator.ui.window.agreement_window import AgreementWindow  # noqa: E402
from bench.agreement import build, load  # noqa: E402

TICK_MS = 10


def emit(**figures: object) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


class Ticks:
    """The longest gap between the ticks of a 10 ms timer, in milliseconds."""

    def __init__(self) -> None:
        self.timer = QtCore.QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.last = now

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 documents")
    count = 500 if parser.parse_args().quick else 5000
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-agreement-window-") as folder:
        path = Path(folder) / "agreement.annotator"
        build(path, count)
        with Project.open(path, readonly=True) as project:
            started = time.perf_counter()
            result = compute_agreement(project, ["alice", "bob"])
            result.to_dict()
            pair_views(result)
            direct = time.perf_counter() - started
        emit(step="direct", documents=result.documents, seconds=round(direct, 2), load=load())
        with Project.open(path, annotator="alice") as project:
            window = AgreementWindow(project)
            window.show()
            ticks = Ticks()
            ticks.start()
            idle_until = time.perf_counter() + 1.0
            while time.perf_counter() < idle_until:
                app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
            idle_gap = ticks.longest
            ticks.start()
            started = time.perf_counter()
            window.compute()
            while window.computed is None and window.job is not None:
                app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
            in_window = time.perf_counter() - started
            busy_gap = ticks.longest
            ticks.timer.stop()
            filled = window.figures.rowCount()
            window.close()
    emit(step="window", documents=result.documents, seconds=round(in_window, 2),
         baseline_direct_seconds=round(direct, 2), ratio=round(in_window / direct, 2),
         longest_tick_gap_ms=round(busy_gap, 1), idle_tick_gap_ms=round(idle_gap, 1),
         figure_rows=filled, load=load())


if __name__ == "__main__":
    main()
