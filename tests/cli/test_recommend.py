"""``annotator recommend train|evaluate|status`` and ``annotator preannotate --model``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.core.recommend_setup import ANNOTATOR, news_project

pytest.importorskip("pycrfsuite")


def test_train_evaluate_preannotate_status(tmp_path: Path) -> None:
    path = tmp_path / "news.annotator"
    news_project(path, done=12, todo=2)
    project = str(path)
    trained = run("recommend", "train", project, "--annotator", ANNOTATOR).output
    assert "on 12 document(s) of lina's layer" in trained
    assert "level 1\t" in trained
    figures = json.loads(run("recommend", "evaluate", project, "--json",
                             "--annotator", ANNOTATOR).output)
    assert figures["held_out"] == 2
    assert figures["folds"] == 1
    assert figures["model"]["micro"]["f1"] > figures["gazetteer"]["micro"]["f1"]
    assert set(figures["model"]["per_label"]) >= {"PERS", "GPE", "ORG"}
    folds = json.loads(run("recommend", "evaluate", project, "--json", "--folds", "3",
                           "--annotator", ANNOTATOR).output)
    assert folds["folds"] == 3
    assert folds["held_out"] == 12
    table = run("recommend", "evaluate", project, "--annotator", ANNOTATOR).output
    assert "model\tmicro\t" in table
    assert "gazetteer\tGPE\t" in table
    stored = run("preannotate", project, "--model", "--annotator", ANNOTATOR).output
    assert "stored" in stored
    assert "suggestion(s)" in stored
    status = json.loads(run("recommend", "status", project, "--json").output)
    assert status["models"]["entities"][0]["documents"] == 12
    assert status["reviews"] == {}


def test_refusals_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "news.annotator"
    news_project(path, done=2)
    result = run("recommend", "train", str(path), "--annotator", ANNOTATOR, ok=False)
    assert result.exit_code == 1
    assert "training needs at least 5" in result.output
    result = run("preannotate", str(path), "--model", "--annotator", ANNOTATOR, ok=False)
    assert result.exit_code == 1
    assert "recommend train" in result.output
    result = run("preannotate", str(path), ok=False)
    assert result.exit_code == 2
    assert "--gazetteer FILE or --model" in result.output


def test_status_shows_the_team_and_each_annotator(tmp_path: Path) -> None:
    from annotator.core.store import Project

    path = tmp_path / "news.annotator"
    news_project(path, done=1, todo=1)
    for name, decision in (("alice", "rejected"), ("bob", "rejected"), ("bob", "accepted")):
        with Project.open(path, annotator=name) as project:
            doc = project.document_ids()[0]
            start = 0 if decision == "rejected" else 5
            project.review_suggestion(doc, "entities", start, start + 3, "GPE", decision)
    status = json.loads(run("recommend", "status", str(path), "--json").output)
    assert status["reviews"] == {"GPE": {"accepted": 1, "rejected": 2}}
    assert status["reviews_by_annotator"] == {
        "alice": {"GPE": {"accepted": 0, "rejected": 1}},
        "bob": {"GPE": {"accepted": 1, "rejected": 1}}}
    table = run("recommend", "status", str(path)).output
    assert "reviews\tGPE\taccepted 1\trejected 2" in table
    assert "reviews of alice\tGPE\taccepted 0\trejected 1" in table
