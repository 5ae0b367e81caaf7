"""``annotator copy``: a project moved between engines keeps every row and id."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.server.copying import copy_project
from annotator.core.store import Project, ProjectError
from tests.server.helpers import TEXT_B, fill, span, state


def test_sqlite_to_sqlite_keeps_the_canonical_export_and_the_journal(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    seen: list[tuple[int, int]] = []
    report = copy_project(src, dest, progress=lambda d, t: seen.append((d, t)))
    assert report.rows["journal"] > 0
    assert seen[-1][0] == seen[-1][1] == report.total
    assert state(src, tmp_path) == state(dest, tmp_path)


def test_a_copy_never_gives_a_deleted_id_again(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    copy_project(src, dest)
    with Project.open(src, annotator="alice") as p:
        highest = p.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'entities'"
                                 ).fetchone()[0]
    with Project.open(dest, annotator="carol") as p:
        b = p.find_document("b")
        assert b is not None
        assert p.add_entity(b, *span(TEXT_B, "كيري"), "PERS") == highest + 1
        assert p.validate() == []


def test_copy_refuses_a_destination_with_documents(tmp_path: Path) -> None:
    src, dest = str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")
    fill(src)
    fill(dest)
    with pytest.raises(ProjectError, match="already exists"):
        copy_project(src, dest)
