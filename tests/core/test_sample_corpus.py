"""The bundled sample corpus (corpora/): articles, pre-annotations, gazetteer and sample.jsonl.

The checks here do not trust ``build_sample.py``: surfaces are found again with plain
``str.find``, spans are checked with the project's own ``span_problem``, and the output is
validated against the canonical JSON Schema.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from annotator.core.resources import CANONICAL_JSON_SCHEMA, read_resource_text
from annotator.core.text import span_problem

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
ARTICLES = sorted((CORPORA / "articles").glob("*.txt"))
SAMPLE = REPO / "annotator" / "resources" / "sample" / "sample.jsonl"
PROCLITIC_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
WOJOOD = {
    "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LANGUAGE",
    "WEBSITE", "LAW", "PRODUCT", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY",
    "CURR",
}  # fmt: skip
TASHKEEL = re.compile("[\u064b-\u0652\u0670\u0640]")


def _load_build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_sample", CORPORA / "build_sample.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_sample"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _annotations() -> dict[str, dict[str, Any]]:
    data = tomllib.loads((CORPORA / "annotations.toml").read_text(encoding="utf-8"))
    return {table["file"]: table for table in data["document"]}


def _gazetteer() -> list[tuple[str, str]]:
    rows = []
    for line in (CORPORA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, label = line.split("\t")
            rows.append((name, label))
    return rows


def _nth(text: str, surface: str, index: int) -> int:
    """Start of the ``index``-th substring match, found independently of build_sample."""
    at = -1
    for _ in range(index + 1):
        at = text.find(surface, at + 1)
        assert at != -1, f"{surface!r} #{index} not found"
    return at


def _strip(s: str) -> str:
    return TASHKEEL.sub("", s)


def test_there_are_at_least_ten_articles() -> None:
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article_length_and_layout(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert 1500 <= len(text) <= 4000, f"{path.name} has {len(text)} characters"
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "\r" not in text
    assert unicodedata.normalize("NFC", text) == text
    lines = text.split("\n")
    assert re.fullmatch(r"\d{1,2} \S+ \d{4}", lines[1]), lines[1]
    assert lines[2] == ""
    assert re.match(r"^\S[^()]* \([^()]+\) - ", lines[3]), lines[3][:40]


def test_sample_jsonl_is_up_to_date() -> None:
    expected = build.render(build.build_records())
    assert SAMPLE.read_text(encoding="utf-8") == expected, "run: python corpora/build_sample.py"


def test_sample_validates_against_the_canonical_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(read_resource_text(CANONICAL_JSON_SCHEMA))
    validator = jsonschema.Draft202012Validator(schema)
    for record in _records():
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], record["id"]


def test_records_follow_the_articles() -> None:
    records = _records()
    assert [r["id"] for r in records] == [p.stem for p in ARTICLES]
    for record, path in zip(records, ARTICLES, strict=True):
        text = path.read_text(encoding="utf-8")
        assert record["text"] == text
        assert record["title"] == text.split("\n")[0]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["meta"]["date"])
        assert record["meta"]["source"] == "annotator sample corpus (original text)"


def test_annotated_subset_and_todo_rest() -> None:
    records = _records()
    annotated = [r for r in records if r["status"] == "in-progress"]
    assert len(annotated) >= 4
    for record in annotated:
        assert len(record["entities"]) >= 30, record["id"]
        assert record["quotes"], record["id"]
        assert record["events"], record["id"]
        assert record["stances"], record["id"]
    for record in records:
        if record["status"] == "todo":
            assert record["entities"] == []
            assert record["quotes"] == []
            assert record["events"] == []
            assert record["stances"] == []


def _spans_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = list(record["entities"])
    for quote in record["quotes"]:
        spans.append(quote["content"])
        if quote["cue"] is not None:
            spans.append(quote["cue"])
    spans.extend(event["trigger"] for event in record["events"])
    return spans


def test_every_span_text_and_utf16_offsets_match() -> None:
    for record in _records():
        text = record["text"]
        for span in _spans_of(record):
            start, end = span["start"], span["end"]
            assert text[start:end] == span["text"]
            assert span["utf16"] == [
                len(text[:start].encode("utf-16-le")) // 2,
                len(text[:end].encode("utf-16-le")) // 2,
            ]
            assert span_problem(text, start, end) is None, (record["id"], span["text"])


def test_every_annotated_surface_is_where_the_toml_says() -> None:
    records = {r["id"]: r for r in _records()}
    for file_name, table in _annotations().items():
        record = records[Path(file_name).stem]
        text = record["text"]
        placed = {(e["start"], e["end"], e["label"]) for e in record["entities"]}
        for row in table.get("entities", []):
            surface = unicodedata.normalize("NFC", row[0])
            start = _nth(text, surface, row[1])
            assert text[start : start + len(surface)] == surface
            assert (start, start + len(surface), row[2]) in placed, row
        contents = {q["content"]["text"] for q in record["quotes"]}
        for quote in table.get("quotes", []):
            surface = quote["content"] if isinstance(quote["content"], str) else quote["content"][0]
            assert unicodedata.normalize("NFC", surface) in contents


def test_references_point_at_existing_items() -> None:
    for record in _records():
        entity_ids = {e["id"] for e in record["entities"]}
        quote_ids = {q["id"] for q in record["quotes"]}
        event_ids = {v["id"] for v in record["events"]}
        for quote in record["quotes"]:
            assert quote["speaker"] in entity_ids | {"AUTHOR", None}
        for event in record["events"]:
            assert {a["entity"] for a in event["arguments"]} <= entity_ids
        for stance in record["stances"]:
            assert stance["holder"] in entity_ids | {"AUTHOR"}
            ((kind, ref),) = stance["target"].items()
            if kind == "topic":
                assert ref in build.load_schema().topics
            else:
                assert ref in {"entity": entity_ids, "event": event_ids}[kind]
            assert stance["evidence"] in quote_ids | {None}


def _known_names() -> set[str]:
    names = {_strip(e["text"]) for r in _records() for e in r["entities"]}
    return names | {_strip(name) for name, _ in _gazetteer()}


GENUINE_NAMES = frozenset({"وجدة"})
"""Names whose first letter looks like a proclitic before another known name, yet belongs to
them: وجدة (Oujda) is not و + جدة (Jeddah). Both cities are in the corpus (article 11 has
ووجدة, و + وجدة); the gazetteer lists وجدة as the evidence the proclitic rule needs."""


def _keeps_a_proclitic(name: str, known: set[str]) -> str | None:
    """The proclitic ``name`` wrongly keeps, judged by the names known without it."""
    name = _strip(name)
    if name in GENUINE_NAMES:
        return None
    for prefix in PROCLITIC_PREFIXES:
        rest = name[len(prefix) :]
        if not name.startswith(prefix) or not rest:
            continue
        if rest in known:
            return prefix
        if prefix.endswith("ل") and rest.startswith("ل") and "ا" + rest in known:
            return prefix  # لل: ل + ال with the alef elided
    return None


def test_no_entity_span_keeps_a_proclitic() -> None:
    known = _known_names()
    for record in _records():
        for entity in record["entities"]:
            assert _keeps_a_proclitic(entity["text"], known) is None, entity["text"]


def test_proclitic_check_catches_the_traps() -> None:
    known = _known_names()
    assert _keeps_a_proclitic("وموسكو", known) == "و"
    assert _keeps_a_proclitic("لواشنطن", known) == "ل"
    assert _keeps_a_proclitic("للأمم المتحدة", known) == "ل"
    assert _keeps_a_proclitic("ووجدة", known) == "و"  # و + وجدة, while وجدة itself is a name
    assert _keeps_a_proclitic("لجدة", known) == "ل"
    for name in ("بوتين", "كيري", "لافروف", "فرانسوا لوران", "واشنطن", "لبنان", "ليلى حداد",
                 "وجدة", "وارسو", "وهران", "ود مدني", "بنغازي", "كابول", "ليبيا", "بدر عبد العاطي"):
        assert _keeps_a_proclitic(name, known) is None, name


def test_gazetteer_names_occur_and_are_clean() -> None:
    corpus = _strip("\n".join(p.read_text(encoding="utf-8") for p in ARTICLES))
    rows = _gazetteer()
    assert 5 * len(ARTICLES) <= len(rows) <= 10 * len(ARTICLES)  # a few names an article
    known = _known_names()
    for name, label in rows:
        assert label in WOJOOD, label
        assert name == name.strip()
        assert _strip(name) in corpus, name
        assert _keeps_a_proclitic(name, known) is None, name


def test_the_corpus_holds_the_traps() -> None:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    words = set(re.findall(r"[\w\u064b-\u0652\u0670]+", corpus))  # \w leaves out marks
    for name in ("بوتين", "بايدن", "كيري", "لافروف", "فيصل", "واشنطن", "بغداد", "لندن", "كندا",
                 "وموسكو", "لواشنطن", "بباريس", "وبغداد", "فالرئيس", "والرياض", "كالجزائر",
                 "للأمم", "للبنان", "ببغداد", "وَقَالَ", "والقُدس", "الـقـاهرة", "مُنظَّمة",
                 "ووجدة", "وود", "ووارسو", "لبولندا", "بكابول", "ببنغازي", "لليبيا", "بوهران",
                 "بلندن", "للهلال", "للأردن", "وكربلاء", "بدر", "لويس", "عُمان"):  # fmt: skip
        assert unicodedata.normalize("NFC", name) in words, name
    assert "فرانسوا" in corpus
    assert "«" in corpus
    assert "»" in corpus
    assert re.search("[٠-٩]+٪", corpus)
    assert re.search(r"\d+%", corpus)
    assert "Emmanuel Macron" in corpus
    assert "NATO" in corpus
    assert "OPEC" in corpus
    assert any(ord(ch) > 0xFFFF for ch in corpus), "an emoji (two UTF-16 units)"
    assert "\u200c" in corpus, "a ZWNJ"
    assert "\u200e" in corpus or "\u200f" in corpus, "an LRM or RLM"


def _write_case(tmp_path: Path, entities: str) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / ARTICLES[0].name).write_bytes(ARTICLES[0].read_bytes())
    toml = tmp_path / "annotations.toml"
    toml.write_text(
        f'[[document]]\nfile = "{ARTICLES[0].name}"\nentities = [{entities}]\n', "utf-8"
    )
    return articles


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('["كابول", 0, "GPE"]', "occurrence"),
        ('["موسكو", 40, "GPE"]', "occurrence"),
        ('["وسكو", 0, "GPE"]', "starts inside a word"),
        ('["موسك", 0, "GPE"]', "ends inside a word"),
        ('["موسكو", 0, "CITY"]', "unknown label"),
        ('[" موسكو", 0, "GPE"]', "edge"),
    ],
)
def test_build_fails_loudly(tmp_path: Path, row: str, message: str) -> None:
    articles = _write_case(tmp_path, row)
    with pytest.raises(build.BuildError, match=message):
        build.build_records(articles, tmp_path / "annotations.toml")


def test_build_accepts_a_span_after_a_proclitic(tmp_path: Path) -> None:
    articles = _write_case(tmp_path, '["موسكو", 2, "GPE"]')  # بموسكو
    (record,) = build.build_records(articles, tmp_path / "annotations.toml")
    (entity,) = record["entities"]
    assert record["text"][entity["start"] - 1 : entity["end"]] == "بموسكو"
    assert record["status"] == "in-progress"
