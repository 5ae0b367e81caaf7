"""The assignment plan (annotator.core.teams.balance): balanced, seeded, shared fraction."""

from __future__ import annotations

import hashlib

import pytest

from annotator.core.teams.balance import Candidate, plan_assignments

PEOPLE = ["alice", "bob", "carol"]


def docs(n: int, first: int = 1) -> list[Candidate]:
    return [Candidate(i, hashlib.sha256(f"text {i}".encode()).hexdigest())
            for i in range(first, first + n)]


def loads(plan_given: dict[str, list[int]]) -> list[int]:
    return [len(ids) for ids in plan_given.values()]


def test_every_document_goes_to_one_annotator_and_the_overlap_to_two() -> None:
    plan = plan_assignments(docs(100), PEOPLE, overlap=0.2, seed=3)
    holders: dict[int, int] = {}
    for ids in plan.given.values():
        for d in ids:
            holders[d] = holders.get(d, 0) + 1
    assert set(holders) == set(range(1, 101))
    assert sorted(d for d, n in holders.items() if n == 2) == sorted(plan.shared)
    assert len(plan.shared) == 20
    assert set(holders.values()) == {1, 2}
    assert max(loads(plan.given)) - min(loads(plan.given)) <= 1
    assert sum(loads(plan.given)) == 120


def test_the_plan_depends_on_the_seed_only() -> None:
    candidates = docs(50)
    one = plan_assignments(candidates, PEOPLE, overlap=0.3, seed=5)
    again = plan_assignments(list(reversed(candidates)), PEOPLE, overlap=0.3, seed=5)
    other = plan_assignments(candidates, PEOPLE, overlap=0.3, seed=6)
    assert one.given == again.given
    assert one.shared == again.shared
    assert one.given != other.given


def test_earlier_load_is_balanced_out() -> None:
    plan = plan_assignments(docs(6), PEOPLE, load={"alice": 4, "bob": 1, "carol": 0})
    assert {name: len(ids) for name, ids in plan.given.items()} == {
        "alice": 0, "bob": 3, "carol": 3}


def test_per_person_caps_and_leaves_the_rest_unassigned() -> None:
    plan = plan_assignments(docs(10), PEOPLE, per_person=2, load={"alice": 1})
    assert {name: len(ids) for name, ids in plan.given.items()} == {
        "alice": 1, "bob": 2, "carol": 2}
    assert len(plan.unassigned) == 5


def test_a_shared_document_can_go_to_three() -> None:
    plan = plan_assignments(docs(10), PEOPLE, overlap=0.5, shared_by=3)
    assert len(plan.shared) == 5
    assert all(all(d in ids for ids in plan.given.values()) for d in plan.shared)


@pytest.mark.parametrize(("people", "kwargs", "reason"), [
    ([], {}, "no annotator"),
    (["a", "a"], {}, "named twice"),
    (["a", "b,c"], {}, "comma"),
    (["a", "b"], {"overlap": 1.5}, "between 0 and 1"),
    (["a", "b"], {"overlap": 0.2, "shared_by": 3}, "2 to 2 annotators"),
    (["a"], {"overlap": 0.2}, "2 to 1 annotators"),
    (["a", "b"], {"per_person": 0}, "at least 1"),
])
def test_options_that_make_no_plan_are_refused(people: list[str], kwargs: dict[str, float],
                                               reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        plan_assignments(docs(3), people, **kwargs)  # type: ignore[arg-type]
