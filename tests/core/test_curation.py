"""Curation (issue 14): roles, auto-merge under both policies, decisions, undo, re-runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.curation import (
    CURATED,
    accept_edit,
    curate,
    disagreements,
    mark_curated,
    reject,
    take,
)
from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.store import Project, ProjectError
from tests.core.curation_setup import at, three_layers


@pytest.fixture
def project(project_address: Path) -> Path:
    path = three_layers(project_address)
    with Project.open(path, annotator="dana") as p:
        p.grant_role("curator", "dana")
    return path


def curated(path: Path) -> tuple[list[tuple[str, int, int]], dict[str, object], int]:
    with Project.open(path, annotator="dana", readonly=True, layer=CURATED) as p:
        r = p.get_record(1)
        quotes = len(r.quotes)
    return sorted((e.label, e.start, e.end) for e in r.entities), r.labels, quotes


def journal_size(path: Path) -> int:
    with Project.open(path, annotator="dana", readonly=True) as p:
        return len(p.history(1000))


def test_roles_refuse_who_may_not_curate(project: Path) -> None:
    with pytest.raises(ProjectError, match="eve is not a curator"):
        Project.open(project, annotator="eve", layer=CURATED)
    with pytest.raises(ProjectError, match="name of the curated layer"):
        Project.open(project, annotator=CURATED)
    with pytest.raises(ProjectError, match="cannot write bob's layer"):
        Project.open(project, annotator="eve", layer="bob")
    with Project.open(project, annotator="eve") as p, \
            pytest.raises(ProjectError, match="eve is not a manager"):
        p.grant_role("curator", "eve")
    with Project.open(project, annotator="dana") as p:
        assert p.roles() == [("dana", "curator"), ("dana", "manager")]
        with pytest.raises(ProjectError, match="name of the curated layer"):
            p.grant_role("curator", CURATED)
        with pytest.raises(ProjectError, match="last manager"):
            p.revoke_role("manager", "dana")
        assert p.grant_role("curator", "eve")
        assert p.revoke_role("curator", "eve")
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        entity = p.add_entity(1, *_pair("دمشق"), "GPE")
        assert p.get_record(1, layer=CURATED).entities[0].id == str(entity)
        assert p.history(1)[0].annotator == "dana"  # who decided: the curator, not the layer


def _pair(word: str) -> tuple[int, int]:
    span = at(word)
    return span.start, span.end


def test_unanimous_merge_then_decisions_then_rerun_changes_nothing(project: Path) -> None:
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        (result,) = curate(p, policy="unanimous")
        assert (result.agreed, result.partial) == (2, 1)  # Ahmed, the stance; the quote
        assert [(i.kind, i.key) for i in result.left] == [
            ("label", "topic"), ("quote", "24-42"), ("entity", "33-38"),
            ("event", "48-52"), ("entity", "57-61")]
        assert p.curation_progress().open_disagreements == 5
        assert p.documents_with_disagreements() == [1]
        with pytest.raises(ProjectError, match="5 open disagreement"):
            mark_curated(p, 1)
    before = journal_size(project)
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        (again,) = curate(p, policy="unanimous")
        assert (again.agreed, again.partial, len(again.left)) == (0, 0, 5)
    assert journal_size(project) == before  # idempotent: not even a journal entry

    with Project.open(project, annotator="dana", layer=CURATED) as p:
        items = {(i.kind, i.key): i for i in disagreements(p, 1)}
        take(p, 1, items["entity", "33-38"], "carol")  # LOC
        reject(p, 1, items["entity", "57-61"])
        take(p, 1, items["quote", "24-42"], "alice")  # with the cue
        take(p, 1, items["event", "48-52"], "bob")
        take(p, 1, items["label", "topic"], "carol")
        assert p.curation_progress().open_disagreements == 0
        assert p.history(1)[0].action == "Take carol's label topic"
        assert p.curation_decisions(1)["label", "topic"].from_annotators == ("carol",)
        p.undo()  # one decision = one action: the label and its decision go together
        assert p.get_record(1).labels == {}
        assert p.open_disagreements([1]) == {1: 1}
        p.redo()
        mark_curated(p, 1)
    entities, labels, quotes = curated(project)
    assert entities == [("LOC", 33, 38), ("PERS", 11, 19)]
    assert labels == {"topic": "security"}
    assert quotes == 1
    for policy in ("unanimous", "majority"):  # a re-run never changes a decision
        with Project.open(project, annotator="dana", layer=CURATED) as p:
            curate(p, policy=policy)
        assert curated(project) == (entities, labels, quotes)


def test_majority_merge_decides_what_two_of_three_say(project: Path) -> None:
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        (result,) = curate(p, policy="majority")
        assert result.left == []
        record = p.get_record(1)
        assert record.quotes[0].cue == at("قال")
        assert [e.type for e in record.events] == ["Conflict:Attack"]
        assert [s.label for s in record.stances] == ["AGAINST"]
        mark_curated(p, 1)
    entities, labels, _ = curated(project)
    assert entities == [("GPE", 33, 38), ("PERS", 11, 19)]  # Damascus: 2 of 3 left it out
    assert labels == {"topic": "politics"}


def test_accept_edit_keeps_the_curators_own_version(project: Path) -> None:
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        curate(p, policy="unanimous")
        baghdad = p.add_entity(1, *_pair("بغداد"), "FAC")
        item = next(i for i in disagreements(p, 1) if i.key == "33-38")
        accept_edit(p, 1, item)
        assert p.curation_decisions(1)["entity", "33-38"].decision == "edited"
        curate(p, policy="majority")
        assert [e.id for e in p.get_record(1).entities if e.start == 33] == [str(baghdad)]


def test_curated_export_holds_the_curated_layer(project: Path, tmp_path: Path) -> None:
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        curate(p, policy="majority")
        mark_curated(p, 1)
    out = tmp_path / "gold"
    with Project.open(project, annotator=CURATED, readonly=True) as p:
        options = ExportOptions(format="conll", annotator=CURATED, statuses=["done"],
                                gold={"layer": CURATED, "annotators": ["alice"],
                                      "policies": {"majority": 1}, "documents": 1,
                                      "decisions": {"agreed": 7}, "curators": ["dana"],
                                      "agreement": None})
        report = export_dataset(p, out, options)
    assert report.spans["all"]["entities"] == {"GPE": 1, "PERS": 1}
