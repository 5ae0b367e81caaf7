"""The readers of other tools' formats and of our token, span and record exports, by format
name: what :mod:`annotator.core.importing` calls for a file of one of :data:`PEER_FORMATS`.

Each reader lives in its own module and is imported only when a file of its format is read
(spaCy and pyarrow are heavy and optional). Every reader yields ``DocumentRecord`` s and
``InputError`` s (``file:line: reason``) in file order, checks every span it makes with
``SpanMover`` (so the pipeline does not check them again), and yields no record for a
document with a problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.formats.jsonl_reader import OnBytes, Warn
from annotator.core.formats.read_options import ReadOptions
from annotator.core.model import DocumentRecord, InputError
from annotator.core.schema import Schema

PEER_FORMATS: tuple[str, ...] = (
    "label-studio", "webanno", "conll", "spacy", "hf-tokens", "events", "quotes")
"""Format names read here (``import --format``)."""


def read_peer(
    path: Path, fmt: str, schema: Schema, options: ReadOptions, warn: Warn,
    on_bytes: OnBytes,
) -> Iterator[DocumentRecord | InputError]:
    """The records and problems of one file of format ``fmt`` (one of :data:`PEER_FORMATS`)."""
    if fmt == "conll":
        from annotator.core.formats.conll_reader import read_conll

        yield from read_conll(path, options, warn, on_bytes)
    elif fmt == "hf-tokens":
        from annotator.core.formats.hf_reader import read_hf_tokens

        yield from read_hf_tokens(path, options, warn, on_bytes)
    elif fmt == "label-studio":
        from annotator.core.formats.label_studio_reader import read_label_studio

        yield from read_label_studio(path, schema, warn, on_bytes, options)
    elif fmt == "spacy":
        from annotator.core.formats.spacy_reader import read_docbin

        yield from read_docbin(path, warn, on_bytes)
    elif fmt == "webanno":
        from annotator.core.formats.webanno_reader import read_webanno

        yield from read_webanno(path, options, warn, on_bytes)
    elif fmt in ("events", "quotes"):
        from annotator.core.formats.own_records_reader import read_own_records

        yield from read_own_records(path, fmt, warn, on_bytes)
    else:
        raise ValueError(f"no peer reader for {fmt!r}")
