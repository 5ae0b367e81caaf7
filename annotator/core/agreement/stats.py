"""Chance-corrected agreement on nominal values: Cohen's kappa, Fleiss' kappa and
Krippendorff's alpha, computed from tallies so that millions of units (tokens) cost one
``Counter`` each.

* A *pair tally* counts ``(value_a, value_b)`` pairs: two raters on the same units.
* A *unit tally* counts tuples of values, one per rater, ``None`` where a rater gave none
  (Krippendorff's missing values); identical units are counted once with their number.

Each function returns ``None`` when the statistic is undefined (no units, or every value the
same so that chance agreement is 1): a caller reports that, it never becomes 0 or 1.
The list forms (:func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`krippendorff_alpha`) are the
textbook inputs; the tests compare them with scikit-learn, statsmodels and ``krippendorff``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations

Value = Hashable
PairTally = Mapping[tuple[Value, Value], int]
UnitTally = Mapping[tuple[Value | None, ...], int]


def cohen_kappa_from_pairs(pairs: PairTally) -> float | None:
    """Cohen's kappa of two raters from the counts of their ``(a, b)`` value pairs."""
    total = sum(pairs.values())
    if total == 0:
        return None
    observed = sum(n for (a, b), n in pairs.items() if a == b) / total
    left: Counter[Value] = Counter()
    right: Counter[Value] = Counter()
    for (a, b), n in pairs.items():
        left[a] += n
        right[b] += n
    expected = sum(left[v] * right[v] for v in left) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def cohen_kappa(a: Sequence[Value], b: Sequence[Value]) -> float | None:
    """Cohen's kappa of two raters' values on the same units (equal lengths)."""
    if len(a) != len(b):
        raise ValueError(f"two raters need the same units: {len(a)} and {len(b)} values")
    return cohen_kappa_from_pairs(Counter(zip(a, b, strict=True)))


def fleiss_kappa_from_table(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa from a subjects x categories table of how many raters chose each
    category (every row sums to the same number of raters, at least two)."""
    rows = [list(r) for r in table if sum(r)]
    if not rows:
        return None
    raters = sum(rows[0])
    if raters < 2 or any(sum(r) != raters for r in rows):
        raise ValueError("Fleiss' kappa needs the same number of raters (two or more) "
                         "on every subject")
    subjects = len(rows)
    agreement = sum((sum(c * c for c in r) - raters) / (raters * (raters - 1)) for r in rows)
    mean_agreement = float(agreement) / subjects
    columns = [sum(col) for col in zip(*rows, strict=True)]
    scale = float(subjects * raters)
    expected: float = sum(c * c for c in columns) / (scale * scale)
    if expected >= 1.0:
        return None
    return (mean_agreement - expected) / (1.0 - expected)


def fleiss_kappa_from_units(units: UnitTally) -> float | None:
    """Fleiss' kappa from a unit tally in which every unit has the same raters (no
    ``None``); identical units are weighted by their count."""
    raters = 0
    weighted_agreement = 0.0
    subjects = 0
    totals: Counter[Value] = Counter()
    for values, n in units.items():
        if n == 0:
            continue
        if any(v is None for v in values):
            raise ValueError("Fleiss' kappa needs a value from every rater on every unit")
        raters = raters or len(values)
        if raters < 2 or len(values) != raters:
            raise ValueError("Fleiss' kappa needs the same number of raters (two or more) "
                             "on every unit")
        counts = Counter(values)
        weighted_agreement += n * (sum(c * c for c in counts.values()) - raters) / (
            raters * (raters - 1))
        subjects += n
        for value, c in counts.items():
            totals[value] += n * c
    if subjects == 0:
        return None
    scale = float(subjects * raters)
    expected = sum(c * c for c in totals.values()) / (scale * scale)
    if expected >= 1.0:
        return None
    return (weighted_agreement / subjects - expected) / (1.0 - expected)


def fleiss_kappa(ratings: Sequence[Sequence[Value]]) -> float | None:
    """Fleiss' kappa from one row per subject holding every rater's value."""
    return fleiss_kappa_from_units(Counter(tuple(r) for r in ratings))


def coincidences(units: UnitTally) -> dict[tuple[Value, Value], float]:
    """Krippendorff's coincidence matrix: within each unit with two or more values, every
    ordered pair of values from different raters, weighted 1 / (values in the unit - 1)."""
    matrix: dict[tuple[Value, Value], float] = {}
    for values, n in units.items():
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2 or n == 0:
            continue
        weight = n / (m - 1)
        for x, y in combinations(present, 2):
            matrix[x, y] = matrix.get((x, y), 0.0) + weight
            matrix[y, x] = matrix.get((y, x), 0.0) + weight
    return matrix


def krippendorff_alpha_from_units(units: UnitTally) -> float | None:
    """Krippendorff's alpha for nominal values (missing values are ``None``)."""
    matrix = coincidences(units)
    marginals: dict[Value, float] = {}
    for (x, _y), w in matrix.items():
        marginals[x] = marginals.get(x, 0.0) + w
    total = sum(marginals.values())
    if total <= 1:
        return None
    disagreement = sum(w for (x, y), w in matrix.items() if x != y)
    expected = (total * total - sum(c * c for c in marginals.values())) / (total - 1)
    if expected <= 0:
        return None
    return 1.0 - disagreement / expected


def krippendorff_alpha(data: Sequence[Sequence[Value | None]]) -> float | None:
    """Krippendorff's alpha (nominal) from reliability data: one row per rater, one column
    per unit, ``None`` where the rater gave no value."""
    if not data:
        return None
    width = len(data[0])
    if any(len(row) != width for row in data):
        raise ValueError("every rater's row needs one entry per unit")
    return krippendorff_alpha_from_units(Counter(zip(*data, strict=True)))


def pair_tally(units: UnitTally, i: int, j: int) -> Counter[tuple[Value, Value]]:
    """The ``(value_i, value_j)`` pairs of raters ``i`` and ``j`` over the units where both
    gave a value."""
    pairs: Counter[tuple[Value, Value]] = Counter()
    for values, n in units.items():
        a, b = values[i], values[j]
        if a is not None and b is not None:
            pairs[a, b] += n
    return pairs


def complete_units(units: UnitTally) -> Counter[tuple[Value | None, ...]]:
    """The units every rater gave a value to (what Fleiss' kappa is computed on)."""
    out: Counter[tuple[Value | None, ...]] = Counter()
    for values, n in units.items():
        if None not in values:
            out[values] += n
    return out
