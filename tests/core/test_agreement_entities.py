"""Entity agreement on a project annotated by three annotators through the core API: span F1
counted by hand, the confusion and disagreements, and the token-level statistics compared
with scikit-learn, statsmodels and krippendorff on the same token units."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.agreement import compute_agreement
from annotator.core.agreement.entities import token_labels
from annotator.core.exports.tokens import tokenize
from annotator.core.store import Project
from tests.core.agreement_helpers import annotate, new_project, reference

ALICE = {"d1": [("فلاديمير بوتين", "PERS"), ("موسكو", "GPE"), ("روسيا", "GPE"),
                ("الصين", "GPE")],
         "d2": [("وزارة الخارجية المصرية", "ORG"), ("القاهرة", "GPE"), ("سامح شكري", "PERS")]}
BOB = {"d1": [("بوتين", "PERS"), ("موسكو", "GPE"), ("روسيا", "ORG")],
       "d2": [("وزارة الخارجية المصرية", "ORG"), ("القاهرة", "GPE"), ("سامح شكري", "PERS"),
              ("باريس", "GPE")]}
CAROL = {"d1": ALICE["d1"],
         "d2": [("وزارة الخارجية", "ORG"), ("القاهرة", "GPE"), ("سامح شكري", "PERS")]}


@pytest.fixture
def project_path(project_address: Path) -> Path:
    path = new_project(project_address)
    annotate(path, "alice", ALICE)
    annotate(path, "bob", BOB)
    annotate(path, "carol", CAROL)
    return path


def test_span_f1_exact_and_overlap_by_hand(project_path: Path) -> None:
    with Project.open(project_path, readonly=True) as project:
        result = compute_agreement(project, ["alice", "bob"], ["entities"])
    assert result.documents == 2  # d3 is done by nobody
    pair = result.to_dict()["layers"]["entities"]["pairs"]["alice~bob"]
    assert pair["documents"] == 2
    # exact: موسكو, and the three of d2; alice alone: فلاديمير بوتين, روسيا GPE, الصين;
    # bob alone: بوتين, روسيا ORG, باريس
    assert {k: pair["exact"]["micro"][k] for k in ("tp", "fp", "fn")} == {
        "tp": 4, "fp": 3, "fn": 3}
    assert pair["exact"]["micro"]["f1"] == pytest.approx(8 / 14)
    # overlap adds بوتين inside فلاديمير بوتين (same label); روسيا differs in label
    assert {k: pair["overlap"]["micro"][k] for k in ("tp", "fp", "fn")} == {
        "tp": 5, "fp": 2, "fn": 2}
    assert pair["overlap"]["per_label"]["GPE"]["f1"] == pytest.approx(4 / 7)
    assert pair["overlap"]["macro_f1"] == pytest.approx((4 / 7 + 1.0 + 2 / 3) / 3)
    assert pair["disagreements"] == 4


def test_confusion_and_disagreements_with_context(project_path: Path) -> None:
    with Project.open(project_path, readonly=True) as project:
        result = compute_agreement(project, ["alice", "bob"], ["entities"])
    entities = result.entities
    assert entities is not None
    found = entities.pairs[0, 1]
    assert dict(found.confusion) == {("PERS", "PERS"): 2, ("GPE", "GPE"): 2,
                                     ("GPE", "ORG"): 1, ("GPE", "O"): 1, ("ORG", "ORG"): 1,
                                     ("O", "GPE"): 1}
    kinds = {(d.kind, d.surface) for d in found.disagreements}
    assert kinds == {("boundary", "فلاديمير بوتين"), ("label", "روسيا"),
                     ("only-a", "الصين"), ("only-b", "باريس")}
    label = next(d for d in found.disagreements if d.kind == "label")
    assert label.before.endswith("موسكو إن ")
    assert label.after.startswith(" ستدعم")
    assert [(doc, n_a, n_b) for doc, _f1, n_a, n_b in found.per_document] == [
        ("d1", 4, 3), ("d2", 3, 4)]


def _level_one(project: Project, names: list[str]) -> dict[str, list[list[str]]]:
    """Level-1 token labels per document per annotator, read independently of the layer."""
    out: dict[str, list[list[str]]] = {}
    for name in names:
        for record in project.iter_records(status="done", annotator=name):
            tokens = tokenize(record.text)
            levels = token_labels(tokens, record)
            out.setdefault(str(record.id), []).append(levels[0] if levels
                                                      else ["O"] * len(tokens))
    return out


def test_token_kappa_and_alpha_match_the_reference_libraries(project_path: Path) -> None:
    sklearn_metrics = reference("sklearn.metrics")
    statsmodels_irr = reference("statsmodels.stats.inter_rater")
    krippendorff = reference("krippendorff")
    numpy = reference("numpy")
    names = ["alice", "bob", "carol"]
    with Project.open(project_path, readonly=True) as project:
        result = compute_agreement(project, names, ["entities"]).to_dict()
        labels = _level_one(project, names)
    level = result["layers"]["entities"]["token_levels"][0]
    columns = [[label for doc in sorted(labels) for label in labels[doc][k]] for k in range(3)]
    expected = sklearn_metrics.cohen_kappa_score(columns[0], columns[1])
    assert level["cohen_kappa"]["alice~bob"]["value"] == pytest.approx(expected)
    assert level["cohen_kappa"]["alice~bob"]["units"] == len(columns[0])
    assert level["cohen_kappa"]["alice~carol"]["value"] == pytest.approx(
        sklearn_metrics.cohen_kappa_score(columns[0], columns[2]))
    codes = {label: i for i, label in enumerate(sorted({v for c in columns for v in c}))}
    table, _ = statsmodels_irr.aggregate_raters(
        numpy.array([[codes[c[t]] for c in columns] for t in range(len(columns[0]))]))
    assert level["fleiss_kappa"]["value"] == pytest.approx(statsmodels_irr.fleiss_kappa(table))
    data = numpy.array([[codes[v] for v in column] for column in columns], dtype=float)
    assert level["krippendorff_alpha"]["value"] == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_identical_annotators_agree_perfectly(tmp_path: Path) -> None:
    path = new_project(tmp_path / "same.annotator")
    annotate(path, "alice", ALICE)
    annotate(path, "bob", ALICE)
    with Project.open(path, readonly=True) as project:
        result = compute_agreement(project, ["alice", "bob"], ["entities"]).to_dict()
    entities = result["layers"]["entities"]
    assert entities["pairs"]["alice~bob"]["exact"]["micro"]["f1"] == 1.0
    assert entities["token_levels"][0]["cohen_kappa"]["alice~bob"]["value"] == pytest.approx(1)
    assert entities["token_levels"][0]["krippendorff_alpha"]["value"] == pytest.approx(1)
    assert entities["pairs"]["alice~bob"]["disagreements"] == 0


def test_nested_entities_get_their_own_level(tmp_path: Path) -> None:
    path = new_project(tmp_path / "nested.annotator")
    outer = [("وزارة الخارجية المصرية", "ORG"), ("المصرية", "GPE")]
    annotate(path, "alice", {"d2": outer})
    annotate(path, "bob", {"d2": [("وزارة الخارجية المصرية", "ORG")]})
    with Project.open(path, readonly=True) as project:
        levels = compute_agreement(project, ["alice", "bob"],
                                   ["entities"]).to_dict()["layers"]["entities"]["token_levels"]
    assert [level["level"] for level in levels] == [1, 2]
    assert levels[0]["cohen_kappa"]["alice~bob"]["value"] == pytest.approx(1)
    second = levels[1]["cohen_kappa"]["alice~bob"]
    assert second["units"] == levels[0]["cohen_kappa"]["alice~bob"]["units"]
    assert second["value"] == pytest.approx(0.0)  # bob has O wherever alice has GPE
