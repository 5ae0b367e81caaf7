"""Streaming text output for the training-data exports.

Where a file goes and how it is made atomic is :mod:`annotator.core.output`'s business (the
pipeline writes every export under a temporary name and swaps it in). Files are written line
by line through ordinary buffered handles, so memory does not grow with the corpus.
:func:`rewrite_lines` and :func:`rewrite_chunks` are the one second pass some formats need
(padding tag columns to the deepest nesting level found), one line or one chunk of whole
lines at a time, on the file's UTF-8 bytes (never decoded and encoded again).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from annotator.core.output import atomic_file

encode_json = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without building a new encoder for every call
(``json.dumps`` does that whenever an option differs from its defaults)."""

CHUNK = 1 << 19
"""Bytes read at a time by :func:`rewrite_chunks`."""

REPORT_NAME = "report.json"
"""The report of an export folder (a one-file export's report is ``OUT.report.json``)."""


def open_text(path: Path) -> TextIO:
    """A UTF-8 text handle with ``\\n`` newlines whatever the platform."""
    return path.open("w", encoding="utf-8", newline="\n")


def rewrite_lines(path: Path, change: Callable[[bytes], bytes]) -> None:
    """Pass every line of ``path`` (its UTF-8 bytes, without the newline) through
    ``change``, in place. Streams through a second temporary file and renames it over
    ``path``."""
    with (
        atomic_file(path) as temp,
        path.open("rb") as source,
        open_bytes(temp) as out,
    ):
        for line in source:
            out.write(change(line[:-1] if line.endswith(b"\n") else line))
            out.write(b"\n")


def open_bytes(path: Path) -> BinaryIO:
    """A binary handle to write (the padding passes work on the UTF-8 bytes)."""
    return path.open("wb")


def rewrite_chunks(path: Path, change: Callable[[bytes], bytes], size: int = CHUNK) -> None:
    """Pass ``path`` through ``change`` in chunks of whole lines (each about ``size``
    bytes and ending with a newline), in order, in place; a last line without a newline is
    given one, as :func:`rewrite_lines` does. For changes that a few byte-string operations
    make to many lines at once. The chunks are the file's UTF-8 bytes, never decoded: a line
    break is one byte that no multi-byte character holds, and the file was written with
    ``\\n`` newlines (:func:`open_text`), so the bytes are the text's."""
    with (
        atomic_file(path) as temp,
        path.open("rb") as source,
        open_bytes(temp) as out,
    ):
        rest = b""
        while block := source.read(size):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                out.write(change(block[:cut]))
        if rest:
            out.write(change(rest + b"\n"))


Padder = Callable[[int], Callable[[bytes], bytes]]
"""Given the number of tag levels every line must have, the change that pads lines (or
chunks of whole lines) written with fewer."""


class PaddedFile:
    """A file of tag lines that must all have the columns of the deepest level in the export,
    which is known only after the last document: each document is written with the levels of
    the deepest one seen so far (``levels``, never fewer than an earlier write's), and when
    that grows, what is already in the file is padded to it in one pass (line by line with
    ``by_line``, else in chunks of whole lines). A corpus whose deepest document comes early
    is padded over only what came before it; :meth:`close` pads for a deeper document met
    after this file's last write (another split's)."""

    def __init__(self, path: Path, padder: Padder, by_line: bool = False) -> None:
        self.path = path
        self.padder = padder
        self.by_line = by_line
        self.out = open_text(path)
        self.levels = 0
        """The levels of every line in the file (0: nothing written yet)."""

    def write(self, levels: int, text: str) -> None:
        """Write ``text``, lines with ``levels`` tag levels."""
        if levels > self.levels:
            if self.levels:
                self.out.close()
                self._pad(levels)
                self.out = self.path.open("a", encoding="utf-8", newline="\n")
            self.levels = levels
        self.out.write(text)

    def close(self, levels: int) -> None:
        """Finish the file with every line at ``levels`` levels."""
        self.out.close()
        if 0 < self.levels < levels:
            self._pad(levels)
            self.levels = levels

    def _pad(self, levels: int) -> None:
        if self.by_line:
            rewrite_lines(self.path, self.padder(levels))
        else:
            rewrite_chunks(self.path, self.padder(levels))
