"""Readers: files in, ``DocumentRecord`` s out. ``formats/`` reads; ``exports/`` writes.

Each ``*_reader`` module reads one format: ``plaintext_reader`` (.txt/.md), ``webpage_reader``
(copies of news pages, with ``dates``), ``canonical_reader`` (our JSON Lines), ``doccano_reader``,
``brat_reader``; ``jsonl_reader`` is the lazy JSON Lines reading they share, ``detect`` picks the
reader a file needs and ``spans`` moves raw-text spans onto the normalized text. They never touch
SQLite; ``annotator.core.importing`` drives them. The canonical writer is
:mod:`annotator.core.exports.canonical_json`.
"""

from annotator.core.formats.brat_reader import read_brat
from annotator.core.formats.canonical_reader import (
    parse_canonical_object,
    read_canonical,
)
from annotator.core.formats.detect import FORMATS, detect_format
from annotator.core.formats.doccano_reader import parse_doccano_object, read_doccano
from annotator.core.formats.plaintext_reader import parse_markdown, parse_plaintext, strip_markdown
from annotator.core.formats.webpage_reader import looks_like_webpage, parse_webpage

__all__ = [
    "FORMATS",
    "detect_format",
    "looks_like_webpage",
    "parse_canonical_object",
    "parse_doccano_object",
    "parse_markdown",
    "parse_plaintext",
    "parse_webpage",
    "read_brat",
    "read_canonical",
    "read_doccano",
    "strip_markdown",
]
