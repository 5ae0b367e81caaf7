"""The same editor figures through the whole workbench: store, journal, events and the view.

``add_span`` here is the user's path: a hotkey in the main window snaps the selection, commits
the entity and its journal entry to SQLite, the store's change event updates the view, and the
view repaints. ``open`` reads the document and its 20,000 entities from the project file.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.ui.editor import SpanItem
from annotator.ui.qt import QApplication, Qt, QtCore, QtGui
from annotator.ui.window.main_window import MainWindow


def _press(widget: object, key: Qt.Key, text: str) -> None:
    event = QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def bench_workbench(app: QApplication, text: str, spans: list[SpanItem],
                    words: list[tuple[int, int]], runs: int) -> dict[str, float]:
    """Open the document in a MainWindow and label ``runs`` words with the GPE hotkey (g)."""
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        path = Path(tmp) / "bench.annotator"
        entities = [Entity(id=s.id, start=s.start, end=s.end, label=s.label) for s in spans]
        with Project.open(path, create=True, annotator="bench") as project:
            project.import_records([DocumentRecord(id="big", text=text, title="big",
                                                   entities=entities)])
            doc_id = project.document_ids()[0]
        project = Project.open(path, annotator="bench")
        window = MainWindow(project)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.workbench.open_document(doc_id, cursor=0)
        window.editor.viewport().repaint()
        open_ms = (time.perf_counter() - started) * 1000.0
        app.processEvents()
        editor = window.editor
        editor.setFocus()
        before = project.stats()["annotations"]["entities"]
        samples: list[float] = []
        lines = 0
        for start, end in words[:runs]:
            editor.set_selection_codepoints(start, end)
            app.processEvents()
            begun = time.perf_counter()
            _press(editor, Qt.Key.Key_G, "g")
            app.processEvents()  # paint what the change marked dirty, as the event loop does
            samples.append(time.perf_counter() - begun)
            lines = editor.last_paint().lines
            app.processEvents()
        added = project.stats()["annotations"]["entities"] - before
        window.close()
        project.close()
    if added != len(samples):
        raise RuntimeError(f"the hotkey committed {added} entities for {len(samples)} presses")
    return {
        "workbench_open_ms": round(open_ms, 1),
        "workbench_add_span_committed_ms_median": round(statistics.median(samples) * 1000.0, 2),
        "workbench_add_span_committed_ms_max": round(max(samples) * 1000.0, 2),
        "workbench_add_span_lines_painted": lines,
    }
