"""Generate the malformed-input corpus of the reliability tests (at test time, into a folder;
nothing here is ever committed as a file).

``make_bad_inputs(folder)`` writes each case into its own sub-folder and returns
:class:`BadInput` descriptions: what to pass to ``annotator import`` (or ``schema check``),
and a fragment the one-line message must contain. ``python -m tests.reliability.make_bad_inputs
FOLDER`` writes them for a look by hand.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEXT = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
VOCALIZED = "قَالَ الرَّئِيسُ بُوتِينُ إِنَّ رُوسِيَا تَدْعَمُ الحَلَّ."
EMOJI = "رسالة 😀 من موسكو"
BIG_LINE_BYTES = 50 * 1024 * 1024
NAME_START = TEXT.index("بوتين")
NAME_END = NAME_START + len("بوتين")
T1 = f"T1\tPERS {NAME_START} {NAME_END}\t"
"""The start of a brat text-bound line for the name in TEXT."""


@dataclass(frozen=True, slots=True)
class BadInput:
    """One malformed input: ``paths`` to import (``kind="import"``) or a schema file to load
    (``kind="schema"``); ``expect`` must appear in the message (lower-cased comparison)."""

    name: str
    kind: str
    paths: tuple[Path, ...]
    expect: str
    fmt: str = "auto"


def canonical(**overrides: Any) -> dict[str, Any]:
    """A valid canonical record, with some fields replaced."""
    record: dict[str, Any] = {"id": "d1", "text": TEXT, "title": "t", "status": "todo",
                              "entities": [{"id": "e1", "start": NAME_START,
                                            "end": NAME_END, "label": "PERS"}]}
    record.update(overrides)
    return record


def jsonl(*records: Any) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entity(start: int, end: int, label: str = "PERS", eid: str = "e1") -> dict[str, Any]:
    return {"id": eid, "start": start, "end": end, "label": label}


_Files = dict[str, bytes]
_CASES: list[tuple[str, str, Callable[[], _Files], str]] = []


def case(name: str, expect: str, kind: str = "import") -> Callable[[Callable[[], _Files]],
                                                                     Callable[[], _Files]]:
    def register(make: Callable[[], _Files]) -> Callable[[], _Files]:
        _CASES.append((name, kind, make, expect))
        return make
    return register


# -- text files ------------------------------------------------------------------------------

case("binary-named-txt", "binary")(lambda: {"a.txt": bytes(range(256)) * 64})
case("png-named-txt", "binary")(lambda: {"a.txt": b"\x89PNG\r\n\x1a\n" + b"\0" * 512})
case("truncated-utf8", "")(lambda: {"a.txt": TEXT.encode("utf-8")[:-1] + b"\xd9"})
case("mixed-utf8-and-1256", "")(
    lambda: {"a.txt": TEXT.encode("utf-8") + b"\n" + TEXT.encode("cp1256")})
case("utf16-without-bom", "")(lambda: {"a.txt": TEXT.encode("utf-16-le")})
case("utf16-bom-odd-length", "")(lambda: {"a.txt": b"\xff\xfe" + TEXT.encode("utf-16-le")
                                          + b"\x00"})
case("nul-bytes-in-text", "")(lambda: {"a.txt": TEXT.encode() + b"\0\0\0" + TEXT.encode()})
case("empty-file", "no text")(lambda: {"a.txt": b""})
case("only-whitespace", "no text")(lambda: {"a.txt": " \n\t\n\u200f\n".encode()})
case("only-bom", "no text")(lambda: {"a.txt": b"\xef\xbb\xbf"})
case("empty-markdown", "no text")(lambda: {"a.md": b"\n\n"})
case("50mb-single-line-binary", "binary")(
    lambda: {"a.txt": b"\xd8\xa7" * (BIG_LINE_BYTES // 2) + b"\x00"})

# -- canonical JSONL ------------------------------------------------------------------------

case("broken-json-line", ":2")(lambda: {"a.jsonl": jsonl(canonical(), '{"id": "d2", "text": ')})
case("json-not-an-object", ":1")(lambda: {"a.jsonl": jsonl([1, 2, 3])})
case("missing-text", ":1")(lambda: {"a.jsonl": jsonl({"id": "d1", "title": "x",
                                                      "entities": []})})
case("text-not-a-string", ":1")(lambda: {"a.jsonl": jsonl(canonical(text=42))})
case("span-out-of-range", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    entities=[_entity(NAME_START, 9999)]))})
case("span-negative", ":1")(lambda: {"a.jsonl": jsonl(canonical(entities=[_entity(-3, 4)]))})
case("span-reversed", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    entities=[_entity(NAME_END, NAME_START)]))})
case("span-empty", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    entities=[_entity(NAME_START, NAME_START)]))})
case("span-float-offsets", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    entities=[_entity(NAME_START + 0.5, NAME_END)]))})  # type: ignore[arg-type]
case("span-splits-tashkeel", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    text=VOCALIZED, entities=[_entity(0, 1)]))})
case("canonical-json-array-file", ":1")(lambda: {"a.jsonl": b"[" + jsonl(canonical())[:-1]
                                                 + b"]\n"})
case("span-splits-surrogate-pair-utf16", ":1")(lambda: {"a.jsonl": jsonl(canonical(
    text=EMOJI, entities=[{**_entity(0, 5), "utf16": [0, 7]}]))})
case("label-not-in-schema", "label")(lambda: {"a.jsonl": jsonl(canonical(
    entities=[_entity(NAME_START, NAME_END, "ALIEN")]))})
case("unknown-status", ":1")(lambda: {"a.jsonl": jsonl(canonical(status="finished"))})
case("dangling-quote-speaker", ":1")(lambda: {"a.jsonl": jsonl(canonical(quotes=[
    {"id": "q1", "content": {"start": 36, "end": 62}, "speaker": "e99", "kind": "direct"}]))})
case("dangling-event-argument", ":1")(lambda: {"a.jsonl": jsonl(canonical(events=[
    {"id": "v1", "type": "Contact:Meet", "trigger": {"start": 0, "end": 3},
     "arguments": [{"role": "Entity", "entity": "e42"}]}]))})
case("dangling-stance-evidence", ":1")(lambda: {"a.jsonl": jsonl(canonical(stances=[
    {"id": "s1", "holder": "e1", "target": {"topic": "nope-topic"}, "label": "FAVOR",
     "evidence": "q77"}]))})
case("duplicate-annotation-ids", ":1")(lambda: {"a.jsonl": jsonl(canonical(entities=[
    _entity(NAME_START, NAME_END), _entity(0, 3)]))})
case("good-then-bad-line", ":3")(lambda: {"a.jsonl": jsonl(
    canonical(), canonical(id="d2", text=TEXT + " 2"), canonical(id="d3", entities="oops"))})
case("50mb-single-jsonl-line", ":1")(lambda: {"a.jsonl": b'{"id": "big", "text": "'
                                              + b"\xd8\xa7" * (BIG_LINE_BYTES // 2)
                                              + b'", "entities": [\n'})
case("json-nested-100000-levels", "nested more than")(lambda: {"a.jsonl": (
    '{"id": "d1", "text": "' + TEXT + '", "meta": ' + "[" * 100_000 + "]" * 100_000
    + "}\n").encode()})

# -- doccano --------------------------------------------------------------------------------

case("doccano-offset-out-of-range", ":1", )(lambda: {"a.jsonl": jsonl(
    {"text": TEXT, "label": [[NAME_START, 500, "PERS"]]})})
case("doccano-offset-in-surrogate-pair", ":1")(lambda: {"a.jsonl": jsonl(
    {"text": EMOJI, "label": [[7, 12, "PERS"]]})})
case("doccano-label-not-in-schema", ":1")(lambda: {"a.jsonl": jsonl(
    {"text": TEXT, "label": [[NAME_START, NAME_END, "ALIEN"]]})})
case("doccano-bad-label-shape", ":1")(lambda: {"a.jsonl": jsonl(
    {"text": TEXT, "label": [["x", None]]})})

# -- brat -----------------------------------------------------------------------------------

case("brat-offset-out-of-range", "a.ann")(lambda: {
    "a.txt": TEXT.encode(), "a.ann": f"T1\tPERS {NAME_START} 999\tx\n".encode()})
case("brat-text-mismatch", "a.ann")(lambda: {"a.txt": TEXT.encode(),
                                           "a.ann": (T1 + "موسكو\n").encode()})
case("brat-garbage-line", "a.ann")(lambda: {"a.txt": TEXT.encode(),
                                          "a.ann": b"T1 PERS nineteen\n"})
case("brat-unknown-label", "alien")(lambda: {"a.txt": TEXT.encode(),
                                           "a.ann": (T1.replace("PERS", "ALIEN")
                                                    + "بوتين\n").encode()})
case("brat-dangling-event-ref", "a.ann")(lambda: {
    "a.txt": TEXT.encode(),
    "a.ann": (T1 + "بوتين\nE1\tContact:Meet:T9 Entity:T1\n").encode()})
case("brat-duplicate-id", "duplicate id t1 (first at line 1)")(lambda: {
    "a.txt": TEXT.encode(), "a.ann": (T1 + "بوتين\n" + T1 + "بوتين\n").encode()})
case("brat-ann-not-utf8", "a.ann")(lambda: {"a.txt": TEXT.encode(),
                                          "a.ann": T1.encode() + b"\xff\xfe\xfa\n"})

# -- schema files ---------------------------------------------------------------------------

case("schema-not-toml", "schema.toml", "schema")(lambda: {"schema.toml": b"[schema\nname="})
case("schema-no-entities", "schema.toml", "schema")(lambda: {
    "schema.toml": b'[schema]\nname = "x"\nversion = 1\n'})
case("schema-duplicate-hotkey", "schema.toml", "schema")(lambda: {"schema.toml": (
    b'[schema]\nname = "x"\nversion = 1\n[entities]\n'
    b'[[entities.types]]\nname = "PERS"\ncolor = "#ff0000"\nhotkey = "p"\n'
    b'[[entities.types]]\nname = "ORG"\ncolor = "#00ff00"\nhotkey = "p"\n')})
case("schema-bad-color", "schema.toml", "schema")(lambda: {"schema.toml": (
    b'[schema]\nname = "x"\nversion = 1\n[entities]\n'
    b'[[entities.types]]\nname = "PERS"\ncolor = "red-ish"\nhotkey = "p"\n')})
case("schema-binary", "schema.toml", "schema")(lambda: {"schema.toml": bytes(range(256))})
case("schema-wrong-types", "schema.toml", "schema")(lambda: {"schema.toml": (
    b'[schema]\nname = 5\nversion = "one"\nentities = 3\n')})


def make_bad_inputs(folder: Path) -> list[BadInput]:
    """Write every case under ``folder``; return their descriptions."""
    made: list[BadInput] = []
    for name, kind, make, expect in _CASES:
        where = folder / name
        where.mkdir(parents=True, exist_ok=True)
        files = make()
        for file_name, data in files.items():
            (where / file_name).write_bytes(data)
        if kind == "schema":
            paths: tuple[Path, ...] = (where / "schema.toml",)
        elif "a.ann" in files:
            paths = (where / "a.txt",)
        else:
            paths = tuple(where / f for f in files)
        made.append(BadInput(name, kind, paths, expect.lower()))
    return made


if __name__ == "__main__":
    for item in make_bad_inputs(Path(sys.argv[1])):
        print(item.name, item.kind, *item.paths)
