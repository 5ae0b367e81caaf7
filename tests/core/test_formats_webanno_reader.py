"""INCEpTION / WebAnno TSV 3: UTF-16 offsets, stacked and multi-token spans, escapes, the
text from #Text= lines, and relations mapped onto quotes and events by a TOML mapping."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.detect import detect_format
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.webanno_reader import read_webanno, unescape
from annotator.core.importing import import_paths
from annotator.core.model import DocumentRecord, InputError
from annotator.core.store import Project

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
HEADER = (f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NE}|identifier|value\n"
          f"#T_RL=webanno.custom.Link|label|BT_{NE}\n\n\n")
SENTENCES = [
    # (token, NE value cell, relation label cell, relation source cell)
    [("😀", "_", "_", "_"), ("زار", "_", "_", "_"), ("مُحَمَّد", "PERS[1]", "speaker", "2-3[4_1]"),
     ("بن", "PERS[1]", "_", "_"), ("علي", "PERS[1]", "_", "_"),
     ("القاهرة", "GPE|ORG\\_X", "_", "_"), (".", "_", "_", "_")],
    [("قال", "Cue", "cue", "2-3[4_0]"), ("«", "_", "_", "_"), ("نحن", "Quote[4]", "_", "_"),
     ("هنا", "Quote[4]", "_", "_"), ("»", "_", "_", "_"), ("وهاجم", "Attack", "_", "_"),
     ("الجيش", "ORG", "attacker", "2-6")],
]


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _tsv() -> str:
    lines = [HEADER]
    at = 0
    for number, tokens in enumerate(SENTENCES, start=1):
        text = " ".join(t[0] for t in tokens)
        lines.append(f"#Text={text}\n")
        for index, (token, value, label, source) in enumerate(tokens, start=1):
            identifier = "*" + value[value.index("["):] if "[" in value else (
                "_" if value == "_" else "*")
            lines.append(f"{number}-{index}\t{at}-{at + _u16(token)}\t{token}\t{identifier}\t"
                         f"{value}\t{label}\t{source}\t\n")
            at += _u16(token) + 1
        lines.append("\n")
    return "".join(lines)


MAPPING = """
[quotes]
content = ["Quote"]
cue = ["Cue"]
speaker_relation = ["speaker"]
cue_relation = ["cue"]

[events]
types = { Attack = "Conflict:Attack" }
roles = { attacker = "Attacker" }
"""


def _read(tmp_path: Path, mapping: str | None) -> tuple[DocumentRecord, list[str]]:
    path = tmp_path / "doc.tsv"
    path.write_text(_tsv(), encoding="utf-8")
    options = ReadOptions()
    if mapping is not None:
        (tmp_path / "map.toml").write_text(mapping, encoding="utf-8")
        options = ReadOptions(mapping=tmp_path / "map.toml")
    warnings: list[str] = []
    items = list(read_webanno(path, options, warnings.append))
    assert not [i for i in items if isinstance(i, InputError)], items
    (record,) = items
    assert isinstance(record, DocumentRecord)
    return record, warnings


def test_unescape() -> None:
    assert unescape(r"a\_b\|c\[1\]\\d\->e\*") == r"a_b|c[1]\d->e*"


def test_entities_without_a_mapping(tmp_path: Path) -> None:
    record, warnings = _read(tmp_path, None)
    assert record.text == ("😀 زار مُحَمَّد بن علي القاهرة .\n"
                           "قال « نحن هنا » وهاجم الجيش")
    assert sorted((record.text[e.start:e.end], e.label) for e in record.entities) == sorted([
        ("مُحَمَّد بن علي", "PERS"), ("القاهرة", "GPE"), ("القاهرة", "ORG_X"), ("قال", "Cue"),
        ("نحن هنا", "Quote"), ("وهاجم", "Attack"), ("الجيش", "ORG")])
    assert warnings == [f"{tmp_path / 'doc.tsv'}: 3 relation(s) not imported (see --mapping)"]


def test_relations_become_quotes_and_events(tmp_path: Path) -> None:
    record, warnings = _read(tmp_path, MAPPING)
    assert warnings == []
    surface = {e.id: record.text[e.start:e.end] for e in record.entities}
    (quote,) = record.quotes
    assert quote.content.slice(record.text) == "نحن هنا"
    assert quote.cue is not None
    assert quote.cue.slice(record.text) == "قال"
    assert surface[str(quote.speaker)] == "مُحَمَّد بن علي"
    (event,) = record.events
    assert (event.type, event.trigger.slice(record.text)) == ("Conflict:Attack", "وهاجم")
    assert [(a.role, surface[a.entity]) for a in event.arguments] == [("Attacker", "الجيش")]


def test_imported_with_map_and_checked_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(_tsv(), encoding="utf-8")
    (tmp_path / "map.toml").write_text(MAPPING, encoding="utf-8")
    assert detect_format(path) == "webanno"
    with Project.open(tmp_path / "p.annotator", create=True) as project:
        result = import_paths(project, [path], options=ReadOptions(
            mapping=tmp_path / "map.toml", label_map={"ORG_X": "ORG"}))
        assert result.bad == []
        (record,) = project.iter_records()
        assert len(record.quotes) == 1
        assert len(record.events) == 1
    bad = tmp_path / "bad.tsv"
    bad.write_text(_tsv().replace("\tالجيش\t", "\tالجند\t"), encoding="utf-8")
    problems = [i for i in read_webanno(bad) if isinstance(i, InputError)]
    assert [(p.line, p.reason.split(" is not")[0]) for p in problems] == [
        (22, "token 2-7 'الجند'")]
