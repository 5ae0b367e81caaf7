"""Font choice: a good Naskh face when the system has one, with room for tashkeel."""

from __future__ import annotations

from annotator.ui.qt import QFont, QFontDatabase

# In order of preference: faces designed for reading Arabic body text, then common system ones.
NASKH_FAMILIES = (
    "Amiri",
    "Noto Naskh Arabic",
    "Noto Naskh Arabic UI",
    "Scheherazade New",
    "KFGQPC Uthmanic Script HAFS",
    "Traditional Arabic",
    "Simplified Arabic",
    "Geeza Pro",
    "Arial",
    "DejaVu Sans",
)


def preferred_text_font(point_size: int = 16) -> QFont:
    """The first available family of :data:`NASKH_FAMILIES`, or the application default."""
    available = set(QFontDatabase.families())
    for family in NASKH_FAMILIES:
        if family in available:
            font = QFont(family, point_size)
            break
    else:
        font = QFont()
        font.setPointSize(point_size)
    return font
