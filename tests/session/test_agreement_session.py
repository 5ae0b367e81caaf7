"""The Agreement window's Qt-free side (runs in the no-Qt venv): who is offered and ticked,
how many documents the progress bar expects, the per-label rows, and the job's result."""

from __future__ import annotations

from pathlib import Path

from annotator.core.agreement import compute_agreement
from annotator.core.store import Project
from annotator.ui.session.agreement import AgreementJob, candidates, label_rows, shared_count
from tests.core.agreement_helpers import annotate, new_project


def _team(tmp_path: Path) -> Path:
    path = new_project(tmp_path / "team.annotator")
    annotate(path, "alice", {"d1": [("بوتين", "PERS"), ("موسكو", "GPE")],
                             "d2": [("القاهرة", "GPE")]})
    annotate(path, "bob", {"d1": [("بوتين", "PERS"), ("موسكو", "LOC")],
                           "d3": [("رويترز", "ORG")]})
    annotate(path, "carol", {"d1": [("بوتين", "PERS")]}, done=())
    return path


def test_candidates_and_the_documents_to_compare(tmp_path: Path) -> None:
    path = _team(tmp_path)
    with Project.open(path, readonly=True) as project:
        offered = {c.name: (c.done, c.default) for c in candidates(project)}
        assert offered == {"alice": (2, True), "bob": (2, True), "carol": (0, False)}
        assert shared_count(project, ["alice", "bob"]) == 1  # only d1 is done by both
        assert shared_count(project, ["alice", "carol"]) == 0


def test_the_job_gives_compute_agreements_figures(tmp_path: Path) -> None:
    path = _team(tmp_path)
    job = AgreementJob(path, ["alice", "bob"], ["entities"]).start()
    assert job.wait(60)
    assert job.error is None
    assert job.result is not None
    assert (job.total, job.read) == (1, 1)
    with Project.open(path, readonly=True) as project:
        expected = compute_agreement(project, ["alice", "bob"], ["entities"]).to_dict()
    assert job.data == expected
    assert [view.name for view in job.pairs] == ["alice~bob"]
    assert job.charts_missing or len(job.pairs[0].charts) == 3  # matplotlib may be absent
    rows = label_rows(job.pairs[0].found)
    assert [row[0] for row in rows] == ["GPE", "LOC", "PERS", "(all)"]
    assert rows[2][1:5] == ("1.000", "1.000", "1.000", "1/0/0")
    assert rows[-1][4] == "1/1/1"


def test_an_unknown_annotator_is_an_error_not_a_crash(tmp_path: Path) -> None:
    job = AgreementJob(_team(tmp_path), ["alice", "zed"]).start()
    assert job.wait(60)
    assert job.result is None
    assert job.error is not None
    assert "zed" in job.error
