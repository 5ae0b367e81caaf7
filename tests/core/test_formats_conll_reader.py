"""CoNLL / IOB token files: tag schemes, column layouts, document splits, the text rebuilt by
the spacing rule, and our own conll export imported back to the same entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats.conll_reader import read_conll
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.token_docs import decode_tags, join_tokens
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord, InputError
from annotator.core.store import Project


def _read(path: Path, **options: object) -> tuple[list[DocumentRecord], list[InputError]]:
    items = list(read_conll(path, ReadOptions(**options)))  # type: ignore[arg-type]
    return ([i for i in items if isinstance(i, DocumentRecord)],
            [i for i in items if isinstance(i, InputError)])


def _surfaces(record: DocumentRecord) -> list[tuple[str, str]]:
    return sorted((record.text[e.start:e.end], e.label) for e in record.entities)


@pytest.mark.parametrize(("tags", "expected"), [
    (["B-PERS", "I-PERS", "O", "B-GPE"], [(0, 2, "PERS"), (3, 4, "GPE")]),  # IOB2
    (["I-PERS", "I-PERS", "B-PERS", "O"], [(0, 2, "PERS"), (2, 3, "PERS")]),  # IOB1
    (["B-ORG", "I-ORG", "E-ORG", "S-GPE"], [(0, 3, "ORG"), (3, 4, "GPE")]),  # BIOES
    (["U-GPE", "B-ORG", "L-ORG"], [(0, 1, "GPE"), (1, 3, "ORG")]),  # BILOU
    (["PERS", "PERS", "O", "GPE"], [(0, 2, "PERS"), (3, 4, "GPE")]),  # IO
    (["I-GPE", "I-ORG"], [(0, 1, "GPE"), (1, 2, "ORG")]),
])
def test_auto_reads_every_scheme(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    spans, problems = decode_tags(tags)
    assert spans == expected
    assert problems == []


def test_a_named_scheme_reports_what_it_forbids() -> None:
    assert decode_tags(["O", "I-GPE"], "iob2")[1] == [(1, "tag I-GPE is not valid IOB2 after O")]
    assert decode_tags(["O", "B-GPE"], "iob1")[1][0][0] == 1
    assert decode_tags(["B-GPE", "O"], "bioes")[1][0][0] == 1
    assert decode_tags(["S-GPE"], "iob2")[1][0][1].startswith("tag S-GPE S- tags are not IOB2")
    assert decode_tags(["B-GPE", "I-GPE", "O", "B-PERS", "I-PERS"], "iob2")[1] == []
    assert decode_tags(["B-GPE", "E-GPE", "S-ORG"], "bioes")[1] == []


def test_spacing_rule_glues_punctuation_and_quotation_marks() -> None:
    text, offsets = join_tokens(["قال", "«", "نحن", "هنا", "»", "،", "ثم", "(", "غادر", ")", "."])
    assert text == "قال «نحن هنا»، ثم (غادر)."
    assert [text[s:e] for s, e in offsets][2] == "نحن"


WOJOOD = """-DOCSTART- O O

وصل O O
رئيس B-OCC O
جامعةِ B-ORG O
القاهرة I-ORG B-GPE
😀 O O
. O O

وقال O O
مُحَمَّد B-PERS O
إنّ O O
الوضع O O
مستقر O O
. O O

-DOCSTART- O O

زار O O
بغداد B-GPE O
أمس B-DATE O
"""


def test_nested_columns_and_documents(tmp_path: Path) -> None:
    path = tmp_path / "wojood.conll"
    path.write_text(WOJOOD, encoding="utf-8")
    records, errors = _read(path)
    assert errors == []
    assert [r.id for r in records] == ["wojood-1", "wojood-2"]
    first = records[0]
    assert first.text == "وصل رئيس جامعةِ القاهرة 😀.\nوقال مُحَمَّد إنّ الوضع مستقر."
    assert _surfaces(first) == sorted([("رئيس", "OCC"), ("جامعةِ القاهرة", "ORG"),
                                       ("القاهرة", "GPE"), ("مُحَمَّد", "PERS")])
    assert first.source == f"{path}:3"
    assert _surfaces(records[1]) == [("أمس", "DATE"), ("بغداد", "GPE")]


def test_label_studio_conll2003_one_docstart_and_blank_runs(tmp_path: Path) -> None:
    path = tmp_path / "ls.conll"
    path.write_text("-DOCSTART- -X- O\nزار -X- _ O\nبغداد -X- _ B-GPE\n\n"
                    "وصل -X- _ O\nعلي -X- _ B-PERS\n\n\nغادر -X- _ O\nسامي -X- _ B-PERS\n",
                    encoding="utf-8")
    records, errors = _read(path)
    assert errors == []
    assert len(records) == 1
    assert records[0].text == "زار بغداد\nوصل علي\nغادر سامي"
    by_runs, _ = _read(path, doc_split="blank")
    assert [r.text for r in by_runs] == ["زار بغداد\nوصل علي", "غادر سامي"]
    by_sentence, _ = _read(path, doc_split="sentence")
    assert len(by_sentence) == 3


def test_pos_columns_are_not_tags(tmp_path: Path) -> None:
    path = tmp_path / "c03.conll"
    path.write_text("زار VBD B-VP O\nبغداد NNP B-NP B-GPE\n", encoding="utf-8")
    records, _ = _read(path)
    assert _surfaces(records[0]) == [("بغداد", "GPE")]


def test_problems_name_the_line_and_drop_only_their_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("-DOCSTART- O\n\nزار O\nبغداد B-GPE\n\n-DOCSTART- O\n\nوصل O\nعلي I-PERS\n"
                    "سامي B-PERS O\n", encoding="utf-8")
    records, errors = _read(path, tag_scheme="iob2")
    assert [r.id for r in records] == ["bad-1"]
    assert [(e.line, e.reason) for e in errors] == [
        (9, "tag I-PERS is not valid IOB2 after O"),
        (10, "line has 3 columns; the file's token lines have 2")]


def test_skip_bad_keeps_the_good_documents(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("زار O\nبغداد B-GPE\n\n\nوصل O\nعلي B-PERS X\n", encoding="utf-8")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        refused = import_paths(project, [path], options=ReadOptions(doc_split="blank"))
        assert refused.imported == []
        assert [str(e) for e in refused.bad] == [
            f"{path}:6: line has 3 columns; the file's token lines have 2"]
        kept = import_paths(project, [path], skip_bad=True,
                            options=ReadOptions(doc_split="blank"))
        assert len(kept.imported) == 1


def test_map_renames_labels_on_the_way_in(tmp_path: Path) -> None:
    path = tmp_path / "peer.iob"
    path.write_text("زار O\nعلي B-PER\nبغداد B-LOCATION\n", encoding="utf-8")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        refused = import_paths(project, [path])
        assert "unknown entity label 'PER'" in str(refused.bad[0])
        result = import_paths(project, [path], options=ReadOptions(
            label_map={"PER": "PERS", "LOCATION": "GPE"}))
        assert result.bad == []
        record = next(project.iter_records())
        assert _surfaces(record) == [("بغداد", "GPE"), ("علي", "PERS")]
