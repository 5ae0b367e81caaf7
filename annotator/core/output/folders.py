"""Replacing a whole output folder, atomically, without ever deleting a user's files.

:func:`staged_folder` builds the new folder under a temporary name beside the target and
swaps it in when the block succeeds. Every folder written this way holds a marker
(:data:`MARKER_NAME`, JSON) naming what wrote it. An existing target is replaced only when it
is empty or when its marker matches the new one on every key (an earlier export of the same
format from the same project); even then the old folder is moved aside to
``NAME.previous-YYYYmmdd-HHMMSS`` (never deleted). Anything else is refused.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.core.output.atomic import fsync_dir, mode_for, parent_of, temp_prefix
from annotator.core.output.guard import NOTHING, OutputError, Protected, check_target

MARKER_NAME = ".annotator-export.json"
"""Written in every export folder; only a folder holding a matching one is ever replaced."""
_LABELS = {"format": "a {} export", "project": "an export of another project"}


@dataclass(slots=True)
class Staged:
    """The folder being built (``path``) and, after the swap, where the old one went."""

    path: Path
    previous: Path | None = None


def _read_marker(folder: Path) -> dict[str, object] | None:
    try:
        value = json.loads((folder / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def check_replaceable(target: Path, marker: Mapping[str, str]) -> bool:
    """Refuse a non-empty ``target`` that is not an earlier output with this ``marker``;
    return whether it has content to move aside."""
    if not target.is_dir() or not any(target.iterdir()):
        return False
    found = _read_marker(target)
    if found is None:
        raise OutputError(f"{target}: folder is not empty and is not an earlier export (no "
                          f"{MARKER_NAME}); refusing to replace it, choose another folder")
    for key, value in marker.items():
        if found.get(key) != value:
            what = (f"a {found.get(key)} export" if key == "format"
                    else _LABELS.get(key, f"an export with another {key}"))
            raise OutputError(f"{target}: holds {what}; refusing to replace it, choose "
                              "another folder")
    return True


def previous_name(target: Path, now: datetime | None = None) -> Path:
    """``NAME.previous-YYYYmmdd-HHMMSS`` beside ``target`` (``-2``, ``-3``... if taken)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = target.with_name(f"{target.name}.previous-{stamp}")
    number = 1
    while os.path.lexists(candidate):
        number += 1
        candidate = target.with_name(f"{target.name}.previous-{stamp}-{number}")
    return candidate


@contextmanager
def staged_folder(target: str | os.PathLike[str], marker: Mapping[str, str],
                  protected: Protected = NOTHING) -> Iterator[Staged]:
    """Yield a new folder beside ``target``; swap it in on success (see the module doc)."""
    target = Path(target)
    check_target(target, protected, "folder")
    check_replaceable(target, marker)
    parent = parent_of(target)
    parent.mkdir(parents=True, exist_ok=True)
    mode = mode_for(target, folder=True)
    staged = Staged(Path(tempfile.mkdtemp(prefix=temp_prefix(target), suffix=".part",
                                          dir=parent)))
    try:
        yield staged
        (staged.path / MARKER_NAME).write_text(
            json.dumps(dict(marker), ensure_ascii=False) + "\n", encoding="utf-8")
        os.chmod(staged.path, mode)
        fsync_dir(staged.path)
        exists = check_target(target, protected, "folder")
        if check_replaceable(target, marker):
            staged.previous = previous_name(target)
            os.replace(target, staged.previous)
        elif exists:
            os.rmdir(target)  # empty
        try:
            os.replace(staged.path, target)
        except BaseException:
            if staged.previous is not None:
                os.replace(staged.previous, target)
                staged.previous = None
            raise
    except BaseException:
        shutil.rmtree(staged.path, ignore_errors=True)  # the new folder: only our files
        raise
    fsync_dir(parent)
