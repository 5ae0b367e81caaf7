"""Deterministic generated Arabic corpora for the benchmarks (no third-party text)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord, Entity, Event, Span

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_NAMES = ["موسكو", "واشنطن", "باريس", "بوتين", "كيري", "لافروف", "القاهرة", "الرياض", "بغداد"]
_LABELS = ["PERS", "GPE", "ORG", "LOC", "DATE", "NORP"]


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 8))) for _ in range(size)]
    return words + _NAMES * 20 + ["ال" + w for w in words[:800]] + ["«قال»", "2024", "٣٫٥٪"]


def generate_texts(count: int, chars: int = 2800, seed: int = 7) -> Iterator[str]:
    """``count`` distinct texts of about ``chars`` code points (about 5 KB of UTF-8 each)."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    for number in range(count):
        words: list[str] = [f"خبر {number}:"]
        length = 0
        while length < chars:
            word = rng.choice(vocab)
            words.append(word)
            length += len(word) + 1
            if rng.random() < 0.06:
                words[-1] += "."
        yield " ".join(words)


def with_entities(text: str, doc_number: int, per_doc: int, rng: random.Random) -> DocumentRecord:
    """A record whose entities cover ``per_doc`` whole words of ``text`` (some nested pairs)."""
    starts: list[int] = []
    position = 0
    for word in text.split(" "):
        starts.append(position)
        position += len(word) + 1
    chosen = sorted(rng.sample(range(1, len(starts) - 1), min(per_doc, len(starts) - 2)))
    entities: list[Entity] = []
    for index, word_index in enumerate(chosen):
        start = starts[word_index]
        end = starts[word_index + 1] - 1
        while end > start and not text[end - 1].isalpha():
            end -= 1
        if end > start:
            entities.append(Entity(id=f"e{index}", start=start, end=end, label=rng.choice(_LABELS)))
    return DocumentRecord(
        id=f"bench-{doc_number:06d}", text=text, title=f"خبر {doc_number}", entities=entities
    )


def write_jsonl(path: Path, texts: Iterator[str]) -> int:
    """Write canonical JSONL with only ``id`` and ``text``; returns the byte size."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"id": f"bench-{number:06d}", "text": text}, ensure_ascii=False))
            out.write("\n")
    return path.stat().st_size


_FIRST = ["محمد", "أحمد", "سيرغي", "فيصل", "جون", "ليلى", "خالد", "عمر", "سارة", "يوسف",
          "إيمانويل", "أنطونيو", "نبيل", "هدى", "كريم", "رانيا", "طارق", "منى"]
_LAST = ["لافروف", "العلي", "بن فرحان", "كيري", "الحسن", "ماكرون", "غوتيريش", "الخطيب",
         "السعدي", "منصور", "حداد", "البدري", "العطار", "الزين", "شكري", "النجار"]
_GPE = ["موسكو", "واشنطن", "باريس", "القاهرة", "الرياض", "بغداد", "عمان", "تونس", "الجزائر",
        "برلين", "لندن", "بيروت", "دمشق", "الرباط", "طهران", "أنقرة", "روسيا", "فرنسا",
        "مصر", "العراق", "لبنان", "سوريا", "الأردن", "المغرب"]
_ORG_HEADS = ["وزارة الخارجية", "جامعة", "بنك", "شركة نفط", "مجلس نواب", "هيئة"]
_OCC = ["وزير الخارجية", "الرئيس", "رئيس الوزراء", "السفير", "المتحدث باسم الحكومة"]
_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "سبتمبر"]
_FILLER = ["في", "على", "من", "إلى", "أن", "مع", "بعد", "قبل", "خلال", "حول", "اليوم",
           "الملف", "المحادثات", "التعاون", "الاقتصادي", "الأمني", "الزيارة", "الاتفاق",
           "الجديد", "المنطقة", "الوضع", "الدعم", "العلاقات", "الثنائية", "المقبل", "الماضي"]
_MEETING_VERBS = frozenset({"استقبل", "التقى", "زار", "بحث"})
_VERBS = ["قال", "أكد", "أعلن", "استقبل", "التقى", "زار", "بحث", "أوضح"]


class _Builder:
    """Text and entity offsets built together (code points, end-exclusive)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[tuple[int, int, str]] = []
        self.triggers: list[tuple[int, int, str]] = []

    def add(self, text: str, label: str | None = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if label is not None:
            self.entities.append((start, self.length, label))
        return start, self.length

    def words(self, rng: random.Random, count: int) -> None:
        for _ in range(count):
            self.add(" " + rng.choice(_FILLER))


def _pseudo(rng: random.Random) -> str:
    """A made-up name word (never in any list: the model must use the context)."""
    return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(4, 7)))


def _person(rng: random.Random) -> str:
    last = _pseudo(rng) if rng.random() < 0.4 else rng.choice(_LAST)
    return last if rng.random() < 0.15 else f"{rng.choice(_FIRST)} {last}"


def _place(rng: random.Random) -> str:
    return _pseudo(rng) if rng.random() < 0.25 else rng.choice(_GPE)


def _sentence(out: _Builder, rng: random.Random) -> None:
    """One sentence: a verb, an occupation and a person, places, maybe an organisation
    holding a place (nested), a date; proclitics attached outside the names."""
    out.add(" " + rng.choice(["", "و", "ف"]))
    verb = rng.choice(_VERBS)
    start, end = out.add(verb)
    if verb in _MEETING_VERBS:  # an event trigger, the conjunction left outside
        out.triggers.append((start, end, "Contact:Meet"))
    out.add(" ")
    if rng.random() < 0.7:
        out.add(rng.choice(_OCC), "OCC")
        out.add(" ")
    if rng.random() < 0.15:  # an occupation word with nobody named: not an entity
        out.add(rng.choice(_FILLER) + " " + rng.choice(["الرئيس", "السفير"]) + " ")
    out.add(_person(rng), "PERS")
    out.words(rng, rng.randint(1, 3))
    out.add(" " + rng.choice(["", "و", "ب", "ل"]))
    out.add(_place(rng), "GPE")
    out.words(rng, rng.randint(1, 3))
    if rng.random() < 0.6:
        out.add(" ")
        head = rng.choice(_ORG_HEADS)
        start, _end = out.add(head + " ")
        place = out.add(_place(rng), "GPE")
        out.entities.append((start, place[1], "ORG"))
        out.words(rng, rng.randint(1, 2))
    if rng.random() < 0.5:
        out.add(" في ")
        out.add(f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2015, 2026)}", "DATE")
    out.add(".")


def news_records(count: int, seed: int = 11, sentences: int = 6) -> list[DocumentRecord]:
    """``count`` generated news-like documents with nested entities (an ORG such as
    ``جامعة القاهرة`` holds a GPE), names after attached proclitics (``وموسكو``: the و left
    outside) and unseen combinations of first and last names, and a Contact:Meet event on
    each meeting verb (its trigger): learnable, never copied."""
    rng = random.Random(seed)
    records: list[DocumentRecord] = []
    for number in range(count):
        out = _Builder()
        out.add(f"خبر {number}:")
        for _ in range(sentences):
            _sentence(out, rng)
        text = "".join(out.parts)
        entities = [Entity(id=f"e{i}", start=s, end=e, label=label)
                    for i, (s, e, label) in enumerate(out.entities)]
        events = [Event(id=f"v{i}", type=kind, trigger=Span(s, e))
                  for i, (s, e, kind) in enumerate(out.triggers)]
        records.append(DocumentRecord(id=f"news-{seed}-{number:05d}", text=text,
                                      title=f"خبر {number}", entities=entities, events=events))
    return records
