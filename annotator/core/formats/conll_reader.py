"""CoNLL / IOB token files: ``TOKEN TAG [TAG...]`` per line, a blank line between sentences.

Read: our ``conll`` and ``conll-flat`` exports, Wojood-style nested files (one tag column per
nesting level, outermost first), ANERcorp-style ``TOKEN TAG`` files, CoNLL-2003 files
(``TOKEN POS CHUNK TAG``) and Label Studio's CONLL2003 export (``TOKEN -X- _ TAG`` with one
``-DOCSTART- -X- O`` line for the whole file).

* **Columns** are split on whitespace; every token line of a file has the same number. When
  every column after the token holds only tags (``O``, ``_``, ``B-X``, ``I-X``, ``E-X``,
  ``S-X``...) in the file's first :data:`LAYOUT_LINES` token lines, each is a nesting level;
  otherwise (POS, chunk, ``-X-``, ``_`` columns in between) only the last column is.
* **Documents** end at ``-DOCSTART-`` lines (``doc_split="docstart"``; a file without one is
  one document), at a run of two or more blank lines (``"blank"``), or at every blank line
  (``"sentence"``). A ``-DOCSTART-`` line always ends a document. Each document's id is
  ``FILE-N`` (the file's name without its extension, N from 1).
* **Text**: ``token_docs.build_document`` (the spacing rule; sentences on their own lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.formats.jsonl_reader import OnBytes, Warn
from annotator.core.formats.jsonl_reader import _decoded_lines as decoded_lines
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.token_docs import Sentence, build_document
from annotator.core.model import DocumentRecord, InputError

DOCSTART = "-DOCSTART-"
LAYOUT_LINES = 1000
"""Token lines read to decide which columns are tags."""
SUFFIXES = (".conll", ".iob", ".iob2", ".bio", ".bioes")
_TAG = re.compile(r"(?:O|_|[BIESLU]-\S+)")


class _Document:
    """The sentences of the document being read, its first line and its problems."""

    def __init__(self) -> None:
        self.sentences: list[Sentence] = []
        self.line: int | None = None
        self.errors: list[InputError] = []
        self.blank_run = 0

    def token(self, fields: list[str], tag_columns: list[int], number: int) -> None:
        if self.line is None:
            self.line = number
        if not self.sentences or self.blank_run:
            self.sentences.append(Sentence([], [[] for _ in tag_columns], []))
        self.blank_run = 0
        sentence = self.sentences[-1]
        sentence.tokens.append(fields[0])
        sentence.lines.append(number)
        for column, index in zip(sentence.columns, tag_columns, strict=True):
            column.append(fields[index])


def tag_columns(first_lines: list[list[str]]) -> list[int]:
    """The indexes of the tag columns, from the first token lines (all of one width)."""
    width = len(first_lines[0])
    after = range(1, width)
    if all(_TAG.fullmatch(fields[i]) for fields in first_lines for i in after):
        return list(after)
    return [width - 1]


def _lines(path: Path, warn: Warn | None,
           on_bytes: OnBytes | None) -> Iterator[tuple[int, str | InputError]]:
    for number, line in decoded_lines(path, warn, on_bytes):
        yield number, line if isinstance(line, InputError) else line.rstrip("\r\n")


def read_conll(
    path: str | Path, options: ReadOptions | None = None, warn: Warn | None = None,
    on_bytes: OnBytes | None = None,
) -> Iterator[DocumentRecord | InputError]:
    """Read a CoNLL file lazily: a record per good document, the problems of bad ones."""
    options = options or ReadOptions()
    file = Path(path)
    source, stem = str(file), file.stem
    buffered: list[tuple[int, str | InputError]] = []
    lines = _lines(file, warn, on_bytes)
    first_lines: list[list[str]] = []
    for item in lines:
        buffered.append(item)
        text = item[1]
        if isinstance(text, str) and text.strip() and not _skipped(text):
            fields = text.split()
            if first_lines and len(fields) != len(first_lines[0]):
                break
            first_lines.append(fields)
            if len(first_lines) >= LAYOUT_LINES:
                break
    if not first_lines:
        yield InputError(source, "the file has no token lines")
        return
    width = len(first_lines[0])
    if width < 2:
        yield InputError(source, "token lines need a tag column (TOKEN TAG)", buffered[0][0])
        return
    columns = tag_columns(first_lines)
    count = 0
    document = _Document()

    def finish() -> Iterator[DocumentRecord | InputError]:
        nonlocal document, count
        done, document = document, _Document()
        if done.line is None:
            yield from done.errors
            return
        count += 1
        record, errors = build_document(done.sentences, source, done.line, f"{stem}-{count}",
                                        options.tag_scheme)
        if record is not None and not done.errors:
            yield record
        yield from sorted(done.errors + errors, key=lambda e: e.line or 0)

    for number, text in _chain(buffered, lines):
        if isinstance(text, InputError):
            document.errors.append(text)
            continue
        if not text.strip():
            document.blank_run += 1
            if (options.doc_split == "sentence" and document.blank_run == 1) or (
                    options.doc_split == "blank" and document.blank_run == 2):
                yield from finish()
            continue
        if _skipped(text):
            yield from finish()
            continue
        fields = text.split()
        if len(fields) != width:
            document.errors.append(InputError(
                source, f"line has {len(fields)} columns; the file's token lines have {width}",
                number))
            continue
        document.token(fields, columns, number)
    yield from finish()


def _skipped(text: str) -> bool:
    """A ``-DOCSTART-`` line: not a token."""
    return text.split(maxsplit=1)[0] == DOCSTART


def _chain(first: list[tuple[int, str | InputError]],
           rest: Iterator[tuple[int, str | InputError]]
           ) -> Iterator[tuple[int, str | InputError]]:
    yield from first
    yield from rest
