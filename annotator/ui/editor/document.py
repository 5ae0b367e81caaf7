"""Building the read-only right-to-left QTextDocument that the editor shows.

The stored text is never changed (docs/ARABIC.md, Folded search). What Qt is given is a
*display copy* with exactly the same length in UTF-16 units, so Qt positions stay the
positions of the stored text:

* characters Qt would treat as frame markers (U+FDD0, U+FDD1) become U+FFFD, and a carriage
  return (the core normalizes newlines at import, so this is only a guard) becomes a paragraph
  separator, one unit for one unit, where ``insertText`` would fold ``"\\r\\n"`` into one block;
* a paragraph longer than :data:`MAX_BLOCK` code points is cut into display blocks by turning one
  space (after a sentence end when there is one) into U+2029. Qt lays out and shapes text one
  block at a time and lays out large documents lazily block by block, so one 750,000-character
  paragraph would be shaped in a single multi-second step. The view copies selections from the
  stored text, so the cut shows only as a line break.

The text goes in through ``QTextCursor.insertText`` (plain text, never HTML) in one call, with
undo disabled and the block format (right to left, right-aligned, tall lines that leave room for
the stacked underlines) set once on the first block: new blocks inherit it.
"""

from __future__ import annotations

import re

from annotator.ui.qt import QFont, QObject, Qt, QTextOption, QtGui

LINK_GUTTER = 30
"""Pixels kept free right of the text (where right-to-left lines start) for the vertical runs
of link connectors; see :mod:`.link_painter`."""

LINK_HEADROOM = 14
"""Extra pixels above the first line, where the arcs of links on that line rise."""

MAX_BLOCK = 4000
"""Longest paragraph given to Qt as one block, in code points."""

PARAGRAPH_SEPARATOR = "\u2029"
_UNSAFE = str.maketrans({"\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\r": PARAGRAPH_SEPARATOR})
_SENTENCE_END = re.compile(r"[.!?؟۔。…»\"”)] ")
_PARAGRAPH = re.compile(r"[^\n\u2029]+")


def _cut_points(paragraph: str, offset: int) -> list[int]:
    """Positions (in the whole text) of the spaces that become block breaks in one paragraph."""
    cuts: list[int] = []
    begin = 0
    while len(paragraph) - begin > MAX_BLOCK:
        window_end = begin + MAX_BLOCK
        sentence = [m.end() - 1 for m in _SENTENCE_END.finditer(paragraph, begin + MAX_BLOCK // 2,
                                                                 window_end)]
        cut = sentence[-1] if sentence else paragraph.rfind(" ", begin + 1, window_end)
        if cut <= begin:
            break  # no space at all in this stretch: leave it as one block
        cuts.append(offset + cut)
        begin = cut + 1
    return cuts


def display_text(text: str) -> str:
    """The copy of ``text`` given to Qt: same length, safe characters, bounded blocks."""
    shown = text.translate(_UNSAFE) if ("\r" in text or "\ufdd0" in text or "\ufdd1" in text) \
        else text
    if len(shown) <= MAX_BLOCK:
        return shown
    cuts: list[int] = []
    for match in _PARAGRAPH.finditer(shown):
        if match.end() - match.start() > MAX_BLOCK:
            cuts.extend(_cut_points(match.group(), match.start()))
    if not cuts:
        return shown
    pieces: list[str] = []
    previous = 0
    for cut in cuts:
        pieces.append(shown[previous:cut])
        pieces.append(PARAGRAPH_SEPARATOR)
        previous = cut + 1
    pieces.append(shown[previous:])
    return "".join(pieces)


def rtl_text_option() -> QTextOption:
    """Right-to-left, right-aligned, wrapping at word boundaries (anywhere if a word is wider)."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def block_format(line_height_percent: int) -> QtGui.QTextBlockFormat:
    """The format of every block: right to left, right-aligned, proportional line height."""
    fmt = QtGui.QTextBlockFormat()
    fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    fmt.setLineHeight(float(line_height_percent),
                      QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setRightMargin(LINK_GUTTER)  # the reading-start side: room for link connectors
    return fmt


def build_document(text: str, font: QFont, line_height_percent: int,
                   parent: QObject | None = None) -> QtGui.QTextDocument:
    """A new read-only-ready document holding :func:`display_text` of ``text``."""
    document = QtGui.QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(font)
    document.setDefaultTextOption(rtl_text_option())
    # The margin leaves room for the arcs and labels of links above the first line. (Only the
    # top one is needed, but setting one side of the root frame's format makes Qt lay out the
    # whole document at once: 600 ms for 750,000 characters.)
    document.setDocumentMargin(12 + LINK_HEADROOM)
    cursor = QtGui.QTextCursor(document)
    cursor.setBlockFormat(block_format(line_height_percent))
    cursor.insertText(display_text(text))
    return document
