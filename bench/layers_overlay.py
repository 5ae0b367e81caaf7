"""What showing another annotator's layer costs the editor, on the 750,000-character document.

    QT_QPA_PLATFORM=offscreen python bench/layers_overlay.py            # full size
    QT_QPA_PLATFORM=offscreen python bench/layers_overlay.py --quick    # 75,000 characters

The document of bench/editor.py with its 20,000 entities (your layer), then the same view
with a second layer of 20,000 read-only spans (another annotator who agrees on most spans and
differs on some: the same spans without a tag, one in five moved by a word and tagged). Times,
in the same run: scrolling a page with only your layer (the baseline) and with both, in two
views scrolled in turn (so the load of a shared machine falls on both alike), and showing the
other layer (``replace_spans``: one bulk load, no new layout). Prints ONE JSON
line with the ratio overlay/baseline and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.layers import STYLE_OTHER, STYLE_OTHER_AGREEING
from annotator.ui.qt import QApplication
from bench.editor import HEIGHT, RUNS, WIDTH, generate, median_ms, settle


def other_layer(text: str, spans: list[SpanItem]) -> list[SpanItem]:
    """Another annotator's spans: the same as ``spans`` (drawn without a tag, as the editor
    draws an agreeing span), one in five moved to the next word (tagged)."""
    found: list[SpanItem] = []
    for number, item in enumerate(spans):
        start, end, style = item.start, item.end, STYLE_OTHER_AGREEING
        if number % 5 == 0:
            after = text.find(" ", end + 1)
            if after > end + 1 and "\n" not in text[end + 1:after]:
                start, end, style = end + 1, after, STYLE_OTHER
        found.append(SpanItem(f"@{number}", start, end, item.label, "#c2255c", style, "bob"))
    return found


def interleaved_scrolls(app: QApplication, views: list[AnnotationView]) -> list[list[float]]:
    """Page-down scrolls of each view in turn (view 1, view 2, view 1...), so that the load of
    a shared machine falls on both alike; the seconds of each view's repaints."""
    samples: list[list[float]] = [[] for _ in views]
    for view in views:
        view.verticalScrollBar().setValue(0)
    settle(app)
    for _ in range(RUNS):
        for view, found in zip(views, samples, strict=True):
            bar = view.verticalScrollBar()
            started = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            view.viewport().repaint()
            found.append(time.perf_counter() - started)
            settle(app)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    chars, entities = (75_000, 2_000) if quick else (750_000, 20_000)
    text, spans = generate(chars, entities)
    others = other_layer(text, spans)
    own_view, both_view = AnnotationView(), AnnotationView()
    for view in (own_view, both_view):
        view.resize(WIDTH, HEIGHT)
        view.show()
        view.set_document(text, spans)
    settle(app)
    own_view.viewport().repaint()
    own_spans = own_view.last_paint().spans
    document = both_view.document()
    started = time.perf_counter()
    both_view.replace_spans(spans + others)
    both_view.viewport().repaint()
    shown_ms = (time.perf_counter() - started) * 1000.0
    both_spans = both_view.last_paint().spans
    assert both_view.document() is document, "showing a layer laid the text out again"
    own, both = interleaved_scrolls(app, [own_view, both_view])
    print(json.dumps({
        "chars": len(text), "own_spans": len(spans), "other_spans": len(others),
        "scroll_ms_median_own_only": median_ms(own),
        "scroll_ms_median_with_other_layer": median_ms(both),
        "ratio_overlay_to_own_only": round(median_ms(both) / max(median_ms(own), 0.01), 2),
        "show_layer_ms": round(shown_ms, 1),
        "spans_painted_own_only": own_spans,
        "spans_painted_with_other_layer": both_spans,
        "load_average": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
