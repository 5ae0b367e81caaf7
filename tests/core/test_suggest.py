"""The quote suggester on Arabic news sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import AUTHOR, Entity, Quote, Span
from annotator.core.suggest import (
    find_quoted,
    find_speech_verbs,
    plausible_speaker,
    suggest_quotes,
)
from annotator.core.text import span_problem
from tests.seed_path import SEED as SEED_ARTICLE


def ent(text: str, surface: str, label: str, ident: str, nth: int = 0) -> Entity:
    """The entity over the ``nth`` occurrence of ``surface``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(ident, start, start + len(surface), label)


def at(text: str, surface: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface))


def test_guillemets_after_verb_with_subject_between() -> None:
    text = ("وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي بموسكو: "
            "«لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج».")
    entities = [ent(text, "وزير الخارجية الروسي", "OCC", "1"), ent(text, "الروسي", "NORP", "2"),
                ent(text, "سيرغي لافروف", "PERS", "3"), ent(text, "موسكو", "GPE", "4")]
    [found] = suggest_quotes(text, entities)
    assert found.content == at(text, "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج")
    assert found.cue == at(text, "قال")  # the conjunction و is not part of the cue
    assert found.speaker == "3"  # the PERS after the verb, not موسكو nearer the quote
    assert found.kind == "direct"
    assert found.cue_lemma == "قال"
    assert found.speaker_reason == "subject after the verb"


def test_straight_quotes_and_verb_with_fa_attached() -> None:
    text = ('التقى الوزير نظيره الفرنسي في باريس. فأكد جان إيف لودريان أن "باريس لن تغير '
            'موقفها من الأزمة" مهما حدث.')
    entities = [ent(text, "باريس", "GPE", "10"), ent(text, "جان إيف لودريان", "PERS", "11"),
                ent(text, "باريس", "GPE", "12", nth=1)]
    [found] = suggest_quotes(text, entities)
    assert found.content == at(text, "باريس لن تغير موقفها من الأزمة")
    assert found.cue == at(text, "أكد")  # فأكد: the ف stays out
    assert found.speaker == "11"  # the subject window stops at أن: باريس inside is content
    assert found.kind == "mixed"  # a complementizer before the quoted words


def test_curly_quotes_with_verb_after_the_closing_mark() -> None:
    text = "“الوضع الإنساني في المخيمات يزداد سوءا كل يوم”، قالت المتحدثة باسم المفوضية."
    entities = [ent(text, "المتحدثة باسم المفوضية", "OCC", "7"), ent(text, "المفوضية", "ORG", "8")]
    [found] = suggest_quotes(text, entities)
    assert found.content == at(text, "الوضع الإنساني في المخيمات يزداد سوءا كل يوم")
    assert found.cue == at(text, "قالت")
    assert found.speaker == "7"  # the outer span; المفوضية inside it never wins


def test_dropped_subject_takes_the_previous_quote_speaker() -> None:
    text = ("وقال الناطق باسم الكرملين ديمتري بيسكوف: «الرئيس يتابع التطورات عن كثب». "
            "وأضاف: «لا توجد أي خطط لزيارة المنطقة في الوقت الحاضر».")
    entities = [ent(text, "الكرملين", "ORG", "20"), ent(text, "ديمتري بيسكوف", "PERS", "21")]
    first, second = suggest_quotes(text, entities)
    assert first.speaker == "21"
    assert second.cue == at(text, "أضاف")  # inside the word وأضاف
    assert second.speaker == "21"
    assert second.speaker_reason == "speaker of the previous quote"


def test_dropped_subject_after_a_stored_quote() -> None:
    text = ("قالت الوزيرة إن الحكومة ستدعم المزارعين. "
            "وأضافت: «سنخصص مليار دينار لهذا الغرض خلال العام المقبل».")
    stored = Quote("q1", at(text, "الحكومة ستدعم المزارعين"), at(text, "قالت"), "30", "indirect")
    entities = [ent(text, "الوزيرة", "OCC", "30"), ent(text, "الحكومة", "ORG", "31")]
    [found] = suggest_quotes(text, entities, [stored])
    assert found.speaker == "30"


def test_participle_continuation_after_a_quote_keeps_the_clause_subject() -> None:
    text = ("وانتقد رئيس الوزراء العراقي القرار، مضيفاً أن «الحكومة لن تسمح بأي تدخل في "
            "شؤونها».")
    entities = [ent(text, "رئيس الوزراء العراقي", "OCC", "40"), ent(text, "العراقي", "NORP", "41")]
    [found] = suggest_quotes(text, entities)
    assert found.cue == at(text, "مضيفاً")
    assert found.speaker == "40"
    assert found.speaker_reason == "nearest entity before the verb"


def test_no_speaker_in_sight() -> None:
    text = "وأشار البيان إلى أن «الأوضاع الأمنية مستقرة في معظم المناطق»."
    [found] = suggest_quotes(text, [])
    assert found.speaker is None
    assert found.speaker_reason == "no speaker in sight"
    assert found.cue == at(text, "أشار")


def test_no_suggestion_without_a_speech_verb_or_for_a_scare_quoted_name() -> None:
    text = ("عنوان المعرض «الذاكرة والمكان» في بيروت. "
            "وقال المسؤول إن تنظيم «داعش» خسر مواقعه.")
    assert suggest_quotes(text, []) == []  # no verb near the first; one word in the second


def test_quotes_overlapping_a_stored_quote_are_not_suggested_again() -> None:
    text = "وأعلنت الوزارة: «تم فتح المعبر أمام المسافرين»."
    content = at(text, "تم فتح المعبر أمام المسافرين")
    stored = Quote("q9", content, None, AUTHOR, "direct")
    assert suggest_quotes(text, [], [stored]) == []
    assert len(suggest_quotes(text, [])) == 1


def test_previous_sentence_entity_when_nothing_closer() -> None:
    text = ("وصل المبعوث الأممي ستيفان دي ميستورا إلى دمشق. "
            "ثم صرح للصحفيين في المطار: «المحادثات ستستأنف الأسبوع المقبل».")
    entities = [ent(text, "ستيفان دي ميستورا", "PERS", "50"), ent(text, "دمشق", "GPE", "51")]
    [found] = suggest_quotes(text, entities)
    assert found.cue == at(text, "صرح")
    assert found.speaker in {"50", "51"}
    assert found.speaker_reason == "nearest entity in the previous sentence"


def test_speech_verb_forms_with_tashkeel_and_conjunctions() -> None:
    text = "وَقالَ، فأضافت، يؤكدون، معتبراً، أوضحَ، وتابع، قالب"
    verbs = find_speech_verbs(text)
    lemmas = [v.lemma for v in verbs]
    assert lemmas == ["قال", "أضاف", "أكد", "اعتبر", "أوضح", "تابع"]
    first = verbs[0].cue
    assert text[first.start:first.end] == "قالَ"  # starts after وَ, keeps its marks
    for verb in verbs:
        assert span_problem(text, verb.cue.start, verb.cue.end) is None


def test_schema_cue_verbs_extend_the_table() -> None:
    text = "وشدد الوزير: «لا تراجع عن الإصلاحات»."
    assert find_speech_verbs(text) == []
    assert [v.lemma for v in find_speech_verbs(text, ["شدد"])] == ["شدد"]
    assert len(suggest_quotes(text, [], cue_verbs=["شدد"])) == 1


def test_find_quoted_pairs_marks_within_paragraphs() -> None:
    text = 'قال: "كلام أول" ثم «كلام «داخلي» طويل» و"غير مغلق\nسطر "آخر هنا"'
    spans = [text[c.start:c.end] for _, _, c in find_quoted(text)]
    assert spans == ["كلام أول", "كلام «داخلي» طويل", "آخر هنا"]


@pytest.mark.skipif(not Path(SEED_ARTICLE).exists(), reason="seed article not available")
def test_seed_article_suggestions_are_valid_spans() -> None:
    text = Path(SEED_ARTICLE).read_text(encoding="utf-8")
    for found in suggest_quotes(text, []):
        assert span_problem(text, found.content.start, found.content.end) is None
        assert span_problem(text, found.cue.start, found.cue.end) is None
        assert found.kind in ("direct", "mixed")


def test_plausible_speaker_of_a_stored_quote_without_cue() -> None:
    text = "وقال الرئيس إيمانويل ماكرون في باريس: «فرنسا لن تتخلى عن حلفائها»."
    entities = [ent(text, "إيمانويل ماكرون", "PERS", "1"), ent(text, "باريس", "GPE", "2")]
    content = at(text, "فرنسا لن تتخلى عن حلفائها")
    assert plausible_speaker(text, entities, content) == ("1", "subject after the verb")
    lone = "«المفاوضات مستمرة حتى الآن»."
    assert plausible_speaker(lone, [], at(lone, "المفاوضات مستمرة حتى الآن")) == (
        None, "no speaker in sight")
