"""AnnotationView: the read-only right-to-left text view with painted, stacked span marks.

A QTextEdit shows the document (plain text, never HTML; see :mod:`.document`) and handles what
Qt does well: shaping, bidi, wrapping, scrolling, selection by mouse (drag, double-click a word)
and keyboard (Shift+arrows by grapheme, Ctrl+Shift+arrows by word). QPlainTextEdit is avoided
for its right-to-left layout problems (QTBUG-7516), and ``ExtraSelection`` is not used at all:
it is slow with thousands of spans and crashes PySide6 6.12 on Python 3.11.

Spans are painted by :class:`.painter.SpanPainter` in the viewport's paint event, for the
visible lines only; the text's face, size and line height are a :class:`.appearance.TextAppearance`
and clicks and hovering over spans a :class:`.pointer.SpanPointer`. The API speaks plain Python
and code points of the stored text; Qt's UTF-16 positions stay inside this package
(:class:`.offsets.QtOffsets`).
"""

from __future__ import annotations

import dataclasses
import math
import time

from annotator.ui.editor.appearance import TextAppearance, wheel_zoom_steps, zoom_key_steps
from annotator.ui.editor.disputes import paint_disputes
from annotator.ui.editor.document import block_format, build_document
from annotator.ui.editor.geometry import layout_key, lines_band
from annotator.ui.editor.layers import SpanItem, SpanLayers
from annotator.ui.editor.line_memo import LineMemos
from annotator.ui.editor.link_painter import LinkItem, paint_links
from annotator.ui.editor.offsets import QtOffsets
from annotator.ui.editor.page_ahead import AheadPage, PagesAhead, draw_text
from annotator.ui.editor.painter import Fragment, Frame, PaintStats, SpanPainter
from annotator.ui.editor.pointer import SpanPointer
from annotator.ui.editor.selection import (
    codepoint_cursor,
    cursor_codepoints,
    spans_under_point,
    stored_selection_text,
    tooltip_html,
)
from annotator.ui.qt import QSize, Qt, QtCore, QTextEdit, QtGui, QtWidgets, QWidget, Signal
from annotator.ui.session.curation import DisputeMark

AHEAD_PAUSE_MS = 250
"""How long after a paint the view waits before measuring and painting ahead (restarted by
each paint): the work waits for the user to pause (to read the page, between two adds), never
between two keys typed or repeated."""


class AnnotationView(QTextEdit):
    """Read-only annotation text view. Offsets in and out are code points of the stored text.

    Signals: ``selectionChangedCp(start, end)`` when the selection changes (``start == end``
    when it collapses), ``spanClicked(id)`` on a click (not a drag) over a span, the innermost
    one, and ``spanHovered(id)`` when the innermost span under the pointer changes (``""`` when
    the pointer leaves every span).
    """

    selectionChangedCp = Signal(int, int)  # noqa: N815 - Qt signal naming
    spanClicked = Signal(str)  # noqa: N815
    spanHovered = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offsets = QtOffsets("")
        self._layers = SpanLayers()
        self._painter = SpanPainter(self._layers, self._to_qt)
        self._look = TextAppearance()
        self._pointer = SpanPointer(self.spans_at_point)
        self._last_selection: tuple[int, int] = (0, 0)
        self._links: list[LinkItem] = []
        self._emphasized: frozenset[str] = frozenset()
        self._disputes: tuple[DisputeMark, ...] = ()
        self.disputes_drawn = 0
        """How many line pieces of disagreement marks the last paint pass drew (for tests)."""
        self.links_drawn = 0
        """How many links the last paint pass drew (for tests)."""
        self._ahead = QtCore.QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.timeout.connect(self.measure_ahead)
        self._ahead_at: tuple[object, ...] | None = None
        self._pages = PagesAhead()
        self._scrolled_up = False
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(self._look.font)
        self.viewport().setMouseTracking(True)
        self._install_document(build_document("", self._look.font, self._look.line_height, self))
        self.selectionChanged.connect(self._on_selection_changed)

    # ----------------------------------------------------------------- document and spans

    def set_document(self, text: str, spans: list[SpanItem]) -> None:
        """Show ``text`` with ``spans`` (code points); replaces the previous document.

        ValueError for a span outside the text, an empty span or a duplicate id.
        """
        for item in spans:
            self._check_range(item, len(text))
        self._layers.reset(spans)
        self._text = text
        self._offsets = QtOffsets(text)
        self._painter.selected_id = None
        self._painter.hovered_id = None
        self._pointer.hovered = ""
        self._last_selection = (0, 0)
        self._painter.memos.clear()
        old = self.document()
        self._install_document(build_document(text, self._look.font, self._look.line_height,
                                              self))
        if old is not None and old.parent() is self:
            old.deleteLater()

    def replace_spans(self, spans: list[SpanItem]) -> None:
        """Show ``spans`` instead of every span shown, in one bulk load (the text is not laid
        out again); the selected span stays selected when it is still there."""
        for item in spans:
            self._check_range(item, len(self._text))
        self._layers.reset(spans)
        if self._painter.selected_id not in self._layers.items:
            self._painter.selected_id = None
        if self._painter.hovered_id not in self._layers.items:
            self._painter.hovered_id = None
        self.viewport().update()

    def text(self) -> str:
        """The stored text shown (not the display copy)."""
        return self._text

    def spans(self) -> list[SpanItem]:
        """Every span, in no particular order."""
        return list(self._layers.items.values())

    def add_span(self, item: SpanItem) -> None:
        """Show one more span (ValueError for a taken id or a range outside the text).

        Only the lines of its cluster (the spans it overlaps, transitively, whose lanes may
        move) are repainted, with the lane and tag area below them."""
        self._check_range(item, len(self._text))
        self.viewport().update(self._area(*self._layers.add(item)))

    def remove_span(self, span_id: str) -> None:
        """Stop showing a span (KeyError if unknown)."""
        self._layers.remove(span_id)
        if self._painter.selected_id == span_id:
            self._painter.selected_id = None
        self.viewport().update()

    def update_span(self, item: SpanItem) -> None:
        """Replace the span with the same id: new range, label or colour (KeyError if unknown)."""
        self._check_range(item, len(self._text))
        self._layers.update(item)
        self.viewport().update()

    def set_selected_span(self, span_id: str | None) -> None:
        """Emphasize one span (stronger tint, outline), or none."""
        if span_id is not None and span_id not in self._layers.items:
            raise KeyError(span_id)
        previous = self._painter.selected_id
        self._painter.selected_id = span_id
        self._update_spans({previous, span_id} if previous != span_id else set())

    def set_links(self, links: list[LinkItem]) -> None:
        """Draw these links between spans (ids of :meth:`spans`; unknown ids are skipped)."""
        self._links = list(links)
        self.viewport().update()

    def links(self) -> list[LinkItem]:
        """The links given to :meth:`set_links`."""
        return list(self._links)

    def set_highlight(self, span_ids: set[str] | frozenset[str],
                      owners: set[str] | frozenset[str]) -> None:
        """Emphasize the spans ``span_ids`` like the selected one, and draw the links owned by
        ``owners`` strong with their labels (what a selected quote, event or stance connects)."""
        spans, owners = frozenset(span_ids), frozenset(owners)
        if (spans, owners) == (self._painter.highlighted, self._emphasized):
            return
        self._painter.highlighted = spans
        self._emphasized = owners
        self.viewport().update()

    def set_disputes(self, marks: list[DisputeMark]) -> None:
        """Mark where the annotators disagree (the curation view; :mod:`.disputes`)."""
        if tuple(marks) != self._disputes:
            self._disputes = tuple(marks)
            self.viewport().update()

    def disputes(self) -> tuple[DisputeMark, ...]:
        """The marks given to :meth:`set_disputes`."""
        return self._disputes

    def highlighted_spans(self) -> frozenset[str]:
        """The spans given to :meth:`set_highlight`."""
        return self._painter.highlighted

    def selected_span(self) -> str | None:
        """The id given to :meth:`set_selected_span`, or None."""
        return self._painter.selected_id

    @property
    def offsets(self) -> QtOffsets:
        """The shown text's code point <-> Qt position map."""
        return self._offsets

    def span(self, span_id: str) -> SpanItem:
        """The span shown with this id (KeyError if none)."""
        return self._layers.items[span_id]

    def has_span(self, span_id: str) -> bool:
        """Whether a span with this id is shown."""
        return span_id in self._layers.items

    def span_at(self, codepoint: int) -> list[SpanItem]:
        """Spans containing the character at ``codepoint``, innermost first."""
        return self._layers.at(codepoint)

    def spans_overlapping(self, start: int, end: int) -> list[SpanItem]:
        """Spans meeting ``[start, end)`` (an index query: the cost follows what is there)."""
        return self._layers.overlapping(start, end)

    def lane_of(self, span_id: str) -> int:
        """The underline lane of a span (0 is nearest the text)."""
        return self._layers.lanes[span_id]

    # ----------------------------------------------------------------- selection

    def selection_codepoints(self) -> tuple[int, int] | None:
        """The selected range in code points, or None when nothing is selected."""
        start, end = cursor_codepoints(self.textCursor(), self._offsets)
        return (start, end) if start < end else None

    def set_selection_codepoints(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points); ``start == end`` places the cursor there."""
        cursor = codepoint_cursor(self.document(), self._offsets, start, end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def scroll_to_codepoint(self, codepoint: int) -> None:
        """Scroll so that the character at ``codepoint`` is visible, keeping the selection."""
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(codepoint))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def _on_selection_changed(self) -> None:
        current = cursor_codepoints(self.textCursor(), self._offsets)
        if current != self._last_selection:
            self._last_selection = current
            self.selectionChangedCp.emit(*current)

    def createMimeDataFromSelection(self) -> QtCore.QMimeData:  # noqa: N802 - Qt override
        """Copy the stored text of the selection, never the display copy."""
        data = QtCore.QMimeData()
        data.setText(stored_selection_text(self._text, self.textCursor(), self._offsets))
        return data

    # ----------------------------------------------------------------- appearance

    @property
    def show_invisibles(self) -> bool:
        """Whether ZWJ, ZWNJ, LRM, RLM, ALM and tatweel are marked (the text is unchanged)."""
        return self._painter.show_invisibles

    @show_invisibles.setter
    def show_invisibles(self, on: bool) -> None:
        self._painter.show_invisibles = bool(on)
        self.viewport().update()

    @property
    def point_size(self) -> int:
        """The text size in points; see :meth:`zoom`."""
        return self._look.point_size

    def zoom(self, steps: int) -> None:
        """Change the text size by ``steps`` points (Ctrl+= and Ctrl+- do one step)."""
        if self._look.zoom(steps):
            self._apply_font()

    def set_text_font(self, font: QtGui.QFont) -> None:
        """Use ``font``'s family (an empty family means the best installed Naskh face) and size."""
        self._look.use_font(font)
        self._apply_font()

    @property
    def line_height(self) -> int:
        """Line height in percent of the font's line spacing (room for tashkeel and lanes)."""
        return self._look.line_height

    def set_line_height(self, percent: int) -> None:
        """Change the line height of every paragraph; the text and spans stay as they are."""
        if not self._look.use_line_height(percent):
            return
        cursor = QtGui.QTextCursor(self.document())
        cursor.select(QtGui.QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format(self._look.line_height))
        self.viewport().update()

    def _apply_font(self) -> None:
        self.setFont(self._look.font)
        self.document().setDefaultFont(self._look.font)
        self.viewport().update()

    @property
    def line_memos(self) -> LineMemos:
        """What Qt answered about the lines painted or measured ahead lately (counted)."""
        return self._painter.memos

    def last_paint(self) -> PaintStats:
        """Figures of the last paint pass (spans and lines painted, milliseconds)."""
        return self._painter.stats

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for a few lines of a news paragraph."""
        return QSize(720, 480)

    # ----------------------------------------------------------------- Qt events

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Tints, then Qt's text, then underlines, tags and invisible marks; a page step to a
        page painted ahead draws its pixmap (and a focused view's caret line as usual)."""
        started = time.perf_counter()
        viewport = self.viewport()
        page = None
        whole = event.rect().contains(viewport.rect())
        if whole and not self.textCursor().hasSelection():
            page = self._pages.take(self._page_key(self.verticalScrollBar().value()))
        if page is None:
            self._painter.record(self._paint_layers(event.rect()), started)
        else:
            painter = QtGui.QPainter(viewport)
            painter.drawPixmap(0, 0, page.pixmap)
            painter.end()
            self.disputes_drawn, self.links_drawn = page.disputes, page.links
            caret = self._caret_band()
            if caret is not None:
                self._paint_layers(caret, fill=True)
            self._painter.stats = dataclasses.replace(
                page.stats, milliseconds=(time.perf_counter() - started) * 1000.0, ahead=True)
        self._ahead.start(AHEAD_PAUSE_MS)

    def _paint_layers(self, rect: QtCore.QRect, fill: bool = False) -> Frame:
        """Paint ``rect`` of the viewport (its background first when ``fill``): disputes and
        tints, Qt's text, then underlines, tags, invisible marks and links."""
        band = QtCore.QRectF(rect)
        frame = self._frame(band)
        viewport = self.viewport()
        painter = QtGui.QPainter(viewport)
        painter.setClipRect(rect)
        if fill:
            painter.fillRect(rect, viewport.palette().brush(viewport.backgroundRole()))
        self.disputes_drawn = paint_disputes(painter, frame.lines, self._disputes, self._to_qt)
        self._painter.paint_under(painter, frame)
        painter.end()
        super().paintEvent(QtGui.QPaintEvent(rect))
        painter = QtGui.QPainter(viewport)
        painter.setClipRect(rect)
        base = viewport.palette().color(QtGui.QPalette.ColorRole.Base)
        self._painter.paint_over(painter, frame, self._look.metrics, base)
        if self._links:
            self.links_drawn = self._paint_links(painter, frame, band, base)
        painter.end()
        return frame

    def _caret_band(self) -> QtCore.QRect | None:
        """The viewport's width over the caret a focused view shows, or None."""
        if not self.hasFocus():
            return None
        caret = self.cursorRect()
        band = QtCore.QRect(0, caret.top() - 2, self.viewport().width(), caret.height() + 4)
        return band if band.intersects(self.viewport().rect()) else None

    def _page_key(self, y: int) -> tuple[object, ...]:
        """Everything a paint of the whole viewport scrolled to ``y`` reads."""
        viewport = self.viewport()
        palette = self.palette()
        return (y, self._horizontal_offset(), viewport.width(), viewport.height(),
                viewport.devicePixelRatioF(), layout_key(self.document(), self._look.line_height),
                self.font().key(), self._layers.version, self._painter.selected_id,
                self._painter.hovered_id, self._painter.highlighted, self._emphasized,
                tuple(self._links), self._disputes, self._painter.show_invisibles,
                palette.cacheKey(), palette.currentColorGroup(), viewport.palette().cacheKey(),
                self.isEnabled())

    def _paint_page(self, y: int) -> AheadPage:
        """The whole viewport as a paint scrolled to ``y`` would paint it, into a pixmap."""
        started = time.perf_counter()
        viewport = self.viewport()
        width, height = viewport.width(), viewport.height()
        ratio = viewport.devicePixelRatioF()
        pixmap = QtGui.QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        rect = QtCore.QRectF(0.0, 0.0, float(width), float(height))
        x_offset = self._horizontal_offset()
        frame = self._painter.prepare(self.document(), x_offset, float(y), rect,
                                      self._look.line_height,
                                      lambda q: self._offsets.to_cp(self._offsets.clamp_qt(q)))
        painter = QtGui.QPainter(pixmap)
        painter.fillRect(rect, viewport.palette().brush(viewport.backgroundRole()))
        disputes = paint_disputes(painter, frame.lines, self._disputes, self._to_qt)
        self._painter.paint_under(painter, frame)
        draw_text(painter, self.document(), self.palette(), x_offset, float(y), rect)
        base = viewport.palette().color(QtGui.QPalette.ColorRole.Base)
        self._painter.paint_over(painter, frame, self._look.metrics, base)
        links = self._paint_links(painter, frame, rect, base) if self._links else 0
        painter.end()
        return AheadPage(self._page_key(y), pixmap, self._painter.figures(frame, started),
                         disputes, links)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        """Remember the direction of the last scroll (the page painted ahead follows it)."""
        if dy:
            self._scrolled_up = dy > 0
        super().scrollContentsBy(dx, dy)

    def measure_ahead(self) -> None:
        """Measure the page below and the page above the viewport (the x extents of their
        spans and tints, kept in the lines' memos), once per scroll position and layout: run
        when the event loop has nothing else to do after a paint, so that the next page step
        asks Qt for its text and nothing else."""
        viewport = self.viewport()
        at = (self.verticalScrollBar().value(), viewport.width(), viewport.height(),
              layout_key(self.document(), self._look.line_height))
        if not self.isVisible():
            return
        if at != self._ahead_at:
            self._ahead_at = at
            width, height = float(viewport.width()), float(viewport.height())
            for top in (height, -height):
                self._painter.tints(self._frame(QtCore.QRectF(0.0, top, width, height)))
        self._paint_ahead()

    def _paint_ahead(self) -> None:
        """Paint the page a page step would show next (down, or up after scrolling up) into
        a pixmap, unless a text selection is shown or it is painted already."""
        bar = self.verticalScrollBar()
        step = -bar.pageStep() if self._scrolled_up else bar.pageStep()
        target = min(max(bar.value() + step, bar.minimum()), bar.maximum())
        if (target == bar.value() or self.textCursor().hasSelection() or not self.isEnabled()
                or self._pages.has(self._page_key(target))):
            return
        self._pages.keep(self._paint_page(target))

    def _paint_links(self, painter: QtGui.QPainter, frame: Frame, band: QtCore.QRectF,
                     base: QtGui.QColor) -> int:
        """Links need both ends: they are laid out on a frame of the whole viewport (the
        painter stays clipped to the dirty band)."""
        whole = QtCore.QRectF(self.viewport().rect())
        if not band.contains(whole):
            frame = self._frame(whole)
        if not frame.lines:
            return 0
        offsets = self._offsets
        visible = (offsets.to_cp(offsets.clamp_qt(frame.lines[0].start)),
                   offsets.to_cp(offsets.clamp_qt(frame.lines[-1].end)))
        items = self._layers.items

        def position(span_id: str) -> int | None:
            item = items.get(span_id)
            return item.start if item is not None else None

        return paint_links(painter, frame, self._links, self._emphasized, self._look.metrics,
                           whole, visible, position, self._painter.color, base)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+= / Ctrl++ zoom in, Ctrl+- zoom out, Ctrl+0 back to the default size."""
        steps = zoom_key_steps(event, self._look.point_size)
        if steps is None:
            super().keyPressEvent(event)
        else:
            self.zoom(steps)

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+wheel zooms through :meth:`zoom` so that tags and lanes follow the text size."""
        steps = wheel_zoom_steps(event)
        if steps is None:
            super().wheelEvent(event)
        else:
            self.zoom(steps)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Remember where a possible click starts, then let Qt start a selection."""
        self._pointer.pressed(event.position())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A release near the press (not a drag) over a span emits ``spanClicked``."""
        super().mouseReleaseEvent(event)
        clicked = self._pointer.clicked(event.position(), event.button())
        if clicked is not None:
            self.spanClicked.emit(clicked)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Track the innermost span under the pointer for ``spanHovered``."""
        super().mouseMoveEvent(event)
        self._follow_pointer(event.position())

    def leaveEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 - Qt override
        """Leaving the view leaves every span."""
        self._follow_pointer(None)
        super().leaveEvent(event)

    def viewportEvent(self, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt override
        """Tooltips: ``LABEL: text`` of the spans under the pointer."""
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            found = self.spans_at_point(QtCore.QPointF(event.pos()))
            if found:
                QtWidgets.QToolTip.showText(event.globalPos(), tooltip_html(self._text, found),
                                            self.viewport())
            else:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # ----------------------------------------------------------------- helpers

    def frame(self, band: QtCore.QRectF | None = None) -> Frame:
        """What a paint pass of ``band`` (viewport pixels; default the whole viewport) draws:
        the visible lines and, per line, the fragments of the spans on it with their lanes."""
        return self._frame(band if band is not None else QtCore.QRectF(self.viewport().rect()))

    def underline_y(self, fragment: Fragment) -> float:
        """Viewport y of a fragment's underline (its lane below its line)."""
        return self._painter.lane_y(fragment.line, fragment.lane, self._look.metrics)

    def spans_at_point(self, point: QtCore.QPointF) -> list[SpanItem]:
        """Spans painted under viewport ``point`` (text or lane area), innermost first."""
        reach = self._look.metrics.lane_pitch * 4 + 80.0
        band = QtCore.QRectF(0.0, point.y() - reach, float(self.viewport().width()), 2 * reach)
        frame = self._frame(band)
        return spans_under_point(self._painter, frame.fragments, self._look.metrics, point)

    def _frame(self, band: QtCore.QRectF) -> Frame:
        x_offset = self._horizontal_offset()
        return self._painter.prepare(self.document(), x_offset,
                                     float(self.verticalScrollBar().value()), band,
                                     self._look.line_height,
                                     lambda q: self._offsets.to_cp(self._offsets.clamp_qt(q)))

    def _horizontal_offset(self) -> float:
        bar = self.horizontalScrollBar()
        if self.isRightToLeft():
            return float(bar.maximum() - bar.value())
        return float(bar.value())

    def _follow_pointer(self, position: QtCore.QPointF | None) -> None:
        if self._pointer.moved(position):
            previous = self._painter.hovered_id
            self._painter.hovered_id = self._pointer.hovered or None
            self._update_spans({previous, self._painter.hovered_id})  # their lines only
            self.spanHovered.emit(self._pointer.hovered)

    def _to_qt(self, codepoint: int) -> int:
        return self._offsets.to_qt(codepoint)

    def _update_spans(self, span_ids: set[str | None]) -> None:
        """Repaint the lines of these spans (ids no longer shown are left out)."""
        for span_id in span_ids:
            item = self._layers.items.get(span_id) if span_id is not None else None
            if item is not None:
                lane = self._layers.lanes.get(item.id, 0)
                self.viewport().update(self._area(item.start, item.end, lane))

    def _area(self, start: int, end: int, lanes: int) -> QtCore.QRect:
        """What a change to the spans of ``[start, end)`` (code points, their deepest lane
        ``lanes``) can repaint: the viewport's full width over their lines and the lanes and
        tag below them; the whole viewport when a line is not laid out yet."""
        metrics = self._look.metrics
        below = (lanes + 1) * metrics.lane_pitch + metrics.tag_height + metrics.underline_width
        band = lines_band(self.document(), self._to_qt(start), self._to_qt(end),
                          float(self.verticalScrollBar().value()))
        if band is None:
            return self.viewport().rect()
        top, bottom = band[0], band[1] + below
        return QtCore.QRect(0, math.floor(top) - 2, self.viewport().width(),
                            math.ceil(bottom - top) + 4)

    def _install_document(self, document: QtGui.QTextDocument) -> None:
        self.setDocument(document)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)

    @staticmethod
    def _check_range(item: SpanItem, length: int) -> None:
        if not 0 <= item.start < item.end <= length:
            raise ValueError(f"span {item.id!r} range {item.start}..{item.end} is empty or "
                             f"outside the text (length {length})")
