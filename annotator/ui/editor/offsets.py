"""Code points (the core's offsets) versus Qt document positions (UTF-16 code units).

docs/ARABIC.md, Code-point offsets: the core and the exports count end-exclusive Python code
points; Qt counts UTF-16 code units, where a character above U+FFFF (most emoji) takes two.
This module is the only place in the editor where one becomes the other, and it does not
convert by itself: :class:`QtOffsets` names the core's :class:`~annotator.core.text.Utf16Map`
in Qt's terms (one map, one implementation, see ``core/text/offsets.py``).

The Qt-to-code-point direction never raises for a position between the two halves of a
surrogate pair: it *snaps* outward or inward as asked (``Utf16Map.to_codepoint(snap=...)``),
so a position coming from a mouse hit or a key press always maps to a whole character.
"""

from __future__ import annotations

from annotator.core.text.offsets import Snap, Utf16Map


class QtOffsets:
    """Converts positions of one text between code points and Qt's UTF-16 units."""

    __slots__ = ("_map", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self._map = Utf16Map(text)
        self.length: int = self._map.length
        """Length of the text in code points."""
        self.qt_length: int = self._map.utf16_length
        """Length of the text in UTF-16 units (Qt positions run from 0 to this)."""

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters, so both kinds of offset are equal."""
        return self._map.is_identity

    def to_qt(self, cp: int) -> int:
        """Qt position of code point offset ``cp`` (ValueError outside ``0..length``)."""
        return self._map.to_utf16(cp)

    def to_cp(self, qt: int, snap: Snap = "floor") -> int:
        """Code point offset of Qt position ``qt``.

        A position between the halves of a surrogate pair moves to the start of that character
        (``snap="floor"``) or past it (``snap="ceil"``). ValueError outside ``0..qt_length``.
        """
        return self._map.to_codepoint(qt, snap)

    def clamp_qt(self, qt: int) -> int:
        """``qt`` clamped to the valid range of Qt positions."""
        return min(max(qt, 0), self.qt_length)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Code point span to Qt span."""
        return self._map.span_to_utf16(start, end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """Qt span to code point span, widened to whole characters at both edges."""
        return self._map.to_codepoint(start, "floor"), self._map.to_codepoint(end, "ceil")
