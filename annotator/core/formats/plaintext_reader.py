"""Plain text (.txt) and Markdown (.md) documents: one file, one document, no annotations.

The text arrives decoded and normalized (``annotator.core.text.read_text_file``).
A .txt file keeps its text exactly. A .md file loses its markup (heading markers,
emphasis markers, link and image syntax) so the annotator sees prose; the record's
``normalization`` says ``{"markdown": true}`` so the change is on record.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.model import DocumentRecord

TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 150

_HEADING_RE = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"),
    re.compile(r"`([^`\n]+)`"),
)


def looks_like_headline(line: str) -> bool:
    """A headline is short (≤ 20 words, ≤ 150 characters) and has no final period."""
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped) <= TITLE_MAX_CHARS
        and not stripped.endswith((".", "۔"))
        and len(stripped.split()) <= TITLE_MAX_WORDS
    )


def text_title(text: str, stem: str) -> str:
    """Title of a plain text: its first non-empty line if headline-like, else ``stem``."""
    start = 0
    while start < len(text):  # scan line by line without splitting the whole text
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        if line.strip():
            return line.strip() if looks_like_headline(line) else stem
        start = end + 1
    return stem


def parse_plaintext(
    text: str, source: str, normalization: dict[str, Any], stem: str
) -> DocumentRecord:
    """Make the record of a .txt file: the text as it is, a title by ``text_title``."""
    return DocumentRecord(
        id=None,
        text=text,
        title=text_title(text, stem),
        normalization=dict(normalization),
        source=source,
    )


def strip_markdown(text: str) -> tuple[str, str | None]:
    """Remove Markdown markup; return the prose and the first ``# `` heading (or None).

    Heading lines keep their words (the headline is annotatable); images disappear;
    ``[text](url)`` becomes ``text``; ``**x**``, ``__x__``, ``*x*``, ``_x_``, ``~~x~~``
    and backquoted code lose their markers. Underscores inside words are left alone.
    """
    title: str | None = None
    for match in _HEADING_RE.finditer(text):
        if len(match.group(1)) == 1:
            title = _strip_inline(match.group(2)).strip()
            break
    prose = _HEADING_RE.sub(lambda m: m.group(2), text)
    return _strip_inline(prose), title


def _strip_inline(text: str) -> str:
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    for pattern in _EMPHASIS_RES:
        text = pattern.sub(r"\1", text)
    return text


def parse_markdown(
    text: str, source: str, normalization: dict[str, Any], stem: str
) -> DocumentRecord:
    """Make the record of a .md file: markup removed, title from the first ``# `` heading."""
    prose, title = strip_markdown(text)
    record_normalization = dict(normalization)
    record_normalization["markdown"] = True
    return DocumentRecord(
        id=None,
        text=prose,
        title=title if title else text_title(prose, stem),
        normalization=record_normalization,
        source=source,
    )
