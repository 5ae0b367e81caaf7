"""``spacy``: a ``.spacy`` DocBin per split, for ``spacy train``.

Docs are built on spaCy's blank Arabic pipeline (``spacy.blank("ar")``) from the shared
tokenization (:mod:`annotator.core.exports.tokens`): ``Doc(vocab, words, spaces)`` where the
text between two tokens that is not exactly one space (a line break, a double space, a
bidi mark) becomes a whitespace token of its own, so ``doc.text`` equals the stored text (or
sentence) character for character. Entities are placed with
``doc.char_span(..., alignment_mode="expand")``: a span that does not fall on token
boundaries is widened to whole tokens, and counted in the report, never dropped silently.
The outermost level goes to ``doc.ents``, every level to ``doc.spans["sc"]`` (the span
categorizer's default key).

spaCy is heavy and optional: it is imported only here, when this format is used.
spaCy serializes a DocBin whole, so this is the one format whose memory grows with the
split it writes (a compact array per document, not Python objects).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.hf_tokens import SENTENCE_KEPT
from annotator.core.exports.tagging import where
from annotator.core.exports.tokens import Tokens, units
from annotator.core.model import DocumentRecord

SPAN_KEY = "sc"
NO_SPACY_TOKEN = "spaCy found no token for the span"
_PIPELINES: dict[str, Any] = {}


class MissingDependencyError(RuntimeError):
    """An optional package that a chosen format needs is not installed."""


def blank_arabic() -> Any:
    """spaCy's blank Arabic pipeline (made once), or a clear error when spaCy is missing."""
    if "ar" not in _PIPELINES:
        try:
            import spacy
        except ImportError:
            raise MissingDependencyError(
                "the spacy format needs spaCy 3.7 or later: pip install 'spacy>=3.7' "
                "(or pip install -e '.[export-test]')"
            ) from None
        _PIPELINES["ar"] = spacy.blank("ar")
    return _PIPELINES["ar"]


def words_and_spaces(tokens: Tokens, first: int, last: int) -> tuple[list[str], list[bool]]:
    """spaCy's ``words``/``spaces`` for tokens ``[first, last)``, keeping every character."""
    text = tokens.text
    words: list[str] = []
    spaces: list[bool] = []
    for i in range(first, last):
        words.append(text[tokens.starts[i] : tokens.ends[i]])
        gap = text[tokens.ends[i] : tokens.starts[i + 1]] if i + 1 < last else ""
        if gap == " ":
            spaces.append(True)
        else:
            spaces.append(False)
            if gap:
                words.append(gap)
                spaces.append(False)
    return words, spaces


class SpacyWriter(FormatWriter):
    """Collects Docs of one split in a DocBin and writes it on close."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.nlp = blank_arabic()
        from spacy.tokens import DocBin

        self.docbin = DocBin(store_user_data=False)

    def add(self, record: DocumentRecord) -> None:
        from spacy.tokens import Doc

        tokens, spans = self.context.tokens_of(record)
        ranges, kept = units(tokens, self.context.options.per_sentence,
                             [(s.first, s.last) for s in spans])
        self.report.adjust(SENTENCE_KEPT, kept)
        for first, last in ranges:
            words, spaces = words_and_spaces(tokens, first, last)
            doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
            base = tokens.starts[first]
            outer: list[Any] = []
            every: list[Any] = []
            for span in spans:
                if span.first < first or span.last > last:
                    continue
                entity = span.entity
                made = doc.char_span(entity.start - base, entity.end - base,
                                     label=entity.label, alignment_mode="expand")
                if made is None:
                    self.report.skip(NO_SPACY_TOKEN, where(record, entity.start, entity.end))
                    continue
                every.append(made)
                if span.level == 1:
                    outer.append(made)
                self.report.span(self.split, "entities", entity.label)
            doc.ents = outer
            doc.spans[SPAN_KEY] = every
            self.docbin.add(doc)
        self.report.record(self.split, len(ranges))

    def close(self) -> None:
        self.path.write_bytes(self.docbin.to_bytes())
