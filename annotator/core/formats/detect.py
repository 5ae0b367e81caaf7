"""Which importer reads a file.

* ``.ann``, or a ``.txt`` with a ``.ann`` of the same stem beside it: ``brat`` (the pair
  is one document; the importer reads it once, through the .ann);
* ``.md`` / ``.markdown``: ``md``;
* ``.txt``: ``webpage`` when ``looks_like_webpage`` says so, else ``txt``;
* ``.jsonl`` / ``.json``: ``doccano`` when the first record has doccano's keys, else
  ``canonical`` (both are JSON Lines: one object per line).
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.doccano_reader import looks_like_doccano
from annotator.core.formats.jsonl_reader import first_object
from annotator.core.formats.webpage_reader import looks_like_webpage
from annotator.core.model import InputError
from annotator.core.text import read_text_file

FORMATS: tuple[str, ...] = ("txt", "md", "webpage", "canonical", "doccano", "brat")
"""Format names accepted by ``import_paths(fmt=...)`` besides ``"auto"``."""

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")
BRAT_SUFFIX = ".ann"


def is_brat_text(path: Path) -> bool:
    """A .txt file whose annotations sit in a .ann file beside it."""
    return path.suffix.lower() == ".txt" and path.with_suffix(BRAT_SUFFIX).is_file()


def detect_format(path: str | Path) -> str:
    """The format name of one file (one of ``FORMATS``); ``InputError`` if unknown."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == BRAT_SUFFIX or is_brat_text(file):
        return "brat"
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    if suffix in TEXT_SUFFIXES:
        text, _info = read_text_file(file)
        return "webpage" if looks_like_webpage(text) else "txt"
    if suffix in JSON_SUFFIXES:
        first = first_object(file)
        return "doccano" if first is not None and looks_like_doccano(first) else "canonical"
    raise InputError(
        str(file),
        f"unknown file type {suffix or '(no extension)'!r}: expected .txt, .md, .jsonl, .json "
        "or a brat .txt/.ann pair",
    )
