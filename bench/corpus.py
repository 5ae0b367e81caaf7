"""Deterministic generated Arabic corpora for the benchmarks (no third-party text)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord, Entity

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
