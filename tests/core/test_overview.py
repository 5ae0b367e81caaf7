"""The project overview (issue 17, part 2): figures from three annotators' layers, the
report folder with its charts, and `annotator stats --report`."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from annotator.core.store import Project
from tests.core.curation_setup import three_layers


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return three_layers(tmp_path / "news.annotator")


def test_figures_per_status_day_label_and_agreement(three: Path) -> None:
    from annotator.core.overview import project_overview

    with Project.open(three, annotator="alice") as project:
        found = project_overview(project)
    assert found.documents == 1
    assert found.statuses["alice"]["done"] == 1
    assert set(found.statuses) == {"alice", "bob", "carol"}
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
    (day,) = found.per_day
    assert day in {today, (datetime.datetime.now(datetime.UTC)
                           - datetime.timedelta(days=1)).strftime("%Y-%m-%d")}
    # alice: Ahmed, Baghdad, Damascus, quote, event, stance, topic, done = 8 actions
    assert found.per_day[day]["alice"] == 8
    assert found.labels["alice"] == {"GPE": 2, "PERS": 1}
    assert found.labels["carol"] == {"LOC": 1, "PERS": 1}
    assert found.shared_documents == 1
    assert any(r.layer == "entities" for r in found.agreement)


def test_one_annotator_has_no_agreement(tmp_path: Path) -> None:
    from annotator.core.model import DocumentRecord
    from annotator.core.overview import project_overview

    path = tmp_path / "one.annotator"
    with Project.open(path, create=True, annotator="solo") as project:
        project.import_records([DocumentRecord(id="a", text="خبر قصير عن بغداد.")])
        found = project_overview(project)
    assert found.agreement == []
    assert found.statuses == {} or found.statuses["solo"]["todo"] == 1


def test_report_folder_with_charts(three: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from tests.cli.helpers import run

    out = tmp_path / "overview"
    result = run("stats", str(three), "--report", str(out))
    assert "wrote 5 file(s)" in result.output
    for name in ("overview.md", "overview.html", "statuses.png", "per-day.png", "labels.png"):
        assert (out / name).is_file(), name
    assert (out / "statuses.png").read_bytes()[:4] == b"\x89PNG"
    markdown = (out / "overview.md").read_text(encoding="utf-8")
    assert "| alice | 0 | 0 | 1 | 0 |" in markdown
    assert "## Agreement (1 shared documents)" in markdown
    html = (out / "overview.html").read_text(encoding="utf-8")
    assert "<bdi>carol</bdi>" in html
    # A second report replaces the first; the project file is never a target.
    run("stats", str(three), "--report", str(out))
    refused = run("stats", str(three), "--report", str(three), ok=False)
    assert refused.exit_code != 0
