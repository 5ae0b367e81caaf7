"""Extended grapheme cluster boundaries (docs/ARABIC.md, Span edges).

Clusters come from the ``regex`` module's ``\\X`` (Unicode extended grapheme clusters): an
Arabic letter with its tashkeel (``"بِّ"``), an emoji ZWJ sequence and a flag are one cluster
each, and CRLF is one cluster. As a guard for strings built from UTF-16 halves, a position
between a high and a low surrogate code point is never a boundary.

Single-position queries (:func:`is_grapheme_boundary`, :func:`next_boundary`,
:func:`prev_boundary`) do not scan the whole text. They step back from the position to a
*sure boundary*: a place between two "plain" characters (printable ASCII, or basic Arabic
letters U+0621–U+063A, U+0641–U+064A), where no rule of UAX #29 can join them, or the start
of the text. Clusters are then matched forward from there. In ordinary prose the sure
boundary is a character or two away; only pathological runs (thousands of marks, long flag
sequences) cost more.
"""

from __future__ import annotations

import regex

_CLUSTER = regex.compile(r"\X", regex.DOTALL)


def _is_plain(ch: str) -> bool:
    """A character that never joins a neighbour into a cluster when both sides are plain."""
    cp = ord(ch)
    return 0x20 <= cp <= 0x7E or 0x0621 <= cp <= 0x063A or 0x0641 <= cp <= 0x064A


_MAY_JOIN = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=CR}\p{GCB=LF}"
    r"\p{GCB=Control}\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}"
    r"\p{GCB=Regional_Indicator}\p{Cs}]")
_JOINS: dict[str, bool] = {}
NO_JOIN: set[str] = set()
"""Every character :func:`may_join` has answered False for so far (a set lookup is the
cheapest form of the test; it grows with the distinct characters seen)."""


def may_join(ch: str) -> bool:
    """True for a character that some rule of UAX #29 may keep in one cluster with a
    neighbour (combining marks, joiners, prepended marks, CR/LF, controls, Hangul jamo,
    regional indicators, surrogates). Two neighbours that are both False always have a
    boundary between them: every no-break rule names one of these classes on one side.
    Answers are remembered per character (one regex match the first time)."""
    found = _JOINS.get(ch)
    if found is None:
        found = _JOINS[ch] = _MAY_JOIN.match(ch) is not None
        if not found:
            NO_JOIN.add(ch)
    return found


def _splits_surrogates(text: str, i: int) -> bool:
    """True if ``i`` falls between a high and a low surrogate code point."""
    return (
        0 < i < len(text)
        and "\ud800" <= text[i - 1] <= "\udbff"
        and "\udc00" <= text[i] <= "\udfff"
    )


def _check_index(text: str, i: int) -> None:
    if not 0 <= i <= len(text):
        raise ValueError(f"offset {i} out of range 0..{len(text)}")


def _sure_boundary_at_or_before(text: str, i: int) -> int:
    """The largest sure boundary ``j <= i`` (see module docstring)."""
    j = min(i, len(text))
    while j > 0:
        if j < len(text) and _is_plain(text[j - 1]) and _is_plain(text[j]):
            return j
        j -= 1
    return 0


def grapheme_boundaries(text: str) -> list[int]:
    """All cluster boundaries of ``text``, including 0 and ``len(text)``."""
    bounds = [0]
    bounds.extend(m.end() for m in _CLUSTER.finditer(text))
    if len(bounds) > 1 and any("\ud800" <= ch <= "\udfff" for ch in text):
        bounds = [b for b in bounds if not _splits_surrogates(text, b)]
    return bounds


def is_grapheme_boundary(text: str, i: int) -> bool:
    """True if offset ``i`` does not fall inside a grapheme cluster (0 and len are)."""
    _check_index(text, i)
    if i in (0, len(text)):
        return True
    if not may_join(text[i - 1]) and not may_join(text[i]):
        return True  # the cheap test: no rule can join these two (no walk)
    if _splits_surrogates(text, i):
        return False
    pos = _sure_boundary_at_or_before(text, i - 1)
    while pos < i:
        match = _CLUSTER.match(text, pos)
        if match is None:  # pragma: no cover - \X always matches a non-empty rest
            break
        pos = match.end()
    return pos == i


def next_boundary(text: str, i: int) -> int:
    """The smallest boundary greater than ``i`` (``len(text)`` when ``i == len(text)``)."""
    _check_index(text, i)
    if i == len(text):
        return i
    pos = _sure_boundary_at_or_before(text, i)
    while True:
        match = _CLUSTER.match(text, pos)
        if match is None:  # pragma: no cover
            return len(text)
        pos = int(match.end())
        if pos > i and not _splits_surrogates(text, pos):
            return pos


def prev_boundary(text: str, i: int) -> int:
    """The largest boundary smaller than ``i`` (0 when ``i == 0``)."""
    _check_index(text, i)
    if i == 0:
        return 0
    start = _sure_boundary_at_or_before(text, i - 1)
    best = start
    pos = start
    while pos < i:
        match = _CLUSTER.match(text, pos)
        if match is None:  # pragma: no cover
            break
        pos = match.end()
        if pos < i and not _splits_surrogates(text, pos):
            best = pos
    return best


def cluster_at(text: str, i: int) -> tuple[int, int]:
    """The cluster containing the character at ``i`` (``0 <= i < len(text)``)."""
    if not 0 <= i < len(text):
        raise ValueError(f"offset {i} out of range 0..{len(text) - 1}")
    start = i if is_grapheme_boundary(text, i) else prev_boundary(text, i)
    return start, next_boundary(text, start)
