"""hf-tokens, conll and spacy, each loaded by its real consumer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.exports import ExportOptions, export_dataset
from annotator.core.exports import hf_tokens as hf_tokens_module
from annotator.core.exports.tagging import INSIDE_TOKEN_START, NESTED_FLAT
from annotator.core.store import Project
from tests.exports.hard_cases import TEXT


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_hf_tokens_loads_in_datasets_with_one_set_of_features(
    project: Project, tmp_path: Path
) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    report = export_dataset(project, out, ExportOptions(
        format="hf-tokens", ratios={"train": 0.5, "test": 0.5}, seed=1))
    assert report.levels == 2
    assert report.widened == {INSIDE_TOKEN_START: 2}
    files = {"train": str(out / "train.jsonl"), "test": str(out / "test.jsonl")}
    loaded = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "cache"))
    for split in ("train", "test"):
        assert set(loaded[split].column_names) == {"id", "doc_id", "tokens", "ner_tags",
                                                   "ner_tags_l2"}
        for row in loaded[split]:
            assert len(row["tokens"]) == len(row["ner_tags"]) == len(row["ner_tags_l2"])
    rows = [r for s in ("train", "test") for r in loaded[s] if r["doc_id"] == "main"]
    tagged = {(t, a, b) for r in rows for t, a, b in
              zip(r["tokens"], r["ner_tags"], r["ner_tags_l2"], strict=True)}
    assert ("وموسكو", "B-GPE", "O") in tagged  # clitic kept on the token, entity widened
    assert ("مُحَمَّد", "B-PERS", "O") in tagged  # tashkeel inside the span
    assert ("القاهرة", "I-ORG", "B-GPE") in tagged  # nested
    assert ("😀", "O", "O") in tagged  # emoji before the spans
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "Widened 2" in card
    assert "proclitics stay on the word" in card


def test_hf_tokens_per_document_with_split_proclitics(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "hf.jsonl"
    report = export_dataset(project, out, ExportOptions(
        format="hf-tokens", per_sentence=False, split_proclitics=True))
    main = next(r for r in _lines(out) if r["doc_id"] == "main")
    tokens, tags = main["tokens"], main["ner_tags"]
    assert isinstance(tokens, list)
    assert isinstance(tags, list)
    assert tokens.count("و") >= 1
    at = tokens.index("موسكو")
    assert (tokens[at - 1], tags[at - 1], tags[at]) == ("و", "O", "B-GPE")
    at = tokens.index("واشنطن")
    assert (tokens[at - 1], tags[at]) == ("ل", "B-GPE")
    assert "بوتين" in tokens  # a name starting with ب is never cut
    assert report.widened == {}
    saved = json.loads((tmp_path / "hf.jsonl.report.json").read_text(encoding="utf-8"))
    assert saved["record_unit"] == "document"
    assert "proclitics" in saved["tokenization"]


def test_conll_columns_docstart_and_flat_variant(project: Project, tmp_path: Path) -> None:
    nested = tmp_path / "nested.conll"
    export_dataset(project, nested, ExportOptions(format="conll"))
    lines = nested.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "-DOCSTART- O O"
    assert lines[1] == ""
    rows = [line.split(" ") for line in lines if line]
    assert {len(row) for row in rows} == {3}  # every line padded to the deepest level
    assert ["القاهرة", "I-ORG", "B-GPE"] in rows
    assert ["الرئيس", "B-PERS", "B-OCC"] in rows
    assert lines.count("") > lines.count("-DOCSTART- O O") * 2
    flat = tmp_path / "flat.conll"
    report = export_dataset(project, flat, ExportOptions(format="conll-flat"))
    flat_rows = [line.split(" ") for line in flat.read_text(encoding="utf-8").split("\n") if line]
    assert {len(row) for row in flat_rows} == {2}
    assert ["القاهرة", "I-ORG"] in flat_rows
    assert report.skipped == {NESTED_FLAT: 2}


def _load_shards(folder: Path, vocab: object) -> list[object]:
    """Every Doc of a spaCy export folder, shard by shard (each shard loads on its own)."""
    from spacy.tokens import DocBin

    docs: list[object] = []
    for shard in sorted(folder.glob("*.spacy")):
        assert shard.is_file()
        docs.extend(DocBin().from_disk(shard).get_docs(vocab))
    return docs


def test_spacy_docbin_loads_with_all_levels(project: Project, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")

    out = tmp_path / "docs"
    report = export_dataset(project, out, ExportOptions(format="spacy", per_sentence=False))
    assert sorted(p.name for p in out.iterdir()) == [".annotator-export.json", "00000.spacy",
                                                      "README.md", "card-labels.svg",
                                                      "report.json"]  # no split: no split chart
    nlp = spacy.blank("ar")
    docs = _load_shards(out, nlp.vocab)
    assert len(docs) == 31
    main = next(d for d in docs if d.text == TEXT)  # the stored text, character for character
    ents = {(e.text, e.label_) for e in main.ents}
    every = {(s.text, s.label_) for s in main.spans["sc"]}
    assert ("جامعة القاهرة", "ORG") in ents
    assert ("القاهرة", "GPE") not in ents
    assert ("القاهرة", "GPE") in every
    assert ("مُحَمَّد بن سلمان", "PERS") in ents
    assert ("وموسكو", "GPE") in ents  # widened to the token and counted
    assert report.widened == {INSIDE_TOKEN_START: 2}
    assert len(every) == 11
    # The same spans as spaCy's own alignment of the stored offsets (alignment_mode="expand").
    for entity in next(r for r in project.iter_records() if r.text == TEXT).entities:
        expanded = main.char_span(entity.start, entity.end, alignment_mode="expand")
        assert (expanded.text, entity.label) in every
    sentences = tmp_path / "sentences"
    export_dataset(project, sentences, ExportOptions(format="spacy"))
    by_sentence = _load_shards(sentences, nlp.vocab)
    assert "".join(d.text for d in by_sentence[:3]).replace("\n", "") == TEXT.replace("\n", "")


def test_spacy_split_is_a_folder_of_shards_spacy_train_reads(
    project: Project, tmp_path: Path
) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.training import Corpus

    out = tmp_path / "spacy"
    report = export_dataset(project, out, ExportOptions(
        format="spacy", ratios={"train": 0.8, "dev": 0.2}, seed=3, spacy_shard_docs=4))
    assert report.files[:2] == ["train.spacy/", "dev.spacy/"]
    nlp = spacy.blank("ar")
    texts: list[str] = []
    for split in ("train", "dev"):
        folder = out / f"{split}.spacy"
        shards = sorted(p.name for p in folder.iterdir())
        records = report.records[split]
        assert shards == [f"{n:05d}.spacy" for n in range(-(-records // 4))]  # 4 Docs a shard
        docs = _load_shards(folder, nlp.vocab)
        assert len(docs) == records
        for doc in docs:  # entities and span groups survive every shard
            assert all(span.label_ for span in doc.spans["sc"])
            assert {(e.start, e.end) for e in doc.ents} <= {
                (s.start, s.end) for s in doc.spans["sc"]}
        # spacy train's reader (spacy.Corpus.v1) takes the folder and finds every shard.
        examples = list(Corpus(folder)(nlp))
        assert [e.reference.text for e in examples] == [d.text for d in docs]
        texts += [d.text for d in docs]
    assert sum(len(list(d.ents)) for d in _load_shards(out / "train.spacy", nlp.vocab)) > 0
    assert "".join(texts).count("بغداد") >= 30


def test_conll_pads_shallow_documents_in_chunks_not_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents written before the deepest one was seen get their missing tag columns in a
    second pass over what was written; that pass writes whole chunks of lines (one call per
    chunk, not per line: it was a third of a conll export of a corpus with nested entities)."""
    import annotator.core.exports.writer as writer_module
    from tests.exports.hard_cases import filler_records, main_record

    with Project.open(tmp_path / "late.annotator", create=True, annotator="t") as project:
        project.import_records([*filler_records(30), main_record()])  # the deep one last

    writes: list[int] = []
    opened = writer_module.open_bytes

    class Counted:
        def __init__(self, path: Path) -> None:
            self.handle = opened(path)

        def write(self, data: bytes) -> int:
            writes.append(len(data))
            return self.handle.write(data)

        def __enter__(self) -> Counted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    monkeypatch.setattr(writer_module, "open_bytes", Counted)
    nested = tmp_path / "nested.conll"
    with Project.open(tmp_path / "late.annotator") as project:
        export_dataset(project, nested, ExportOptions(format="conll"))
    lines = nested.read_text(encoding="utf-8").split("\n")
    assert {len(line.split(" ")) for line in lines if line} == {3}  # padded
    assert len(lines) > 300
    # the pass wrote the 30 shallow documents' lines, padded, in one or two chunks
    shallow = nested.read_bytes().split(b"-DOCSTART-")[1:31]
    assert sum(writes) == len(b"-DOCSTART-" * 30 + b"".join(shallow))
    assert len(writes) <= 2


def test_hf_tokens_pads_shallow_lines_without_parsing_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines written before the deepest document was seen get their missing ``ner_tags_lN``
    keys in a second pass; the keys are appended to the line's text as the JSON encoder
    would write them, without decoding and encoding each line again (that was a third of
    an hf-tokens export of a corpus with nested entities)."""
    import annotator.core.exports.writer as writer_module
    from tests.exports.hard_cases import filler_records, main_record

    with Project.open(tmp_path / "late.annotator", create=True, annotator="t") as project:
        project.import_records([*filler_records(30), main_record()])  # the deep one last
    padded: list[bytes] = []
    real_pad = hf_tokens_module.pad_line

    def counted_pad(line: bytes, target: int) -> bytes:
        padded.append(line)
        return real_pad(line, target)

    monkeypatch.setattr(hf_tokens_module, "pad_line", counted_pad)

    decoded: list[str] = []
    real_loads = json.loads

    def counted(text: str) -> object:
        if '"ner_tags"' in text:  # an exported line (the store decodes its own JSON columns)
            decoded.append(text)
        return real_loads(text)

    monkeypatch.setattr(json, "loads", counted)
    out = tmp_path / "hf.jsonl"
    with Project.open(tmp_path / "late.annotator") as project:
        export_dataset(project, out, ExportOptions(format="hf-tokens"))
    assert decoded == []
    assert len(padded) == 30  # the lines written before the deep document, once each
    monkeypatch.undo()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 30
    for line in lines:
        value = json.loads(line)
        assert writer_module.encode_json(value) == line  # exactly what the encoder writes
        assert len(value["tokens"]) == len(value["ner_tags"]) == len(value["ner_tags_l2"])
    assert any('"ner_tags_l2": ["O"' in line and "B-" not in line.split("ner_tags_l2")[1]
               for line in lines)


@pytest.mark.parametrize(("tokens", "tags"), [
    (['"', '"ner_tags": [', '", "'], ["O", "B-X", "I-X"]),  # quotes, key text in tokens
    (["a", "b"], ['B-A", "', 'I-A", "']),  # a label that needs escapes (decoded instead)
    ([], []),
])
def test_hf_padding_equals_decoding_and_encoding_again(tokens: list[str],
                                                       tags: list[str]) -> None:
    from annotator.core.exports.hf_tokens import pad_line
    from annotator.core.exports.writer import encode_json

    line = encode_json({"id": "d-0", "doc_id": "d", "tokens": tokens, "ner_tags": tags})
    expected = {"id": "d-0", "doc_id": "d", "tokens": tokens, "ner_tags": tags,
                "ner_tags_l2": ["O"] * len(tokens), "ner_tags_l3": ["O"] * len(tokens)}
    assert pad_line(line.encode(), 3) == encode_json(expected).encode()
    assert pad_line(line.encode(), 1) == line.encode()


@pytest.mark.parametrize("line", [
    {"id": "d-0", "doc_id": "d", "tokens": ["قال", "«", "مُحَمَّد", "»", "😀", "\u0600 "],
     "ner_tags": ["O", "O", "B-PERS", "O", "O", "O"], "ner_tags_l2": ["O"] * 6},
    {"id": 'd"\\-1', "doc_id": "d\u202e\x01", "tokens": [], "ner_tags": []},
    {"id": "x", "doc_id": "x", "tokens": ["a"], "ner_tags": ["B-A_1"]},
])
def test_hf_lines_joined_without_the_encoder_equal_the_encoder(line: dict[str, object]) -> None:
    from annotator.core.exports.hf_tokens import _encode_plain
    from annotator.core.exports.writer import encode_json

    assert _encode_plain(line) == encode_json(line)


def test_hf_tokens_with_quotes_and_backslashes_are_escaped(tmp_path: Path) -> None:
    from annotator.core.model import DocumentRecord, Entity

    text = 'قال "موسكو" \\ 5'
    record = DocumentRecord(id="q", text=text, title="t", status="done",
                            entities=[Entity("e1", 5, 10, "GPE")])
    with Project.open(tmp_path / "q.annotator", create=True, annotator="t") as project:
        project.import_records([record])
        out = tmp_path / "q.jsonl"
        export_dataset(project, out, ExportOptions(format="hf-tokens"))
    line = out.read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(line)["tokens"] == ["قال", '"', "موسكو", '"', "\\", "5"]
    assert '"\\"", "موسكو", "\\"", "\\\\"' in line


def _padded_line_by_line(chunk: str, target: int, padding: str) -> tuple[str, str]:
    """The padding rule one line at a time: every line with text gets the columns its
    document's ``-DOCSTART-`` line lacks; blank lines stay blank."""
    out: list[str] = []
    for line in chunk.split("\n")[:-1]:
        if line.startswith("-DOCSTART-") and set(line[10:].split()) <= {"O"}:
            padding = " O" * (target - line.count(" "))
        out.append(line + padding if line else line)
    return "".join(f"{line}\n" for line in out), padding


@pytest.mark.parametrize("chunk", [
    "\nب O\n\n-DOCSTART- O\n\nا O\nب B-X\n\n\n\nج O\n-DOCSTART- O O O\n\nد O O O\n\n",
    "-DOCSTART- O O\n\nا B-X B-Y\n\n-DOCSTART- O\n\nb O\n\n",
    "ا O\nب O\n\n\n",
])
def test_conll_padding_equals_padding_each_line(chunk: str) -> None:
    from annotator.core.exports.conll import _Padder

    padder = _Padder(3)
    padder.padding = b" O O"  # the document before the chunk had one tag column
    expected = _padded_line_by_line(chunk, 3, " O O")[0]
    assert padder(chunk.encode("utf-8")) == expected.encode("utf-8")
