"""The text selection in code points, and what the pointer is over.

Qt keeps the selection as a QTextCursor in UTF-16 positions of the display text; the rest of the
program speaks code points of the stored text. These helpers are the crossing. Qt moves cursors
by grapheme cluster (an Arabic letter with its tashkeel, a whole emoji), so a selection made by
mouse or keyboard never splits a cluster; a position that would split a surrogate pair is widened
to the whole character all the same.
"""

from __future__ import annotations

from annotator.ui.editor.layers import SpanItem
from annotator.ui.editor.offsets import QtOffsets
from annotator.ui.editor.painter import Fragment, Metrics, SpanPainter
from annotator.ui.i18n import translate
from annotator.ui.qt import QtCore, QtGui


def cursor_codepoints(cursor: QtGui.QTextCursor, offsets: QtOffsets) -> tuple[int, int]:
    """``(start, end)`` of the cursor's selection in code points (equal when nothing is
    selected), ordered whichever way the selection was made."""
    start = offsets.clamp_qt(cursor.selectionStart())
    end = offsets.clamp_qt(cursor.selectionEnd())
    return offsets.span_to_cp(start, end)


def codepoint_cursor(document: QtGui.QTextDocument, offsets: QtOffsets, start: int,
                     end: int) -> QtGui.QTextCursor:
    """A cursor of ``document`` selecting ``[start, end)`` given in code points, anchored at
    ``start`` (ValueError for offsets outside the text)."""
    q_start, q_end = offsets.span_to_qt(start, end)
    cursor = QtGui.QTextCursor(document)
    cursor.setPosition(q_start)
    cursor.setPosition(q_end, QtGui.QTextCursor.MoveMode.KeepAnchor)
    return cursor


def stored_selection_text(text: str, cursor: QtGui.QTextCursor, offsets: QtOffsets) -> str:
    """The stored text under the cursor's selection (not the display copy, whose block cuts
    and paragraph separators would otherwise leak into the clipboard)."""
    start, end = cursor_codepoints(cursor, offsets)
    return text[start:end]


def spans_under_point(painter: SpanPainter, fragments: list[Fragment], metrics: Metrics,
                      point: QtCore.QPointF) -> list[SpanItem]:
    """Spans whose painted area (text and lane, tag included) contains ``point``, innermost
    first."""
    found: dict[str, SpanItem] = {}
    for fragment in fragments:
        if fragment.item.id in found:
            continue
        if any(rect.contains(point) for rect in painter.fragment_rects(fragment, metrics)):
            found[fragment.item.id] = fragment.item
    return sorted(found.values(), key=lambda item: (item.end - item.start, item.start, item.id))


def tooltip_html(text: str, items: list[SpanItem], limit: int = 80) -> str:
    """Rich text for the tooltip, one ``LABEL: text`` line per span, innermost first
    (another annotator's span says whose layer it is in).

    QToolTip would guess the format and render document text that looks like HTML, so the
    document text is escaped and the result is explicitly rich text.
    """
    from html import escape

    rows = []
    for item in items:
        covered = text[item.start:item.end]
        if len(covered) > limit:
            covered = covered[:limit - 1] + "…"
        whose = (" <i>" + escape(translate("Selection", "({owner}'s layer, read-only)"),
                                 quote=False).format(owner=escape(item.owner)) + "</i>"
                 if item.owner else "")
        rows.append(f"<b>{escape(item.label)}</b>{whose}: "
                    f"<span dir='rtl'>{escape(covered)}</span>")
    return "<p style='white-space:pre'>" + "<br>".join(rows) + "</p>"
