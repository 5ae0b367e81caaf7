"""Code points (the core's offsets) versus Qt document positions (UTF-16 code units).

Project rule 3: the core and the exports count end-exclusive Python code points; Qt counts
UTF-16 code units, where a character above U+FFFF (most emoji) takes two. This module is the
only place in the editor where one becomes the other.

:class:`QtOffsets` keeps the code point positions of the astral characters of one text, found
with one regular-expression scan in C. With none of them (the usual Arabic news article) every
conversion is the identity plus a range check; otherwise a conversion is one binary search over
the astral positions, O(log k) for k astral characters, whatever the length of the text.

Unlike :class:`annotator.core.text.Utf16Map`, the Qt-to-code-point direction never raises for a
position between the two halves of a surrogate pair: it *snaps* outward or inward as asked, so a
position coming from a mouse hit or a key press always maps to a whole character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

Snap = Literal["floor", "ceil"]


class QtOffsets:
    """Converts positions of one text between code points and Qt's UTF-16 units."""

    __slots__ = ("_astral_cp", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self._astral_cp: list[int] = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of each astral character: its code point offset plus one unit for
        # every astral character before it.
        self._astral_qt: list[int] = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.length: int = len(text)
        """Length of the text in code points."""
        self.qt_length: int = self.length + len(self._astral_cp)
        """Length of the text in UTF-16 units (Qt positions run from 0 to this)."""

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters, so both kinds of offset are equal."""
        return not self._astral_cp

    def to_qt(self, cp: int) -> int:
        """Qt position of code point offset ``cp`` (ValueError outside ``0..length``)."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"code point offset {cp} out of range 0..{self.length}")
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_cp(self, qt: int, snap: Snap = "floor") -> int:
        """Code point offset of Qt position ``qt``.

        A position between the halves of a surrogate pair moves to the start of that character
        (``snap="floor"``) or past it (``snap="ceil"``). ValueError outside ``0..qt_length``.
        """
        if not 0 <= qt <= self.qt_length:
            raise ValueError(f"Qt position {qt} out of range 0..{self.qt_length}")
        if not self._astral_qt:
            return qt
        before = bisect_left(self._astral_qt, qt)
        if before and self._astral_qt[before - 1] + 1 == qt:
            # Inside the pair of astral character number ``before - 1``.
            start = self._astral_cp[before - 1]
            return start if snap == "floor" else start + 1
        return qt - before

    def clamp_qt(self, qt: int) -> int:
        """``qt`` clamped to the valid range of Qt positions."""
        return min(max(qt, 0), self.qt_length)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Code point span to Qt span."""
        return self.to_qt(start), self.to_qt(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """Qt span to code point span, widened to whole characters at both edges."""
        return self.to_cp(start, "floor"), self.to_cp(end, "ceil")
