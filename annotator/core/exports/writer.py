"""Atomic, streaming output for the training-data exports.

Nothing an export writes is visible under its final name until every document has been
written: a single file is written as ``.NAME.<random>.part`` beside the destination and
renamed over it; a folder is built as ``.NAME.<random>.part/`` and swapped in (the old
folder, if any, is moved aside first and deleted only after the swap). An interrupted or
failed export therefore leaves the previous export untouched and no half-written file.

Files are written line by line through ordinary buffered handles, so memory does not grow
with the corpus. :func:`rewrite_lines` is the one second pass some formats need (padding
tag columns to the deepest nesting level found), again one line at a time.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

encode_json = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without building a new encoder for every call
(``json.dumps`` does that whenever an option differs from its defaults)."""

REPORT_NAME = "report.json"
"""Every export folder holds this file; its presence marks a folder we may replace."""


def open_text(path: Path) -> TextIO:
    """A UTF-8 text handle with ``\\n`` newlines whatever the platform."""
    return path.open("w", encoding="utf-8", newline="\n")


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    The caller writes the temporary file (any number of times, e.g. a second padding pass).
    On an exception the temporary file is removed and ``target`` is left as it was.
    """
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def check_replaceable_folder(target: Path) -> None:
    """Refuse to replace anything but an empty folder or an earlier export.

    An export folder is recognised by its ``report.json``; anything else (a file, or a
    folder of the user's own files) is never deleted.
    """
    if not target.exists():
        return
    if not target.is_dir():
        raise FileExistsError(f"{target}: exists and is not a folder (an export with splits "
                              "or a multi-file format writes a folder)")
    if any(target.iterdir()) and not (target / REPORT_NAME).is_file():
        raise FileExistsError(f"{target}: folder is not empty and holds no earlier export "
                              f"({REPORT_NAME}); refusing to replace it")


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; swap it in place of ``target`` on success."""
    check_replaceable_folder(target)
    parent = target.parent if str(target.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    try:
        yield temp
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
        old.rmdir()
        os.replace(target, old)
    try:
        os.replace(temp, target)
    except BaseException:
        if old is not None:
            os.replace(old, target)
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def rewrite_lines(path: Path, change: Callable[[str], str]) -> None:
    """Pass every line of ``path`` (without its newline) through ``change``, in place.

    Streams through a second temporary file and renames it over ``path``.
    """
    with (
        atomic_file(path) as temp,
        path.open("r", encoding="utf-8", newline="\n") as source,
        open_text(temp) as out,
    ):
        for line in source:
            out.write(change(line[:-1] if line.endswith("\n") else line))
            out.write("\n")
