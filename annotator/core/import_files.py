"""Which files an import reads: folders walked (sorted, hidden files and folders skipped,
symbolic links leading out not followed but listed), each file's format, brat pairs, our own
exports recognised; and :class:`ImportResult`, what an import did. The pipeline that reads
them is :mod:`annotator.core.importing`."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats.detect import (
    BRAT_SUFFIX,
    CONLL_SUFFIXES,
    HF_SIDE_FILES,
    JSON_SUFFIXES,
    MARKDOWN_SUFFIXES,
    PARQUET_SUFFIXES,
    SPACY_SUFFIXES,
    TEXT_SUFFIXES,
    WEBANNO_SUFFIXES,
    detect_format,
    is_brat_text,
    is_webanno,
)
from annotator.core.formats.own_exports import export_of_file, export_of_folder, is_export_file
from annotator.core.model import InputError


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
    layered: list[tuple[str, str]] = field(default_factory=list)
    """(record source, external id of the document already there that got the importing
    annotator's layer: ``Project.adding_layers``)."""
    bad: list[InputError] = field(default_factory=list)
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    schema_added: list[str] = field(default_factory=list)
    """With ``extend_schema``: what the import added to the schema (a new schema version)."""
    suggestions: int = 0
    """Suggestions stored from other tools' predictions (Label Studio's ``predictions``)."""


@dataclass(frozen=True, slots=True)
class Unit:
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
    "label-studio": JSON_SUFFIXES,
    "webanno": WEBANNO_SUFFIXES,
    "conll": CONLL_SUFFIXES + TEXT_SUFFIXES,
    "spacy": SPACY_SUFFIXES,
    "hf-tokens": JSON_SUFFIXES + PARQUET_SUFFIXES,
    "events": JSON_SUFFIXES,
    "quotes": JSON_SUFFIXES,
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
            if name in HF_SIDE_FILES:
                result.warnings.append(f"{path} describes a Hugging Face dataset, it is not "
                                       "documents; left out")
                continue
            if path.suffix.lower() in WEBANNO_SUFFIXES and not is_webanno(path):
                result.warnings.append(f"{path} is a .tsv file that is not WebAnno TSV 3; "
                                       "left out")
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


def file_units(
    paths: Iterable[str | os.PathLike[str]], fmt: str, result: ImportResult
) -> list[Unit]:
    """Resolve paths to units; problems with the paths themselves go to ``result.bad``."""
    units: list[Unit] = []
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


def _partner_outside(unit: Unit, root: str, result: ImportResult) -> bool:
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


def _unit(file: Path, fmt: str, result: ImportResult) -> Unit | None:
    """The unit of one file (None, with the problem in ``result.bad``, if it cannot be read)."""
    suffix = file.suffix.lower()
    if fmt == "brat" or (fmt == "auto" and suffix == BRAT_SUFFIX):
        txt = file.with_suffix(".txt") if suffix == BRAT_SUFFIX else file
        ann = txt.with_suffix(BRAT_SUFFIX)
        if not txt.is_file() or not ann.is_file():
            result.bad.append(InputError(str(file), "a brat document needs both "
                                         f"{txt.name} and {ann.name}"))
            return None
        return Unit(txt, "brat", _size(txt) + _size(ann))
    if fmt != "auto":
        return Unit(file, fmt, _size(file))
    if is_brat_text(file):
        return _unit(file.with_suffix(BRAT_SUFFIX), "brat", result)
    if suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
        return Unit(file, "txt", _size(file))  # web page or not: decided on the text read
    try:
        detected = detect_format(file)
    except InputError as exc:
        result.bad.append(exc)
        return None
    if detected == "brat":
        return _unit(file.with_suffix(BRAT_SUFFIX), "brat", result)
    return Unit(file, detected, _size(file))
