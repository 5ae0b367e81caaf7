"""Web page copies: detection, article extraction, dates in Arabic."""

from __future__ import annotations

import pytest

from annotator.core.formats.dates import find_date, has_weekday
from annotator.core.formats.webpage_reader import find_dateline, looks_like_webpage, parse_webpage
from annotator.core.text import read_text_file
from tests.seed_path import SEED as SEED_PATH

SEED = SEED_PATH
HEADLINE = "الكرملين: زيارة هولاند لواشنطن وموسكو خطوة لتحالف ضد «داعش»"


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("seed article not available")
    text, _info = read_text_file(SEED)
    return text


def test_seed_article_is_a_webpage(seed_text: str) -> None:
    assert looks_like_webpage(seed_text)


def test_seed_article_extraction(seed_text: str) -> None:
    record = parse_webpage(seed_text, str(SEED), {"encoding": "utf-8"})
    assert record is not None
    assert record.title == HEADLINE
    assert record.text.startswith(HEADLINE + "\n\n")
    assert "عواصم (وكالات) أعلن" in record.text
    assert "مواقيت الصلاة" not in record.text
    assert "جميع الحقوق" not in record.text
    assert "21 نوفمبر 2015" not in record.text
    assert record.meta["date"] == "2015-11-21"
    assert record.meta["time"] == "00:56"
    assert record.meta["dateline"] == {"place": "عواصم", "agency": "وكالات"}
    page = record.meta["page"]
    assert "مواقيت الصلاة" in page["nav"]
    assert page["page_date"] == "2024-04-24"
    assert page["copyright"].startswith("جميع الحقوق محفوظة")
    assert record.normalization["encoding"] == "utf-8"
    assert record.normalization["webpage"]["dropped_lines"] > 0
    body_start = record.text.index("عواصم")
    assert seed_text.find(record.text[body_start:]) > 0  # the body is a verbatim slice


def test_plain_article_is_not_a_webpage() -> None:
    text = (
        "الكرملين يرحب بزيارة هولاند\n\n"
        "موسكو (رويترز) قال الكرملين إن زيارة الرئيس الفرنسي خطوة مهمة.\n"
        "وأضاف المتحدث أن المحادثات ستتناول الوضع في سوريا.\n"
    )
    assert not looks_like_webpage(text)
    assert parse_webpage(text, "a.txt", {}) is None


def test_english_boilerplate_page() -> None:
    text = (
        "Home\nWorld\nPolitics\nSports\n\n"
        "وزير الخارجية يلتقي نظيره الروسي في موسكو اليوم\n"
        "٣ آذار ٢٠٢٠\n"
        "موسكو - (أ ف ب) التقى وزير الخارجية نظيره الروسي.\n"
        "Share\n"
        "All rights reserved © 2020\n"
    )
    record = parse_webpage(text, "p.txt", {})
    assert record is not None
    assert record.title == "وزير الخارجية يلتقي نظيره الروسي في موسكو اليوم"
    assert record.meta["date"] == "2020-03-03"
    assert "time" not in record.meta
    assert record.meta["dateline"] == {"place": "موسكو", "agency": "أ ف ب"}
    assert record.meta["page"]["footer"] == ["Share"]
    assert record.text.endswith("التقى وزير الخارجية نظيره الروسي.")


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("21 نوفمبر 2015 00:56", "2015-11-21", "00:56"),
        ("٢١ تشرين الثاني ٢٠١٥ ١٣:٠٥", "2015-11-21", "13:05"),
        ("1 كانون الثاني 2016", "2016-01-01", None),
        ("5 أيار 2019", "2019-05-05", None),
        ("9 يونيه 2019", "2019-06-09", None),
        ("12 أبريل 2021", "2021-04-12", None),
        ("29 شباط 2024", "2024-02-29", None),
    ],
)
def test_find_date(line: str, date: str, time: str | None) -> None:
    found = find_date(line)
    assert found is not None
    assert (found.date, found.time) == (date, time)


def test_impossible_or_missing_date() -> None:
    assert find_date("29 فبراير 2023") is None
    assert find_date("لا تاريخ هنا 2015") is None


def test_weekday_and_dateline() -> None:
    assert has_weekday("الأربعاء 24 ابريل 2024")
    assert not has_weekday("أربعة أيام")
    assert find_dateline("عواصم (وكالات) أعلن") == {"place": "عواصم", "agency": "وكالات"}
    assert find_dateline("أعلن الكرملين (موسكو) أمس") is None
