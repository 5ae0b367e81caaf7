"""Stable document-level splits, plain and stratified."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.exports.splits import (
    Splitter,
    hashed_split,
    parse_ratios,
)
from annotator.core.model import DocumentRecord, Entity

RATIOS = {"train": 0.8, "dev": 0.1, "test": 0.1}


def _doc(ident: str, label: str | None = None) -> DocumentRecord:
    entities = [Entity("1", 0, 1, label)] if label else []
    return DocumentRecord(ident, "x", entities=entities)


def test_parse_ratios() -> None:
    assert parse_ratios("train=0.8, dev=0.1,test=0.1") == RATIOS
    for bad in ("train=0.8,dev=0.1", "train=1.2", "train", "a b=1", "t=0.5,t=0.5", "t=x"):
        with pytest.raises(ValueError, match="split"):
            parse_ratios(bad)


@settings(max_examples=30, deadline=None)
@given(st.sets(st.text(min_size=1, max_size=12), min_size=1, max_size=40),
       st.sets(st.text(min_size=1, max_size=12), max_size=40), st.integers(0, 9))
def test_adding_documents_never_moves_one(old: set[str], new: set[str], seed: int) -> None:
    before = Splitter(RATIOS, seed)
    first = {key: before.split_of(_doc(key)) for key in old}
    before.close()
    after = Splitter(RATIOS, seed)
    later = {key: after.split_of(_doc(key))  # other order, more documents
             for key in sorted(old | new, reverse=True)}
    assert all(later[key] == split for key, split in first.items())
    documents = after.manifest()["documents"]  # the spool holds every assignment
    assert documents == later
    after.close()


def test_manifest_file_streams_the_same_json(tmp_path: Path) -> None:
    plain = Splitter(RATIOS, 5)
    decided = {key: plain.split_of(_doc(key)) for key in ("b", "a", "«ج»", 'q"t')}
    plain.write_manifest(tmp_path / "plain.json")
    written = json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    assert written == {"seed": 5, "ratios": RATIOS, "stratify": None, "documents": decided}
    assert list(written["documents"]) == ["b", "a", "«ج»", 'q"t']  # the order they came in
    plain.close()
    empty = Splitter(RATIOS, 1)
    empty.write_manifest(tmp_path / "empty.json")
    text = (tmp_path / "empty.json").read_text(encoding="utf-8")
    assert text == json.dumps(empty.manifest(), indent=1) + "\n"
    stratified = Splitter(RATIOS, 3, "entities")
    stratified.plan([_doc("z"), _doc("y")])
    stratified.write_manifest(tmp_path / "strat.json")
    text = (tmp_path / "strat.json").read_text(encoding="utf-8")
    assert text == json.dumps(stratified.manifest(), ensure_ascii=False, indent=1) + "\n"


def test_ratios_and_seed() -> None:
    keys = [f"doc-{n}" for n in range(4000)]
    counts = Counter(hashed_split(k, 0, RATIOS) for k in keys)
    assert 0.77 < counts["train"] / 4000 < 0.83
    assert 0.08 < counts["dev"] / 4000 < 0.12
    other = Counter(hashed_split(k, 1, RATIOS) == hashed_split(k, 0, RATIOS) for k in keys)
    assert other[False] > 1000  # another seed is another split


def test_stratified_puts_rare_labels_everywhere_and_keeps_the_manifest() -> None:
    docs = [_doc(f"d{n}", "GPE") for n in range(80)] + [_doc(f"r{n}", "RARE") for n in range(10)]
    splitter = Splitter(RATIOS, 3, "entities")
    splitter.plan(docs)
    rare = Counter(splitter.split_of(d) for d in docs if d.entities[0].label == "RARE")
    assert rare == {"train": 8, "dev": 1, "test": 1}
    common = Counter(splitter.split_of(d) for d in docs if d.entities[0].label == "GPE")
    assert common == {"train": 64, "dev": 8, "test": 8}
    manifest = splitter.manifest()["documents"]
    grown = [*docs, *(_doc(f"n{n}", "RARE") for n in range(10))]
    again = Splitter(RATIOS, 3, "entities", previous=manifest)
    again.plan(grown)
    assert all(again.split_of(d) == manifest[str(d.id)] for d in docs)
    assert Counter(again.split_of(d) for d in grown if d.entities[0].label == "RARE") == {
        "train": 16, "dev": 2, "test": 2}


def test_stratify_by_document_label() -> None:
    docs = [DocumentRecord(f"d{n}", "x", labels={"topic": "a" if n % 5 else "b"})
            for n in range(50)]
    splitter = Splitter({"train": 0.5, "test": 0.5}, 0, "label:topic")
    splitter.plan(docs)
    by_b = Counter(splitter.split_of(d) for d in docs if d.labels["topic"] == "b")
    assert by_b == {"train": 5, "test": 5}
    with pytest.raises(ValueError, match="stratify"):
        Splitter(RATIOS, 0, "nonsense")


# -- no empty split when there are documents enough (issue 11) --------------------------------

SMALL = {"train": 0.8, "dev": 0.1, "test": 0.1}


def _plain_plan(keys: list[str], seed: int, previous: dict[str, str] | None = None
                ) -> dict[str, str]:
    splitter = Splitter(SMALL, seed, previous=previous)
    splitter.plan_keys(lambda: iter(keys))
    found = {key: splitter.split_of(_doc(key)) for key in keys}
    splitter.close()
    return found


@settings(max_examples=60, deadline=None)
@given(st.sets(st.text(min_size=1, max_size=8), min_size=3, max_size=12), st.integers(0, 99))
def test_plain_split_never_empty_with_documents_enough(keys: set[str], seed: int) -> None:
    ordered = sorted(keys)
    found = _plain_plan(ordered, seed)
    assert set(found.values()) == set(SMALL)
    assert _plain_plan(list(reversed(ordered)), seed) == found  # deterministic, any order
    hashed = {key: hashed_split(key, seed, SMALL) for key in ordered}
    moved = [key for key in ordered if found[key] != hashed[key]]
    assert len(moved) <= sum(1 for name in SMALL if name not in hashed.values())


def test_a_small_corpus_fills_every_split() -> None:
    keys = ["doc-1", "doc-2", "doc-3"]
    hashed = {hashed_split(key, 0, SMALL) for key in keys}
    assert hashed != set(SMALL)  # the hash alone leaves a split empty here
    assert set(_plain_plan(keys, 0).values()) == set(SMALL)


def test_fewer_documents_than_splits_are_left_where_the_hash_puts_them() -> None:
    found = _plain_plan(["only"], 3)
    assert found == {"only": hashed_split("only", 3, SMALL)}


def test_a_moved_document_stays_where_splits_json_put_it() -> None:
    keys = ["doc-1", "doc-2", "doc-3"]
    first = _plain_plan(keys, 0)
    more = keys + [f"new-{n}" for n in range(40)]
    later = _plain_plan(more, 0, previous=first)
    assert all(later[key] == first[key] for key in keys)


def test_stratified_split_never_empty_with_documents_enough() -> None:
    docs = [_doc(f"d{n}", "PERS" if n % 2 else "GPE") for n in range(4)]
    splitter = Splitter(SMALL, 0, "entities")
    splitter.plan(docs)
    assert {splitter.split_of(doc) for doc in docs} == set(SMALL)
