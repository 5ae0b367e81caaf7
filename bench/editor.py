"""Annotation view timings on a 750,000-character document with 20,000 entities.

    QT_QPA_PLATFORM=offscreen python bench/editor.py            # full size
    QT_QPA_PLATFORM=offscreen python bench/editor.py --quick    # 75,000 characters, 2,000 spans
    QT_QPA_PLATFORM=offscreen python bench/editor.py --burn     # the same on a busy machine:
                                                                # a second process burns a core

Shows :class:`AnnotationView` offscreen at 1200x800 and times, in the same run, a naive
QTextEdit that marks spans with ``setExtraSelections`` (all spans, then only the visible ones):

* open: ``set_document`` (or ``setPlainText`` + extra selections) and the first paint;
* add span: a key press whose handler adds a span over the selection, and the paint of what the
  view marked dirty (the event loop's next step; median of 50);
* scroll: one page down and the repaint (median of 50 page scrolls, 0.4 s apart for the view: the
  user reads the page; wall and this thread's CPU time, and the CPU time of the event loop
  between steps, where the view measures and paints the next page ahead);
* workbench: the same document opened from a project in the main window, and the user's path of
  adding a span: hotkey -> snap -> SQLite commit with its journal entry -> change event -> repaint
  (``workbench_add_span_committed_ms_median``; see bench/workbench_timing.py).

Prints ONE JSON line. Targets: open < 300 ms, add span < 16 ms, scroll < 16 ms per repaint.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.offsets import QtOffsets
from annotator.ui.fonts import preferred_text_font
from annotator.ui.qt import QApplication, QObject, Qt, QtCore, QTextEdit, QtGui
from bench.workbench_timing import bench_workbench

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_NAMES = ["موسكو", "واشنطن", "باريس", "بوتين", "كيري", "لافروف", "القاهرة", "الرياض", "Reuters",
          "2024", "١٩٩٠", "مُحَمَّد"]
_COLORS = {"PERS": "#d62728", "GPE": "#2ca02c", "ORG": "#1f77b4", "DATE": "#9467bd",
           "LOC": "#8c564b", "NORP": "#e377c2"}
RUNS = 50
WIDTH, HEIGHT = 1200, 800


def generate(chars: int, entities: int, seed: int = 5) -> tuple[str, list[SpanItem]]:
    """Paragraphs of generated Arabic words (some Latin and digits), and entities on whole
    words: mostly single words, one in eight a two-to-three-word span holding a nested one."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 8))) for _ in range(3000)]
    vocab += _NAMES * 30
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        words = [rng.choice(vocab) for _ in range(rng.randint(50, 140))]
        paragraph = " ".join(words) + "."
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    text = "\n".join(paragraphs)[:chars]
    starts: list[int] = []
    position = 0
    for word in text.split(" "):
        starts.append(position)
        position += len(word) + 1
    word_ends = [s + len(w) for s, w in zip(starts, text.split(" "), strict=True)]
    chosen = sorted(rng.sample(range(len(starts) - 4), entities))
    spans: list[SpanItem] = []
    taken_until = -1
    for number, index in enumerate(chosen):
        start = starts[index]
        if start < taken_until:
            continue
        end = word_ends[index]
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end <= start or "\n" in text[start:end]:
            continue
        label = rng.choice(list(_COLORS))
        if number % 8 == 0 and "\n" not in text[start:word_ends[index + 2]]:
            outer_end = word_ends[index + 2]
            while not text[outer_end - 1].isalnum():
                outer_end -= 1
            spans.append(SpanItem(f"o{number}", start, outer_end, "ORG", _COLORS["ORG"]))
            taken_until = outer_end
        else:
            taken_until = end
        spans.append(SpanItem(f"e{number}", start, end, label, _COLORS[label]))
    return text, spans[:entities]


def paint_pending(app: QApplication) -> None:
    """Paint what the widgets asked to repaint (their dirty regions), as the event loop
    does right after the handler returns."""
    app.processEvents()


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000.0, 2)


def settle(app: QApplication) -> None:
    """Run pending events (timers of the lazy layout, queued paints)."""
    app.processEvents()


def wait_for_full_layout(app: QApplication, document: QtGui.QTextDocument) -> float:
    """Let Qt's lazy layout finish; returns how long it took in ms."""
    started = time.perf_counter()
    while document.lastBlock().layout().lineCount() == 0:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return round((time.perf_counter() - started) * 1000.0, 1)


class KeyToSpan(QObject):
    """The 'annotate' key: on E, add a span over the selection and repaint at once."""

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self.action = action

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.KeyPress and isinstance(event, QtGui.QKeyEvent) \
                and event.key() == Qt.Key.Key_E:
            self.action()
            return True
        return False


def press_e(widget: QTextEdit) -> None:
    event = QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, Qt.Key.Key_E,
                            Qt.KeyboardModifier.NoModifier, "e")
    QApplication.sendEvent(widget, event)


def visible_words(text: str, widget: QTextEdit, offsets: QtOffsets) -> list[tuple[int, int]]:
    """Whole-word ranges (code points) inside the viewport."""
    top = widget.cursorForPosition(QtCore.QPoint(WIDTH - 40, 10)).position()
    bottom = widget.cursorForPosition(QtCore.QPoint(40, HEIGHT - 60)).position()
    first, last = offsets.to_cp(top), offsets.to_cp(bottom)
    found: list[tuple[int, int]] = []
    position = text.find(" ", first) + 1
    while 0 < position < last:
        end = text.find(" ", position)
        if end < 0 or end > last:
            break
        if end - position > 1 and "\n" not in text[position:end]:
            found.append((position, end))
        position = end + 1
    return found


READ_PAUSE_S = 0.4
"""The pause after each page step of the view (the user reads the page): the view measures and
paints ahead when the user pauses (``AHEAD_PAUSE_MS``, 250 ms)."""


def pause(app: QApplication, seconds: float) -> None:
    """Run the event loop for ``seconds`` (timers fire), sleeping between its steps."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def time_scrolls(app: QApplication, widget: QTextEdit,
                 before_paint: Callable[[], None] | None = None,
                 read_pause: float = 0.0) -> dict[str, list[float]]:
    """Page steps: wall time and CPU time (this thread) of each step and its repaint, and the
    CPU time of the event loop after it (the view's work when idle), with ``read_pause``
    seconds of event loop between steps (none: one step of it)."""
    bar = widget.verticalScrollBar()
    bar.setValue(0)
    settle(app)
    found: dict[str, list[float]] = {"wall": [], "cpu": [], "idle_cpu": []}
    for _ in range(RUNS):
        started, cpu = time.perf_counter(), time.thread_time()
        bar.setValue(bar.value() + bar.pageStep())
        if before_paint is not None:
            before_paint()
        widget.viewport().repaint()
        found["wall"].append(time.perf_counter() - started)
        found["cpu"].append(time.thread_time() - cpu)
        idle = time.thread_time()
        settle(app)
        if read_pause:
            pause(app, read_pause)
        found["idle_cpu"].append(time.thread_time() - idle)
    return found


def bench_view(app: QApplication, text: str, spans: list[SpanItem]) -> dict[str, object]:
    view = AnnotationView()
    view.resize(WIDTH, HEIGHT)
    view.show()
    settle(app)
    started = time.perf_counter()
    view.set_document(text, spans)
    opened = time.perf_counter()
    view.viewport().repaint()
    painted = time.perf_counter()
    first_paint = view.last_paint()
    layout_ms = wait_for_full_layout(app, view.document())
    scroll = time_scrolls(app, view, read_pause=READ_PAUSE_S)
    offsets = QtOffsets(text)
    words = visible_words(text, view, offsets)
    counter = iter(range(10**9))

    def annotate() -> None:
        selection = view.selection_codepoints()
        if selection is not None:
            view.add_span(SpanItem(f"new{next(counter)}", *selection, "GPE", _COLORS["GPE"]))
            paint_pending(app)

    key_filter = KeyToSpan(annotate)
    view.installEventFilter(key_filter)
    before = len(view.spans())
    add: list[float] = []
    for start, end in words[:RUNS]:
        view.set_selection_codepoints(start, end)
        settle(app)
        begun = time.perf_counter()
        press_e(view)
        add.append(time.perf_counter() - begun)
    view.removeEventFilter(key_filter)
    add_lines = view.last_paint().lines
    if len(view.spans()) != before + len(add):
        raise RuntimeError("the key press did not add a span each time")
    return {
        "open_ms": round((painted - started) * 1000.0, 1),
        "set_document_ms": round((opened - started) * 1000.0, 1),
        "first_paint_ms": round((painted - opened) * 1000.0, 1),
        "first_paint_spans": first_paint.spans,
        "full_layout_background_ms": layout_ms,
        "add_span_ms_median": median_ms(add),
        "add_span_lines_painted": add_lines,
        "scroll_ms_median": median_ms(scroll["wall"]),
        "scroll_ms_max": round(max(scroll["wall"]) * 1000.0, 2),
        "scroll_cpu_ms_median": median_ms(scroll["cpu"]),
        "scroll_idle_cpu_ms_median": median_ms(scroll["idle_cpu"]),
        "scroll_spans_painted": view.last_paint().spans,
        "spans": len(view.spans()),
    }


def extra_selection(cursor: QtGui.QTextCursor, color: str) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    fmt = QtGui.QTextCharFormat()
    background = QtGui.QColor(color)
    background.setAlpha(60)
    fmt.setBackground(background)
    fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QtGui.QColor(color))
    selection.format = fmt
    selection.cursor = cursor
    return selection


def baseline_editor(app: QApplication) -> QTextEdit:
    editor = QTextEdit()
    editor.setReadOnly(True)
    editor.setFont(preferred_text_font(16))
    option = QtGui.QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    editor.document().setDefaultTextOption(option)
    editor.resize(WIDTH, HEIGHT)
    editor.show()
    settle(app)
    return editor


def selections_for(editor: QTextEdit, offsets: QtOffsets,
                   spans: list[SpanItem]) -> list[QTextEdit.ExtraSelection]:
    document = editor.document()
    result = []
    for item in spans:
        cursor = QtGui.QTextCursor(document)
        cursor.setPosition(offsets.to_qt(item.start))
        cursor.setPosition(offsets.to_qt(item.end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        result.append(extra_selection(cursor, item.color))
    return result


def bench_baseline_all(app: QApplication, text: str, spans: list[SpanItem]) -> dict[str, float]:
    """Every span as an ExtraSelection, set once; adding one resets the whole list."""
    editor = baseline_editor(app)
    offsets = QtOffsets(text)
    started = time.perf_counter()
    editor.setPlainText(text)
    selections = selections_for(editor, offsets, spans)
    editor.setExtraSelections(selections)
    editor.viewport().repaint()
    opened = time.perf_counter() - started
    wait_for_full_layout(app, editor.document())
    scroll = time_scrolls(app, editor)
    add: list[float] = []
    for start, end in visible_words(text, editor, offsets)[:RUNS]:
        begun = time.perf_counter()
        item = SpanItem("n", start, end, "GPE", _COLORS["GPE"])
        selections.extend(selections_for(editor, offsets, [item]))
        editor.setExtraSelections(selections)
        paint_pending(app)
        add.append(time.perf_counter() - begun)
        settle(app)
    editor.setExtraSelections([])
    editor.close()
    return {"baseline_open_ms": round(opened * 1000.0, 1),
            "baseline_add_span_ms_median": median_ms(add),
            "baseline_scroll_ms_median": median_ms(scroll["wall"]),
            "baseline_scroll_cpu_ms_median": median_ms(scroll["cpu"])}


def bench_baseline_visible(app: QApplication, text: str, spans: list[SpanItem]
                           ) -> dict[str, float]:
    """Only the visible spans as ExtraSelections, recomputed on every scroll."""
    from annotator.ui.editor.layers import SpanIndex

    editor = baseline_editor(app)
    offsets = QtOffsets(text)
    by_id = {item.id: item for item in spans}
    index = SpanIndex()

    def refresh() -> None:
        top = editor.cursorForPosition(QtCore.QPoint(WIDTH, 0)).position()
        bottom = editor.cursorForPosition(QtCore.QPoint(0, HEIGHT)).position()
        found = index.overlapping(offsets.to_cp(top), offsets.to_cp(bottom) + 1)
        editor.setExtraSelections(selections_for(editor, offsets, [by_id[i] for *_, i in found]))

    started = time.perf_counter()
    editor.setPlainText(text)
    index.bulk_load((item.start, item.end, item.id) for item in spans)
    refresh()
    editor.viewport().repaint()
    opened = time.perf_counter() - started
    wait_for_full_layout(app, editor.document())
    scroll = time_scrolls(app, editor, refresh)
    add: list[float] = []
    for number, (start, end) in enumerate(visible_words(text, editor, offsets)[:RUNS]):
        begun = time.perf_counter()
        item = SpanItem(f"n{number}", start, end, "GPE", _COLORS["GPE"])
        by_id[item.id] = item
        index.add(start, end, item.id)
        refresh()
        paint_pending(app)
        add.append(time.perf_counter() - begun)
        settle(app)
    editor.close()
    return {"baseline_visible_open_ms": round(opened * 1000.0, 1),
            "baseline_visible_add_span_ms_median": median_ms(add),
            "baseline_visible_scroll_ms_median": median_ms(scroll["wall"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--burn", action="store_true",
                        help="run with a second process burning one core the whole time")
    args = parser.parse_args()
    burner = (subprocess.Popen([sys.executable, "-c", "while True: pass"])
              if args.burn else None)
    try:
        run(args.quick, args.burn)
    finally:
        if burner is not None:
            burner.kill()
            burner.wait()


def run(quick: bool, burn: bool) -> None:
    """Every measurement; prints the JSON line."""
    chars, entities = (75_000, 2_000) if quick else (750_000, 20_000)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    text, spans = generate(chars, entities)
    figures: dict[str, object] = {"bench": "editor", "burn": burn, "chars": len(text),
                                  "entities": len(spans), "load_average": os.getloadavg()[0]}
    figures.update(bench_view(app, text, spans))
    # Free words near the top of the document (the workbench opens it at offset 0).
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s.]{3,}", text[:4000])
             if not any(sp.start < m.end() and m.start() < sp.end for sp in spans)]
    figures.update(bench_workbench(app, text, spans, words, RUNS))
    figures.update(bench_baseline_all(app, text, spans))
    figures.update(bench_baseline_visible(app, text, spans))
    figures["ratio_baseline_scroll_cpu_ms_median"] = round(
        float(figures["baseline_scroll_cpu_ms_median"])  # type: ignore[arg-type]
        / max(float(figures["scroll_cpu_ms_median"]), 0.01), 2)  # type: ignore[arg-type]
    for name in ("open_ms", "add_span_ms_median", "scroll_ms_median"):
        ours = float(figures[name])  # type: ignore[arg-type]
        for prefix in ("baseline_", "baseline_visible_"):
            theirs = float(figures[prefix + name])  # type: ignore[arg-type]
            figures[f"ratio_{prefix}{name}"] = round(theirs / ours, 2) if ours else None
    figures["targets_met"] = (float(figures["open_ms"]) < 300  # type: ignore[arg-type]
                              and float(figures["add_span_ms_median"]) < 16  # type: ignore[arg-type]
                              and float(figures["workbench_add_span_committed_ms_median"]) < 16  # type: ignore[arg-type]
                              and float(figures["scroll_ms_median"]) < 16)  # type: ignore[arg-type]
    figures["load_average_end"] = os.getloadavg()[0]
    print(json.dumps(figures, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
