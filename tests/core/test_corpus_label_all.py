"""Label all: the plan (clitic rule, duplicates, nesting) and one undoable action."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.corpus import apply_plan, label_all, plan_label_all
from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project

ONE = "وصل الوفد إلى برلين ثم غادر وبرلين إلى لبرلين، والصحف البرلينية تكتب عن برلين."
TWO = "في واشنطن قال المتحدث إن واشنطن وبرلين متفقتان."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        last = ONE.rindex("برلين")
        known = TWO.index("واشنطن")
        proj.import_records([
            DocumentRecord(id="one", text=ONE,
                           entities=[Entity(id="a", start=last, end=last + 5, label="GPE")]),
            DocumentRecord(id="two", text=TWO, entities=[
                Entity(id="w", start=known, end=known + 6, label="GPE")]),
        ])
        yield proj


def spans(project: Project, doc_id: int, label: str) -> list[str]:
    text = project.get_text(doc_id)
    return sorted(text[e.start:e.end] + f"@{e.start}"
                  for e in project.get_record(doc_id).entities if e.label == label)


def test_plan_keeps_proclitics_out_and_skips_duplicates(project: Project) -> None:
    plan = plan_label_all(project, "برلين", "GPE")
    added = [(p.external_id, ONE[p.start:p.end] if p.external_id == "one"
              else TWO[p.start:p.end], p.start) for p in plan.add]
    assert added == [("one", "برلين", ONE.index("برلين")),
                     ("one", "برلين", ONE.index("وبرلين") + 1),
                     ("one", "برلين", ONE.index("لبرلين") + 1),
                     ("two", "برلين", TWO.index("وبرلين") + 1)]
    assert [s.reason for s in plan.skipped] == ["already labelled GPE"]
    assert list(plan.by_document()) == ["one", "two"]


def test_clitic_rule_keeps_a_known_name_whole(project: Project) -> None:
    plan = plan_label_all(project, "اشنطن", "GPE")  # واشنطن is annotated: not و + اشنطن
    assert plan.add == []
    reasons = {s.reason for s in plan.skipped}
    assert reasons == {"the clitic rule keeps 'واشنطن' whole (a known name)"}


def test_nesting_and_crossing(project: Project) -> None:
    doc = 1
    start = ONE.index("الوفد")
    project.add_entity(doc, ONE.index("وصل"), start + len("الوفد"), "EVENT")
    plan = plan_label_all(project, "الوفد إلى", "ORG")  # crosses the EVENT entity
    assert [s.reason for s in plan.skipped] == [
        f"crosses the EVENT entity at 0-{start + len('الوفد')}"]
    nested = plan_label_all(project, "الوفد", "ORG")  # inside it: the default schema nests
    assert [(p.start, p.end) for p in nested.add] == [(start, start + len("الوفد"))]


def test_apply_is_one_action_undone_in_one_step(project: Project) -> None:
    before_one, before_two = spans(project, 1, "GPE"), spans(project, 2, "GPE")
    entries = len(project.history(1000))
    plan = label_all(project, "برلين", "GPE")
    assert len(plan.add) == 4
    assert len(spans(project, 1, "GPE")) == 4
    assert len(spans(project, 2, "GPE")) == 2
    assert len(project.history(1000)) == entries + 1
    assert project.undo_text() == "Undo Label all «برلين» as GPE"
    project.undo()
    assert spans(project, 1, "GPE") == before_one
    assert spans(project, 2, "GPE") == before_two
    project.redo()
    assert len(spans(project, 1, "GPE")) == 4
    assert plan_label_all(project, "برلين", "GPE").add == []  # never a duplicate


def test_dry_run_changes_nothing_and_unknown_label_is_refused(project: Project) -> None:
    plan = label_all(project, "برلين", "GPE", dry_run=True)
    assert len(plan.add) == 4
    assert spans(project, 1, "GPE") == [f"برلين@{ONE.rindex('برلين')}"]
    with pytest.raises(ValueError, match="not in the project schema"):
        plan_label_all(project, "برلين", "CITY")


def test_apply_skips_what_was_added_since_the_plan(project: Project) -> None:
    plan = plan_label_all(project, "برلين", "GPE")
    first = plan.add[0]
    project.add_entity(first.doc_id, first.start, first.end, "GPE")
    assert len(apply_plan(project, plan)) == 3
