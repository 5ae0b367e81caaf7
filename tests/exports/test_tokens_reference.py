"""The fast paths of the shared tokenization and the token writers, against references.

``tokenize`` takes a stdlib-regex path on plain text and ``sentence_breaks`` scans the text
rather than the tokens; the hf-tokens and conll writers tag a document once and slice it.
Each is checked here against the plain definition it replaced, on generated text that
mixes plain characters with everything that must leave the fast path (emoji, joiners,
marks after spaces, Arabic number signs, letters that extend a cluster).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.exports.hf_tokens import level_key
from annotator.core.exports.plain_text import (
    MARKS,
    PUNCTUATION,
    SEPARATORS,
    WORD_STARTS,
    is_plain,
)
from annotator.core.exports.report import ExportReport
from annotator.core.exports.tagging import OUTSIDE, align_entities, iob_levels
from annotator.core.exports.tokens import (
    SENTENCE_END,
    Tokens,
    reference_spans,
    sentence_breaks,
    tokenize,
    units,
)
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.core.text import read_text_file, span_problem, words
from tests.exports.hard_cases import filler_records, main_record

NOT_PLAIN = [
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇸🇦", "\u200d", "\u200c", "\u0600", "\u06dd", "\uff9e",
    "\u0e33", " \u0651", "\u0301", "\U0001d400", "ﻻ", "ʼ",
]
PLAIN = [chr(cp) for cp in WORD_STARTS + MARKS + PUNCTUATION + SEPARATORS]
ARABIC = [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى", "\u064e", "\u0651", "\u0640"]
PIECES = st.sampled_from(ARABIC * 8 + [" "] * 20 + PLAIN + NOT_PLAIN
                         + ["موسكو", "-", ".", "\r\n", "\n\n"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _breaks_by_definition(tokens: Tokens) -> list[int]:
    """The rule as written: a sentence starts after an end mark or a gap with a newline."""
    breaks = [0] if len(tokens) else []
    for i in range(1, len(tokens)):
        gap = tokens.text[tokens.ends[i - 1] : tokens.starts[i]]
        if tokens.surface(i - 1) in SENTENCE_END or "\n" in gap:
            breaks.append(i)
    return breaks


def _tokens_equal_the_reference(text: str) -> Tokens:
    tokens = tokenize(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == reference_spans(text)
    assert tokens.texts == [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    return tokens


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_tokenize_and_sentences_equal_the_reference(text: str) -> None:
    tokens = _tokens_equal_the_reference(text)
    assert sentence_breaks(tokens) == _breaks_by_definition(tokens)


def test_every_fast_path_character_in_context() -> None:
    contexts = ["ا{}ب", " {}1", "!{}ا", "{}ا", "😀{}x", "{}{}ا", "ب{}", "{} ", "a-{}b",
                "ب\u064e{}ن", "\n{}.", "«{}»", "{}"]
    plain_seen = 0
    for ch in PLAIN + NOT_PLAIN:
        for context in contexts:
            text = context.replace("{}", ch)
            tokens = tokenize(text)
            assert list(zip(tokens.starts, tokens.ends, strict=True)) == reference_spans(text)
            plain_seen += is_plain(text)
    assert plain_seen > len(PLAIN) * 5  # most of these took the fast path
    assert not any(is_plain("ا" + ch) for ch in NOT_PLAIN)


def test_reference_words_are_the_core_words() -> None:
    text = "قال «مُحَمَّد» COVID-19 و12% 😀\u200fنعم."
    word_spans = set(words(text))
    assert word_spans <= set(reference_spans(text))
    assert set(reference_spans(text)) - word_spans == {
        (text.index(c), text.index(c) + len(c)) for c in ("«", "»", "%", "😀", ".")}


def test_seed_article_takes_the_fast_path_with_the_same_tokens(seed_article: Path) -> None:
    text, _info = read_text_file(seed_article)
    assert is_plain(text)
    tokens = tokenize(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == reference_spans(text)
    assert sentence_breaks(tokens) == _breaks_by_definition(tokens)


def _generated_records(count: int) -> list[DocumentRecord]:
    """Documents with nested, widened and odd-gap entities on mixed text."""
    rng = random.Random(5)
    pieces = ARABIC * 4 + [" "] * 12 + ["  ", "\n", "\u200f", "«", "»", ".", "؟", "😀",
                                          "وموسكو", "لواشنطن", " \u0651", "12%"]
    labels = ["GPE", "PERS", "ORG", "LOC"]
    records: list[DocumentRecord] = []
    for n in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 120)))
        spans = words(text)
        entities: list[Entity] = []
        for _ in range(rng.randint(0, 12)):
            if not spans:
                break
            a = rng.randrange(len(spans))
            b = min(len(spans) - 1, a + rng.choice([0, 0, 1, 3]))
            start = spans[a][0] + (1 if rng.random() < 0.2 else 0)
            end = spans[b][1]
            if start < end and span_problem(text, start, end) is None:
                entities.append(Entity(f"e{len(entities)}", start, end, rng.choice(labels)))
        records.append(DocumentRecord(id=f"gen-{n:03d}", text=text, title="t", status="done",
                                      entities=entities))
    return records


def _expected_hf_lines(records: list[DocumentRecord]) -> list[dict[str, object]]:
    """hf-tokens lines by the definition: reference tokens, tags per record range."""
    report = ExportReport("t", "s", 1, "tokens", ["entities"])
    lines: list[dict[str, object]] = []
    for record in records:
        tokens = Tokens.of(record.text, reference_spans(record.text))
        spans = align_entities(record, tokens, report)
        levels = max((s.level for s in spans), default=1)
        ranges, _kept = units(tokens, True, [(s.first, s.last) for s in spans])
        for number, (first, last) in enumerate(ranges):
            line: dict[str, object] = {"id": f"{record.id}-{number}", "doc_id": record.id,
                                       "tokens": tokens.surfaces(first, last)}
            for level, tags in enumerate(iob_levels(spans, first, last, levels), start=1):
                line[level_key(level)] = tags
            lines.append(line)
    deepest = max(len([k for k in line if k.startswith("ner_tags")]) for line in lines)
    for line in lines:
        blank = [OUTSIDE] * len(line["tokens"])  # type: ignore[arg-type]
        for level in range(2, deepest + 1):
            line.setdefault(level_key(level), blank)
    return lines


def test_token_writers_match_the_per_record_reference(tmp_path: Path) -> None:
    path = tmp_path / "gen.annotator"
    with Project.open(path, create=True, annotator="t") as project:
        project.import_records([main_record(), *filler_records(3), *_generated_records(60)])
    with Project.open(path) as project:
        records = list(project.iter_records())
        hf = tmp_path / "hf.jsonl"
        export_dataset(project, hf, ExportOptions(format="hf-tokens"))
        conll = tmp_path / "c.conll"
        export_dataset(project, conll, ExportOptions(format="conll"))
    written = [json.loads(x) for x in hf.read_text(encoding="utf-8").splitlines()]
    expected = _expected_hf_lines(records)
    assert written == expected
    assert any(len(line) > 4 for line in written)  # nested levels are in the data
    rows = [line.split(" ") for line in conll.read_text(encoding="utf-8").split("\n")
            if line and not line.startswith("-DOCSTART-")]
    assert rows == [
        [token, *(str(line[level_key(n)][i]) for n in range(1, len(line) - 2))]  # type: ignore[index]
        for line in expected for i, token in enumerate(line["tokens"])  # type: ignore[arg-type]
    ]


def test_a_few_emoji_send_only_their_words_to_the_reference_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An annotated news text with an emoji here and there is plain but for a few words: only
    the words around each emoji take the (slow) reference path; the rest is plain."""
    import annotator.core.exports.tokens as tokens_module

    sentence = "قال مُحَمَّد «نعم»، في موسكو 12% أمس. "
    family = "ا👨\u200d👩\u200d👧 ب"
    text = sentence * 40 + "👍🏽 " + sentence * 40 + family + sentence * 40 + " \u0651"
    given: list[str] = []
    reference = tokens_module.reference_spans

    def counted(part: str) -> list[tuple[int, int]]:
        given.append(part)
        return reference(part)

    monkeypatch.setattr(tokens_module, "reference_spans", counted)
    tokens = tokenize(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == reference(text)
    assert given == ["👍🏽 ", "ا👨\u200d👩\u200d👧 ", " \u0651"]


MOSTLY_PLAIN = st.lists(st.sampled_from(ARABIC * 30 + [" "] * 60 + ["\n"] * 5 + PLAIN + NOT_PLAIN
                                        + ["\u0600 ", "\u200d ", " \u0903", "\r\n", "\n\u0651"]),
                        min_size=20, max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(MOSTLY_PLAIN)
def test_text_cut_into_plain_and_reference_pieces_equals_the_reference(text: str) -> None:
    _tokens_equal_the_reference(text)


CONTROLS = st.lists(st.sampled_from(ARABIC * 4 + [" "] * 8 + NOT_PLAIN + [
    chr(cp) for cp in range(0x20)] + ['"', "\\", "\x7f", "\x85", "\xa0", "«"]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(CONTROLS.map("".join))
def test_a_text_without_token_escapes_has_no_token_that_needs_one(text: str) -> None:
    """hf-tokens decides whether a document's tokens need a JSON escape from one scan of
    its text, not of its tokens (a token never holds whitespace)."""
    from annotator.core.exports.hf_tokens import _NEEDS_ESCAPE, _TOKEN_NEEDS_ESCAPE

    if _TOKEN_NEEDS_ESCAPE.search(text) is None:
        assert not [t for t in tokenize(text).texts if _NEEDS_ESCAPE.search(t)]
