"""``hf-tokens``: Hugging Face token classification JSON Lines.

One line per sentence (default) or per document::

    {"id": "doc-3", "doc_id": "doc", "tokens": [...], "ner_tags": ["B-GPE", "O", ...],
     "ner_tags_l2": [...]}

``ner_tags`` holds the outermost entities as IOB2 strings, ``ner_tags_l2``, ``ner_tags_l3``...
the nested ones, level by level. Every line of every split carries the same keys (lines
with fewer levels are padded with ``O``), so ``datasets.load_dataset("json", ...)`` infers one
set of features. A document is written with the levels of the deepest document seen so far;
when a deeper one comes, only the lines already written are padded again (one pass over
that part of the file), so a corpus whose deepest document comes early is written once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.splits import document_key
from annotator.core.exports.tagging import OUTSIDE, TokenSpan, iob_levels
from annotator.core.exports.tokens import Tokens, units
from annotator.core.exports.word_runs import json_tags, json_tokens
from annotator.core.exports.writer import PaddedFile, encode_json
from annotator.core.model import DocumentRecord

SENTENCE_KEPT = "sentence break inside an annotation not used (two sentences in one record)"


def levels_and_units(context: Context, tokens: Tokens, spans: list[TokenSpan]
                     ) -> tuple[int, list[tuple[int, int]]]:
    """The tag levels to write a document with (the deepest seen so far, noted in
    ``context``) and the ranges of its records (sentence breaks inside a span not used,
    counted in the report)."""
    levels = max((s.level for s in spans), default=1)
    context.max_levels = max(context.max_levels, levels)
    ranges, kept = units(tokens, context.options.per_sentence,
                         [(s.first, s.last) for s in spans])
    context.report.adjust(SENTENCE_KEPT, kept)
    return context.max_levels, ranges


def level_key(level: int) -> str:
    """``ner_tags`` for level 1, ``ner_tags_lN`` below it."""
    return "ner_tags" if level == 1 else f"ner_tags_l{level}"


def pad_line(line: bytes, target: int) -> bytes:
    """``line`` (as :func:`encode_json` wrote it, in UTF-8) with the keys of the levels below
    its deepest one, up to ``target``, appended as lists of ``O``: exactly what decoding it,
    adding the keys and encoding it again gives.

    Without decoding: the tag lists come last, from the first ``"ner_tags": [`` (a token
    cannot hold that text unescaped); when no tag needed an escape (labels are A-Z, digits,
    ``_`` and ``-``), every ``"`` there is a delimiter, so the last list starts after the
    last ``": [`` and has one more tag than ``", "`` separators. A tag with an escape is
    decoded and encoded again. The markers are ASCII, which no multi-byte UTF-8 character
    holds, so the bytes are searched as they are."""
    tags_from = line.find(b'"ner_tags": [')
    if tags_from < 0 or line.find(b"\\", tags_from) >= 0:
        return _pad_decoded(line, target)
    opening = line.rfind(b'": [')
    key = line[line.rfind(b'"', 0, opening) + 1 : opening]
    deepest = 1 if key == b"ner_tags" else int(key.removeprefix(b"ner_tags_l"))
    if deepest >= target:
        return line
    tags = line[opening + 4 : -2]
    # encode_json([OUTSIDE] * n), joined ("O" needs no escape)
    blank = "[" + ", ".join([f'"{OUTSIDE}"'] * (tags.count(b'", "') + 1 if tags else 0)) + "]"
    added = "".join(f', "{level_key(level)}": {blank}' for level in range(deepest + 1,
                                                                            target + 1))
    return line[:-1] + added.encode("ascii") + b"}"


def _pad_decoded(text: bytes, target: int) -> bytes:
    line = json.loads(text)
    blank = [OUTSIDE] * len(line["tokens"])
    for level in range(2, target + 1):
        line.setdefault(level_key(level), blank)
    return encode_json(line).encode("utf-8")


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
"""A character that JSON writes escaped."""
_TOKEN_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x08\x0e-\x1b]')
"""A character that JSON writes escaped and a token may hold: tokens are pieces of the text
that never hold whitespace (``\\t``, ``\\n``, ``\\x0b``-``\\r``, ``\\x1c``-``\\x1f``), so a text
without these has no token that needs an escape (one scan of the text instead of joining
its tokens)."""


def _encode_plain(line: dict[str, object]) -> str:
    """:func:`encode_json` of a line whose lists hold only strings that need no escape
    (no ``"``, ``\\`` or control character): the lists are joined as they are."""
    out: list[str] = []
    for key, value in line.items():
        if not isinstance(value, list):
            out.append(f'"{key}": {encode_json(value)}')
        elif value:
            out.append(f'"{key}": ["' + '", "'.join(value) + '"]')
        else:
            out.append(f'"{key}": []')
    return "{" + ", ".join(out) + "}"


class HfTokensWriter(FormatWriter):
    """Writes token classification records as they come, padded to the deepest level seen
    so far (:class:`~annotator.core.exports.writer.PaddedFile`)."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.file = PaddedFile(path, lambda target: lambda line: pad_line(line, target),
                               by_line=True)

    def add(self, record: DocumentRecord) -> None:
        """Write one document: runs of plain words as whole strings (:mod:`.word_runs`)
        when no string needs a JSON escape; the same bytes as :meth:`add_reference`."""
        if self.context.options.split_proclitics or _TOKEN_NEEDS_ESCAPE.search(record.text) \
                or _NEEDS_ESCAPE.search("".join([e.label for e in record.entities])):
            self.add_reference(record)
            return
        tokens, counts, spans = self.context.entries_of(record)
        levels, ranges, rows = self._prepare(tokens, spans)
        doc_id = document_key(record)
        per_sentence = self.context.options.per_sentence
        texts = tokens.texts
        head = ', "doc_id": ' + encode_json(doc_id) + ', "tokens": ['
        lines: list[str] = []
        for number, (first, last) in enumerate(ranges):
            line = ['{"id": ', encode_json(f"{doc_id}-{number}" if per_sentence else doc_id),
                    head, json_tokens(texts, counts, first, last), "]"]
            for key, row in rows:
                line += [', "', key, '": [', json_tags(row, counts, first, last), "]"]
            line.append("}\n")
            lines.append("".join(line))
        self._finish(record, levels, lines, len(ranges), spans)

    def add_reference(self, record: DocumentRecord) -> None:
        """Write one document token by token (the reference for :meth:`add`)."""
        tokens, spans = self.context.tokens_of(record)
        levels, ranges, rows = self._prepare(tokens, spans)
        doc_id = document_key(record)
        per_sentence = self.context.options.per_sentence
        texts = tokens.texts
        plain = (_TOKEN_NEEDS_ESCAPE.search(record.text) is None
                 and _NEEDS_ESCAPE.search("".join([s.entity.label for s in spans])) is None)
        lines: list[str] = []
        for number, (first, last) in enumerate(ranges):
            line: dict[str, object] = {
                "id": f"{doc_id}-{number}" if per_sentence else doc_id,
                "doc_id": doc_id,
                "tokens": texts[first:last],
            }
            for key, row in rows:
                line[key] = row[first:last]
            lines.append((_encode_plain(line) if plain else encode_json(line)) + "\n")
        self._finish(record, levels, lines, len(ranges), spans)

    def _prepare(self, tokens: Tokens, spans: list[TokenSpan]
                 ) -> tuple[int, list[tuple[int, int]], list[tuple[str, list[str]]]]:
        """The levels to write, the records' ranges (items of ``tokens``) and the tag rows
        of the whole document by key."""
        levels, ranges = levels_and_units(self.context, tokens, spans)
        # Tags for the whole document once; every record is a slice (no span crosses one).
        rows = list(zip([level_key(n) for n in range(1, levels + 1)],
                        iob_levels(spans, 0, len(tokens), levels), strict=True))
        return levels, ranges, rows

    def _finish(self, record: DocumentRecord, levels: int, lines: list[str], records: int,
                spans: list[TokenSpan]) -> None:
        if lines:
            self.file.write(levels, "".join(lines))
        self.report.count_records(self.split, records)
        self.report.count_spans(self.split, "entities", [span.entity.label for span in spans])

    def close(self) -> None:
        self.file.close(self.context.max_levels)
