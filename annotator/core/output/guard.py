"""Which paths an output may never write, and what kind of path it may replace.

Every file the program writes goes through :func:`check_target` (called by the atomic writer
before it starts and again just before the rename): a destination is refused when it is, or
resolves to, a protected path (the project file, its ``-wal``/``-shm``/``-journal``, its
backup folder or anything inside it), compared both as resolved paths (symlinks, ``..``) and
by device and inode (hard links); when it is a symbolic link (never replaced: the link would
become a plain file); and when it is anything but a regular file or a folder (a device such
as ``/dev/full``, a FIFO, a socket), which root could otherwise replace.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database."""
BACKUPS_SUFFIX = ".backups"
"""The default folder of a project's automatic backups: ``<project file name>.backups``."""


class OutputError(Exception):
    """A destination that is refused; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Protected:
    """Paths an output must never write: ``files`` (by any path that reaches them) and
    ``trees`` (nor anything inside them). Each comes with the words that name it."""

    files: tuple[tuple[Path, str], ...] = ()
    trees: tuple[tuple[Path, str], ...] = ()


NOTHING = Protected()


def _with_sides(path: Path, name: str) -> list[tuple[Path, str]]:
    found = [(path, name)]
    found += [(Path(f"{path}{suffix}"), f"the {suffix[1:]} file of {name}")
              for suffix in SIDE_SUFFIXES]
    return found


def project_guard(project: str | os.PathLike[str], *, backups: bool = True) -> Protected:
    """The project file and its side files (also under their resolved name, which is the one
    SQLite uses), and with ``backups`` its backup folder."""
    path = Path(project)
    files = _with_sides(path, f"the project {path}")
    real = Path(os.path.realpath(path))
    if real != path:
        files += _with_sides(real, f"the project {path}")
    trees = [(Path(f"{path}{BACKUPS_SUFFIX}"), f"the backup folder of the project {path}")]
    return Protected(tuple(files), tuple(trees) if backups else ())


def file_guard(path: str | os.PathLike[str], name: str) -> Protected:
    """One database file (and its side files) that must not be written, named ``name``."""
    return Protected(tuple(_with_sides(Path(path), name)))


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def check_protected(target: Path, protected: Protected) -> None:
    """Refuse ``target`` if it reaches a protected path, or (a folder) holds one."""
    real = _real(target)
    inode = _inode(target)
    for path, name in protected.files:
        other = _real(path)
        if real == other or (inode is not None and inode == _inode(path)):
            raise OutputError(f"{target}: is {name}; refusing to write there")
        if _inside(other, real):
            raise OutputError(f"{target}: holds {name}; refusing to replace it")
    for path, name in protected.trees:
        other = _real(path)
        if _inside(real, other):
            raise OutputError(f"{target}: is in {name}; refusing to write there")
        if _inside(other, real):
            raise OutputError(f"{target}: holds {name}; refusing to replace it")


Kind = Literal["file", "folder"]


def check_kind(target: Path, kind: Kind) -> bool:
    """Refuse a ``target`` that may not be replaced by a ``kind``; return whether it exists.

    Symbolic links are refused (replacing one turns it into a plain file), as is anything
    that is neither a regular file nor a folder, and a folder where a file goes (and back)."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"{target}: cannot be examined ({exc.strerror or exc})") from exc
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise OutputError(f"{target}: is a symbolic link; refusing to replace it (give the "
                          "path it points to, or another name)")
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OutputError(f"{target}: is not a regular file or a folder (a device, FIFO or "
                          "socket); refusing to write there ('-' writes to standard output)")
    if kind == "file" and stat.S_ISDIR(mode):
        raise OutputError(f"{target}: is a folder; give a file name")
    if kind == "folder" and not stat.S_ISDIR(mode):
        raise OutputError(f"{target}: exists and is not a folder (an export with splits or a "
                          "multi-file format writes a folder)")
    return True


def check_target(target: Path, protected: Protected, kind: Kind) -> bool:
    """Both checks; return whether ``target`` exists."""
    exists = check_kind(target, kind)
    check_protected(target, protected)
    return exists
