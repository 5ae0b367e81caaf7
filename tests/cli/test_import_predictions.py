"""``annotator import --predictions suggest|skip`` (issue 18): the report counts the
predictions that became suggestions; ``recommend status`` and ``preannotate --model`` show
the imported sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run
from tests.core.recommend_setup import ANNOTATOR, news_project
from tests.core.test_store_imported_suggestions import SOURCE, write_export


def test_import_report_and_status(project_address: Any, tmp_path: Path) -> None:
    export = str(write_export(tmp_path / "export.json"))
    project = str(project_address)
    done = run("import", project, export, "--map", "PER=PERS").output
    assert "imported 2 document(s) from 1 file(s), 6 prediction(s) became suggestions" in done
    status = run("recommend", "status", project).output
    assert (f"imported\tentities\t{SOURCE}\t6 suggestion(s) in 2 document(s)\taccepted 0"
            "\trejected 0\tprecision n/a") in status.splitlines()
    figures = json.loads(run("recommend", "status", project, "--json").output)
    assert figures["imported"] == [{"source": SOURCE, "kind": "entities", "suggestions": 6,
                                    "documents": 2, "accepted": 0, "rejected": 0}]


def test_predictions_skipped(tmp_path: Path) -> None:
    project = str(tmp_path / "p.annotator")
    result = run("import", project, str(write_export(tmp_path / "export.json")),
                 "--predictions", "skip")
    assert "became suggestions" not in result.output
    assert "warning: " + str(tmp_path / "export.json") + ": 2 prediction(s) skipped" \
        " (--predictions skip)" in result.output
    assert "imported\t" not in run("recommend", "status", project).output


def test_preannotate_with_the_model_keeps_and_shows_them(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    path = tmp_path / "news.annotator"
    news_project(path, done=6, todo=1)
    project = str(path)
    run("import", project, str(write_export(tmp_path / "export.json")), "--map", "PER=PERS")
    run("recommend", "train", project, "--annotator", ANNOTATOR)
    stored = run("preannotate", project, "--model", "--annotator", ANNOTATOR).output
    assert (f"imported\tentities\t{SOURCE}\t6 suggestion(s) in 2 document(s)\taccepted 0"
            "\trejected 0\tprecision n/a (kept beside the model's)") in stored.splitlines()
