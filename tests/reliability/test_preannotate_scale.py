"""Pre-annotation of large documents (issue 9, item 10): the overlap rule scanned every span
added so far for every match (quadratic: 154 million checks for a 2 MB document), the change
events of the batch were quadratic too, and folding a 30 MB text took gigabytes. The results
must stay exactly those of the old algorithm; the work is bounded by counting, never timed
(bench/preannotate.py has the figures)."""

from __future__ import annotations

import math
import random
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from annotator.core import preannotate as preannotate_module
from annotator.core.intervals import ContainmentIndex
from annotator.core.model import DocumentRecord, Entity
from annotator.core.preannotate import GazetteerEntry, find_name, plan_entities, preannotate
from annotator.core.store import Project
from annotator.core.store.base import events_for
from annotator.core.store.events import AnnotationsChanged
from annotator.core.text.folding import Folded, fold, fold_char

GAZETTEER = [
    GazetteerEntry("عبد الله", "PERS", 1), GazetteerEntry("الملك عبد الله", "PERS", 2),
    GazetteerEntry("عبد الله بن زايد", "PERS", 3), GazetteerEntry("زايد", "ORG", 4),
    GazetteerEntry("بن زايد", "PERS", 5), GazetteerEntry("الأمم المتحدة", "ORG", 6),
    GazetteerEntry("الأمم", "ORG", 7), GazetteerEntry("المتحدة", "ORG", 8),
    GazetteerEntry("موسكو", "GPE", 9), GazetteerEntry("جامعة موسكو", "ORG", 10),
    GazetteerEntry("موسكو", "ORG", 11), GazetteerEntry("أحمد", "PERS", 12),
    GazetteerEntry("العراق", "GPE", 13), GazetteerEntry("بوتين", "PERS", 14),
    GazetteerEntry("فلاديمير بوتين", "PERS", 15),
]
_WORDS = ["قال", "إن", "في", "من", "الوزير", "اليوم", "وقد", "😀", "،", "."]
_SPELLINGS = {"أحمد": ["احمد", "أَحْمَد", "إحمد"], "بوتين": ["بُوتِين", "بوتيـن"],
              "العراق": ["العِراق", "للعراق", "والعراق"], "موسكو": ["وموسكو", "بموسكو"]}


def _ordered() -> list[GazetteerEntry]:
    return sorted(GAZETTEER, key=lambda e: len(e.name), reverse=True)


def random_text(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    for _ in range(words):
        if rng.random() < 0.35:
            name = rng.choice(GAZETTEER).name
            parts.append(rng.choice([name, *_SPELLINGS.get(name, [])]))
        else:
            parts.append(rng.choice(_WORDS))
    return " ".join(parts)


def reference_fold(text: str) -> Folded:
    """Folding character by character (the definition)."""
    parts: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        parts.append(folded)
        starts.extend([i] * len(folded))
    starts.append(len(text))
    return Folded("".join(parts), starts, text)


def old_plan(text: str, ordered: Sequence[GazetteerEntry],
             existing: Sequence[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], int]:
    """The algorithm before the fix (scan of every covered span), and its number of checks."""
    taken = set(existing)
    covered: list[tuple[int, int, str]] = []
    plan: list[tuple[int, int, str]] = []
    checks = 0
    folded = reference_fold(text)
    for entry in ordered:
        for start, end in find_name(folded, entry.name):
            checks += len(covered)
            if (start, end, entry.label) in taken or any(
                s <= start and end <= e and lab == entry.label for s, e, lab in covered
            ):
                continue
            plan.append((start, end, entry.label))
            taken.add((start, end, entry.label))
            covered.append((start, end, entry.label))
    return plan, checks


def _existing(rng: random.Random, text: str) -> list[tuple[int, int, str]]:
    """Some spans already marked: a few gazetteer matches (same or another label)."""
    folded = fold(text)
    found = [(s, e, entry.label) for entry in GAZETTEER for s, e in find_name(folded, entry.name)]
    marked = rng.sample(found, min(len(found), 8))
    return [(s, e, rng.choice([label, "LOC"])) for s, e, label in marked]


@pytest.mark.parametrize("seed", range(40))
def test_plan_is_identical_to_the_old_algorithm(seed: int) -> None:
    rng = random.Random(seed)
    text = random_text(rng, rng.randint(5, 400))
    existing = _existing(rng, text)
    expected, _checks = old_plan(text, _ordered(), existing)
    assert plan_entities(text, _ordered(), existing) == expected


def test_preannotate_adds_what_the_old_algorithm_added(tmp_path: Path) -> None:
    rng = random.Random(5)
    texts = [random_text(rng, 300) + f" {n}" for n in range(4)]
    records = []
    for n, text in enumerate(texts):
        marked = _existing(rng, text)
        records.append(DocumentRecord(id=f"d{n}", text=text, title=f"d{n}", entities=[
            Entity(id=f"e{i}", start=s, end=e, label=lab) for i, (s, e, lab) in enumerate(
                dict.fromkeys(marked))]))
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        ids = project.import_records(records).doc_ids
        before = {doc: [(e.start, e.end, e.label) for e in project.get_record(doc).entities]
                  for doc in ids}
        counts = preannotate(project, GAZETTEER)
        expected_total = 0
        for doc, text in zip(ids, texts, strict=True):
            expected, _ = old_plan(text, _ordered(), before[doc])
            expected_total += len(expected)
            after = {(e.start, e.end, e.label) for e in project.get_record(doc).entities}
            assert after == set(before[doc]) | set(expected)
    assert sum(counts.values()) == expected_total > 0


class _Counted(ContainmentIndex):
    made: list[ContainmentIndex] = []  # noqa: RUF012 - the test's registry

    def __init__(self, starts: Any) -> None:
        super().__init__(starts)
        _Counted.made.append(self)


def test_overlap_checks_are_n_log_n(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document with thousands of matches: the containment steps stay within
    ~2 log2(m) per match, where the old scan needed checks growing with m squared."""
    rng = random.Random(1)
    text = random_text(rng, 5000)
    _Counted.made = []
    monkeypatch.setattr(preannotate_module, "ContainmentIndex", _Counted)
    plan = plan_entities(text, _ordered())
    folded = fold(text)
    matches = sum(len(find_name(folded, e.name)) for e in GAZETTEER)
    steps = sum(index.steps for index in _Counted.made)
    bound = 2 * matches * (math.log2(matches) + 1)
    assert matches > 1500
    assert steps <= bound, (steps, bound)
    old, old_checks = old_plan(text, _ordered(), [])
    assert plan == old
    assert old_checks > 10 * steps, (old_checks, steps)  # the quadratic scan the fix removed


def test_containment_index_against_a_scan() -> None:
    rng = random.Random(3)
    spans = [(s, s + rng.randint(1, 30)) for s in (rng.randrange(500) for _ in range(3000))]
    index = ContainmentIndex(s for s, _ in spans)
    added: list[tuple[int, int]] = []
    for start, end in spans:
        expected = any(s <= start and end <= e for s, e in added)
        assert index.contains(start, end) == expected
        if rng.random() < 0.3:
            index.add(start, end)
            added.append((start, end))
    with pytest.raises(ValueError, match="not announced"):
        index.add(1000, 1001)


# -- folding: same result, bounded memory ----------------------------------------------------

_ALPHABET = ("أإآابةىیکَُِّْـ\u200c\u200d\u200f\ufefb\ufdfa\ufe70ßABCﬁ٣۴ 😀\U0001f1f8\n"
             "\x00Σςİ")


@pytest.mark.parametrize("seed", range(5))
def test_fold_equals_folding_character_by_character(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
        folded, expected = fold(text), reference_fold(text)
        assert folded.text == expected.text
        assert list(folded.starts) == list(expected.starts)


def test_fold_of_a_large_text_stays_compact() -> None:
    """Folding kept a Python int per character and a string per character (about 100 bytes
    each: a 30 MB document needed gigabytes). Now the map is 4 bytes per character."""
    text = random_text(random.Random(2), 4000) * 3  # about 70,000 characters
    tracemalloc.start()
    try:
        folded = fold(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(folded.starts) == len(folded.text) + 1
    assert peak < 16 * len(text), (peak, len(text))


# -- change events of a large batch ----------------------------------------------------------


class _Id(int):
    """A row id that counts the equality comparisons made with it."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Id.compared += 1
        return int(self) == other

    __hash__ = int.__hash__


def test_change_events_of_a_large_batch_are_linear() -> None:
    """events_for looked each id up in a list: n^2/2 comparisons for a batch of n inserts."""
    n = 5000
    changes: list[Any] = [{"table": "entities", "op": "insert", "id": _Id(i), "before": None,
                           "after": {"id": i, "doc_id": 1}} for i in range(n)]
    changes.append({"table": "entities", "op": "update", "id": _Id(7), "before": {"doc_id": 1},
                    "after": {"doc_id": 1}})
    _Id.compared = 0
    [event] = events_for(changes)
    assert isinstance(event, AnnotationsChanged)
    assert _Id.compared <= 4 * n, _Id.compared
    assert len(event.inserted) == n
    assert event.updated == ()  # an update of a row inserted in the same batch
