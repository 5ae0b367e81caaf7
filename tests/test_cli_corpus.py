"""``annotator search`` and ``annotator label-all``, driven like a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.pg_databases import open_db

ARTICLE = ("زار المستشار بَرلين ثم عاد إلى وبرلين، وكتبت الصحف البرلينية عن لبرلين.\n"
           "وقال: «برلين مدينة مفتوحة» 😀\n")
OTHER = "لا ذكر للمدينة هنا، ولا لبرلينية.\n"



@pytest.fixture
def project(tmp_path: Path, project_address: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    db = project_address
    run("import", str(db), str(folder))
    return db


def texts(db: Path) -> dict[int, str]:
    with open_db(db) as conn:
        return {int(i): str(t) for i, t in conn.execute("select id, text from documents")}


def test_search_json_offsets_are_code_points_of_the_stored_text(project: Path) -> None:
    result = run("search", str(project), "برلين", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    stored = texts(project)
    assert len(rows) == 4
    for row in rows:
        text = stored[row["doc_id"]]
        assert text[row["start"]:row["end"]] == row["match"]
        assert text[row["start"] - len(row["left"]):row["start"]] == row["left"]
        assert text[row["end"]:row["end"] + len(row["right"])] == row["right"]
        assert row["label"] is None
    assert [r["match"] for r in rows] == ["بَرلين", "برلين", "برلين", "برلين"]
    assert "4 matches" in result.stderr


def test_search_terminal_rows_limit_and_filters(project: Path) -> None:
    result = run("search", str(project), "برلين", "--limit", "2", "--no-bidi")
    lines = result.stdout.splitlines()
    assert lines[0] == "doc-000001  a"  # the document header, then one line per match
    assert "| بَرلين |" in lines[1]
    assert len(lines) == 3
    assert "stopped at --limit 2" in result.stderr
    adjective = run("search", str(project), "برلينية", "--json").stdout.splitlines()
    assert [json.loads(x)["external_id"] for x in adjective] == ["doc-000002"]  # ل + برلينية
    substring = run("search", str(project), "برلين", "--substring", "--json").stdout
    assert len(substring.splitlines()) == 6
    regex = run("search", str(project), r"«(\w+)", "--regex", "--json").stdout
    assert [json.loads(x)["match"] for x in regex.splitlines()] == ["«برلين"]
    refused = run("search", str(project), "برلين", "--label", "CITY", ok=False)
    assert refused.exit_code == 1
    assert "not in the project schema" in refused.output


def test_label_all_dry_run_apply_search_by_label_and_undo(project: Path) -> None:
    dry = run("label-all", str(project), "برلين", "GPE", "--dry-run", "--no-bidi")
    assert "would add 4 GPE entities in 1 document(s)" in dry.stdout
    assert "doc-000001\twould add 4: 13-19 بَرلين, 32-37 برلين" in dry.stdout
    with open_db(project) as conn:
        assert conn.execute("select count(*) from entities").fetchone() == (0,)
    done = run("label-all", str(project), "برلين", "GPE", "--no-bidi")
    assert "added 4 GPE entities" in done.stdout
    stored = texts(project)
    with open_db(project) as conn:
        entities = conn.execute('select doc_id, start, "end" from entities').fetchall()
    assert sorted(stored[d][s:e] for d, s, e in entities) == ["برلين"] * 3 + ["بَرلين"]
    labelled = run("search", str(project), "برلين", "--label", "GPE", "--json").stdout
    assert {json.loads(x)["label"] for x in labelled.splitlines()} == {"GPE"}
    assert run("search", str(project), "برلين", "--unlabelled", "--json").stdout == ""
    again = run("label-all", str(project), "برلين", "GPE")
    assert "added 0 GPE entities" in again.stdout
    assert "already labelled GPE" in again.stderr
    assert "undid: Label all «برلين» as GPE" in run("undo", str(project)).stdout
    with open_db(project) as conn:
        assert conn.execute("select count(*) from entities").fetchone() == (0,)


def test_label_all_refuses_an_unknown_label(project: Path) -> None:
    result = run("label-all", str(project), "برلين", "CITY", ok=False)
    assert result.exit_code == 1
    assert "label 'CITY' is not in the project schema" in result.output
