"""Crafted input files (issue 9): deeply nested JSON lines, symbolic links leading out of an
imported folder, duplicate brat ids. Each gives a ``file:line: reason`` input error or a listed
skip, never a traceback, a hang or a silently wrong document."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.formats.brat_reader import read_brat
from annotator.core.formats.jsonl_reader import MAX_DEPTH, iter_json_lines, too_deep
from annotator.core.importing import import_paths
from annotator.core.store import Project
from tests.reliability.make_bad_inputs import NAME_END, NAME_START, TEXT

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                    reason="symbolic links need a POSIX system here")


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _jsonl(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


# -- 6. a JSON line nested 100,000 levels deep -----------------------------------------------


@pytest.mark.parametrize("fmt", ["canonical", "doccano"])
def test_deeply_nested_line_is_one_input_error(tmp_path: Path, fmt: str) -> None:
    deep = '{"text": "نص", "meta": ' + _nested(100_000) + "}"
    if fmt == "doccano":
        deep = '{"text": "نص", "label": [' + _nested(100_000) + "]}"
    good = ({"text": TEXT} if fmt == "doccano"
            else {"id": "a", "text": TEXT, "title": "a"})
    other = ({"text": TEXT + " ثانية"} if fmt == "doccano"
             else {"id": "b", "text": TEXT + " ثانية", "title": "b"})
    source = _jsonl(tmp_path, "deep.jsonl", [_line(**good), deep, _line(**other)])
    project = tmp_path / "p.annotator"
    result = CliRunner().invoke(cli, ["import", str(project), "--format", fmt, str(source)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {source}:2: line is nested more than {MAX_DEPTH} levels deep"]
    assert not project.exists()  # nothing without --skip-bad: the new project is not left behind

    result = CliRunner().invoke(cli, ["import", "--skip-bad", str(project), "--format", fmt,
                                      str(source)])
    assert "Traceback" not in result.output
    assert "imported 2 document(s)" in result.output  # only line 2 left out
    with Project.open(project, annotator="checker") as proj:
        assert proj.document_count() == 2
        assert proj.validate() == []


def test_nesting_just_below_the_recursion_limit_is_refused_too(tmp_path: Path) -> None:
    """900 levels parse, but would crash the readers and writers that recurse later."""
    source = _jsonl(tmp_path, "a.jsonl", ['{"id": "a", "text": "نص", "meta": {"x": '
                                          + _nested(900) + "}}"])
    [(line, value)] = list(iter_json_lines(source))
    assert line == 1
    assert not isinstance(value, dict)
    assert "nested more than" in str(value)


def test_depth_limit_boundary() -> None:
    assert not too_deep(json.loads(_nested(MAX_DEPTH)))
    assert too_deep(json.loads(_nested(MAX_DEPTH + 1)))
    assert not too_deep({"a": [1, {"b": "x"}], "c": 3})
    wide = json.loads("[" + ",".join([_nested(MAX_DEPTH - 1)] * 1000) + "]")
    assert not too_deep(wide)


def test_a_read_that_stops_drops_the_whole_file_even_with_skip_bad(tmp_path: Path) -> None:
    """An undecodable UTF-16 tail ends the reading: the lines after it were never seen, so the
    file is not imported in part."""
    source = tmp_path / "a.jsonl"
    body = (_line(id="a", text=TEXT, title="a") + "\n").encode("utf-16-le")
    source.write_bytes(b"\xff\xfe" + body + b"\x00\xd8")  # a lone high surrogate at the end
    project = tmp_path / "p.annotator"
    with Project.open(project, create=True, annotator="t") as proj:
        result = import_paths(proj, [source], skip_bad=True)
        assert proj.document_count() == 0
    assert [(e.line, "UTF-16" in e.reason) for e in result.bad] == [(None, True)]


# -- 12. folder import and symbolic links ----------------------------------------------------


def _folder_with_links(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("كلمة السر: لا تنشرها\n", encoding="utf-8")
    (outside / "more.txt").write_text("نص من خارج المجلد\n", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "sub" / "up.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")
    (folder / "alias.txt").symlink_to(folder / "a.txt")  # inside: fine (and the same file)
    (folder / "sub" / "inner.txt").symlink_to(Path("..") / "a.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "outdir").symlink_to(outside, target_is_directory=True)
    (folder / "self").symlink_to(folder, target_is_directory=True)
    return folder, outside


@needs_symlinks
def test_folder_import_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    folder, outside = _folder_with_links(tmp_path)
    project = tmp_path / "p.annotator"
    with Project.open(project, create=True, annotator="t") as proj:
        result = import_paths(proj, [folder])
        texts = [proj.get_record(i).text for i in proj.document_ids()]
    assert result.bad == []
    assert texts == [TEXT + "\n"] or [t.strip() for t in texts] == [TEXT]
    skipped = dict(result.skipped)
    assert set(skipped) == {str(folder / n) for n in (
        "leak.txt", "sub/up.txt", "loop1.txt", "loop2.txt", "dangling.txt", "outdir")}
    assert "outside the imported folder" in skipped[str(folder / "leak.txt")]
    assert str(outside.resolve()) in skipped[str(folder / "outdir")]
    assert "loop" in skipped[str(folder / "loop1.txt")]
    assert "to nothing" in skipped[str(folder / "dangling.txt")]


@needs_symlinks
def test_cli_lists_the_links_it_did_not_follow(tmp_path: Path) -> None:
    folder, _outside = _folder_with_links(tmp_path)
    project = tmp_path / "p.annotator"
    result = CliRunner().invoke(cli, ["import", str(project), str(folder)])
    assert result.exit_code == 0, result.output
    assert f"skipped: {folder / 'leak.txt'}: symbolic link to " in result.output
    assert "imported 1 document(s) from 1 file(s), 6 link(s) not followed" in result.output


@needs_symlinks
def test_brat_partner_linking_out_is_not_read(tmp_path: Path) -> None:
    """``doc.ann`` found in the folder pairs with ``doc.txt`` by name: a ``doc.txt`` (or a
    ``.ann``) that is a link out of the folder must not be read either."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(TEXT, encoding="utf-8")
    (outside / "y.ann").write_text(f"T1\tPERS {NAME_START} {NAME_END}\tبوتين\n",
                                   encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.ann").write_text(f"T1\tPERS {NAME_START} {NAME_END}\tبوتين\n",
                                    encoding="utf-8")
    (folder / "doc.txt").symlink_to(outside / "x.txt")
    (folder / "two.txt").write_text(TEXT, encoding="utf-8")
    (folder / "two.ann").symlink_to(outside / "y.ann")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        result = import_paths(proj, [folder])
        assert proj.document_count() == 0
    assert sorted(path for path, _ in result.skipped) == [str(folder / "doc.txt"),
                                                         str(folder / "two.ann")]


@needs_symlinks
def test_a_link_named_on_the_command_line_is_the_users_choice(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as proj:
        result = import_paths(proj, [link])
        assert proj.document_count() == 1
    assert result.skipped == []


# -- 13. brat: duplicate ids -----------------------------------------------------------------


def _brat(tmp_path: Path, ann: str) -> Path:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    return tmp_path / "doc.txt"


_NAME = TEXT[NAME_START:NAME_END]
_MOSCOW = TEXT.index("موسكو")
_T1 = f"T1\tPERS {NAME_START} {NAME_END}\t{_NAME}\n"
_T2 = f"T2\tGPE {_MOSCOW} {_MOSCOW + 5}\tموسكو\n"


@pytest.mark.parametrize(("ann", "ident", "first", "line"), [
    (_T1 + _T2 + f"T1\tGPE {_MOSCOW} {_MOSCOW + 5}\tموسكو\n", "T1", 1, 3),
    (_T1 + _T2 + "A1\tmention T1 NAM\nA1\tmention T2 NOM\n", "A1", 3, 4),
    (_T1 + "M1\tmention T1 NAM\nM1\tmention T1 NOM\n", "M1", 2, 3),
    (_T1 + "N1\tReference T1 Wikidata:Q7747\tبوتين\nN1\tReference T1 Wikidata:Q1\tx\n",
     "N1", 2, 3),
    (_T1 + "#1\tAnnotatorNotes T1\tأ\n#1\tAnnotatorNotes T1\tب\n", "#1", 2, 3),
    (_T1 + _T2 + "E1\tContact:Meet:T2\nE1\tContact:Meet:T2\n", "E1", 3, 4),
    (_T1 + _T2 + "R1\tSpeaker Arg1:T2 Arg2:T1\n\nR1\tCue Arg1:T2 Arg2:T1\n", "R1", 3, 5),
])
def test_duplicate_brat_id_is_an_input_error(
    tmp_path: Path, ann: str, ident: str, first: int, line: int
) -> None:
    record, errors = read_brat(_brat(tmp_path, ann))
    assert record is None
    ann_path = tmp_path / "doc.ann"
    expected = f"{ann_path}:{line}: duplicate id {ident} (first at line {first})"
    assert expected in [str(e) for e in errors], [str(e) for e in errors]


def test_duplicate_brat_id_through_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    txt = _brat(folder, _T1 + _T2 + f"T1\tGPE {_MOSCOW} {_MOSCOW + 5}\tموسكو\n")
    project = tmp_path / "p.annotator"
    result = CliRunner().invoke(cli, ["import", str(project), str(txt)])
    assert result.exit_code == 1
    assert f"error: {folder / 'doc.ann'}:3: duplicate id T1 (first at line 1)" in result.output


def test_equivalence_lines_share_their_star_id(tmp_path: Path) -> None:
    """brat writes every equivalence as ``*``: repeating it is not a duplicate id."""
    ann = _T1 + _T2 + "*\tEquiv T1 T2\n*\tEquiv T2 T1\n"
    record, errors = read_brat(_brat(tmp_path, ann), warn=lambda _m: None)
    assert errors == []
    assert record is not None
    assert len(record.entities) == 2
