"""Importers: bytes/lines in, ``DocumentRecord`` s out (and the canonical line writer back).

Modules: ``plaintext`` (.txt/.md), ``webpage`` (copies of news pages) with ``dates``,
``canonical`` (reader; line writer in ``canonical_write``; the export of a project is the
``canonical`` format of :mod:`annotator.core.exports`),
``doccano``, ``brat``, ``detect`` (which reader a file needs), ``jsonl`` (lazy JSON
Lines reading) and ``spans`` (moving raw-text spans onto the normalized text).
They never touch SQLite; ``annotator.core.importing`` drives them.
"""

from annotator.core.formats.brat import read_brat
from annotator.core.formats.canonical import (
    parse_canonical_object,
    read_canonical,
    record_to_json,
    write_canonical,
)
from annotator.core.formats.detect import FORMATS, detect_format
from annotator.core.formats.doccano import parse_doccano_object, read_doccano
from annotator.core.formats.plaintext import parse_markdown, parse_plaintext, strip_markdown
from annotator.core.formats.webpage import looks_like_webpage, parse_webpage

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
    "record_to_json",
    "strip_markdown",
    "write_canonical",
]
