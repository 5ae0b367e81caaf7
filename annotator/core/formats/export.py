"""Export a project to a canonical JSON Lines file, atomically.

The file is written under a temporary name in the destination folder and renamed over
the destination only when every document has been written, so a failed or interrupted
export never leaves a half-written file behind (and never destroys an older export).
``"-"`` writes to standard output instead.

Only ``project.iter_records`` and ``project.schema`` are used: this module never talks
to SQLite itself.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from annotator.core.formats.canonical_write import write_canonical
from annotator.core.model import DocumentRecord


class _SchemaLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> int: ...


class ExportSource(Protocol):
    """What the exporter needs from a project."""

    @property
    def schema(self) -> _SchemaLike: ...

    def iter_records(
        self, status: str | None = None, annotator: str | None = None
    ) -> Iterator[DocumentRecord]: ...

    def document_count(self, status: str | None = None, text: str | None = None) -> int: ...


def _selected(
    project: ExportSource, statuses: Sequence[str] | None, annotator: str | None
) -> Iterator[DocumentRecord]:
    """The records to export, in the store's order (id order)."""
    if statuses is not None and len(statuses) == 1:
        yield from project.iter_records(status=statuses[0], annotator=annotator)
        return
    wanted = set(statuses) if statuses is not None else None
    for record in project.iter_records(status=None, annotator=annotator):
        if wanted is None or record.status in wanted:
            yield record


STALE_PART_SECONDS = 600
"""A temporary export file untouched this long belongs to an export that was killed."""


def sweep_stale_parts(folder: Path, name: str, now: float | None = None) -> list[Path]:
    """Remove ``.NAME.*.part`` files left by killed exports of the same target.

    A running export keeps writing its own temporary file, so only files whose last change is
    older than :data:`STALE_PART_SECONDS` are taken as leftovers.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    for part in folder.glob(f".{glob.escape(name)}.*.part"):
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
                removed.append(part)
    return removed


def export_canonical(
    project: ExportSource,
    out_path: str | os.PathLike[str],
    status: str | Sequence[str] | None = None,
    annotator: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the project's documents to ``out_path`` (``"-"`` for stdout); return how many.

    ``status`` keeps the documents of one status (or of any status of a list);
    ``annotator`` keeps only that annotator's annotations. ``progress`` is called after
    each document with ``(documents written, documents selected)``.
    """
    schema = project.schema
    statuses = [status] if isinstance(status, str) else (list(status) if status else None)
    total = (
        sum(project.document_count(status=s) for s in statuses)
        if statuses is not None
        else project.document_count()
    )
    records = _selected(project, statuses, annotator)
    counted = (lambda done: progress(done, total)) if progress is not None else None
    if str(out_path) == "-":
        count = write_canonical(records, sys.stdout, schema.name, schema.version, counted)
        sys.stdout.flush()
        return count
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    sweep_stale_parts(folder, target.name)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            count = write_canonical(records, out, schema.name, schema.version, counted)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count
