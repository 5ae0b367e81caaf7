"""Issue 18: every export we write imports back to the same annotations (or a documented
loss), and files written by the other tools' own libraries (spaCy, datasets) import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.exports import export_dataset
from annotator.core.exports.base import ExportOptions
from annotator.core.formats.read_options import ReadOptions
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from tests.exports.hard_cases import TEXT, main_record

Surfaces = list[tuple[str, str]]


def _entities(record: DocumentRecord) -> Surfaces:
    return sorted((record.text[e.start:e.end], e.label) for e in record.entities)


def _export(project_path: Path, out: Path, fmt: str, **options: object) -> Path:
    with Project.open(project_path) as project:
        export_dataset(project, out, ExportOptions(format=fmt, **options))  # type: ignore[arg-type]
    return out


def _import(path: Path, target: Path, **options: object) -> list[DocumentRecord]:
    with Project.open(target, create=True, annotator="back") as project:
        result = import_paths(project, [path], options=ReadOptions(**options))  # type: ignore[arg-type]
        assert result.bad == []
        return list(project.iter_records())


def _main(records: list[DocumentRecord]) -> DocumentRecord:
    return next(r for r in records if "الكرملين" in r.text)


WIDENED = sorted([(s, label) for s, label in [
    ("الكرملين", "ORG"), ("الرئيس فلاديمير بوتين", "PERS"), ("الرئيس", "OCC"),
    ("جامعة القاهرة", "ORG"), ("القاهرة", "GPE"), ("مُحَمَّد بن سلمان", "PERS"),
    ("لواشنطن", "GPE"), ("وموسكو", "GPE"), ("الجيش", "ORG"), ("أمس", "DATE"),
    ("بغداد", "GPE")]])
"""The main document's entities on whole tokens (a token export widens واشنطن and موسكو
to their words: reported at export)."""


@pytest.mark.parametrize(("fmt", "suffix"), [("conll", ".conll"), ("hf-tokens", ".jsonl")])
def test_token_exports_come_back_and_export_again_the_same(
        project_path: Path, tmp_path: Path, fmt: str, suffix: str) -> None:
    first = _export(project_path, tmp_path / f"a{suffix}", fmt)
    records = _import(first, tmp_path / "back.annotator")
    assert len(records) == 31
    main = _main(records)
    assert main.text == TEXT  # its sentences were lines: the spacing rule gives it back
    assert _entities(main) == WIDENED
    again = _export(tmp_path / "back.annotator", tmp_path / f"b{suffix}", fmt)
    assert again.read_bytes() == first.read_bytes()


def test_conll_flat_keeps_the_outer_level(project_path: Path, tmp_path: Path) -> None:
    records = _import(_export(project_path, tmp_path / "f.conll", "conll-flat"),
                      tmp_path / "back.annotator")
    assert _entities(_main(records)) == [e for e in WIDENED if e not in {
        ("الرئيس", "OCC"), ("القاهرة", "GPE")}]


def test_spacy_shards_come_back_per_doc(project_path: Path, tmp_path: Path) -> None:
    out = _export(project_path, tmp_path / "sp", "spacy", per_sentence=False)
    records = _import(out, tmp_path / "back.annotator")
    assert len(records) == 31
    main = _main(records)
    assert main.text == TEXT
    assert _entities(main) == WIDENED


def test_label_studio_comes_back_with_quotes_and_events(project_path: Path,
                                                        tmp_path: Path) -> None:
    out = _export(project_path, tmp_path / "ls.json", "label-studio")
    main = _main(_import(out, tmp_path / "back.annotator"))
    original = main_record()
    assert main.id == "main"
    assert _entities(main) == _entities(original)  # code points: no widening
    by_id = {e.id: main.text[e.start:e.end] for e in main.entities}
    (quote,) = main.quotes
    assert quote.content.slice(main.text) == "نحن مستعدون للتعاون"
    assert quote.cue is not None
    assert quote.cue.slice(main.text) == "قال"
    assert by_id[str(quote.speaker)] == "مُحَمَّد بن سلمان"
    (event,) = main.events
    assert event.type == "Conflict:Attack"
    assert sorted((a.role, by_id[a.entity]) for a in event.arguments) == [
        ("Attacker", "الجيش"), ("Place", "بغداد"), ("Time", "أمس")]
    assert main.stances == []  # documented: Label Studio has no stance form


def test_events_and_quotes_records_come_back(project_path: Path, tmp_path: Path) -> None:
    events = _main(_import(_export(project_path, tmp_path / "ev.jsonl", "events"),
                           tmp_path / "ev.annotator"))
    assert events.text == TEXT
    assert _entities(events) == WIDENED
    by_id = {e.id: events.text[e.start:e.end] for e in events.entities}
    (event,) = events.events
    assert (event.type, event.trigger.slice(events.text)) == ("Conflict:Attack", "هاجم")
    assert sorted(by_id[a.entity] for a in event.arguments) == ["أمس", "الجيش", "بغداد"]
    with Project.open(tmp_path / "q.annotator", create=True, annotator="back") as project:
        result = import_paths(project, [_export(project_path, tmp_path / "q.jsonl", "quotes")])
        assert result.bad == []
        (record,) = project.iter_records()
    (quote,) = record.quotes
    assert record.text == TEXT.splitlines()[1]  # the quote's paragraph only: documented
    speaker = next(e for e in record.entities if e.id == quote.speaker)
    assert (record.text[speaker.start:speaker.end], speaker.label) == ("مُحَمَّد بن سلمان", "PERS")
    assert quote.cue is not None
    assert quote.cue.slice(record.text) == "قال"


def test_a_docbin_spacy_wrote_itself(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("ar")
    text = "زار رئيسُ جامعة القاهرة 👍🏽 بغداد أمس"
    doc = nlp(text)

    def span(surface: str, label: str) -> Span:
        start = text.index(surface)
        made = doc.char_span(start, start + len(surface), label=label)
        assert made is not None
        return made

    doc.ents = [span("رئيسُ جامعة القاهرة", "ORG"), span("بغداد", "GPE")]
    doc.spans["sc"] = [span("رئيسُ جامعة القاهرة", "ORG"), span("القاهرة", "GPE"),
                       span("رئيسُ", "OCC")]
    doc.spans["dates"] = [span("أمس", "DATE")]
    path = tmp_path / "own.spacy"
    DocBin(docs=[doc]).to_disk(path)
    (record,) = _import(path, tmp_path / "p.annotator")
    assert record.text == doc.text
    assert _entities(record) == sorted([("رئيسُ جامعة القاهرة", "ORG"), ("القاهرة", "GPE"),
                                        ("رئيسُ", "OCC"), ("بغداد", "GPE"), ("أمس", "DATE")])


def test_parquet_and_json_that_datasets_wrote(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    names = ["O", "B-PERS", "I-PERS", "B-GPE", "I-GPE"]
    features = datasets.Features({
        "tokens": datasets.Sequence(datasets.Value("string")),
        "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names))})
    data = datasets.Dataset.from_dict({
        "tokens": [["وصل", "مُحَمَّد", "بن", "علي", "إلى", "القاهرة", "😀"], ["غادر", "بغداد"]],
        "ner_tags": [[0, 1, 2, 2, 0, 3, 0], [0, 3]]}, features=features)
    folder = tmp_path / "ds"
    folder.mkdir()
    data.to_parquet(str(folder / "train.parquet"))
    records = _import(folder / "train.parquet", tmp_path / "pq.annotator")
    assert [r.text for r in records] == ["وصل مُحَمَّد بن علي إلى القاهرة 😀", "غادر بغداد"]
    assert _entities(records[0]) == [("القاهرة", "GPE"), ("مُحَمَّد بن علي", "PERS")]
    data.to_json(str(folder / "train.jsonl"), force_ascii=False)
    with Project.open(tmp_path / "js.annotator", create=True) as project:
        result = import_paths(project, [folder / "train.jsonl"])
        assert "give their names with --labels" in str(result.bad[0])
    by_labels = _import(folder / "train.jsonl", tmp_path / "l.annotator", labels=tuple(names))
    assert _entities(by_labels[1]) == [("بغداد", "GPE")]
    data.info.write_to_directory(str(folder))
    assert json.loads((folder / "dataset_info.json").read_text())["features"]
    beside = _import(folder / "train.jsonl", tmp_path / "b.annotator")
    assert _entities(beside[0]) == _entities(records[0])
    (folder / "train.parquet").unlink()
    with Project.open(tmp_path / "f.annotator", create=True) as project:
        walked = import_paths(project, [folder])  # dataset_info.json is not a document
        assert walked.bad == []
        assert len(walked.imported) == 2
        assert any("dataset_info.json describes a Hugging Face dataset" in w
                   for w in walked.warnings)
