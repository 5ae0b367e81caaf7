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

import errno
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from annotator.core.checks import record_problems
from annotator.core.formats.brat_reader import read_brat
from annotator.core.formats.canonical_reader import read_canonical
from annotator.core.formats.detect import (
    BRAT_SUFFIX,
    FORMATS,
    JSON_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    detect_format,
    is_brat_text,
)
from annotator.core.formats.doccano_reader import read_doccano
from annotator.core.formats.own_exports import export_of_file, export_of_folder, is_export_file
from annotator.core.formats.plaintext_reader import parse_markdown, parse_plaintext
from annotator.core.formats.webpage_reader import parse_webpage
from annotator.core.model import DocumentRecord, InputError
from annotator.core.schema import Schema
from annotator.core.schema.extend import SchemaExtension
from annotator.core.text import read_text_file

Progress = Callable[[int, int], None]
"""``progress(done_bytes, total_bytes)``."""


class _Report(Protocol):
    doc_ids: list[int]
    duplicates: list[tuple[str | None, str]]


class ImportTarget(Protocol):
    """What the pipeline needs from a project."""

    @property
    def schema(self) -> Schema: ...

    def import_records(self, records: Iterable[DocumentRecord], *,
                       spans_checked: bool = False) -> Any: ...


@dataclass(slots=True)
class ImportResult:
    """What ``import_paths`` did.

    ``imported``: store ids of the new documents; ``duplicates``: (record source,
    external id of the stored document with the same text); ``bad``: every problem
    found (file, line, reason); ``files``: number of files read (a brat pair counts
    once); ``warnings``: things worth knowing that did not stop the import; ``skipped``:
    (path, reason) of symbolic links in a folder that were not followed.
    """

    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    bad: list[InputError] = field(default_factory=list)
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    schema_added: list[str] = field(default_factory=list)
    """With ``extend_schema``: what the import added to the schema (a new schema version)."""


@dataclass(frozen=True, slots=True)
class _Unit:
    """One thing to read: a file, or a brat .txt/.ann pair (``path`` is the .txt)."""

    path: Path
    fmt: str
    size: int


_SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": TEXT_SUFFIXES + MARKDOWN_SUFFIXES,
    "webpage": TEXT_SUFFIXES,
    "md": MARKDOWN_SUFFIXES,
    "canonical": JSON_SUFFIXES,
    "doccano": JSON_SUFFIXES,
    "brat": (BRAT_SUFFIX,),
}
_ALL_SUFFIXES = frozenset(s for group in _SUFFIXES.values() for s in group)


def _walk(folder: Path, wanted: frozenset[str], result: ImportResult) -> Iterator[Path]:
    """Files under ``folder`` with a ``wanted`` suffix, in sorted order, without hidden files
    and folders. Symbolic links that leave the folder, dangle or loop are not followed; they
    go to ``result.skipped`` as ``(path, reason)``. Linked folders are never walked (their
    inside is walked already, or they lead out). Our own exports inside: their report, card
    and manifest are left out (a warning says so), and one the import cannot read back is a
    problem in ``result.bad`` naming the formats to export instead (``own_exports``)."""
    skipped = result.skipped
    root = os.path.realpath(folder)
    for base, dirs, files in os.walk(folder):
        export = export_of_folder(Path(base))
        if export is not None and not export.readable:
            result.bad.append(InputError(base, export.refusal()))
            dirs[:] = []
            continue
        if export is not None:
            result.warnings.append(export.left_out())
        for name in sorted(dirs):
            if not name.startswith(".") and os.path.islink(os.path.join(base, name)):
                reason = link_problem(Path(base) / name, root)
                if reason is not None:
                    skipped.append((os.path.join(base, name), reason))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(base) / name
            if name.startswith(".") or path.suffix.lower() not in wanted:
                continue
            if is_export_file(path):
                if export is None:  # OUT.report.json beside a one-file export OUT
                    result.warnings.append(f"{path} is the report of an annotator export, "
                                           "not a document; left out")
                continue
            reason = link_problem(path, root)
            if reason is not None:
                skipped.append((str(path), reason))
                continue
            yield path


def link_problem(path: Path, root: str) -> str | None:
    """Why ``path`` must not be read as part of the folder ``root`` (a resolved path): a
    symbolic link (itself or a folder on its way) leading outside ``root``, to nothing, or
    round in a loop; None when it resolves inside ``root``."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop; not followed"
        return "symbolic link to nothing; not followed" if os.path.islink(path) else None
    if os.path.commonpath([root, target]) != root:
        return f"symbolic link to {target}, outside the imported folder; not followed"
    return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _units(
    paths: Iterable[str | os.PathLike[str]], fmt: str, result: ImportResult
) -> list[_Unit]:
    """Resolve paths to units; problems with the paths themselves go to ``result.bad``."""
    units: list[_Unit] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        root: str | None = None
        if path.is_dir():
            root = os.path.realpath(path)
            wanted = _ALL_SUFFIXES if fmt == "auto" else frozenset(_SUFFIXES[fmt])
            candidates = list(_walk(path, wanted, result))
        elif path.is_file() and is_export_file(path):
            result.warnings.append(f"{path} is a file of an annotator export, not a "
                                   "document; left out")
            continue
        elif path.is_file():
            candidates = [path]
        else:
            result.bad.append(InputError(str(path), "no such file or folder"))
            continue
        for file in candidates:
            own = export_of_file(file)
            if own is None and root is None:  # a file named on its own: its folder's export
                own = export_of_folder(file.parent)
            if own is not None and not own.readable:
                result.bad.append(InputError(str(file), own.refusal()))
                continue
            unit = _unit(file, fmt, result)
            if unit is None or (root is not None and _partner_outside(unit, root, result)):
                continue
            key = os.path.realpath(unit.path)
            if key not in seen:
                seen.add(key)
                units.append(unit)
    return units


def _partner_outside(unit: _Unit, root: str, result: ImportResult) -> bool:
    """True (and reported in ``result.skipped``) when the .ann or .txt of a brat pair found in
    a folder is a link leading out of it (the walk checked only the file it found)."""
    if unit.fmt != "brat":
        return False
    for part in (unit.path, unit.path.with_suffix(BRAT_SUFFIX)):
        reason = link_problem(part, root)
        if reason is not None:
            if (str(part), reason) not in result.skipped:
                result.skipped.append((str(part), reason))
            return True
    return False


def _unit(file: Path, fmt: str, result: ImportResult) -> _Unit | None:
    """The unit of one file (None, with the problem in ``result.bad``, if it cannot be read)."""
    suffix = file.suffix.lower()
    if fmt == "brat" or (fmt == "auto" and suffix == BRAT_SUFFIX):
        txt = file.with_suffix(".txt") if suffix == BRAT_SUFFIX else file
        ann = txt.with_suffix(BRAT_SUFFIX)
        if not txt.is_file() or not ann.is_file():
            result.bad.append(InputError(str(file), "a brat document needs both "
                                         f"{txt.name} and {ann.name}"))
            return None
        return _Unit(txt, "brat", _size(txt) + _size(ann))
    if fmt != "auto":
        return _Unit(file, fmt, _size(file))
    if is_brat_text(file):
        return _unit(file.with_suffix(BRAT_SUFFIX), "brat", result)
    if suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
        return _Unit(file, "txt", _size(file))  # web page or not: decided on the text read
    try:
        detected = detect_format(file)
    except InputError as exc:
        result.bad.append(exc)
        return None
    if detected == "brat":
        return _unit(file.with_suffix(BRAT_SUFFIX), "brat", result)
    return _Unit(file, detected, _size(file))


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
    unit: _Unit, schema: Schema, offsets: Literal["utf16", "codepoint"],
    warn: Callable[[str], None], on_bytes: Callable[[int], None],
) -> Iterator[DocumentRecord | InputError]:
    """Records and problems of one unit, in file order."""
    path = unit.path
    if unit.fmt == "canonical":
        yield from read_canonical(path, warn, on_bytes)
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
) -> ImportResult:
    """Import files and folders into ``project``, all or nothing (see the module docstring).

    ``fmt`` is ``"auto"`` or one of ``FORMATS``; ``offsets`` is the unit of doccano
    offsets. Returns an ``ImportResult``; when ``bad`` is not empty and ``skip_bad`` is
    false, nothing was imported. With ``extend_schema`` the labels, kinds, topics, event
    types and roles the records use and the schema lacks are added to it (a new schema
    version stored just before the records; ``schema_added`` says what) instead of being
    refused.
    """
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (auto, {', '.join(FORMATS)})")
    if offsets not in ("utf16", "codepoint"):
        raise ValueError(f"unknown offset unit {offsets!r} (utf16 or codepoint)")
    result = ImportResult()
    units = _units(paths, fmt, result)
    total = sum(unit.size for unit in units)
    done = 0

    def on_bytes(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(done, total), total)

    schema = project.schema
    if not skip_bad and not extend_schema:  # the usual case: stream, constant memory
        _stream_import(project, _checked_records(units, schema, result, offsets, on_bytes),
                       result)
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
        for item in _read_unit(unit, schema, offsets, result.warnings.append, on_bytes):
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


_MOVER_FORMATS = frozenset({"canonical", "doccano", "brat"})
"""Formats whose readers check every span they make (``SpanMover``): ``record_problems``
does not check those spans again."""


class _RefusedError(Exception):
    """Raised by the record stream once every file is read, when any problem was found: it
    rolls back the import transaction the records were streaming into."""


def _checked_records(
    units: list[_Unit], schema: Schema, result: ImportResult,
    offsets: Literal["utf16", "codepoint"], on_bytes: Callable[[int], None],
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

        for item in _read_unit(unit, schema, offsets, result.warnings.append, counted):
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


_LINE_FORMATS = frozenset({"canonical", "doccano"})
"""JSON Lines formats: one document per line, so ``skip_bad`` leaves out bad lines, not files."""


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
    result.imported = list(report.doc_ids)
    from annotator.core.store.search import SearchIndexMixin

    if isinstance(project, SearchIndexMixin):  # the concordance index, after the import commits
        project.ensure_search_index()
    result.duplicates = [(source or "?", existing) for source, existing in report.duplicates]
