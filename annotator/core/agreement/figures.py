"""One reported figure with the counts it came from, and the pairs of annotators."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from annotator.core.agreement.stats import (
    PairTally,
    UnitTally,
    cohen_kappa_from_pairs,
    complete_units,
    fleiss_kappa_from_units,
    krippendorff_alpha_from_units,
)

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Statistic:
    """A value (None when undefined: no units, or one category only), the number of units
    it was computed on, the raters and the distinct values (categories) seen."""

    value: float | None
    units: int
    raters: int = 2
    categories: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "units": self.units, "raters": self.raters,
                "categories": self.categories}


def _categories(values: Counter[Hashable]) -> int:
    return len({v for v in values if v is not None})


def kappa_statistic(pairs: PairTally) -> Statistic:
    """Cohen's kappa of a pair tally, with its counts."""
    seen: Counter[Hashable] = Counter()
    for (a, b), n in pairs.items():
        seen[a] += n
        seen[b] += n
    return Statistic(cohen_kappa_from_pairs(pairs), sum(pairs.values()), 2, _categories(seen))


def observed_statistic(pairs: PairTally) -> Statistic:
    """The share of units on which both gave the same value (no chance correction)."""
    total = sum(pairs.values())
    same = sum(n for (a, b), n in pairs.items() if a == b)
    seen: Counter[Hashable] = Counter()
    for a, b in pairs:
        seen[a] += 1
        seen[b] += 1
    return Statistic(same / total if total else None, total, 2, _categories(seen))


def _unit_categories(units: UnitTally) -> int:
    return len({v for values in units for v in values if v is not None})


def alpha_statistic(units: UnitTally, raters: int) -> Statistic:
    """Krippendorff's alpha (nominal) of a unit tally; units counts the pairable units (two
    or more values)."""
    pairable = sum(n for values, n in units.items()
                   if sum(v is not None for v in values) >= 2)
    return Statistic(krippendorff_alpha_from_units(units), pairable, raters,
                     _unit_categories(units))


def fleiss_statistic(units: UnitTally, raters: int) -> Statistic | None:
    """Fleiss' kappa on the units every rater gave a value to; None for fewer than three
    raters (Cohen's kappa is the figure for two)."""
    if raters < 3:
        return None
    complete = complete_units(units)
    return Statistic(fleiss_kappa_from_units(complete), sum(complete.values()), raters,
                     _unit_categories(complete))


def pairs_of(count: int) -> list[Pair]:
    """Every pair of annotator indexes ``(i, j)``, ``i < j``."""
    return list(combinations(range(count), 2))


def pair_name(annotators: Sequence[str], pair: Pair) -> str:
    """``alice~bob``: how a pair is named in JSON and reports."""
    return f"{annotators[pair[0]]}~{annotators[pair[1]]}"
