"""Who gets which document: the assignment plan, without any store.

* **Which documents are shared** (given to ``shared_by`` annotators, for agreement): the
  documents are ordered by ``sha256(seed, text digest)`` and the first ``round(overlap * n)``
  are shared. The order of a document depends only on the seed and its own text, so the
  choice is deterministic and stable: adding documents to a project does not reshuffle the
  ones already there.
* **Balanced load**: the shared documents are handed out first, then the others, each to the
  annotator(s) with the fewest documents so far (assignments made earlier count), ties broken
  by a seeded order of the names. Loads end at most one apart (when no cap interferes).
* ``per_person`` caps how many documents an annotator holds in all (earlier ones included);
  a document nobody under the cap can take stays unassigned (reported).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document to assign: its row id and the sha256 of its text."""

    doc_id: int
    sha256: str


@dataclass(slots=True)
class Plan:
    """The new assignments (annotator name -> document ids) and what could not be placed."""

    given: dict[str, list[int]] = field(default_factory=dict)
    shared: set[int] = field(default_factory=set)
    """Documents of this plan given to two or more annotators."""
    unassigned: list[int] = field(default_factory=list)
    """Documents left out because every annotator reached ``per_person``."""


def _order_key(seed: int, sha256: str) -> str:
    return hashlib.sha256(f"{seed}:{sha256}".encode()).hexdigest()


def check_options(people: Sequence[str], overlap: float, shared_by: int,
                  per_person: int | None) -> None:
    """Refuse options that cannot make a plan (ValueError with the reason)."""
    if not people:
        raise ValueError("no annotator given")
    if len(set(people)) != len(people):
        raise ValueError("an annotator is named twice")
    if any(not name or name != name.strip() or "," in name for name in people):
        raise ValueError("an annotator name is empty, has a comma or blanks at its ends")
    if not 0.0 <= overlap <= 1.0:
        raise ValueError(f"--overlap {overlap} is not between 0 and 1")
    if overlap > 0 and not 2 <= shared_by <= len(people):
        raise ValueError(f"a shared document needs 2 to {len(people)} annotators"
                         f" (--shared-by {shared_by})")
    if per_person is not None and per_person < 1:
        raise ValueError("--per-person must be at least 1")


def plan_assignments(candidates: Sequence[Candidate], people: Sequence[str], *,
                     overlap: float = 0.0, shared_by: int = 2, per_person: int | None = None,
                     seed: int = 0, load: Mapping[str, int] | None = None) -> Plan:
    """Assign ``candidates`` (documents nobody holds yet) to ``people``; ``load`` is how many
    documents each already holds. Deterministic for the same arguments."""
    check_options(people, overlap, shared_by, per_person)
    held = {name: (load or {}).get(name, 0) for name in people}
    rank = {name: _order_key(seed, name) for name in people}
    ordered = sorted(candidates, key=lambda c: (_order_key(seed, c.sha256), c.doc_id))
    n_shared = round(overlap * len(ordered)) if overlap > 0 else 0
    plan = Plan(given={name: [] for name in people})
    for index, doc in enumerate(ordered):
        wanted = shared_by if index < n_shared else 1
        free = [name for name in people if per_person is None or held[name] < per_person]
        chosen = sorted(free, key=lambda name: (held[name], rank[name]))[:wanted]
        if not chosen:
            plan.unassigned.append(doc.doc_id)
            continue
        for name in chosen:
            plan.given[name].append(doc.doc_id)
            held[name] += 1
        if len(chosen) >= 2:
            plan.shared.add(doc.doc_id)
    for ids in plan.given.values():
        ids.sort()
    plan.unassigned.sort()
    return plan
