"""The curation view's state without Qt: the items of a document, next/previous open item,
keys to decisions, the panel's rows and the marks in the text; the decisions as actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.curation import CURATED, curate
from annotator.core.store import Project
from annotator.ui.actions.curation import CurationActions
from annotator.ui.session.curation import (
    CurationList,
    Decision,
    DisputeMark,
    decision_for_key,
)
from annotator.ui.session.links import load_links
from annotator.ui.session.session import DocumentSession
from tests.core.curation_setup import TEXT, at, three_layers
from tests.session.helpers import Told


@pytest.fixture
def curating(tmp_path: Path) -> Iterator[Project]:
    """dana curates the three layers after a unanimous auto-merge (5 items left)."""
    path = three_layers(tmp_path / "news.annotator")
    with Project.open(path, annotator="dana") as p:
        p.grant_role("curator", "dana")
    with Project.open(path, annotator="dana", layer=CURATED) as p:
        curate(p, policy="unanimous")
        yield p


def test_keys_decide_in_legend_order() -> None:
    names = ["alice", "bob", "carol"]
    assert decision_for_key(0, names) == Decision("reject")
    assert decision_for_key(1, names) == Decision("take", "alice")
    assert decision_for_key(3, names) == Decision("take", "carol")
    assert decision_for_key(4, names) is None


def test_items_rows_and_marks_of_a_document(curating: Project) -> None:
    items = CurationList()
    items.load(curating, 1, TEXT)
    assert items.annotators == ["alice", "bob", "carol"]
    assert [(i.kind, i.key) for i in items.items] == [
        ("label", "topic"), ("quote", "24-42"), ("entity", "33-38"), ("event", "48-52"),
        ("entity", "57-61")]
    rows = items.rows()
    baghdad = rows[2]
    assert (baghdad.kind, baghdad.where, baghdad.versions, baghdad.decided) == (
        "Entity", "بغداد", ("GPE", "GPE", "LOC"), False)
    assert rows[0].versions == ('"politics"', '"politics"', '"security"')
    assert items.current is None
    span = at("بغداد")
    assert DisputeMark(span.start, span.end, False, False) in items.marks()
    assert len(items.marks()) == 4  # the document label has no span
    assert items.who_said(items.items[2]) == "1 alice: GPE · 2 bob: GPE · 3 carol: LOC"


def test_next_and_previous_go_over_open_items_and_wrap(curating: Project) -> None:
    items = CurationList()
    items.load(curating, 1, TEXT)
    assert items.move(1) is items.items[0]
    assert items.move(1) is items.items[1]
    assert items.move(-1) is items.items[0]
    assert items.move(-1) is items.items[4]  # wraps
    assert [m.current for m in items.marks()] == [False, False, False, True]


def test_decisions_are_single_actions_and_the_list_follows(curating: Project) -> None:
    items = CurationList()
    items.load(curating, 1, TEXT)
    session = DocumentSession(lambda: None)
    session.open(1, curating.get_record(1), load_links(curating, 1))
    told = Told()
    actions = CurationActions(session, curating, told.notify(), items)
    assert not actions.decide_key(1)  # nothing chosen yet
    items.move(1)  # the topic label
    items.move(1)  # the quote
    items.move(1)  # Baghdad
    assert actions.decide_key(2)  # bob's GPE
    items.load(curating, 1, TEXT)
    assert items.current_key() == ("entity", "33-38")
    current = items.current_item()
    assert current is not None
    assert current.decided
    assert items.move(1) is items.items[3]  # the event: the next open one
    assert actions.decide_key(0)  # reject
    assert not actions.decide_key(7)
    assert not actions.mark_curated()  # three still open
    assert "open disagreement" in told.messages[-1]
    assert curating.undo() is not None  # the rejection, one action
    items.load(curating, 1, TEXT)
    assert items.open_count() == 4
