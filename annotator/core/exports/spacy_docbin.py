"""``spacy``: each split is a folder of ``.spacy`` DocBin shards, for ``spacy train``.

Layout: ``OUT/train.spacy/00000.spacy``, ``00001.spacy``... (without a split the shards lie
in ``OUT/`` itself). A shard is a complete DocBin of up to ``ExportOptions.spacy_shard_docs``
Docs (1,000 by default), written as soon as it is full, so memory does not grow with the
corpus. spaCy's ``spacy.Corpus.v1`` reader (``--paths.train OUT/train.spacy``) takes a
folder: it walks it for ``*.spacy`` files in name order (``walk_corpus`` in
``spacy/training/corpus.py``), and each shard also loads on its own with
``DocBin().from_disk``.

Docs are built on spaCy's blank Arabic pipeline (``spacy.blank("ar")``) from the shared
tokenization (:mod:`annotator.core.exports.tokens`): ``Doc(vocab, words, spaces)`` where the
text between two tokens that is not exactly one space (a line break, a double space, a
bidi mark) becomes a whitespace token of its own, so ``doc.text`` equals the stored text (or
sentence) character for character. Entities are placed on the tokens they were aligned to
(:mod:`annotator.core.exports.tagging`; widening is counted there): the same tokens as
``doc.char_span(..., alignment_mode="expand")``, which is still used for the rare span whose
edge lies in text between tokens. The outermost level goes to ``doc.ents``, every level to
``doc.spans["sc"]`` (the span categorizer's default key).

spaCy is heavy and optional: it is imported only here, when this format is used.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.hf_tokens import SENTENCE_KEPT
from annotator.core.exports.tagging import TokenSpan, where
from annotator.core.exports.tokens import Tokens, units
from annotator.core.model import DocumentRecord

SPAN_KEY = "sc"
NO_SPACY_TOKEN = "spaCy found no token for the span"
SHARD_NAME = "{:05d}.spacy"
VOCAB_LIMIT = 200_000
"""A writer's vocabulary (every distinct token text) is replaced by a fresh one after the
shard during which it passed this many strings, so that it cannot grow with the corpus."""


class MissingDependencyError(RuntimeError):
    """An optional package that a chosen format needs is not installed."""


def blank_arabic() -> Any:
    """A new blank Arabic pipeline of spaCy, or a clear error when spaCy is missing."""
    try:
        import spacy
    except ImportError:
        raise MissingDependencyError(
            "the spacy format needs spaCy 3.7 or later: pip install 'spacy>=3.7' "
            "(or pip install -e '.[export-test]')"
        ) from None
    return spacy.blank("ar")


def words_and_spaces(
    tokens: Tokens, first: int, last: int
) -> tuple[list[str], list[bool], list[int] | None]:
    """spaCy's ``words``/``spaces`` for tokens ``[first, last)``, keeping every character,
    and the spaCy index of each of our tokens (None when they are the same: no gap but
    single spaces, so no whitespace token was added)."""
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    gaps = [text[e:s] for e, s in zip(ends[first : last - 1], starts[first + 1 : last],
                                      strict=True)]
    if not set(gaps) - {" ", ""}:
        return tokens.texts[first:last], [gap == " " for gap in gaps] + [False], None
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    for i, word in enumerate(tokens.texts[first:last]):
        index.append(len(words))
        words.append(word)
        gap = gaps[i] if i < len(gaps) else ""
        spaces.append(gap == " ")
        if gap and gap != " ":
            words.append(gap)
            spaces.append(False)
    return words, spaces, index


@contextmanager
def encoders_looked_up_once(snapshot: dict[str, Any] | None) -> Iterator[None]:
    """Let srsly's msgpack encoder registry answer from ``snapshot`` for a while.

    ``DocBin.add`` serializes each Doc's span groups with srsly, and srsly's ``Packer``
    asks its ``msgpack_encoders`` registry for every encoder each time; the registry scans
    all installed packages' entry points on every call. Profiled, that lookup was about 90%
    of the export's time (0.8 ms per Doc). The snapshot is the registry's own answer, taken
    once per writer, so the bytes written are the same; the registry is restored on exit.
    """
    registry = _encoder_registry()
    try:
        if registry is None or snapshot is None:
            raise AttributeError("no srsly msgpack encoder registry")
        registry.get_all = lambda: dict(snapshot)
    except AttributeError:  # another srsly layout: serialize the slow way
        yield
        return
    try:
        yield
    finally:
        del registry.get_all


def _encoder_registry() -> Any:
    try:
        from srsly import msgpack
    except ImportError:
        return None
    return getattr(msgpack, "msgpack_encoders", None)


class SpacyWriter(FormatWriter):
    """Writes the Docs of one split as DocBin shards in the folder ``path``."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.vocab = blank_arabic().vocab
        from spacy.tokens import Doc, DocBin, Span

        self._doc, self._docbin, self._span = Doc, DocBin, Span
        registry = _encoder_registry()
        self.encoders: dict[str, Any] | None = (
            dict(registry.get_all()) if registry is not None else None)
        self.shard_docs = max(1, context.options.spacy_shard_docs)
        self.shards = 0
        self.docbin = DocBin(store_user_data=False)
        path.mkdir(parents=True, exist_ok=True)

    def add(self, record: DocumentRecord) -> None:
        tokens, spans = self.context.tokens_of(record)
        ranges, kept = units(tokens, self.context.options.per_sentence,
                             [(s.first, s.last) for s in spans])
        self.report.adjust(SENTENCE_KEPT, kept)
        firsts = [s.first for s in spans]  # spans are sorted by first token
        labels: list[str] = []
        with encoders_looked_up_once(self.encoders):
            for first, last in ranges:
                inside = spans[bisect_left(firsts, first) : bisect_left(firsts, last)]
                self.docbin.add(self._make_doc(record, tokens, first, last, inside, labels))
                if len(self.docbin) >= self.shard_docs:
                    self._flush()
        self.report.count_spans(self.split, "entities", labels)
        self.report.count_records(self.split, len(ranges))

    def _make_doc(self, record: DocumentRecord, tokens: Tokens, first: int, last: int,
                  spans: list[TokenSpan], labels: list[str]) -> Any:
        """One Doc for tokens ``[first, last)`` with ``spans`` (all inside the range)."""
        words, spaces, index = words_and_spaces(tokens, first, last)
        doc = self._doc(self.vocab, words=words, spaces=spaces)
        starts, ends = tokens.starts, tokens.ends
        base = starts[first]
        outer: list[Any] = []
        every: list[Any] = []
        for span in spans:
            entity = span.entity
            made: Any
            if starts[span.first] <= entity.start and entity.end <= ends[span.last - 1]:
                a, b = span.first - first, span.last - 1 - first
                if index is not None:
                    a, b = index[a], index[b]
                made = self._span(doc, a, b + 1, label=entity.label)
            else:  # an edge in text between tokens: let spaCy align it
                made = doc.char_span(entity.start - base, entity.end - base,
                                     label=entity.label, alignment_mode="expand")
                if made is None:
                    self.report.skip(NO_SPACY_TOKEN, where(record, entity.start, entity.end))
                    continue
            every.append(made)
            if span.level == 1:
                outer.append(made)
            labels.append(entity.label)
        doc.ents = outer
        doc.spans[SPAN_KEY] = every
        return doc

    def _flush(self) -> None:
        """Write the pending Docs as the next shard and start an empty one."""
        (self.path / SHARD_NAME.format(self.shards)).write_bytes(self.docbin.to_bytes())
        self.shards += 1
        self.docbin = self._docbin(store_user_data=False)
        if len(self.vocab.strings) > VOCAB_LIMIT:
            self.vocab = blank_arabic().vocab

    def close(self) -> None:
        if len(self.docbin) or self.shards == 0:
            self._flush()  # an empty split still gets one (empty) shard: it loads as 0 Docs
