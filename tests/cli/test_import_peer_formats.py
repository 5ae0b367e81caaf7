"""``annotator import`` of other tools' formats: --format, --map, --tag-scheme, --doc-split,
--labels and --mapping reach the readers; a bad --map is refused before anything is read."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.store import Project
from tests.cli.helpers import run

CONLL = "زار O\nعلي B-PER\n\n\nغادر O\nسامي I-PER\nبغداد B-LOC\n"


def _entities(project: Path) -> list[list[tuple[str, str]]]:
    with Project.open(project, readonly=True) as opened:
        return [sorted((r.text[e.start:e.end], e.label) for e in r.entities)
                for r in opened.iter_records()]


def test_conll_with_options(tmp_path: Path) -> None:
    source = tmp_path / "peer.txt"
    source.write_text(CONLL, encoding="utf-8")
    target = tmp_path / "p.annotator"
    strict = run("import", str(target), str(source), "--format", "conll", "--tag-scheme",
                 "iob2", "--map", "PER=PERS", "--map", "LOC=GPE", ok=False)
    assert "peer.txt:6: tag I-PER is not valid IOB2 after O" in strict.stderr
    assert not target.exists()
    result = run("import", str(target), str(source), "--format", "conll", "--doc-split",
                 "blank", "--map", "PER=PERS", "--map", "LOC=GPE")
    assert "imported 2 document(s)" in result.stdout
    assert _entities(target) == [[("علي", "PERS")], [("بغداد", "GPE"), ("سامي", "PERS")]]


def test_a_bad_map_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "peer.conll"
    source.write_text(CONLL, encoding="utf-8")
    result = run("import", str(tmp_path / "p.annotator"), str(source), "--map", "PER", ok=False)
    assert "--map 'PER': expected OLD=NEW" in result.stderr


def test_hf_labels_option(tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    source.write_text(json.dumps({"tokens": ["زار", "علي", "بغداد"], "ner_tags": [0, 1, 2]},
                                 ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "p.annotator"
    run("import", str(target), str(source), "--labels", "O,B-PERS,B-GPE")
    assert _entities(target) == [[("بغداد", "GPE"), ("علي", "PERS")]]
