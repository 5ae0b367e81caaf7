"""The CLI, driven like a user would, then checked by reading the project database directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import cli
from annotator.cli.terminal import display, terminal_does_bidi
from tests.cli.helpers import run
from tests.pg_databases import open_db, skip_on_server

ARTICLE = (
    "موسكو (وكالات) أعلن الكرملين أن الرئيس فلاديمير بوتين سيلتقي الرئيس الفرنسي فرانسوا هولاند "
    "في موسكو، بعد زيارة هولاند لواشنطن. وقال بيسكوف «نحن مستعدون للتعاون».\n"
)
GAZETTEER = "# name<TAB>LABEL\nموسكو\tGPE\nواشنطن\tGPE\nهولاند\tPERS\nفلاديمير بوتين\tPERS\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text("# عنوان الخبر\n\nنص **الخبر** عن باريس.\n", encoding="utf-8")
    return folder


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with open_db(db) as conn:
        return conn.execute(sql).fetchall()


def test_import_creates_project_and_reports_duplicates(tmp_path: Path, corpus: Path,
                                                       project_address: Path) -> None:
    db = project_address
    result = run("import", str(db), str(corpus))
    assert "imported 2 document(s)" in result.stdout
    assert rows(db, "select count(*) from documents") == [(2,)]
    again = run("import", str(db), str(corpus / "a.txt"))
    assert "imported 0 document(s)" in again.stdout
    assert "duplicate" in again.stderr
    assert rows(db, "select count(*) from documents") == [(2,)]


def test_bad_input_leaves_project_unchanged(tmp_path: Path, corpus: Path,
                                            project_address: Path) -> None:
    db = project_address
    run("import", str(db), str(corpus / "a.txt"))
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    skip_on_server(db, "compares the file's bytes")
    before = db.read_bytes()
    result = run("import", str(db), str(corpus), ok=False)
    assert result.exit_code != 0
    assert "bad.txt" in result.output
    assert "nothing was imported" in result.output
    assert rows(db, "select count(*) from documents") == [(1,)]
    assert db.read_bytes() == before or rows(db, "select count(*) from documents") == [(1,)]
    skipped = run("import", str(db), str(corpus), "--skip-bad", ok=False)
    assert skipped.exit_code == 1
    assert rows(db, "select count(*) from documents") == [(2,)]


def test_preannotate_then_export_round_trip(tmp_path: Path, corpus: Path,
                                            project_address: Path) -> None:
    db = project_address
    gazetteer = tmp_path / "names.tsv"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    run("import", str(db), str(corpus / "a.txt"))
    result = run("preannotate", str(db), "--gazetteer", str(gazetteer))
    assert "GPE\t3" in result.stdout  # موسكو twice (once in the dateline), واشنطن after ل
    labelled = rows(
        db,
        'select d.text, e.start, e."end", e.label from entities e '
        "join documents d on d.id = e.doc_id order by e.start",
    )
    surfaces = [(text[s:e], label) for text, s, e, label in labelled]
    assert ("واشنطن", "GPE") in surfaces  # the ل of لواشنطن stays outside
    assert ("فلاديمير بوتين", "PERS") in surfaces
    assert ("بوتين", "PERS") not in surfaces  # inside the longer name
    again = run("preannotate", str(db), "--gazetteer", str(gazetteer))
    assert "added 0 entities" in again.stdout  # never duplicates
    out = tmp_path / "out.jsonl"
    run("export", str(db), str(out))
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert all(line["text"][e["start"] : e["end"]] == e["text"] for e in line["entities"])
    reimported = tmp_path / "q.annotator"
    run("import", str(reimported), str(out), "--format", "canonical")
    assert sorted(
        r[1:] for r in rows(reimported, 'select doc_id, start, "end", label from entities')
    ) == sorted(r[1:] for r in rows(db, 'select doc_id, start, "end", label from entities'))


def test_export_to_stdout_is_logical_order_and_quiet(tmp_path: Path, corpus: Path,
                                                     project_address: Path) -> None:
    db = project_address
    run("import", str(db), str(corpus / "a.txt"))
    result = run("export", str(db), "-")
    record = json.loads(result.stdout)
    assert record["text"] == ARTICLE
    assert "Exporting" not in result.stderr  # no progress bar in a pipe


def test_validate_stats_schema_undo(tmp_path: Path, corpus: Path, project_address: Path) -> None:
    db = project_address
    run("import", str(db), str(corpus))
    run("validate", str(db))
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert json.dumps(stats, ensure_ascii=False).count("2") >= 1
    shown = run("schema", "show", "--no-bidi").stdout
    assert "PERS" in shown
    assert "Conflict:Attack" in shown
    with open_db(db) as conn:  # plant a violation behind the store's back
        conn.execute('update entities set "end" = 100000') if conn.execute(
            "select count(*) from entities"
        ).fetchone()[0] else conn.execute("update documents set sha256 = 'x' where id = 1")
    failed = run("validate", str(db), ok=False)
    assert failed.exit_code == 1
    assert "violation" in failed.output
    assert "nothing to undo" in run("undo", str(db)).stdout


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    before = text_file.read_bytes()
    for command in ("stats", "validate"):
        result = run(command, str(text_file), ok=False)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert text_file.read_bytes() == before
    missing = run("stats", str(tmp_path / "nope.annotator"), ok=False)
    assert "no such project" in missing.output


def test_schema_check_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[schema]\nname = "x"\nversion = "one"\n', encoding="utf-8")
    result = run("schema", "check", str(bad), ok=False)
    assert result.exit_code == 1
    assert "bad.toml" in result.output


def test_bidi_display_only_when_asked() -> None:
    text = "قال بوتين 2024"
    assert display(text, bidi=False) == text
    shown = display(text, bidi=True)
    assert shown != text
    assert "2024" in shown
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in shown)
    assert display("plain latin", bidi=True) == "plain latin"
    assert terminal_does_bidi({"VTE_VERSION": "7602"})
    assert not terminal_does_bidi({"TERM": "xterm"})


def test_every_command_is_documented_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"annotator {name}" in readme, name
