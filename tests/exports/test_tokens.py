"""The shared tokenization, sentence units, alignment and nesting levels."""

from __future__ import annotations

from pathlib import Path

from annotator.core.exports.report import ExportReport
from annotator.core.exports.tagging import (
    INSIDE_TOKEN_START,
    TokenSpan,
    align_entities,
    assign_levels,
    iob_levels,
)
from annotator.core.exports.tokens import lexicon_for, sentence_breaks, tokenize, units
from annotator.core.model import DocumentRecord, Entity
from annotator.core.text import read_text_file
from tests.exports.hard_cases import TEXT, find, main_record


def _report() -> ExportReport:
    return ExportReport("t", "s", 1, "tokens", ["entities"])


def test_words_punctuation_emoji_and_tashkeel() -> None:
    text = "😀 قال مُحَمَّد «نعم»، 12% 👍🏽\u200f!"
    tokens = tokenize(text)
    assert tokens.surfaces() == ["😀", "قال", "مُحَمَّد", "«", "نعم", "»", "،", "12", "%", "👍🏽", "!"]
    for i in range(len(tokens)):
        assert text[tokens.starts[i] : tokens.ends[i]] == tokens.surface(i)


def test_clitics_stay_on_the_word_by_default() -> None:
    assert "وموسكو" in tokenize(TEXT).surfaces()
    assert "لواشنطن" in tokenize(TEXT).surfaces()


def test_split_proclitics_on_evidence_only() -> None:
    text = "زار بوتين وموسكو ولافروف لواشنطن ثم وبوتين."
    lexicon = lexicon_for(text, ["موسكو", "واشنطن", "بوتين", "لافروف"])
    surfaces = tokenize(text, split_proclitics=True, lexicon=lexicon).surfaces()
    assert surfaces == ["زار", "بوتين", "و", "موسكو", "و", "لافروف", "ل", "واشنطن", "ثم", "و",
                        "بوتين", "."]
    # Without evidence a first letter is never stripped: بوتين, لافروف, واشنطن stay whole.
    bare = tokenize("بوتين لافروف واشنطن", split_proclitics=True).surfaces()
    assert bare == ["بوتين", "لافروف", "واشنطن"]


def test_sentences_never_cut_an_entity() -> None:
    text = "قال أ. ب. جونسون إن السفر ممكن. ثم غادر.\nسطر ثان"
    tokens = tokenize(text)
    assert len(sentence_breaks(tokens)) == 5
    start, end = find(text, "أ. ب. جونسون")
    cover = tokens.cover(start, end)
    assert cover is not None
    ranges, kept = units(tokens, True, [cover])
    assert kept == 2
    assert [tokens.surfaces(a, b)[-1] for a, b in ranges] == [".", ".", "ثان"]
    assert units(tokens, False)[0] == [(0, len(tokens))]


def test_alignment_widens_and_reports_proclitic_names() -> None:
    record = main_record()
    report = _report()
    spans = align_entities(record, tokenize(record.text), report)
    assert len(spans) == len(record.entities)
    assert report.widened == {INSIDE_TOKEN_START: 2}
    examples = report.examples["widened: " + INSIDE_TOKEN_START]
    assert any("موسكو" in e for e in examples)
    assert any("واشنطن" in e for e in examples)
    levels = {record.text[s.entity.start : s.entity.end]: s.level for s in spans}
    assert levels["جامعة القاهرة"] == 1
    assert levels["القاهرة"] == 2
    assert levels["الرئيس فلاديمير بوتين"] == 1
    assert levels["الرئيس"] == 2


def test_levels_and_iob2() -> None:
    def span(first: int, last: int, label: str) -> TokenSpan:
        return TokenSpan(Entity("x", 0, 1, label), first, last)

    spans = [span(2, 3, "C"), span(0, 4, "A"), span(1, 3, "B"), span(5, 6, "D")]
    assert assign_levels(spans) == 3
    tags = iob_levels(spans, 0, 6, 3)
    assert tags == [
        ["B-A", "I-A", "I-A", "I-A", "O", "B-D"],
        ["O", "B-B", "I-B", "O", "O", "O"],
        ["O", "O", "B-C", "O", "O", "O"],
    ]


def test_duplicate_after_widening_is_reported() -> None:
    text = "زار وموسكو أمس"
    record = DocumentRecord("d", text, entities=[
        Entity("1", *find(text, "وموسكو"), "GPE"), Entity("2", *find(text, "موسكو"), "GPE")])
    report = _report()
    assert len(align_entities(record, tokenize(text), report)) == 1
    assert sum(report.skipped.values()) == 1


def test_seed_article_tokens_point_into_the_text(seed_article: Path) -> None:
    text, _info = read_text_file(seed_article)
    tokens = tokenize(text)
    assert len(tokens) > 100
    assert all(tokens.surface(i).strip() == tokens.surface(i) for i in range(len(tokens)))
    assert all(tokens.ends[i] <= tokens.starts[i + 1] for i in range(len(tokens) - 1))
    ranges, _ = units(tokens, True)
    assert sum(b - a for a, b in ranges) == len(tokens)
