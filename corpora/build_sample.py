"""Build ``annotator/resources/sample/sample.jsonl`` (shipped in the package) from
``corpora/articles/*.txt`` and ``corpora/annotations.toml``.

Usage::

    python corpora/build_sample.py            # (re)write sample.jsonl
    python corpora/build_sample.py --check    # exit 1 if sample.jsonl is out of date
    python corpora/build_sample.py --find 01-lavrov-faisal-moscow.txt بوتين
                                              # list the occurrences of a surface, with context

The annotations name every span by its *surface* (the exact text) and an *occurrence* index:
occurrence ``n`` is the ``n``-th (0-based) place where the surface appears as a plain substring of
the article, the way ``str.find`` would walk it. A span must sit on word edges: it may start
inside a word only right after attached proclitics (و ف ب ل ك and their pairs such as وب or
فل), which is how ``موسكو`` is taken out of ``وموسكو`` and ``لبنان`` out of ``للبنان``. Anything
else (a missing surface, an occurrence that is not there, a span that cuts a word, an unknown
label, role or reference) stops the build with a message naming the article.

Labels, quote kinds, stance labels and topics, event types, roles and the entity labels each
role accepts are checked against ``annotator/resources/schema/default.toml``. The output follows the
canonical JSON Lines format (``annotator/resources/canonical.schema.json``). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parent
ARTICLES = CORPORA / "articles"
ANNOTATIONS = CORPORA / "annotations.toml"
OUTPUT = CORPORA.parent / "annotator" / "resources" / "sample" / "sample.jsonl"
SCHEMA_FILE = CORPORA.parent / "annotator" / "resources" / "schema" / "default.toml"
SOURCE = "annotator sample corpus (original text)"

PROCLITIC_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
"""Attached conjunctions/prepositions a span may start right after (rule 6)."""

EDGE_JUNK = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\ufeff")
"""ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, BOM: never at a span edge (rule 7)."""

NAME_LABELS = frozenset(
    {"PERS", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "LANGUAGE", "WEBSITE"}
)
"""Labels whose mentions get ``{"mention": "NAM"}`` unless the annotation says otherwise."""

MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
DATE_LINE = re.compile(r"^(\S+) (\S+(?: \S+)?) (\S+)$")
DATELINE = re.compile(r"^(?P<place>[^()\n]+?) \((?P<agency>[^()\n]+)\) - ")

Ref = tuple[str, int]
"""A surface and its occurrence index."""


class BuildError(Exception):
    """A problem in the articles or the annotations; the message names the article."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article file: its stem (the document id), whole text, headline, date and dateline."""

    stem: str
    text: str
    title: str
    date: str
    dateline: str


@dataclass(frozen=True, slots=True)
class SchemaRules:
    """The parts of the label schema that the annotations are checked against."""

    name: str
    version: int
    entity_labels: frozenset[str]
    quote_kinds: frozenset[str]
    speaker_types: frozenset[str]
    stance_labels: frozenset[str]
    holder_types: frozenset[str]
    topics: frozenset[str]
    event_roles: dict[str, dict[str, frozenset[str] | None]]
    """Event type -> role -> accepted entity labels (``None``: any label)."""
    event_attributes: dict[str, frozenset[str]]
    document_labels: dict[str, frozenset[str]]


def load_schema(path: Path = SCHEMA_FILE) -> SchemaRules:
    """Read the label schema TOML (only the keys this script needs)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    events = data.get("events", {})
    defaults: dict[str, list[str]] = events.get("role_types", {})
    roles: dict[str, dict[str, frozenset[str] | None]] = {}
    for event_type in events.get("types", []):
        overrides: dict[str, list[str]] = event_type.get("role_types", {})
        per_role: dict[str, frozenset[str] | None] = {}
        for role in event_type["roles"]:
            accepted = overrides.get(role, defaults.get(role))
            per_role[role] = frozenset(accepted) if accepted is not None else None
        roles[event_type["label"]] = per_role
    return SchemaRules(
        name=data["schema"]["name"],
        version=int(data["schema"]["version"]),
        entity_labels=frozenset(t["label"] for t in data["entities"]["types"]),
        quote_kinds=frozenset(data["quotes"]["kinds"]),
        speaker_types=frozenset(data["quotes"]["speaker_types"]),
        stance_labels=frozenset(data["stance"]["labels"]),
        holder_types=frozenset(data["stance"]["holder_types"]),
        topics=frozenset(t["id"] for t in data["stance"].get("topics", [])),
        event_roles=roles,
        event_attributes={
            name: frozenset(spec["values"]) for name, spec in events.get("attributes", {}).items()
        },
        document_labels={
            name: frozenset(spec.get("values", []))
            for name, spec in data.get("documents", {}).get("labels", {}).items()
        },
    )


def parse_date(line: str, where: str) -> str:
    """``"12 مارس 2025"`` (Western or Arabic-Indic digits) -> ``"2025-03-12"``."""
    match = DATE_LINE.match(line.translate(DIGITS))
    if match is None or match.group(2) not in MONTHS:
        raise BuildError(f"{where}: line 2 is not a date like '12 مارس 2025': {line!r}")
    day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_article(path: Path) -> Article:
    """Read and check one article: strict UTF-8 without BOM, ``\\n`` newlines, NFC, layout."""
    where = path.name
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise BuildError(f"{where}: not UTF-8 ({err})") from err
    if text.startswith("\ufeff"):
        raise BuildError(f"{where}: starts with a BOM")
    if "\r" in text:
        raise BuildError(f"{where}: has \\r newlines")
    if unicodedata.normalize("NFC", text) != text:
        raise BuildError(f"{where}: is not NFC (import would change it and move the offsets)")
    lines = text.split("\n")
    if len(lines) < 4 or lines[2] != "":
        raise BuildError(f"{where}: expected headline, date, blank line, then paragraphs")
    dateline = DATELINE.match(lines[3])
    if dateline is None:
        raise BuildError(f"{where}: the first paragraph does not open with 'PLACE (AGENCY) - '")
    return Article(
        stem=path.stem,
        text=text,
        title=lines[0],
        date=parse_date(lines[1], where),
        dateline=dateline.group("place"),
    )


def is_word_char(ch: str) -> bool:
    """Letters (tatweel included), combining marks and digits make up words."""
    return unicodedata.category(ch)[0] in "LMN"


def span_problem(text: str, start: int, end: int) -> str | None:
    """Why ``[start, end)`` is not a clean span of ``text``, or ``None`` if it is."""
    if not 0 <= start < end <= len(text):
        return "is empty or outside the text"
    for edge in (text[start], text[end - 1]):
        if edge.isspace() or edge in EDGE_JUNK:
            return f"has U+{ord(edge):04X} at an edge"
    if unicodedata.category(text[start]).startswith("M"):
        return "starts on a combining mark"
    if end < len(text) and is_word_char(text[end]):
        return "ends inside a word"
    word_start = start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    prefix = text[word_start:start]
    if prefix and prefix not in PROCLITIC_PREFIXES:
        return f"starts inside a word (after {prefix!r}, which is not a proclitic)"
    return None


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of every (possibly overlapping) substring match of ``surface``."""
    found: list[int] = []
    at = text.find(surface)
    while at != -1:
        found.append(at)
        at = text.find(surface, at + 1)
    return found


def parse_ref(value: Any, where: str) -> Ref:
    """A reference is ``"surface"`` (occurrence 0) or ``["surface", n]``."""
    if isinstance(value, str) and value:
        return unicodedata.normalize("NFC", value), 0
    if (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and value[0]
        and isinstance(value[1], int)
        and value[1] >= 0
    ):
        return unicodedata.normalize("NFC", value[0]), value[1]
    raise BuildError(f'{where}: expected "surface" or ["surface", occurrence], got {value!r}')


def locate(article: Article, ref: Ref, what: str) -> tuple[int, int]:
    """Offsets of ``ref`` in the article; fails loudly if absent or not on word edges."""
    surface, index = ref
    starts = occurrences(article.text, surface)
    where = f"{article.stem}: {what} {surface!r} #{index}"
    if index >= len(starts):
        raise BuildError(f"{where}: found {len(starts)} occurrence(s) only")
    start = starts[index]
    problem = span_problem(article.text, start, start + len(surface))
    if problem is not None:
        raise BuildError(f"{where} at {start} {problem}")
    return start, start + len(surface)


def utf16_units(text: str, offset: int) -> int:
    """UTF-16 code units before code point ``offset`` (astral characters count two)."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def span_json(text: str, start: int, end: int) -> dict[str, Any]:
    """A canonical span object: offsets, its text and its UTF-16 offsets."""
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "utf16": [utf16_units(text, start), utf16_units(text, end)],
    }


def check_keys(
    table: dict[str, Any], allowed: set[str], where: str, required: tuple[str, ...] = ()
) -> None:
    """Reject misspelt keys instead of silently ignoring them, and missing required ones."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise BuildError(f"{where}: unknown key(s) {unknown}")
    missing = [key for key in required if key not in table]
    if missing:
        raise BuildError(f"{where}: missing key(s) {missing}")


class DocumentBuilder:
    """Resolves one article's annotations (a ``[[document]]`` table) into canonical JSON."""

    def __init__(self, article: Article, table: dict[str, Any], rules: SchemaRules) -> None:
        self.article = article
        self.table = table
        self.rules = rules
        self.where = article.stem
        self.entities: list[dict[str, Any]] = []
        self.quote_ids: set[str] = set()
        self.event_ids: set[str] = set()

    def entity_id(self, value: Any, what: str, labels: frozenset[str] | None = None) -> str:
        """The id of the annotated entity that sits exactly on the referenced span."""
        ref = parse_ref(value, f"{self.where}: {what}")
        start, end = locate(self.article, ref, what)
        hits = [e for e in self.entities if e["start"] == start and e["end"] == end]
        if len(hits) != 1:
            problem = "is not an annotated entity" if not hits else "matches several entities"
            raise BuildError(f"{self.where}: {what} {ref[0]!r} #{ref[1]} {problem}")
        if labels is not None and hits[0]["label"] not in labels:
            raise BuildError(
                f"{self.where}: {what} {ref[0]!r} is {hits[0]['label']}, expected one of "
                f"{sorted(labels)}"
            )
        return str(hits[0]["id"])

    def build_entities(self) -> None:
        """``[surface, occurrence, label]`` or ``[..., mention]`` rows, ids in text order."""
        found: dict[tuple[int, int, str], dict[str, Any]] = {}
        for row in self.table.get("entities", []):
            what = f"{self.where}: entity {row!r}"
            if not isinstance(row, list) or len(row) not in (3, 4):
                raise BuildError(f"{what}: expected [surface, occurrence, label(, mention)]")
            ref = parse_ref(row[:2], what)
            label = row[2]
            if label not in self.rules.entity_labels:
                raise BuildError(f"{what}: unknown label {label!r}")
            start, end = locate(self.article, ref, f"entity {label}")
            mention = row[3] if len(row) == 4 else ("NAM" if label in NAME_LABELS else None)
            if (start, end, label) in found:
                raise BuildError(f"{what}: annotated twice")
            found[(start, end, label)] = {
                "start": start,
                "end": end,
                "label": label,
                "text": self.article.text[start:end],
                "utf16": [utf16_units(self.article.text, o) for o in (start, end)],
                "attrs": {"mention": mention} if mention is not None else {},
            }
        ordered = sorted(found.values(), key=lambda e: (e["start"], -e["end"], e["label"]))
        self.entities = [{"id": f"e{n}", **e} for n, e in enumerate(ordered, start=1)]

    def build_quotes(self) -> list[dict[str, Any]]:
        """Quotes in listing order, which must also be reading order (ids q1, q2, ...)."""
        quotes: list[dict[str, Any]] = []
        for n, table in enumerate(self.table.get("quotes", []), start=1):
            what = f"quote q{n}"
            check_keys(
                table, {"content", "cue", "speaker", "kind"}, f"{self.where}: {what}", ("content",)
            )
            text = self.article.text
            content = locate(self.article, parse_ref(table["content"], what), f"{what} content")
            if quotes and content[0] < quotes[-1]["content"]["start"]:
                raise BuildError(f"{self.where}: {what} is listed out of reading order")
            cue = None
            if "cue" in table:
                cue = span_json(text, *locate(self.article, parse_ref(table["cue"], what), "cue"))
            speaker = table.get("speaker")
            if speaker is not None and speaker != "AUTHOR":
                speaker = self.entity_id(speaker, f"{what} speaker", self.rules.speaker_types)
            kind = table.get("kind", "direct")
            if kind not in self.rules.quote_kinds:
                raise BuildError(f"{self.where}: {what} has unknown kind {kind!r}")
            quotes.append(
                {
                    "id": f"q{n}",
                    "content": span_json(text, *content),
                    "cue": cue,
                    "speaker": speaker,
                    "kind": kind,
                }
            )
        self.quote_ids = {q["id"] for q in quotes}
        return quotes

    def build_events(self) -> list[dict[str, Any]]:
        """ACE events: type, trigger, ``[role, entity reference]`` arguments, attributes."""
        events: list[dict[str, Any]] = []
        for n, table in enumerate(self.table.get("events", []), start=1):
            what = f"event v{n}"
            check_keys(
                table,
                {"type", "trigger", "arguments", "attrs"},
                f"{self.where}: {what}",
                ("type", "trigger"),
            )
            roles = self.rules.event_roles.get(table.get("type", ""))
            if roles is None:
                raise BuildError(f"{self.where}: {what} has unknown type {table.get('type')!r}")
            trigger = locate(self.article, parse_ref(table["trigger"], what), f"{what} trigger")
            arguments = []
            for row in table.get("arguments", []):
                if not isinstance(row, list) or len(row) not in (2, 3) or row[0] not in roles:
                    raise BuildError(f"{self.where}: {what} argument {row!r}: bad row or role")
                ref = row[1] if len(row) == 2 else row[1:]
                entity = self.entity_id(ref, f"{what} {row[0]}", roles[row[0]])
                arguments.append({"role": row[0], "entity": entity})
            attrs: dict[str, Any] = table.get("attrs", {})
            for name, value in attrs.items():
                if value not in self.rules.event_attributes.get(name, frozenset()):
                    raise BuildError(f"{self.where}: {what} attribute {name}={value!r} unknown")
            events.append(
                {
                    "id": f"v{n}",
                    "type": table["type"],
                    "trigger": span_json(self.article.text, *trigger),
                    "arguments": arguments,
                    "attrs": dict(attrs),
                }
            )
        self.event_ids = {v["id"] for v in events}
        return events

    def build_stances(self) -> list[dict[str, Any]]:
        """Stances: holder (entity or AUTHOR), target (entity, event id or topic), evidence."""
        stances: list[dict[str, Any]] = []
        for n, table in enumerate(self.table.get("stances", []), start=1):
            what = f"stance s{n}"
            check_keys(
                table,
                {"holder", "target", "label", "evidence"},
                f"{self.where}: {what}",
                ("holder", "target", "label"),
            )
            holder = table["holder"]
            if holder != "AUTHOR":
                holder = self.entity_id(holder, f"{what} holder", self.rules.holder_types)
            target_table: dict[str, Any] = table["target"]
            if len(target_table) != 1:
                raise BuildError(f"{self.where}: {what} target must have exactly one key")
            ((kind, value),) = target_table.items()
            if kind == "entity":
                target = {"entity": self.entity_id(value, f"{what} target")}
            elif kind == "event" and value in self.event_ids:
                target = {"event": value}
            elif kind == "topic" and value in self.rules.topics:
                target = {"topic": value}
            else:
                raise BuildError(f"{self.where}: {what} target {target_table!r} is unknown")
            if table["label"] not in self.rules.stance_labels:
                raise BuildError(f"{self.where}: {what} has unknown label {table['label']!r}")
            evidence = table.get("evidence")
            if evidence is not None and evidence not in self.quote_ids:
                raise BuildError(f"{self.where}: {what} evidence {evidence!r} is not a quote id")
            stances.append(
                {
                    "id": f"s{n}",
                    "holder": holder,
                    "target": target,
                    "label": table["label"],
                    "evidence": evidence,
                }
            )
        return stances

    def build_labels(self) -> dict[str, Any]:
        """Document labels (e.g. ``topic``), checked against the schema's value lists."""
        labels: dict[str, Any] = dict(self.table.get("labels", {}))
        for name, value in labels.items():
            values = self.rules.document_labels.get(name)
            if values is None or (values and value not in values):
                raise BuildError(f"{self.where}: document label {name}={value!r} is unknown")
        return labels

    def record(self) -> dict[str, Any]:
        """The canonical JSON object, keys in the order the project's writer uses."""
        check_keys(
            self.table,
            {"file", "status", "labels", "entities", "quotes", "events", "stances"},
            self.where,
        )
        self.build_entities()
        quotes = self.build_quotes()
        events = self.build_events()
        stances = self.build_stances()
        annotated = bool(self.entities or quotes or events or stances)
        status = self.table.get("status", "in-progress" if annotated else "todo")
        if status not in ("todo", "in-progress", "done", "skipped"):
            raise BuildError(f"{self.where}: unknown status {status!r}")
        return {
            "id": self.article.stem,
            "text": self.article.text,
            "meta": {
                "date": self.article.date,
                "dateline": self.article.dateline,
                "source": SOURCE,
            },
            "status": status,
            "schema": {"name": self.rules.name, "version": self.rules.version},
            "title": self.article.title,
            "entities": self.entities,
            "quotes": quotes,
            "events": events,
            "stances": stances,
            "labels": self.build_labels(),
            "normalization": {"encoding": "utf-8", "bom": False, "newlines": 0, "nfc": False},
        }


def load_annotations(path: Path = ANNOTATIONS) -> dict[str, dict[str, Any]]:
    """The ``[[document]]`` tables of annotations.toml, keyed by article file name."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    check_keys(data, {"document"}, path.name)
    tables: dict[str, dict[str, Any]] = {}
    for table in data.get("document", []):
        name = table.get("file")
        if not isinstance(name, str) or name in tables:
            raise BuildError(f"{path.name}: document without a file, or listed twice: {name!r}")
        tables[name] = table
    return tables


def build_records(
    articles_dir: Path = ARTICLES, annotations: Path = ANNOTATIONS, schema: Path = SCHEMA_FILE
) -> list[dict[str, Any]]:
    """Every article, in file-name order, with its resolved annotations."""
    rules = load_schema(schema)
    tables = load_annotations(annotations)
    paths = sorted(articles_dir.glob("*.txt"))
    missing = sorted(set(tables) - {p.name for p in paths})
    if missing:
        raise BuildError(f"{annotations.name}: no article file for {missing}")
    return [
        DocumentBuilder(read_article(p), tables.get(p.name, {"file": p.name}), rules).record()
        for p in paths
    ]


def render(records: list[dict[str, Any]]) -> str:
    """JSON Lines text: one document per line, readable Arabic, the project writer's separators."""
    return "".join(
        json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n" for record in records
    )


def show_occurrences(article_file: str, surface: str) -> str:
    """Each occurrence of ``surface`` with its index, offsets, edge check and some context."""
    article = read_article(ARTICLES / article_file)
    surface = unicodedata.normalize("NFC", surface)
    lines = []
    for index, start in enumerate(occurrences(article.text, surface)):
        end = start + len(surface)
        problem = span_problem(article.text, start, end) or "ok"
        context = article.text[max(0, start - 25) : end + 25].replace("\n", " ")
        lines.append(f"#{index} [{start}, {end}) {problem}: …{context}…")
    return "\n".join(lines) or f"{surface!r} does not occur in {article_file}"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if sample.jsonl is stale")
    parser.add_argument("--find", nargs=2, metavar=("ARTICLE", "SURFACE"))
    args = parser.parse_args(argv)
    try:
        if args.find:
            print(show_occurrences(*args.find))
            return 0
        output = render(build_records())
    except BuildError as err:
        print(f"build_sample: {err}", file=sys.stderr)
        return 2
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != output:
            print(f"{OUTPUT.name} is out of date: run corpora/build_sample.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(output, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({output.count(chr(10))} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
