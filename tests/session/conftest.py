"""Fixtures of the headless session and action tests: a project with one news paragraph, a
session following the project's change events as the workbench does, and the actions built
on it. No Qt anywhere: these tests run in the no-Qt venv too (``make test-core``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Entity
from annotator.core.store import Project
from annotator.ui.actions.document_actions import DocumentActions
from annotator.ui.session.links import load_links
from annotator.ui.session.session import DocumentSession
from tests.session.helpers import ENTITIES, TEXT, Desk, Told, find


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    entities = [Entity(f"e{n}", *find(surface), label)
                for n, (surface, label) in enumerate(ENTITIES)]
    with Project.open(tmp_path / "session.annotator", create=True, annotator="tester") as opened:
        opened.import_records([DocumentRecord(id="news", text=TEXT, title="خبر",
                                              entities=entities)])
        yield opened


@pytest.fixture
def desk(project: Project) -> Desk:
    selection: list[tuple[int, int] | None] = [None]
    session = DocumentSession(lambda: selection[0])
    told = Told()
    actions = DocumentActions(session, project, told.notify())
    project.events.subscribe(lambda event: session.follow(event, partial(load_links, project)))
    doc_id = project.find_document("news")
    assert doc_id is not None
    session.open(doc_id, project.get_record(doc_id), load_links(project, doc_id))
    return Desk(project, session, actions, told, selection)
