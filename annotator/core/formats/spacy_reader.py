"""spaCy DocBin files (``.spacy``; a folder of them is walked like any folder, so our
``spacy`` export's shard folders import as they are).

Each Doc is a document: its text is ``doc.text`` (code points, exactly), its entities are
``doc.ents`` and the spans of every span group (``doc.spans["sc"]`` in our export, where the
nested levels are): a span found in both, or in two groups, with the same label is one entity.
The group names are not kept, nor token attributes (POS, lemmas, vectors) or ``doc.cats``.
The document id is ``FILE-N`` (N the Doc's position, from 1, which is also the number in
messages). spaCy is imported only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import OnBytes, Warn
from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover
from annotator.core.model import DocumentRecord, Entity, InputError


def _docs(path: Path) -> Iterator[Any]:
    try:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab
    except ImportError:
        raise InputError(str(path), "reading .spacy files needs spaCy: pip install "
                         "'annotator[spacy]' (or pip install 'spacy>=3.7')") from None
    try:
        docbin = DocBin().from_disk(path)
    except Exception as exc:  # spaCy and srsly raise many types for a damaged file
        raise InputError(str(path), f"not a readable spaCy DocBin ({exc})") from None
    return iter(docbin.get_docs(Vocab()))


def doc_record(doc: Any, source: str, number: int, doc_id: str
               ) -> tuple[DocumentRecord | None, list[InputError]]:
    """The record of one Doc (None and the problems when a span is bad)."""
    text = doc.text
    if not text.strip():
        return None, [InputError(source, "the Doc has no text", number)]
    mover = SpanMover(text, source, number)
    spans = [(s.start_char, s.end_char, s.label_, "doc.ents") for s in doc.ents]
    for key, group in doc.spans.items():
        spans += [(s.start_char, s.end_char, s.label_, f"doc.spans[{key!r}]") for s in group]
    entities: list[Entity] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, label, where in spans:
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        if not label:
            mover.error(f"{where}: span [{start}, {end}) has no label")
            continue
        span = mover.move(start, end, f"{where} {label}")
        if span is not None:
            entities.append(Entity(f"e{len(entities) + 1}", span.start, span.end, label))
    if mover.errors:
        return None, mover.errors
    return DocumentRecord(
        id=doc_id, text=mover.text, title=text_title(mover.text, doc_id), entities=entities,
        normalization=dict(mover.info), source=f"{source}:{number}",
    ), []


def read_docbin(
    path: str | Path, warn: Warn | None = None, on_bytes: OnBytes | None = None
) -> Iterator[DocumentRecord | InputError]:
    """Read one ``.spacy`` file: a record per good Doc, the problems of the others."""
    file = Path(path)
    try:
        docs = _docs(file)
    except InputError as exc:
        yield exc
        return
    if on_bytes is not None:
        on_bytes(file.stat().st_size)
    for number, doc in enumerate(docs, start=1):
        record, errors = doc_record(doc, str(file), number, f"{file.stem}-{number}")
        if record is not None:
            yield record
        yield from errors
