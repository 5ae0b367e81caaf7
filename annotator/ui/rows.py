"""Rows of lists, trees and combo boxes that show document text (Qt side of
:mod:`annotator.ui.row_text`).

The models write document text isolated (FSI ... PDI), so the pieces of a row keep their
order. :class:`RowDelegate` also lays out a row whose own first strong letter is Arabic (a
document title, a quote row) right to left, so its ellipsis falls at the end the reader
reaches last (the left), and keeps it at the view's leading edge. :func:`document_combo`
and :func:`document_view` put it on a combo box's popup and on a list or tree, and keep a
combo box from widening its panel to its longest row (the popup is wider instead).
"""

from __future__ import annotations

from annotator.ui.qt import QModelIndex, QPersistentModelIndex, Qt, QtWidgets
from annotator.ui.row_text import row_is_rtl

COMBO_CHARACTERS = 12
"""A combo box asks for room for this many characters; longer rows are elided."""
POPUP_WIDTH = 380
"""The narrowest popup of a combo box of document text (rows carry a few words of context)."""


class RowDelegate(QtWidgets.QStyledItemDelegate):
    """Lays a row out in its own direction, aligned to the view's leading edge, elided at
    its logical end."""

    def initStyleOption(self, option: QtWidgets.QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """The row's own direction, from its first strong letter outside isolates."""
        super().initStyleOption(option, index)
        view_direction = option.direction
        rtl = row_is_rtl(option.text)
        option.direction = (Qt.LayoutDirection.RightToLeft if rtl
                            else Qt.LayoutDirection.LeftToRight)
        option.textElideMode = Qt.TextElideMode.ElideRight
        leading = (Qt.AlignmentFlag.AlignRight
                   if view_direction == Qt.LayoutDirection.RightToLeft
                   else Qt.AlignmentFlag.AlignLeft)
        option.displayAlignment = (Qt.AlignmentFlag.AlignAbsolute | leading
                                   | Qt.AlignmentFlag.AlignVCenter)


def document_view(view: QtWidgets.QAbstractItemView) -> None:
    """A list or tree of rows with document text."""
    view.setItemDelegate(RowDelegate(view))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


def document_combo(combo: QtWidgets.QComboBox) -> QtWidgets.QComboBox:
    """A combo box of rows with document text: a narrow box, a wide popup."""
    combo.setSizeAdjustPolicy(
        QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    combo.setItemDelegate(RowDelegate(combo))
    combo.view().setMinimumWidth(POPUP_WIDTH)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)
    return combo
