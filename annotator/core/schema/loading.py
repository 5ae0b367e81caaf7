"""Entry points: parse TOML text or a file into a checked :class:`Schema`, list a file's
problems, and find the bundled default schema."""

from __future__ import annotations

import tomllib
from pathlib import Path

import regex

from annotator.core.resources import DEFAULT_SCHEMA, resource_path
from annotator.core.schema.definitions import Schema
from annotator.core.schema.problems import Problems, SchemaError, SchemaProblem
from annotator.core.schema.reader import Table
from annotator.core.schema.sections import (
    read_documents,
    read_entities,
    read_events,
    read_gazetteer,
    read_quotes,
    read_stance,
)

TOML_POSITION = regex.compile(r"\(at line (\d+), column (\d+)\)")


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, problems: Problems) -> None:
    """Report a TOML syntax error with the line tomllib names (or the last line)."""
    message = str(error)
    found = TOML_POSITION.search(message)
    line = int(found.group(1)) if found else max(1, text.count("\n") + 1)
    problems.add(f"line {line}", f"TOML syntax error: {message}", line)


def _collect(toml_text: str, source: str) -> tuple[Schema | None, list[SchemaProblem]]:
    """Parse and check; the schema is ``None`` whenever there is any problem."""
    problems = Problems(source)
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        _syntax_problem(error, toml_text, problems)
        return None, problems.items
    top = Table(data, "", problems)
    meta = top.table("schema", required=True)
    name = version = None
    description = ""
    if meta is not None:
        name = meta.string("name", required=True, nonempty=True)
        version = meta.integer("version", required=True, minimum=1)
        description = meta.string("description") or ""
        meta.finish()

    entities_table = top.table("entities", required=True)
    entities = read_entities(entities_table) if entities_table is not None else None
    labels = entities.labels if entities is not None else set()

    quotes = top.table("quotes")
    kinds, cues, speakers = read_quotes(quotes, labels) if quotes is not None else ((), (), ())
    stance = top.table("stance")
    stance_labels, topics, holders = (read_stance(stance, labels) if stance is not None
                                      else ((), {}, ()))
    events = top.table("events")
    event_types, event_attributes = (read_events(events, labels) if events is not None
                                     else ({}, {}))
    documents = top.table("documents")
    document_labels = read_documents(documents, bool(topics)) if documents is not None else {}
    gazetteer_table = top.table("gazetteer")
    gazetteer = read_gazetteer(gazetteer_table, labels) if gazetteer_table is not None else {}
    top.finish()

    if problems or name is None or version is None or entities is None:
        return None, problems.items
    schema = Schema(
        name=name, version=version, description=description,
        entity_types=entities.types, entity_attributes=entities.attributes,
        nesting=entities.nesting, quote_kinds=kinds, cue_verbs=cues,
        stance_labels=stance_labels, topics=topics, event_types=event_types,
        event_attributes=event_attributes, document_labels=document_labels,
        gazetteer=gazetteer, source_text=toml_text, speaker_types=speakers,
        holder_types=holders,
    )
    return schema, []


def parse_schema(toml_text: str, source: str = "<string>") -> Schema:
    """Parse and check a schema; ``source`` names it in messages. Raises :class:`SchemaError`
    listing every problem found (syntax, missing or unknown keys, wrong types, duplicate
    labels/colours/hotkeys, reserved hotkeys, bad colours or label syntax, empty or repeated
    roles, defaults outside their values, unknown document-label kinds, repeated topics,
    references to undeclared entity types)."""
    schema, problems = _collect(toml_text.removeprefix("\ufeff"), source)
    if schema is None:
        raise SchemaError(problems)
    return schema


def _read_text(path: Path, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add("", f"cannot read the file: {error.strerror or error}")
        return None
    if b"\x00" in data:
        problems.add("", "not a text file (it contains NUL bytes)")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add("", f"not UTF-8 text (byte {error.start}: {error.reason})")
        return None


def schema_file_problems(path: str | Path) -> list[SchemaProblem]:
    """Every problem of the schema file at ``path`` (empty when it loads)."""
    problems = Problems(str(path))
    text = _read_text(Path(path), problems)
    if text is None:
        return problems.items
    return _collect(text, str(path))[1]


def load_schema(path: str | Path) -> Schema:
    """Read a schema file (UTF-8, a BOM is tolerated); :class:`SchemaError` when it is
    unreadable or wrong."""
    problems = Problems(str(path))
    text = _read_text(Path(path), problems)
    if text is None:
        raise SchemaError(problems.items)
    return parse_schema(text, str(path))


def default_schema_path() -> Path:
    """The shipped default schema, ``annotator/resources/schema/default.toml`` (read through
    :mod:`annotator.core.resources`, so it is found in a checkout and in any install)."""
    return resource_path(DEFAULT_SCHEMA)
