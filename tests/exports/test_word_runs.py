"""The token writers' fast path (runs of plain words written as whole strings,
:mod:`annotator.core.exports.word_runs`) against today's token-by-token path.

``add`` and ``add_reference`` of conll, conll-flat and hf-tokens must write the same bytes
and the same report for every input: generated texts (Arabic words with tashkeel, emoji and
ZWJ sequences, punctuation, digits, Latin, line breaks, several spaces, sentence ends) with
entities at any offsets (inside words, on spaces, nested, duplicated), several documents of
different depths in one file, and the seed article.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.exports.base import Context, ExportOptions, SchemaLike
from annotator.core.exports.conll import ConllFlatWriter, ConllWriter
from annotator.core.exports.hf_tokens import HfTokensWriter
from annotator.core.exports.report import ExportReport
from annotator.core.exports.tokens import tokenize
from annotator.core.exports.word_runs import compact_tokens
from annotator.core.model import DocumentRecord, Entity
from annotator.core.text import read_text_file
from tests.exports.test_tokens_reference import NOT_PLAIN, PIECES

WRITERS = {"conll": ConllWriter, "conll-flat": ConllFlatWriter, "hf-tokens": HfTokensWriter}
WORDS = ["موسكو", "جامعة", "القاهرة", "مُحَمَّد", "الرئيس", "بوتين", "abc", "Putin", "2024",
         "١٢", "كتـــاب", "وموسكو", "x"]
_WORD_PIECES = st.sampled_from([w + " " for w in WORDS])
TEXT_PIECES = st.one_of(
    _WORD_PIECES, _WORD_PIECES, _WORD_PIECES,  # runs of several words are common
    st.sampled_from([w + "  " for w in WORDS[:3]]
                    + [" ", "\n", ". ", "، ", "؟ ", "«", "»", "\"", "\\", "\t", "ʼ", "-"]
                    + [f" {e} " for e in NOT_PLAIN]),
    PIECES,
)
TEXTS = st.lists(TEXT_PIECES, min_size=0, max_size=50).map("".join)
LABELS = ["ORG", "GPE", "PERS", "AB-C", "B-I", "Q\"X"]
"""``AB-C`` and ``B-I`` hold ``B-`` inside the label; ``Q"X`` needs a JSON escape."""


@st.composite
def documents(draw: st.DrawFn) -> DocumentRecord:
    text = draw(TEXTS)
    size = len(text)
    tokens = tokenize(text)
    edges = st.sampled_from(sorted({0, size, *tokens.starts, *tokens.ends}))
    anywhere = st.integers(0, size)
    entities = []
    for number in range(draw(st.integers(0, 12))):
        # mostly at token edges (a run starting or ending with an entity), else anywhere
        start = draw(st.one_of(edges, edges, anywhere))
        end = draw(st.one_of(edges, edges, anywhere))
        start, end = min(start, end), max(start, end)
        if end == start:
            continue
        entities.append(Entity(f"e{number}", start, end, draw(st.sampled_from(LABELS))))
    return DocumentRecord(id=draw(st.sampled_from(["d", "د-1", "q\"x"])), text=text,
                          entities=entities)


def _context(fmt: str, per_sentence: bool, split_proclitics: bool = False) -> Context:
    report = ExportReport(format=fmt, schema_name="s", schema_version=1,
                          offset_unit="token", layers=["entities"])
    options = ExportOptions(format=fmt, per_sentence=per_sentence,
                            split_proclitics=split_proclitics)
    return Context(cast(SchemaLike, None), options, report, frozenset({"entities"}))


def _written(tmp: Path, fmt: str, records: list[DocumentRecord], per_sentence: bool,
             reference: bool) -> tuple[bytes, dict[str, Any]]:
    context = _context(fmt, per_sentence)
    path = tmp / ("reference" if reference else "fast")
    writer = WRITERS[fmt](path, "train", context)
    add = writer.add_reference if reference else writer.add  # type: ignore[attr-defined]
    for record in records:
        add(record)
    writer.close()
    return path.read_bytes(), context.report.to_dict()


def _same_output(tmp: Path, records: list[DocumentRecord]) -> None:
    for fmt in WRITERS:
        for per_sentence in (True, False):
            fast = _written(tmp, fmt, records, per_sentence, reference=False)
            assert fast == _written(tmp, fmt, records, per_sentence, reference=True), \
                (fmt, per_sentence)


def _expanded(text: str, edges: list[int]) -> list[tuple[int, int]]:
    """The tokens of :func:`compact_tokens`' entries, a run split at its spaces."""
    entries, counts = compact_tokens(text, edges)
    spans: list[tuple[int, int]] = []
    for start, entry, count in zip(entries.starts, entries.texts, counts, strict=True):
        assert text[start:start + len(entry)] == entry
        if count == 1:  # one token (it may hold a space: a Prepend joins the next one)
            spans.append((start, start + len(entry)))
            continue
        at = start
        for word in entry.split(" "):
            assert word
            spans.append((at, at + len(word)))
            at += len(word) + 1
        assert len(entry.split(" ")) == count
    return spans


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(0, 400), max_size=10))
def test_entries_hold_exactly_the_tokens(text: str, positions: list[int]) -> None:
    edges = sorted({p for p in positions if p <= len(text)})
    tokens = tokenize(text)
    assert _expanded(text, edges) == list(zip(tokens.starts, tokens.ends, strict=True))
    entries, counts = compact_tokens(text, edges)
    for edge in edges:  # no edge strictly inside an entry of several tokens
        assert not any(s < edge < e and n > 1 for s, e, n
                       in zip(entries.starts, entries.ends, counts, strict=True))


@settings(max_examples=150, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=3))
def test_fast_writers_equal_the_reference(tmp_path_factory: Any,
                                          records: list[DocumentRecord]) -> None:
    _same_output(tmp_path_factory.mktemp("runs"), records)


def test_every_edge_of_a_nested_entity(tmp_path: Path) -> None:
    """Entities starting and ending at every offset of a short text, inside a run, nested in
    one around the whole text (and one around its middle)."""
    text = "قال مُحَمَّد بن سلمان في جامعة القاهرة 2024 كلاما"
    size = len(text)
    records = []
    for start in range(size):
        for end in range(start + 1, size + 1, 3):
            entities = [Entity("all", 0, size, "ORG"), Entity("mid", 4, 30, "GPE"),
                        Entity("e", start, end, "PERS")]
            records.append(DocumentRecord(id=f"{start}-{end}", text=text, entities=entities))
    _same_output(tmp_path, records)


def test_the_seed_article(tmp_path: Path, seed_article: Path) -> None:
    text, _ = read_text_file(seed_article)
    chance = random.Random(12)
    words = [(t.start(), t.end()) for t in re.finditer(r"\S+", text)]
    records = []
    for number in range(4):
        entities = []
        for k in range(40 * (number + 1)):
            first = chance.randrange(len(words))
            last = min(len(words) - 1, first + chance.randrange(4))
            start, end = words[first][0], words[last][1]
            if chance.random() < 0.2:  # an edge inside a word or on a space
                start = max(0, start + chance.choice([-1, 1, 2]))
            entities.append(Entity(f"e{k}", start, max(end, start + 1),
                                   chance.choice(LABELS[:4])))
        records.append(DocumentRecord(id=f"seed{number}", text=text, entities=entities))
    _same_output(tmp_path, records)


def test_a_plain_text_is_a_few_entries() -> None:
    """The work is per entry: 2,000 words with one emoji and two entities make 6 entries:
    two words, one, the rest of the run, the emoji, one word, the rest."""
    words = " ".join(["كلمة"] * 1000) + " 😀 " + " ".join(["موسكو"] * 1000)
    start = words.index("موسكو")
    entries, counts = compact_tokens(words, [10, 15, start, start + 5])
    assert sum(counts) == 2001
    assert counts == [2, 1, 997, 1, 1, 999]
    assert entries.texts[3] == "😀"
