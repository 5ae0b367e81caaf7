"""Regression tests for defects found in review."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats.canonical import parse_canonical_object, read_canonical
from annotator.core.importing import import_paths
from annotator.core.model import InputError
from annotator.core.store import Project
from annotator.core.text import NameLexicon, snap_to_name


def test_names_starting_with_wa_or_fa_plus_al_are_kept_when_they_recur() -> None:
    text = "قال والتر إن والتر سيزور فالنسيا، ثم عاد والتر إلى فالنسيا."
    lexicon = NameLexicon.from_texts([text])
    start = text.index("والتر")
    assert snap_to_name(text, start, start + 5, lexicon) == (start, start + 5)
    start = text.index("فالنسيا")
    assert snap_to_name(text, start, start + 7, lexicon) == (start, start + 7)


def test_wa_plus_al_is_still_cut_when_the_rest_stands_alone() -> None:
    text = "زار العراق وسوريا، ثم عاد إلى سوريا والعراق مرة ثانية والعراق."
    lexicon = NameLexicon.from_texts([text])
    start = text.index("والعراق")
    assert snap_to_name(text, start, start + 7, lexicon) == (start + 1, start + 7)
    once = "قصف في سوريا والعراق."  # a single occurrence: the ال evidence alone decides
    start = once.index("والعراق")
    assert snap_to_name(once, start, start + 7, NameLexicon.from_texts([once])) == (
        start + 1, start + 7)


def test_normalization_record_survives_export_and_reimport() -> None:
    obj = {"text": "نص عربي", "normalization": {"newlines": 3, "nfc": True,
                                                      "encoding": "windows-1256"}}
    record, errors = parse_canonical_object(obj, "x.jsonl", 1)
    assert errors == []
    assert record is not None
    assert record.normalization["newlines"] == 3
    assert record.normalization["nfc"] is True
    assert record.normalization["encoding"] == "windows-1256"


def test_a_lone_surrogate_rejects_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "good", "text": "نص سليم"}, ensure_ascii=False)
    bad = '{"id": "bad", "text": "نص \\ud83d مكسور"}'
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    items = list(read_canonical(path))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1
    assert errors[0].line == 2
    assert "lone surrogate" in errors[0].reason
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        result = import_paths(project, [path], skip_bad=True)
        assert len(result.imported) == 1  # --skip-bad leaves out the bad line only
        assert len(result.bad) == 1
        assert project.document_count() == 1
