"""Showing untrusted text (documents, and schemas from project files) as plain text only.

Qt guesses: a QLabel or a tooltip whose text looks like HTML is rendered as rich text. Document
text must never be, so labels get ``PlainText`` and tooltips are escaped.
"""

from __future__ import annotations

from html import escape

from annotator.ui.qt import QLabel, Qt, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip string that shows ``text`` literally (line breaks kept)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"
