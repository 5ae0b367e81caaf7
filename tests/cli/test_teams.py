"""``annotator assign``, ``assignments``, ``package`` and ``merge`` through the CLI, reading
the database after each step."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.store import Project
from tests.cli.helpers import ARTICLE_COUNT, ROOT, run
from tests.pg_databases import open_db

ARTICLES = ROOT / "corpora" / "articles"
GAZETTEER = ROOT / "corpora" / "gazetteer.tsv"


def count(path: Path, sql: str) -> int:
    with open_db(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_assign_package_annotate_merge_undo(tmp_path: Path, project_address: Path) -> None:
    project = project_address
    run("import", str(project), str(ARTICLES))
    run("preannotate", str(project), "--gazetteer", str(GAZETTEER))
    out = run("assign", str(project), "--to", "alice,bob,carol", "--overlap", "0.2",
              "--seed", "7").output
    shared = round(ARTICLE_COUNT * 0.2)
    held = ARTICLE_COUNT + shared  # a shared document is held twice
    assert f"assigned {ARTICLE_COUNT} document(s)" in out
    assert f"shared: {shared} (20.0% of them)" in out
    assert count(project, "SELECT count(*) FROM assignments") == held
    again = run("assign", str(project), "--to", "alice,bob,carol", "--overlap", "0.2").output
    assert "assigned 0 document(s)" in again
    assert f"{ARTICLE_COUNT} document(s) already assigned" in again
    listed = json.loads(run("assignments", str(project), "--json").output)
    assert sum(a["documents"] for a in listed["annotators"]) == held
    assert sum(len(d["annotators"]) == 2 for d in listed["documents"]) == shared

    with open_db(project) as conn:  # the person who ran preannotate
        start = conn.execute("SELECT DISTINCT a.name FROM entities AS e JOIN annotators AS a"
                             " ON a.id = e.annotator_id").fetchone()[0]
    packages = []
    for name in ("alice", "bob", "carol"):
        package = tmp_path / f"{name}.annotator"
        out = run("package", str(project), str(package), "--for", name,
                  "--start-from", start).output
        assert f"for {name}, starting from {start}'s layer" in out
        packages.append(str(package))
        with Project.open(package, annotator=name) as work:
            for doc in work.document_ids():
                work.set_status(doc, "done")
    merged = run("merge", str(project), *packages).output
    assert merged.count("one action: annotator undo removes it") == 3
    for name in ("alice", "bob", "carol"):
        assert count(project, "SELECT count(*) FROM entities WHERE annotator_id ="
                     f" (SELECT id FROM annotators WHERE name = '{name}')") > 0
    # each assigned annotator's own status, in their layer (one per assignment)
    assert count(project, "SELECT count(*) FROM document_status AS s JOIN assignments AS a"
                 " USING (doc_id, annotator_id) WHERE s.status = 'done'") == held
    assert count(project, "SELECT count(*) FROM document_status") == held
    twice = run("merge", str(project), packages[0]).output
    assert " 0 changed" in twice
    run("undo", str(project))
    assert count(project, "SELECT count(*) FROM entities WHERE annotator_id ="
                 " (SELECT id FROM annotators WHERE name = 'carol')") == 0
    run("validate", str(project))


def test_a_refused_package_is_one_line_and_status_1(tmp_path: Path, project_address: Path) -> None:
    project = project_address
    other = tmp_path / "o.annotator"
    run("import", str(project), str(ARTICLES))
    run("import", str(other), str(ARTICLES))
    run("assign", str(other), "--to", "alice")
    run("package", str(other), str(tmp_path / "a.annotator"), "--for", "alice")
    result = run("merge", str(project), str(tmp_path / "a.annotator"), ok=False)
    assert result.exit_code == 1
    assert "a package of another project" in result.output
    bad = run("assign", str(project), "--to", "alice", "--overlap", "0.5", ok=False)
    assert bad.exit_code == 2
    assert "2 to 1 annotators" in bad.output
    empty = run("package", str(project), str(tmp_path / "b.annotator"), "--for", "zed", ok=False)
    assert "no document is assigned to 'zed'" in empty.output
