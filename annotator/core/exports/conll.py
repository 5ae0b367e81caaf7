"""``conll`` and ``conll-flat``: one token per line, the way CoNLL scripts read it.

``conll`` (Wojood style) has one IOB2 column per nesting level, outermost first::

    -DOCSTART- O O

    جامعة B-ORG O
    القاهرة I-ORG B-GPE

``conll-flat`` has two columns (token, outermost tag); nested entities are left out and
counted in the report. Columns are separated by one space (tokens never hold whitespace);
every document starts with a ``-DOCSTART-`` line and a blank line; every sentence (or
document, per ``--unit``) ends with a blank line. All lines of all splits have the same
number of columns: a document is written with the columns of the deepest document seen so
far, and when a deeper one comes the lines already written are padded with ``O`` (one pass
over that part of the file).
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.hf_tokens import levels_and_units
from annotator.core.exports.tagging import OUTSIDE, TokenSpan, flat_only, iob_levels
from annotator.core.exports.tokens import Tokens
from annotator.core.exports.word_runs import conll_lines
from annotator.core.exports.writer import PaddedFile
from annotator.core.model import DocumentRecord

DOCSTART = "-DOCSTART-"
_DOCSTART_LINE = re.compile(rf"{DOCSTART}(?: {OUTSIDE})*".encode("ascii"))
"""A document's first line, when it is a whole line (no token line can be one: a token
never holds a space, and ``-DOCSTART-`` is three tokens)."""


class _Padder:
    """Adds the missing ``O`` columns to every line of every document, a chunk of whole
    lines (UTF-8 bytes) at a time: a document's lines all have the columns of its
    ``-DOCSTART-`` line, so two replacements pad its whole block."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.padding = b""
        """The columns missing in the document whose lines are being passed."""

    def __call__(self, chunk: bytes) -> bytes:
        out: list[bytes] = []
        position = 0
        for match in _DOCSTART_LINE.finditer(chunk):
            at, end = match.span()
            if chunk[at - 1 : at] not in (b"", b"\n") \
                    or chunk[end : end + 1] not in (b"", b"\n"):
                continue  # not a whole line
            out.append(self._pad(chunk[position:at]))
            header = match.group()
            missing = self.target + 1 - (header.count(b" ") + 1)
            self.padding = f" {OUTSIDE}".encode("ascii") * missing if missing > 0 else b""
            out.append(header + self.padding)
            position = end
        out.append(self._pad(chunk[position:]))
        return b"".join(out)

    def _pad(self, block: bytes) -> bytes:
        """``block`` with the padding before every line break that ends a line with text
        (not a blank line, nor the break at the block's start: the end of the line before)."""
        padding = self.padding
        if not padding:
            return block
        padded = block.replace(b"\n", padding + b"\n")
        if padded.startswith(padding + b"\n"):
            padded = padded[len(padding):]
        blank = b"\n" + padding + b"\n"
        while blank in padded:  # a line that was empty (twice in a row: one per pass)
            padded = padded.replace(blank, b"\n\n")
        return padded


class ConllWriter(FormatWriter):
    """Nested CoNLL: one tag column per level."""

    flat = False

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.file = PaddedFile(path, _Padder)

    def add(self, record: DocumentRecord) -> None:
        """Write one document: runs of plain words as whole strings (:mod:`.word_runs`);
        the same bytes as :meth:`add_reference`."""
        if self.context.options.split_proclitics:
            self.add_reference(record)
            return
        tokens, counts, spans = self.context.entries_of(record)
        self._write(record, tokens, counts, spans)

    def add_reference(self, record: DocumentRecord) -> None:
        """Write one document token by token (the reference for :meth:`add`)."""
        tokens, spans = self.context.tokens_of(record)
        self._write(record, tokens, None, spans)

    def _write(self, record: DocumentRecord, tokens: Tokens, counts: list[int] | None,
               spans: list[TokenSpan]) -> None:
        """``counts``: tokens per entry of ``tokens`` (None: every item is one token)."""
        if self.flat:
            flat_only(spans, record, self.report)
        levels, ranges = levels_and_units(self.context, tokens, spans)
        # One line per token for the whole document, then a blank line after each record.
        columns = iob_levels(spans, 0, len(tokens), levels)
        parts = [" ".join([DOCSTART] + [OUTSIDE] * levels), "\n\n"]
        if counts is None:
            lines = list(map(" ".join, zip(tokens.texts, *columns, strict=True)))
            for first, last in ranges:
                parts.append("\n".join(lines[first:last]))
                parts.append("\n\n")
        else:
            tags = list(zip(*columns, strict=True))
            for first, last in ranges:
                parts.append(conll_lines(tokens.texts, counts, tags, first, last))
                parts.append("\n")
        self.file.write(levels, "".join(parts))
        self.report.count_records(self.split, len(ranges))
        self.report.count_spans(self.split, "entities", [span.entity.label for span in spans])

    def close(self) -> None:
        self.file.close(self.context.max_levels)


class ConllFlatWriter(ConllWriter):
    """Flat CoNLL: token and the outermost tag."""

    flat = True
