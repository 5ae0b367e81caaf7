"""Tests for annotator.core.text.clitics (docs/ARABIC.md, Proclitics)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import (
    PROCLITICS,
    NameLexicon,
    fold_text,
    snap_to_name,
    snap_to_whole_words,
    span_problem,
    strip_proclitics_candidates,
    words,
)
from annotator.core.text.clitics import name_key
from tests.seed_path import SEED as SEED_PATH

SEED = SEED_PATH


@pytest.fixture(scope="module")
def article() -> str:
    if not SEED.exists():
        pytest.skip("seed article not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lexicon(article: str) -> NameLexicon:
    return NameLexicon.from_texts([article], names=["طهران"])


def _word_spans(text: str, form: str) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e in words(text) if text[s:e] == form]
    assert spans, f"{form} not found as a word"
    return spans


def _snap(text: str, span: tuple[int, int], lexicon: NameLexicon | None) -> str:
    s, e = snap_to_name(text, span[0], span[1], lexicon)
    return text[s:e]


@pytest.mark.parametrize(
    "name",
    ["بوتين", "بيسكوف", "كيري", "كارتر", "لافروف", "فرانسوا", "فلاديمير", "واشنطن", "باريس"],
)
def test_names_beginning_with_proclitic_letters_stay_whole(
    article: str, lexicon: NameLexicon, name: str
) -> None:
    for span in _word_spans(article, name):
        assert _snap(article, span, lexicon) == name
        assert _snap(article, span, None) == name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("وهولاند", "هولاند"),
        ("لواشنطن", "واشنطن"),
        ("وموسكو", "موسكو"),
        ("والعراق", "العراق"),
        ("لطهران", "طهران"),
    ],
)
def test_attached_proclitics_are_excluded(
    article: str, lexicon: NameLexicon, written: str, name: str
) -> None:
    for start, end in _word_spans(article, written):
        assert _snap(article, (start, end), lexicon) == name
        # a selection inside the word grows to the word first
        assert _snap(article, (start + 2, start + 3), lexicon) == name
        s, e = snap_to_name(article, start, end, lexicon)
        assert span_problem(article, s, e) is None


def test_without_lexicon_only_the_article_counts() -> None:
    text = "زار والعراق بالعراق وهولاند"
    assert _snap(text, (4, 11), None) == "العراق"
    assert _snap(text, (12, 19), None) == "العراق"
    assert _snap(text, (20, 27), None) == "وهولاند"


def test_lam_lam_drops_one_lam() -> None:
    text = "قال للرئيس وللرئيس"
    assert _snap(text, (4, 10), None) == "لرئيس"
    assert _snap(text, (11, 18), None) == "لرئيس"


def test_known_name_is_never_stripped() -> None:
    lex = NameLexicon(names=["ولاية كاليفورنيا", "والتر"], vocabulary=["لاية", "التر"])
    text = "والتر في ولاية كاليفورنيا"
    assert _snap(text, (0, 5), lex) == "والتر"
    assert _snap(text, (9, len(text)), lex) == "ولاية كاليفورنيا"


def test_known_name_rest_is_stripped() -> None:
    lex = NameLexicon(names=["فلاديمير بوتين"])
    text = "وفلاديمير بوتين وبوتين"
    assert _snap(text, (0, 15), lex) == "فلاديمير بوتين"
    assert _snap(text, (16, 22), lex) == "بوتين"


def test_frequency_guard_keeps_frequent_full_form() -> None:
    # يرى folds to يري; كيري is the more frequent word, so its ك stays.
    lex = NameLexicon.from_texts(["كيري قال وكيري رأى، كيري يرى"])
    text = "قال كيري"
    assert _snap(text, (4, 8), lex) == "كيري"


def test_attested_stem_keeps_al_lookalike() -> None:
    lex = NameLexicon.from_texts(["زار وبالتيمور ثم بالتيمور"])
    text = "في بالتيمور"
    assert _snap(text, (3, 11), lex) == "بالتيمور"


def test_tashkeel_on_the_proclitic() -> None:
    lex = NameLexicon(names=["هولاند"])
    text = "وَهولاند"
    assert _snap(text, (0, len(text)), lex) == "هولاند"


def test_candidates() -> None:
    assert strip_proclitics_candidates("وبالعراق") == [2, 1]
    assert strip_proclitics_candidates("لواشنطن") == [1]
    assert strip_proclitics_candidates("هولاند") == []
    assert strip_proclitics_candidates("ول") == []
    assert strip_proclitics_candidates("وَبِالعراق") == [4, 2]


def test_snap_to_whole_words_trims_and_grows() -> None:
    text = "قال «\u200fبوتين» أمس"
    assert snap_to_whole_words(text, 3, 13) == (6, 11)
    assert snap_to_whole_words(text, 7, 9) == (6, 11)
    assert snap_to_whole_words(text, 8, 8) == (6, 11)
    assert snap_to_whole_words(text, 3, 4) == (4, 4)


def test_lexicon_stores_folded_forms() -> None:
    lex = NameLexicon(names=["  فرانسوا   هولاند "], vocabulary={"مدرسة": 2})
    assert "فرانسوا هولاند" in lex.names
    assert lex.is_name("هولاند")
    assert lex.is_name("فرانسوا هولاند")
    assert lex.count("مدرسه") == 2 == lex.count("مَدرسة")
    assert lex.starts_known_name("فرانسوا")
    lex.add_text("ومدرسة مدرسة")
    assert lex.attested_with_proclitic("مدرسة")
    assert fold_text("ومدرسة") in lex.vocabulary
    assert PROCLITICS == "وفبلك"


@given(
    st.lists(
        st.sampled_from(["و", "ل", "ب", "ال", "عراق", "هولاند", " ", "«", "»", "\u064e", "\u200f"])
    ).map("".join),
    st.data(),
)
def test_snap_result_is_a_valid_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lex = NameLexicon.from_texts([text], names=["هولاند"])
    s, e = snap_to_name(text, start, end, lex)
    assert 0 <= s <= e <= len(text)
    if s < e:
        assert span_problem(text, s, e) is None


def test_selected_percent_and_plus_signs_stay_on_the_span() -> None:
    text = "ارتفع بنسبة 12% وقالت أوبك+ إن"
    start = text.index("12%")
    assert snap_to_name(text, start, start + 3) == (start, start + 3)
    start = text.index("أوبك+")
    assert snap_to_name(text, start, start + 5) == (start, start + 5)
    # not selected: not added
    start = text.index("12")
    assert snap_to_name(text, start, start + 2) == (start, start + 2)


def test_lam_of_lil_before_hamza_alef_is_the_article() -> None:
    text = "وتوجه الوفد للأمم المتحدة أمس"
    start = text.index("للأمم")
    assert snap_to_name(text, start, start + len("للأمم")) == (start + 1, start + len("للأمم"))


def test_names_starting_with_wa_or_fa_plus_al_are_kept_when_they_recur() -> None:
    text = "قال والتر إن والتر سيزور فالنسيا، ثم عاد والتر إلى فالنسيا."
    lexicon = NameLexicon.from_texts([text])
    start = text.index("والتر")
    assert snap_to_name(text, start, start + 5, lexicon) == (start, start + 5)
    start = text.index("فالنسيا")
    assert snap_to_name(text, start, start + 7, lexicon) == (start, start + 7)


def test_wa_plus_al_is_still_cut_when_the_rest_stands_alone() -> None:
    text = "زار العراق وسوريا، ثم عاد إلى سوريا والعراق مرة ثانية والعراق."
    lexicon = NameLexicon.from_texts([text])
    start = text.index("والعراق")
    assert snap_to_name(text, start, start + 7, lexicon) == (start + 1, start + 7)
    once = "قصف في سوريا والعراق."  # a single occurrence: the ال evidence alone decides
    start = once.index("والعراق")
    assert snap_to_name(once, start, start + 7, NameLexicon.from_texts([once])) == (
        start + 1, start + 7)


def test_a_discarded_name_stops_being_evidence_but_shared_words_stay() -> None:
    lexicon = NameLexicon(names=["وكرانوفسك", "سامر خليل", "خليل"])
    lexicon.discard_key(name_key("وكرانوفسك"))
    text = "زار وكرانوفسك"
    assert not lexicon.is_name("وكرانوفسك")
    assert snap_to_name(text, 4, len(text), lexicon) == (4, len(text))
    lexicon.add_name("كرانوفسك")
    assert snap_to_name(text, 4, len(text), lexicon) == (5, len(text))
    lexicon.discard_key(name_key("سامر خليل"))
    assert lexicon.is_name("خليل")
    assert not lexicon.is_name("سامر")
    assert not lexicon.starts_known_name("سامر")
