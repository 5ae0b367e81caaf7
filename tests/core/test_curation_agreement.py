"""The agreement figures on a curated export's dataset card: the agreement package's hook
(annotator.core.agreement.gold_figures) in curation's AGREEMENT_HOOK."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.agreement import choose_annotators, compute_agreement
from annotator.core.agreement.gold_figures import gold_agreement, register_gold_agreement
from annotator.core.curation import CURATED, curate, mark_curated, reject
from annotator.core.curation import gold as gold_module
from annotator.core.curation.disagreements import disagreements
from annotator.core.exports.report import gold_card_lines
from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from tests.core.curation_setup import TEXT, three_layers

PAIRS = ("alice~bob", "alice~carol", "bob~carol")


def curated_project(tmp_path: Path) -> Path:
    path = three_layers(tmp_path / "news.annotator")
    with Project.open(path, annotator="dana") as p:
        p.grant_role("curator", "dana")
    with Project.open(path, annotator="dana", layer=CURATED) as p:
        curate(p, policy="majority")
        for item in disagreements(p, 1):
            reject(p, 1, item)
        mark_curated(p, 1)
    return path


def test_the_figures_are_those_of_the_gold_documents(tmp_path: Path) -> None:
    path = curated_project(tmp_path)
    with Project.open(path, readonly=True, annotator="dana") as p:
        figures = gold_agreement(p, ["alice", "bob", "carol"])
        reference = compute_agreement(p, ["alice", "bob", "carol"], layers=("entities",))
    # alice: Ahmed PERS, Baghdad GPE, Damascus GPE; bob: Ahmed PERS, Baghdad GPE;
    # carol: Ahmed PERS, Baghdad LOC. Exact F1 = 2tp / (2tp + fp + fn), alice first.
    assert figures["documents"] == 1
    assert figures["entity F1 exact alice~bob"] == round(2 * 2 / (2 * 2 + 0 + 1), 3)
    assert figures["entity F1 exact alice~carol"] == round(2 * 1 / (2 * 1 + 1 + 2), 3)
    assert figures["entity F1 exact bob~carol"] == round(2 * 1 / (2 * 1 + 1 + 1), 3)
    level = reference.to_dict()["layers"]["entities"]["token_levels"][0]
    for pair in PAIRS:
        assert figures[f"token kappa {pair}"] == round(level["cohen_kappa"][pair]["value"], 3)
    assert figures["token Fleiss kappa"] == round(level["fleiss_kappa"]["value"], 3)

    # A document alice and bob finished after the curation is not part of the gold.
    with Project.open(path, annotator="alice") as p:
        p.import_records([DocumentRecord(id="news-2", text=TEXT + " ")])
    for name in ("alice", "bob"):
        with Project.open(path, annotator=name) as p:
            (doc,) = [d for d in p.document_ids() if d != 1]
            p.add_entity(doc, 0, 3, "PERS")
            p.set_status(doc, "done")
    with Project.open(path, readonly=True, annotator="dana") as p:
        assert compute_agreement(p, ["alice", "bob"]).documents == 2
        assert gold_agreement(p, ["alice", "bob", "carol"]) == figures
        assert gold_agreement(p, ["carol", "bob", "alice"]) == figures  # pairs in name order
        assert gold_agreement(p, ["alice", CURATED]) == {}


def test_the_dataset_card_shows_the_figures_once_registered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gold_module, "AGREEMENT_HOOK", [])
    path = curated_project(tmp_path)
    with Project.open(path, readonly=True, annotator="dana") as p:
        assert gold_module.gold_description(p)["agreement"] is None
        register_gold_agreement()
        register_gold_agreement()
        assert [gold_agreement] == gold_module.AGREEMENT_HOOK
        gold = gold_module.gold_description(p)
    assert gold["agreement"] == gold_agreement_of(path)
    (line,) = [x for x in gold_card_lines(gold) if x.startswith("- Agreement")]
    assert line.startswith("- Agreement before curation (1 gold document(s)):")
    assert "entity F1 exact alice~bob 0.800" in line
    assert "not computed" not in line
    gold["agreement"]["token kappa alice~bob"] = None
    (line,) = [x for x in gold_card_lines(gold) if x.startswith("- Agreement")]
    assert "token kappa alice~bob n/a" in line


def gold_agreement_of(path: Path) -> dict[str, object]:
    with Project.open(path, readonly=True, annotator="dana") as p:
        return gold_agreement(p, ["alice", "bob", "carol"])


def test_the_curated_layer_is_no_annotator_by_default(tmp_path: Path) -> None:
    """``annotator agreement`` without --annotators compares the people, not the gold (the
    curated layer can still be named: agreement with the gold)."""
    path = curated_project(tmp_path)
    with Project.open(path, readonly=True, annotator="dana") as p:
        assert choose_annotators(p, None) == ["alice", "bob", "carol"]
        assert choose_annotators(p, ["alice", CURATED]) == ["alice", CURATED]
        assert compute_agreement(p, ["alice", CURATED]).documents == 1
