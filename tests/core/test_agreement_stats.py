"""The agreement statistics on worked examples from the literature, hand-made cases with a
known value, perfect agreement, and properties (no reference library needed: these run in the
no-Qt venv too; tests/core/test_agreement_reference.py compares with the libraries)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.agreement.matching import Counts, LabelScores, match_spans, score_spans
from annotator.core.agreement.stats import (
    cohen_kappa,
    cohen_kappa_from_pairs,
    fleiss_kappa,
    fleiss_kappa_from_table,
    krippendorff_alpha,
)

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, missing values; nominal alpha = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Fleiss (1971), "Measuring nominal scale agreement among many raters": 30 patients, six
# psychiatrists each, five diagnoses; kappa = 0.430 (R irr::kappam.fleiss gives 0.4302445).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]
# The worked example of Fleiss' kappa on Wikipedia (ten subjects, fourteen raters, five
# categories, counts per category): kappa = 0.210.
WIKIPEDIA_TABLE = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


def test_krippendorff_alpha_of_krippendorffs_own_example() -> None:
    assert krippendorff_alpha(KRIPPENDORFF_2011) == pytest.approx(0.743, abs=5e-4)


def test_fleiss_kappa_of_fleiss_1971() -> None:
    assert fleiss_kappa(FLEISS_1971) == pytest.approx(0.4302445, abs=1e-7)


def test_fleiss_kappa_of_the_wikipedia_table() -> None:
    assert fleiss_kappa_from_table(WIKIPEDIA_TABLE) == pytest.approx(0.210, abs=5e-4)


def test_cohen_kappa_by_hand() -> None:
    # 10 units: both "yes" 4, both "no" 3, yes/no 2, no/yes 1: po = 0.7,
    # pe = 0.6 * 0.5 + 0.4 * 0.5 = 0.5, kappa = (0.7 - 0.5) / 0.5 = 0.4.
    pairs = {("yes", "yes"): 4, ("no", "no"): 3, ("yes", "no"): 2, ("no", "yes"): 1}
    assert cohen_kappa_from_pairs(pairs) == pytest.approx(0.4)
    a = ["yes"] * 6 + ["no"] * 4
    b = ["yes"] * 4 + ["no"] * 2 + ["no"] * 3 + ["yes"]
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_krippendorff_alpha_by_hand() -> None:
    # Two coders, four units: a/a, a/b, b/b, b/b. Coincidences: o_aa = 2, o_ab = o_ba = 1,
    # o_bb = 4; n_a = 3, n_b = 5, n = 8. alpha = 1 - (n - 1) * 2 / (n^2 - 9 - 25)
    # = 1 - 14 / 30 = 0.5333...
    assert krippendorff_alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]]) == pytest.approx(
        1 - 14 / 30)


def test_perfect_agreement_is_one() -> None:
    values = ["PERS", "O", "ORG", "O", "GPE", "PERS"]
    assert cohen_kappa(values, values) == pytest.approx(1.0)
    assert fleiss_kappa([[v, v, v] for v in values]) == pytest.approx(1.0)
    assert krippendorff_alpha([values, values, [*values[:-1], None]]) == pytest.approx(1.0)


def test_undefined_statistics_are_none_not_a_number() -> None:
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["O", "O"], ["O", "O"]) is None  # one category: chance agreement is 1
    assert krippendorff_alpha([["a", None], [None, "b"]]) is None  # nothing pairable
    assert fleiss_kappa([]) is None


def test_unequal_raters_are_refused() -> None:
    with pytest.raises(ValueError, match="same number of raters"):
        fleiss_kappa_from_table([[1, 1], [2, 1]])
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa(["a"], ["a", "b"])


def test_exact_and_overlap_matching_by_hand() -> None:
    a = [(0, 5, "PERS"), (10, 20, "ORG"), (30, 35, "GPE")]
    b = [(0, 5, "PERS"), (12, 20, "ORG"), (30, 35, "PERS"), (40, 45, "LOC")]
    exact, overlap = LabelScores(), LabelScores()
    score_spans(a, b, "exact", exact)
    score_spans(a, b, "overlap", overlap)
    assert exact.micro == Counts(tp=1, fp=3, fn=2)
    assert overlap.micro == Counts(tp=2, fp=2, fn=1)
    assert overlap.per_label["ORG"] == Counts(tp=1)
    assert overlap.micro.f1 == pytest.approx(4 / 7)
    # macro: PERS 2/3 (tp 1, fp 1), ORG 1, GPE 0 (fn 1), LOC 0 (fp 1)
    assert overlap.macro_f1 == pytest.approx((2 / 3 + 1 + 0 + 0) / 4)


def test_overlap_matching_is_one_to_one() -> None:
    # One long span over two short ones: one match, the larger overlap.
    assert match_spans([(0, 10, "X")], [(0, 3, "X"), (4, 10, "X")], "overlap") == [(0, 1)]


labels = st.sampled_from(["O", "PERS", "ORG", "GPE"])


@given(st.lists(st.tuples(labels, labels), min_size=1, max_size=60))
def test_cohen_kappa_is_symmetric_and_at_most_one(pairs: list[tuple[str, str]]) -> None:
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    forward, backward = cohen_kappa(a, b), cohen_kappa(b, a)
    assert (forward is None) == (backward is None)
    if forward is not None and backward is not None:
        assert forward == pytest.approx(backward)
        assert forward <= 1.0 + 1e-9


@given(st.lists(st.tuples(labels, labels), min_size=2, max_size=60))
def test_alpha_of_two_complete_raters_equals_fleiss_kappa(pairs: list[tuple[str, str]]) -> None:
    """Without missing values, two raters: alpha = kappa_Fleiss * n/(n-1) corrected, i.e.
    alpha = 1 - (1 - fleiss) * (2n - 1) / (2n) (both from the same coincidences)."""
    fleiss = fleiss_kappa([list(p) for p in pairs])
    alpha = krippendorff_alpha([[x for x, _ in pairs], [y for _, y in pairs]])
    assert (fleiss is None) == (alpha is None)
    if fleiss is not None and alpha is not None:
        n = 2 * len(pairs)
        assert alpha == pytest.approx(1 - (1 - fleiss) * (n - 1) / n)
