"""Copies of news web pages saved as text (a browser's "select all, copy").

Such a copy carries the site's boilerplate around the article: a navigation block of
short lines at the top (often opening with the page date and the site's city), and a
copyright line at the bottom. ``looks_like_webpage`` decides whether a text is such a
copy and ``parse_webpage`` pulls the article out of it. docs/IMPORT.md describes the
rules in prose; the constants below are the thresholds it quotes.

The annotatable text is built as ``headline + "\\n\\n" + body``; the body is a verbatim
slice of the (normalized) input. Everything dropped is kept in ``meta["page"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotator.core.formats.dates import find_date, has_weekday
from annotator.core.model import DocumentRecord

NAV_MAX_WORDS = 6
"""A navigation line has at most this many words ..."""
NAV_MAX_CHARS = 45
"""... and at most this many characters, and no sentence-final punctuation."""
NAV_MIN_LINES = 3
"""A navigation block needs at least this many lines."""
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
DATE_LINE_MIN_COVERAGE = 0.6
"""A line is a date line when the date and time take this share of its characters."""
SIGNALS_NEEDED = 2
"""How many of the three signals (navigation, copyright, page date) make a web page."""

_SENTENCE_END = (".", "!", "؟", "?", "…", ":", "؛")
_COPYRIGHT_RE = re.compile(
    r"©|\(c\)|جميع\s+الحقوق\s+محفوظة|كافة\s+الحقوق\s+محفوظة|all\s+rights\s+reserved|copyright",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[^\s()\d.،:\-–—]+(?:\s[^\s()\d.،:\-–—]+){0,2})\s*[-–—]?\s*"
    r"\((?P<agency>[^()\n]{1,40})\)"
)
AGENCY_WORDS: tuple[str, ...] = (
    "وكالات", "وكالة", "رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "د ب أ", "د.ب.أ", "أ ب", "أسوشيتد",
    "الأناضول", "وام", "واس", "سانا", "قنا", "كونا", "بترا", "وفا", "شينخوا", "سبوتنيك",
    "تاس", "خاص", "مراسل", "مراسلنا", "الاتحاد", "AFP", "Reuters", "AP", "DPA",
)
"""Words that make a parenthesized name an agency (or "خاص"/"مراسلنا") in a dateline."""


@dataclass(slots=True)
class PageLayout:
    """Where the parts of a web page copy are, as line indexes into ``lines``."""

    lines: list[str]
    nav: list[int] = field(default_factory=list)
    page_date: int | None = None
    copyright: int | None = None
    footer: list[int] = field(default_factory=list)

    @property
    def signals(self) -> int:
        """Number of web-page signals present (0 to 3)."""
        return sum((len(self.nav) >= NAV_MIN_LINES, self.copyright is not None,
                    self.page_date is not None))


def _words(line: str) -> int:
    return len(line.split())


def is_nav_line(line: str) -> bool:
    """Short menu-like line: few words, few characters, no sentence punctuation."""
    stripped = line.strip()
    return (
        0 < _words(stripped) <= NAV_MAX_WORDS
        and len(stripped) <= NAV_MAX_CHARS
        and not stripped.endswith(_SENTENCE_END)
    )


def is_copyright_line(line: str) -> bool:
    """A line with ©, "(c)", "جميع الحقوق محفوظة" or "All rights reserved"."""
    return _COPYRIGHT_RE.search(line) is not None and _words(line) <= 20


def analyse_layout(text: str) -> PageLayout:
    """Find the navigation block, page date line, copyright line and footer of ``text``.

    The navigation block is the run of short lines at the very top, up to the first
    blank line or the first line that is not short. The page date line is a line of
    that block naming a weekday and holding a date. The copyright line is the last
    non-empty line when it matches ``is_copyright_line``; short lines just above it
    (share buttons, tags) form the footer.
    """
    lines = text.split("\n")
    layout = PageLayout(lines)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip() and is_nav_line(lines[index]):
        layout.nav.append(index)
        index += 1
    for i in layout.nav:
        if has_weekday(lines[i]) and find_date(lines[i]) is not None:
            layout.page_date = i
            break
    last = len(lines) - 1
    while last >= 0 and not lines[last].strip():
        last -= 1
    if last >= 0 and last not in layout.nav and is_copyright_line(lines[last]):
        layout.copyright = last
        above = last - 1
        while above > index and (not lines[above].strip() or is_nav_line(lines[above])):
            if lines[above].strip():
                layout.footer.insert(0, above)
            above -= 1
    return layout


def looks_like_webpage(text: str) -> bool:
    """Tell whether ``text`` is a web page copy: at least two of the three signals."""
    return analyse_layout(text).signals >= SIGNALS_NEEDED


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    words = _words(stripped)
    return (
        HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS
        and not stripped.endswith((".", "،"))
        and not is_copyright_line(stripped)
        and not _is_date_line(stripped)
    )


def _is_date_line(line: str) -> bool:
    found = find_date(line)
    return found is not None and found.coverage >= DATE_LINE_MIN_COVERAGE


def find_dateline(paragraph: str) -> dict[str, str] | None:
    """Read an agency dateline such as ``عواصم (وكالات)`` at the start of a paragraph.

    The place is one to three words (no digits or punctuation), an optional dash, then a
    parenthesized agency that contains one of ``AGENCY_WORDS``.
    """
    match = _DATELINE_RE.match(paragraph)
    if match is None:
        return None
    agency = match.group("agency")
    if not any(word.casefold() in agency.casefold() for word in AGENCY_WORDS):
        return None
    return {"place": match.group("place").strip(), "agency": match.group("agency").strip()}


def parse_webpage(text: str, source: str, normalization: dict[str, Any]) -> DocumentRecord | None:
    """Extract the article of a web page copy, or ``None`` if ``text`` is not one.

    ``text`` must already be decoded and normalized. The headline is the first
    title-like line (3 to 30 words, no final period, not a date) after the navigation
    block; short lines between the two are breadcrumbs and go to ``meta.page.nav``.
    A line that is mostly a date (before the body starts) gives ``meta.date`` and
    ``meta.time``. The body runs from the next line up to the footer/copyright line.
    """
    layout = analyse_layout(text)
    if layout.signals < SIGNALS_NEEDED:
        return None
    lines = layout.lines
    end = layout.footer[0] if layout.footer else layout.copyright
    if end is None:
        end = len(lines)
    nav = [lines[i].strip() for i in layout.nav]
    meta: dict[str, Any] = {}
    page: dict[str, Any] = {"nav": nav}
    cursor = layout.nav[-1] + 1 if layout.nav else 0
    headline_index: int | None = None
    date_index: int | None = None
    while cursor < end:
        line = lines[cursor].strip()
        if not line:
            cursor += 1
            continue
        if _is_date_line(line) and date_index is None:
            date_index = cursor
        elif headline_index is None and _is_headline(line):
            headline_index = cursor
        elif headline_index is None:
            nav.append(line)
        else:
            break
        cursor += 1
    if headline_index is None:
        return None
    found = find_date(lines[date_index]) if date_index is not None else None
    if found is not None and date_index is not None:
        meta["date"] = found.date
        if found.time is not None:
            meta["time"] = found.time
        page["date_line"] = lines[date_index].strip()
    body_lines = lines[cursor:end]
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    body = "\n".join(body_lines)
    headline = lines[headline_index].strip()
    dateline = find_dateline(body)
    if dateline is not None:
        meta["dateline"] = dateline
    if layout.page_date is not None:
        page_line = lines[layout.page_date].strip()
        page["page_date_line"] = page_line
        page_found = find_date(page_line)
        if page_found is not None:
            page["page_date"] = page_found.date
    if layout.footer:
        page["footer"] = [lines[i].strip() for i in layout.footer]
    if layout.copyright is not None:
        page["copyright"] = lines[layout.copyright].strip()
    meta["page"] = page
    record_text = headline + "\n\n" + body if body else headline
    normalization = dict(normalization)
    normalization["webpage"] = {
        "kept_lines": 1 + len(body_lines),
        "dropped_lines": sum(1 for line in lines if line.strip()) - 1 - sum(
            1 for line in body_lines if line.strip()),
    }
    return DocumentRecord(
        id=None,
        text=record_text,
        title=headline,
        meta=meta,
        normalization=normalization,
        source=source,
    )
