"""Code points (the core's offsets) versus Qt document positions (UTF-16 code units).

docs/ARABIC.md, Code-point offsets: the core and the exports count end-exclusive Python code
points; Qt counts UTF-16 code units, where a character above U+FFFF (most emoji) takes two.
This module is the only place in the editor where one becomes the other, and it does not
convert by itself: :class:`QtOffsets` is the core's :class:`~annotator.core.text.Utf16Map`
with Qt's names (one map, one implementation, see ``core/text/offsets.py``).

The Qt-to-code-point direction never raises for a position between the two halves of a
surrogate pair: it *snaps* outward or inward as asked (``Utf16Map.to_codepoint(snap=...)``),
so a position coming from a mouse hit or a key press always maps to a whole character.
"""

from __future__ import annotations

from annotator.core.text.offsets import Snap, Utf16Map


class QtOffsets(Utf16Map):
    """A :class:`Utf16Map` of one text, in Qt's words: positions are UTF-16 units."""

    __slots__ = ()

    to_qt = Utf16Map.to_utf16
    """Qt position of a code point offset (ValueError outside ``0..length``)."""
    span_to_qt = Utf16Map.span_to_utf16
    """Code point span to Qt span."""

    @property
    def qt_length(self) -> int:
        """Length of the text in UTF-16 units (Qt positions run from 0 to this)."""
        return self.utf16_length

    def to_cp(self, qt: int, snap: Snap = "floor") -> int:
        """Code point offset of Qt position ``qt``.

        A position between the halves of a surrogate pair moves to the start of that character
        (``snap="floor"``) or past it (``snap="ceil"``). ValueError outside ``0..qt_length``.
        """
        return self.to_codepoint(qt, snap)

    def clamp_qt(self, qt: int) -> int:
        """``qt`` clamped to the valid range of Qt positions."""
        return min(max(qt, 0), self.utf16_length)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """Qt span to code point span, widened to whole characters at both edges."""
        return self.to_codepoint(start, "floor"), self.to_codepoint(end, "ceil")
