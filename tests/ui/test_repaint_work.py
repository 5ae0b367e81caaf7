"""The work a paint and an add cost, counted (never timed): which spans of a mixed line need
Qt's glyph runs, how often a line asks Qt for an x, which widgets of the window repaint or lay
out after the workbench adds a span, and what the navigator reads for it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.editor.geometry import VisibleLine, one_level, span_segments
from annotator.ui.models.documents import DocumentListModel, EntityCountRole
from annotator.ui.qt import QApplication, QObject, QtCore, QtGui, QWidget
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import TEXT_A, shown_window

MIXED = "قال مراسل Reuters في موسكو إن الوزير لافروف التقى كيري عام 2024 في جنيف."


class CountingLine:
    """A QTextLine that counts its ``glyphRuns`` calls (everything else is the real line's)."""

    def __init__(self, line: QtGui.QTextLine) -> None:
        self._line = line
        self.glyph_runs = 0
        self.cursor_to_x = 0

    def glyphRuns(self, start: int, length: int) -> list[QtGui.QGlyphRun]:  # noqa: N802 - Qt name
        self.glyph_runs += 1
        return self._line.glyphRuns(start, length)

    def cursorToX(self, *args: object) -> object:  # noqa: N802 - Qt name
        self.cursor_to_x += 1
        return self._line.cursorToX(*args)  # type: ignore[call-overload]


def counting_copy(line: VisibleLine) -> tuple[VisibleLine, CountingLine]:
    """``line`` with a :class:`CountingLine` inside."""
    counting = CountingLine(line.line)
    return VisibleLine(line.start, line.end, line.block_start, counting,  # type: ignore[arg-type]
                       line.origin_x, line.top, line.height, line.ascent, line.descent,
                       line.pitch, line.text, line.pure_rtl), counting


def glyph_run_extents(line: VisibleLine, start: int, end: int) -> list[tuple[float, float]]:
    """The visual pieces of ``[start, end)`` as Qt's glyph runs give them (merged)."""
    runs = line.line.glyphRuns(start - line.block_start, end - start)
    merged: list[tuple[float, float]] = []
    for left, right in sorted((r.boundingRect().left(), r.boundingRect().right()) for r in runs):
        if merged and left <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return [(line.origin_x + left, line.origin_x + right) for left, right in merged]


@pytest.fixture
def mixed_view(qtbot) -> AnnotationView:  # type: ignore[no-untyped-def]
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    spans = [SpanItem(f"s{n}", MIXED.index(word), MIXED.index(word) + len(word), "GPE",
                      "#2ca02c") for n, word in enumerate(["موسكو", "الوزير لافروف", "Reuters",
                                                           "عام 2024", "جنيف"])]
    view.set_document(MIXED, spans)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_one_level_ranges() -> None:
    assert one_level("موسكو")
    assert one_level("الوزير لافروف")  # a space between letters takes their level
    assert one_level("مُحَمَّد")
    assert not one_level("Reuters")
    assert not one_level("عام 2024")  # digits sit a level up
    assert not one_level("عام ١٩٩٠")  # Arabic-Indic digits too
    assert not one_level("«موسكو»")  # a neutral edge may follow the text outside
    assert not one_level("موسكو\tباريس")
    assert not one_level("موسكو\u202aباريس")
    assert not one_level("")


def test_an_arabic_span_on_a_mixed_line_needs_no_glyph_runs(mixed_view: AnnotationView) -> None:
    frame = mixed_view.frame()
    assert len(frame.lines) == 1
    assert not frame.lines[0].pure_rtl
    line = frame.lines[0]
    proxy, counting = counting_copy(line)
    for word in ("موسكو", "الوزير لافروف", "جنيف"):
        start = MIXED.index(word)
        segments = span_segments(proxy, start, start + len(word))
        expected = glyph_run_extents(line, start, start + len(word))
        assert len(segments) == len(expected) == 1
        assert segments[0] == pytest.approx(expected[0], abs=0.01)  # the same pixels
    assert counting.glyph_runs == 0
    for word in ("Reuters", "عام 2024"):  # another level inside: Qt's visual runs decide
        start = MIXED.index(word)
        span_segments(proxy, start, start + len(word))
    assert counting.glyph_runs == 2


def test_a_line_asks_qt_for_an_edge_once(mixed_view: AnnotationView) -> None:
    """The tints and the underlines of a pass ask for the same span edges."""
    line, counting = counting_copy(mixed_view.frame().lines[0])
    start = MIXED.index("موسكو")
    first = [span_segments(line, start, start + 5) for _ in range(3)]
    assert first[0] == first[1] == first[2]
    assert counting.cursor_to_x == 2
    assert line.x(start) == line.x(start)
    assert counting.cursor_to_x == 3


def test_hovering_a_span_repaints_its_lines_not_the_viewport(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Hovering thickens a span's underline: only its lines are painted again, so the blit
    of a scroll and the paint of the rest stay as they are."""
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    paragraph = " ".join(["قال الوزير في موسكو إن المفاوضات مستمرة"] * 6)
    text = "\n".join([paragraph] * 20)
    starts = [n for n in range(len(text)) if text.startswith("موسكو", n)]
    view.set_document(text, [SpanItem(f"s{n}", start, start + 5, "GPE", "#2ca02c")
                             for n, start in enumerate(starts)])
    view.show()
    qtbot.waitExposed(view)
    document = view.document()
    qtbot.waitUntil(lambda: document.lastBlock().layout().lineCount() > 0)  # laid out
    qtbot.wait(50)  # and the scroll bars adjusted to it (a full repaint)
    view.viewport().repaint()
    whole = view.last_paint().lines
    assert whole >= 8
    fragment = next(f for f in view.frame().fragments if f.line.top > 200)
    left, right = fragment.segments[0]
    point = QtCore.QPoint(round((left + right) / 2), round(fragment.line.top + 5))
    with qtbot.waitSignal(view.spanHovered, timeout=1000) as hovered:
        qtbot.mouseMove(view.viewport(), point)
    assert hovered.args == [fragment.item.id]
    qtbot.waitUntil(lambda: view.last_paint().lines < whole)
    assert view.last_paint().lines <= 3  # its line and the ones whose lanes reach it


class PaintCounter(QObject):
    """Counts paint events per widget (by object name, else class name)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[str] = Counter()
        self.layouts: Counter[str] = Counter()
        """Layout requests (a widget's layout run again), per widget."""

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if isinstance(watched, QWidget):
            name = watched.objectName() or type(watched).__name__
            if event.type() == QtCore.QEvent.Type.Paint:
                self.paints[name] += 1
            elif event.type() == QtCore.QEvent.Type.LayoutRequest:
                self.layouts[name] += 1
        return False


@pytest.fixture
def window(qtbot, project_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = shown_window(qtbot, Project.open(project_path, annotator="tester"), 1400, 900)
    yield win
    win.close()


def _add(qtbot, window: MainWindow, word: str) -> PaintCounter:  # type: ignore[no-untyped-def]
    """Label ``word`` PERS with the hotkey; what the widgets painted and laid out after the
    press."""
    start = TEXT_A.index(word)
    window.editor.set_selection_codepoints(start, start + len(word))
    window.editor.setFocus()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    counter = PaintCounter()
    app.installEventFilter(counter)
    try:
        qtbot.keyClick(window.editor, "p")
        app.processEvents()
    finally:
        app.removeEventFilter(counter)
    return counter


def test_an_add_leaves_the_document_header_alone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _add(qtbot, window, "موسكو")
    painted = _add(qtbot, window, "أمس").paints
    assert len(window.editor.spans()) == 2
    assert painted["statusChip"] == 0  # same title, same status: nothing set again
    assert painted["DocumentHeader"] == 0


def test_an_add_lays_out_no_window_around_the_status_line(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The entity count, the save state and the cursor change their text, not the layout
    of the status bar and the main window (docks, central widget)."""
    _add(qtbot, window, "موسكو")
    work = _add(qtbot, window, "أمس")
    assert window.status_line.document_label.text().startswith("2 entities")
    assert window.status_line.save_label.text().startswith("Saved")
    assert work.layouts["QStatusBar"] == 0
    assert work.layouts["MainWindow"] == 0
    assert work.paints["QStatusBar"] <= 1


def test_the_navigator_counts_an_added_entity_without_reading(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="tester") as project:
        project.import_records([DocumentRecord(id=f"d{n}", text=f"قال موسكو {n}", title=f"t{n}")
                                for n in range(30)])
        model = DocumentListModel(project)
        model.attach()
        assert model.index(3, 0).data(EntityCountRole) == 0  # the first page is read
        reads: list[object] = []
        real = project.list_documents
        monkeypatch.setattr(project, "list_documents",
                            lambda *a, **k: reads.append(a) or real(*a, **k))
        with qtbot.waitSignal(model.dataChanged) as signal:
            entity = project.add_entity(4, 4, 9, "GPE")
        assert signal.args[0].row() == signal.args[1].row() == 3
        assert model.index(3, 0).data(EntityCountRole) == 1
        with qtbot.assertNotEmitted(model.dataChanged):  # the count stays: nothing to repaint
            project.relabel_entity(entity, "LOC")
        project.undo()
        project.undo()
        assert model.index(3, 0).data(EntityCountRole) == 0
        project.redo()
        assert model.index(3, 0).data(EntityCountRole) == 1
        assert reads == []
        model.detach()
        assert project.list_documents(3, 1)[0].entity_count == 1  # what a read would show
