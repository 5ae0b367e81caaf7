"""Dates and times written in Arabic news pages.

News sites write dates as ``21 نوفمبر 2015 00:56``, ``٢١ تشرين الثاني ٢٠١٥`` or
``الأربعاء 24 ابريل 2024``. Month names come in two families: the Egyptian/Gulf
transliterations (يناير … ديسمبر) and the Levantine/Iraqi Syriac names (كانون الثاني …
كانون الأول). Both are recognised, with or without hamza on the alef, and Arabic-Indic
or Extended Arabic-Indic (Persian) digits are read as ASCII digits.

Everything here works on a *lookup key* of the line (alef forms unified, tashkeel and
tatweel dropped) so the stored text is never modified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)
_TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


def lookup_key(text: str) -> str:
    """Return ``text`` with ASCII digits, one alef form, and no tashkeel or tatweel.

    The result has the same meaning as the input but a stable spelling, so month and
    weekday names can be matched with one table. It is used only for matching.
    """
    return _TASHKEEL.sub("", text.translate(_DIGITS)).translate(_ALEFS)


# Written with the alef already unified (see ``lookup_key``). Longer names first so
# that "كانون الثاني" wins over a bare "كانون".
_MONTHS: dict[str, int] = {
    "كانون الثاني": 1,
    "كانون الاول": 12,
    "تشرين الثاني": 11,
    "تشرين الاول": 10,
    "يناير": 1,
    "فبراير": 2,
    "شباط": 2,
    "مارس": 3,
    "اذار": 3,
    "ابريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "ايار": 5,
    "يونيو": 6,
    "يونيه": 6,
    "حزيران": 6,
    "يوليو": 7,
    "يوليه": 7,
    "تموز": 7,
    "اغسطس": 8,
    "اب": 8,
    "سبتمبر": 9,
    "ايلول": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}
_MONTH_ALTERNATION = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_MONTHS, key=len, reverse=True)
)

WEEKDAYS: tuple[str, ...] = (
    "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة",
)
"""Weekday names as lookup keys (see ``lookup_key``)."""

_WEEKDAY_RE = re.compile(r"(?<!\w)(?:" + "|".join(WEEKDAYS) + r"|الجمعه)(?!\w)")
_DATE_RE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s*(?:/\s*)?(?P<month>" + _MONTH_ALTERNATION + r")(?!\w)"
    r"\s*(?:/\s*)?(?:،\s*)?(?P<year>\d{4})(?!\d)"
)
_TIME_RE = re.compile(r"(?<!\d)(?P<hour>[01]?\d|2[0-3])\s*[:٫]\s*(?P<minute>[0-5]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date (and maybe a time) found in a line: ISO strings and the share of the line."""

    date: str
    time: str | None
    coverage: float
    """Fraction of the line's non-space characters taken by the date and time."""


def find_date(line: str) -> FoundDate | None:
    """Find the first ``day month-name year`` date in ``line`` (and a time after it).

    Returns ISO ``YYYY-MM-DD`` and ``HH:MM`` strings, or ``None`` when there is no
    valid date (an impossible day such as 31 فبراير counts as no date).
    """
    key = lookup_key(line)
    match = _DATE_RE.search(key)
    if match is None:
        return None
    month_name = re.sub(r"\s+", " ", match.group("month"))
    month = _MONTHS[month_name]
    day = int(match.group("day"))
    year = int(match.group("year"))
    if not _valid_day(year, month, day):
        return None
    time_match = _TIME_RE.search(key, match.end())
    time = None
    taken = len(match.group(0).replace(" ", ""))
    if time_match is not None:
        time = f"{int(time_match.group('hour')):02d}:{time_match.group('minute')}"
        taken += len(time_match.group(0).replace(" ", ""))
    total = max(1, len(key.replace(" ", "")))
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", time, taken / total)


def has_weekday(line: str) -> bool:
    """Tell whether ``line`` names a day of the week (السبت … الجمعة)."""
    return _WEEKDAY_RE.search(lookup_key(line)) is not None


def _valid_day(year: int, month: int, day: int) -> bool:
    if day < 1:
        return False
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return day <= (29 if leap else 28)
    return day <= (30 if month in (4, 6, 9, 11) else 31)
