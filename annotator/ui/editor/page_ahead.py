"""Pages painted ahead: the page a page step will show, painted into a pixmap while idle.

A page step exposes the whole viewport: Qt lays out nothing, but draws every glyph again, and
the view draws every tint, underline and tag. :class:`PagesAhead` keeps the page below the
viewport (above it after scrolling up), painted when the event loop had nothing else to do,
under a key holding everything the paint reads (scroll offsets, size, pixel ratio, layout,
spans, selection and hover, links, disputes, invisibles, palette and state); the paint event of
a page step whose key matches draws the pixmap and nothing else. Any other key paints as
before.

The text is drawn by :func:`draw_text`, what ``QTextEdit`` draws for a document without a text
selection and without the caret (a focused view draws its caret with Qt's paint over the
pixmap, on the caret's line: see :meth:`.view.AnnotationView.paintEvent`); a view with a text
selection paints nothing ahead.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.ui.editor.painter import PaintStats
from annotator.ui.qt import QtCore, QtGui


@dataclass(slots=True)
class AheadPage:
    """One page painted ahead, with the key it was painted under and its paint's figures."""

    key: tuple[object, ...]
    pixmap: QtGui.QPixmap
    stats: PaintStats
    disputes: int
    """Pieces of disagreement marks drawn."""
    links: int
    """Links drawn."""


class PagesAhead:
    """At most one page painted ahead (a pixmap of the viewport's size)."""

    __slots__ = ("_page", "drawn", "painted")

    def __init__(self) -> None:
        self._page: AheadPage | None = None
        self.painted = 0
        """Pages painted ahead."""
        self.drawn = 0
        """Page steps drawn from a page painted ahead."""

    def has(self, key: tuple[object, ...]) -> bool:
        """Whether the page kept was painted under ``key``."""
        return self._page is not None and self._page.key == key

    def keep(self, page: AheadPage) -> None:
        """Keep ``page`` instead of the one kept."""
        self._page = page
        self.painted += 1

    def take(self, key: tuple[object, ...]) -> AheadPage | None:
        """The page painted under ``key``, or None; a page is drawn once."""
        page = self._page
        if page is None or page.key != key:
            return None
        self._page = None
        self.drawn += 1
        return page

    def clear(self) -> None:
        """Forget the page kept."""
        self._page = None


def draw_text(painter: QtGui.QPainter, document: QtGui.QTextDocument, palette: QtGui.QPalette,
              x_offset: float, y_offset: float, rect: QtCore.QRectF) -> None:
    """Draw the text of ``document`` in the viewport ``rect`` as ``QTextEdit`` does (the
    document scrolled by the offsets, the widget's palette), with no selection and no caret."""
    painter.save()
    painter.translate(-x_offset, -y_offset)
    context = QtGui.QAbstractTextDocumentLayout.PaintContext()
    context.palette = palette
    context.clip = rect.translated(x_offset, y_offset)
    painter.setClipRect(context.clip, QtCore.Qt.ClipOperation.IntersectClip)
    document.documentLayout().draw(painter, context)
    painter.restore()


__all__ = ["AheadPage", "PagesAhead", "draw_text"]
