"""The import pipeline: files and folders in, one all-or-nothing store transaction out.

``import_paths`` walks the given paths (folders sorted, hidden files and folders
skipped, symbolic links leading out of a folder not followed but listed), picks the
format of each file (``detect_format``, or the one given), parses it lazily, checks
every record against the project's schema (``record_problems``) and collects every problem
with its file and line. Then:

* without ``skip_bad``, any problem means nothing is imported: the project is left
  exactly as it was and ``ImportResult.bad`` lists the problems;
* with ``skip_bad``, the files with problems are left out (and listed) and the records
  of the good files go in; in JSON Lines files (one document per line) only the bad lines
  are left out, unless a problem concerns the whole file (a read that stopped).

The good records are handed to ONE ``project.import_records`` call (one transaction).
Without ``skip_bad`` and ``extend_schema`` (the usual case) they are streamed
into it as they are read and checked, so memory does not grow with the input: the first
problem stops the records going in, the rest is still read for its problems, and the
transaction is rolled back at the end (issue 12). docs/IMPORT.md describes the whole
process for users.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, Protocol

from annotator.core.checks import record_problems
from annotator.core.formats.brat_reader import read_brat
from annotator.core.formats.canonical_reader import read_canonical
from annotator.core.formats.detect import (
    FORMATS,
    MARKDOWN_SUFFIXES,
)
from annotator.core.formats.doccano_reader import read_doccano
from annotator.core.formats.peer_readers import PEER_FORMATS, read_peer
from annotator.core.formats.plaintext_reader import parse_markdown, parse_plaintext
from annotator.core.formats.read_options import ReadOptions, rename_labels
from annotator.core.formats.webpage_reader import parse_webpage
from annotator.core.import_files import ImportResult, Unit, file_units
from annotator.core.model import DocumentRecord, InputError
from annotator.core.schema import Schema
from annotator.core.schema.extend import SchemaExtension
from annotator.core.text import read_text_file

Progress = Callable[[int, int], None]
"""``progress(done_bytes, total_bytes)``."""


class _Report(Protocol):
    doc_ids: list[int]
    duplicates: list[tuple[str | None, str]]
    layered: list[tuple[str | None, str]]
    counts: dict[str, int]


class ImportTarget(Protocol):
    """What the pipeline needs from a project."""

    @property
    def schema(self) -> Schema: ...

    def import_records(self, records: Iterable[DocumentRecord], *,
                       spans_checked: bool = False) -> Any: ...


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u2060"
                                  "\u202a\u202b\u202c\u202d\u202e"
                                  "\u2066\u2067\u2068\u2069\ufeff"))


def has_visible_text(text: str) -> bool:
    """False for a text made only of whitespace, zero-width characters and bidi controls
    (such a file is refused as having no text, like an empty one)."""
    return bool(text.translate(_INVISIBLE).strip())


def _origin(record: DocumentRecord, fallback: Path) -> tuple[str, int | None]:
    """File and line of a record, from its ``source`` (``path`` or ``path:line``)."""
    source = record.source or str(fallback)
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return source, None


def _read_unit(
    unit: Unit, schema: Schema, offsets: Literal["utf16", "codepoint"],
    warn: Callable[[str], None], on_bytes: Callable[[int], None],
    options: ReadOptions | None = None, columns: bool = False,
) -> Iterator[DocumentRecord | InputError]:
    """Records and problems of one unit, in file order, labels renamed by ``--map``.
    ``columns``: records that go straight to the store may hold plain entities as
    ``entity_columns`` (issue 12; not with ``--map``, which renames entity objects)."""
    options = options or ReadOptions()
    items = _read_format(unit, schema, offsets, warn, on_bytes, options,
                         columns and not options.label_map)
    if not options.label_map:
        yield from items
        return
    for item in items:
        yield item if isinstance(item, InputError) else rename_labels(item, options.label_map)


def _read_format(
    unit: Unit, schema: Schema, offsets: Literal["utf16", "codepoint"],
    warn: Callable[[str], None], on_bytes: Callable[[int], None], options: ReadOptions,
    columns: bool = False,
) -> Iterator[DocumentRecord | InputError]:
    path = unit.path
    if unit.fmt in PEER_FORMATS:
        yield from read_peer(path, unit.fmt, schema, options, warn, on_bytes)
        return
    if unit.fmt == "canonical":
        yield from read_canonical(path, warn, on_bytes, columns=columns)
        return
    if unit.fmt == "doccano":
        yield from read_doccano(path, offsets, warn, on_bytes)
        return
    if unit.fmt == "brat":
        roles = {name: et.roles for name, et in schema.event_types.items()}
        record, errors = read_brat(path, None, roles, warn)
        on_bytes(unit.size)
        if record is not None:
            yield record
        yield from errors
        return
    try:
        text, info = read_text_file(path)
    except InputError as exc:
        yield exc
        return
    on_bytes(unit.size)
    if not has_visible_text(text):
        yield InputError(str(path), "the file has no text")
        return
    if info.get("fallback"):
        for note in info.get("notes", []):
            warn(f"{path}: {note}")
    if unit.fmt == "md" or (unit.fmt == "txt" and path.suffix.lower() in MARKDOWN_SUFFIXES):
        yield parse_markdown(text, str(path), info, path.stem)
        return
    page = parse_webpage(text, str(path), info)
    if page is not None:
        yield page
        return
    if unit.fmt == "webpage":
        warn(f"{path}: not recognised as a web page copy; imported as plain text")
    yield parse_plaintext(text, str(path), info, path.stem)


def import_paths(
    project: ImportTarget,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str = "auto",
    offsets: Literal["utf16", "codepoint"] = "utf16",
    skip_bad: bool = False,
    progress: Progress | None = None,
    extend_schema: bool = False,
    options: ReadOptions | None = None,
) -> ImportResult:
    """Import files and folders into ``project``, all or nothing (see the module docstring).

    ``fmt`` is ``"auto"`` or one of ``FORMATS``; ``offsets`` is the unit of doccano
    offsets. Returns an ``ImportResult``; when ``bad`` is not empty and ``skip_bad`` is
    false, nothing was imported. With ``extend_schema`` the labels, kinds, topics, event
    types and roles the records use and the schema lacks are added to it (a new schema
    version stored just before the records; ``schema_added`` says what) instead of being
    refused. ``options`` are the peer readers' (``--map``, tag scheme, document split,
    label list, WebAnno mapping: ``formats/read_options.py``).
    """
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (auto, {', '.join(FORMATS)})")
    if offsets not in ("utf16", "codepoint"):
        raise ValueError(f"unknown offset unit {offsets!r} (utf16 or codepoint)")
    result = ImportResult()
    units = file_units(paths, fmt, result)
    total = sum(unit.size for unit in units)
    done = 0

    def on_bytes(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(done, total), total)

    schema = project.schema
    if not skip_bad and not extend_schema:  # the usual case: stream, constant memory
        _stream_import(project, _checked_records(units, schema, result, offsets, on_bytes,
                                                 options), result)
        return result
    extension = SchemaExtension(schema) if extend_schema else None
    records: list[DocumentRecord] = []
    for unit in units:
        result.files += 1
        start = done
        file_records: list[DocumentRecord] = []
        problems: list[InputError] = []
        by_line = skip_bad and unit.fmt in _LINE_FORMATS
        checked = unit.fmt in _MOVER_FORMATS
        for item in _read_unit(unit, schema, offsets, result.warnings.append, on_bytes,
                               options):
            if isinstance(item, InputError):
                problems.append(item)
                continue
            path, line = _origin(item, unit.path)
            if extension is not None:
                extension.add(item)
                schema = extension.schema
            reasons = record_problems(item, schema, spans_checked=checked)
            problems.extend(InputError(path, reason, line) for reason in reasons)
            if by_line or (not problems and (skip_bad or not result.bad)):
                file_records.append(item)
        on_bytes(max(0, start + unit.size - done))
        result.bad.extend(problems)
        records.extend(_good_records(file_records, problems, by_line, unit.path))
    if result.bad and not skip_bad:
        return result
    if records:
        if extension is not None and extension.added and not _extend(project, extension, result):
            return result
        _store(project, records, result)
    return result


_MOVER_FORMATS = frozenset({"canonical", "doccano", "brat", *PEER_FORMATS})
"""Formats whose readers check every span they make (``SpanMover``): ``record_problems``
does not check those spans again."""


class _RefusedError(Exception):
    """Raised by the record stream once every file is read, when any problem was found: it
    rolls back the import transaction the records were streaming into."""


def _checked_records(
    units: list[Unit], schema: Schema, result: ImportResult,
    offsets: Literal["utf16", "codepoint"], on_bytes: Callable[[int], None],
    options: ReadOptions | None = None,
) -> Iterator[DocumentRecord]:
    """The records of every unit, checked, in order, as long as no problem was found; after
    the first problem the rest is still read and checked (every problem is reported) but no
    record is yielded, and the stream ends by raising ``_RefusedError``. Nothing is kept."""
    for unit in units:
        result.files += 1
        checked = unit.fmt in _MOVER_FORMATS
        start = done = 0

        def counted(count: int) -> None:
            nonlocal done
            done += count
            on_bytes(count)

        for item in _read_unit(unit, schema, offsets, result.warnings.append, counted,
                               options, columns=True):
            if isinstance(item, InputError):
                result.bad.append(item)
                continue
            reasons = record_problems(item, schema, spans_checked=checked)
            if reasons:
                path, line = _origin(item, unit.path)
                result.bad.extend(InputError(path, reason, line) for reason in reasons)
            elif not result.bad:
                yield item
        on_bytes(max(0, start + unit.size - done))
    if result.bad:
        raise _RefusedError


def _stream_import(project: ImportTarget, records: Iterator[DocumentRecord],
                   result: ImportResult) -> None:
    """Hand the stream to the one ``import_records`` call (nothing at all when the stream
    has no record: no empty import is journaled)."""
    try:
        first = next(records, None)
    except _RefusedError:
        return
    if first is None:
        return
    try:
        _store(project, itertools.chain((first,), records), result)
    except _RefusedError:
        return


def _extend(project: ImportTarget, extension: SchemaExtension, result: ImportResult) -> bool:
    """Store the grown schema as a new version (False, with the reason in ``result.bad``,
    when the project refuses it)."""
    from annotator.core.store.errors import ProjectError
    from annotator.core.store.schema_change import SchemaChangeMixin

    if not isinstance(project, SchemaChangeMixin):
        raise TypeError("extend_schema needs a project that stores schema versions")
    try:
        project.apply_schema(extension.schema.to_toml())
    except ProjectError as exc:
        result.bad.append(InputError("schema", exc.message))
        return False
    result.schema_added = list(extension.added)
    return True


_LINE_FORMATS = frozenset({"canonical", "doccano", "label-studio", "conll", "spacy", "hf-tokens",
                           "events", "quotes"})
"""Formats of many documents per file, each starting at its own line (or, for a DocBin or a
Parquet file, numbered): ``skip_bad`` leaves out bad documents, not files."""


def _good_records(
    records: list[DocumentRecord], problems: list[InputError], by_line: bool, path: Path
) -> list[DocumentRecord]:
    """The records of one file that go in: all of them when it has no problem; with ``by_line``
    those whose line has none (a problem without a line, e.g. a read that stopped, drops the
    whole file); otherwise none."""
    if not problems:
        return records
    lines = {problem.line for problem in problems}
    if not by_line or None in lines:
        return []
    return [record for record in records if _origin(record, path)[1] not in lines]


def _store(project: ImportTarget, records: Iterable[DocumentRecord],
           result: ImportResult) -> None:
    """The single ``import_records`` call; a store refusal leaves nothing imported. Every
    span of ``records`` was checked already (by its reader or by ``record_problems``)."""
    from annotator.core.store.errors import ProjectError

    try:
        report: _Report = project.import_records(records, spans_checked=True)
    except ProjectError as exc:
        result.bad.append(InputError("import", exc.message))
        undo = getattr(project, "undo", None)
        if result.schema_added and undo is not None:
            undo()  # the schema version stored for these records goes too
            result.schema_added = []
        return
    result.imported = list(report.doc_ids)  # (the concordance index follows at the first search)
    result.duplicates = [(source or "?", existing) for source, existing in report.duplicates]
    result.layered = [(source or "?", existing) for source, existing in report.layered]
    result.suggestions = report.counts.get("recommender_suggestions", 0)


__all__ = ["ImportResult", "ImportTarget", "has_visible_text", "import_paths"]
