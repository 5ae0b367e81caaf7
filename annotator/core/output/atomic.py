"""The one atomic file writer: temporary name beside the target, fsync, rename, fsync folder.

:func:`atomic_file` yields a temporary path in the destination folder; the caller writes it
(any number of times, or lets SQLite write it); only when the block ends without an exception
is the file given its mode, fsynced and renamed over the target, and the folder fsynced where
the platform allows. On an exception the temporary file is removed and the target is left as
it was. The target is checked (:mod:`annotator.core.output.guard`) before and again just
before the rename.

Modes follow the user: a new file gets ``0666 & ~umask``, a replaced file keeps its mode.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.output.guard import NOTHING, Protected, check_target

STALE_PART_SECONDS = 600
"""A temporary file untouched this long belongs to a writer that was killed."""
_PREFIX_CHARS = 80
"""How much of the target's name the temporary name repeats (names have a length limit)."""


def current_umask() -> int:
    """The process umask (read from /proc where possible: setting it is process-wide)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status",
                                                        encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_mode(folder: bool = False) -> int:
    """The mode of a new file (``0666 & ~umask``) or folder (``0777 & ~umask``)."""
    return (0o777 if folder else 0o666) & ~current_umask()


def mode_for(target: Path, folder: bool = False) -> int:
    """The mode ``target`` gets: its present mode if it exists, else a new one's."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return new_mode(folder)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def parent_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def temp_prefix(target: Path) -> str:
    """``.NAME.`` (NAME shortened): the start of every temporary name for ``target``."""
    return f".{target.name[:_PREFIX_CHARS]}."


def sweep_stale_parts(folder: Path, name: str, now: float | None = None) -> list[Path]:
    """Remove ``.NAME.*.part`` files left by killed writers of the same target.

    A running writer keeps writing its own temporary file, so only files whose last change is
    older than :data:`STALE_PART_SECONDS` are taken as leftovers.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    pattern = glob.escape(temp_prefix(folder / name)) + "*.part"
    for part in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if part.is_file() and not part.is_symlink() and \
                    now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
                removed.append(part)
    return removed


@contextmanager
def atomic_file(target: str | os.PathLike[str],
                protected: Protected = NOTHING) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    Raises :class:`~annotator.core.output.guard.OutputError` for a refused target.
    """
    target = Path(target)
    check_target(target, protected, "file")
    folder = parent_of(target)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(folder, target.name)
    mode = mode_for(target)
    handle, name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        check_target(target, protected, "file")
        os.chmod(temp, mode)
        fsync_file(temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
