"""``annotator agreement``: the terminal table, --json with counts, --report (Markdown, HTML
escaped and right to left, PNG charts, written through the safe folder writer), and the
errors a user can make."""

from __future__ import annotations

import json
from pathlib import Path

import arabic_reshaper
import pytest
from bidi import get_display

from annotator.core.output import MARKER_NAME
from tests.cli.helpers import run
from tests.core.agreement_helpers import annotate, new_project

HOSTILE = "قال <script>alert(1)</script> الرئيس بوتين في موسكو | **عاجل** [x](javascript:x)"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def project(project_address: Path) -> Path:
    path = new_project(project_address, {"d1": HOSTILE, "d2": "زار شكري باريس ."})
    annotate(path, "alice", {"d1": [("بوتين", "PERS"), ("موسكو", "GPE")],
                             "d2": [("شكري", "PERS"), ("باريس", "GPE")]})
    annotate(path, "سلمى", {"d1": [("بوتين", "PERS"), ("موسكو", "ORG")],
                            "d2": [("شكري", "PERS")]})
    return path


def test_table_on_the_terminal(project: Path) -> None:
    out = run("agreement", str(project), "--no-bidi").output
    assert "2 shared document(s)" in out
    line = next(x for x in out.splitlines() if "span F1 exact" in x)
    assert line.split() == ["entities", "span", "F1", "exact", "alice~سلمى", "0.571", "tp",
                            "2,", "fp", "1,", "fn", "2"]
    assert "nothing to compare in: quotes, events, stances, labels" in out


def test_arabic_is_shaped_only_when_asked(project: Path) -> None:
    shaped = get_display(arabic_reshaper.reshape("سلمى"))
    visual = run("agreement", str(project), "--bidi").output
    assert shaped in visual
    assert "سلمى" not in visual
    logical = run("agreement", str(project), "--no-bidi").output
    assert "سلمى" in logical
    assert shaped not in logical


def test_json_holds_every_figure_with_its_counts(project: Path) -> None:
    data = json.loads(run("agreement", str(project), "--json", "--layer", "entities").output)
    assert list(data["layers"]) == ["entities"]
    assert data["documents"] == 2
    pair = data["layers"]["entities"]["pairs"]["alice~سلمى"]
    assert pair["exact"]["per_label"]["GPE"] == {"tp": 0, "fp": 0, "fn": 2, "precision": None,
                                                 "recall": 0.0, "f1": 0.0}
    assert pair["per_document"] == [
        {"doc_id": "d1", "f1_overlap": 0.5, "spans_a": 2, "spans_b": 2},
        {"doc_id": "d2", "f1_overlap": pytest.approx(2 / 3), "spans_a": 2, "spans_b": 1}]
    kappa = data["layers"]["entities"]["token_levels"][0]["cohen_kappa"]["alice~سلمى"]
    assert kappa["units"] > 0
    assert -1.0 <= kappa["value"] <= 1.0


def test_report_is_escaped_right_to_left_and_has_charts(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    run("agreement", str(project), "--report", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([MARKER_NAME, "report.md", "report.html", "pair1-f1.png",
                            "pair1-confusion.png", "pair1-documents.png"])
    for png in out.glob("*.png"):
        assert png.read_bytes().startswith(PNG)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "</script>" not in page
    assert "alert(1)&lt;/script&gt;" in page
    assert '<table dir="rtl">' in page
    assert "<mark>موسكو</mark>" in page
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "<script" not in markdown
    assert "</script>" not in markdown
    assert r"\*\*عاجل\*\*" in markdown
    assert r"\| \*\*" in markdown  # a pipe of the text cannot end the table cell
    assert "**موسكو**" in markdown


def test_report_replaces_an_earlier_report_and_refuses_other_folders(
        project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    run("agreement", str(project), "--report", str(out))
    run("agreement", str(project), "--report", str(out))
    assert len(list(tmp_path.glob("report.previous-*"))) == 1
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    result = run("agreement", str(project), "--report", str(mine), ok=False)
    assert result.exit_code == 1
    assert "not an earlier export" in result.output
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_mistakes_are_one_line_errors(project: Path, tmp_path: Path) -> None:
    result = run("agreement", str(project), "--annotators", "alice,zed", ok=False)
    assert result.exit_code == 1
    assert "no annotator named 'zed'" in result.output
    result = run("agreement", str(project), "--annotators", "alice", ok=False)
    assert "two or more" in result.output
    result = run("agreement", str(tmp_path / "none.annotator"), ok=False)
    assert "no such project" in result.output
