"""Whether a ``-wal`` file beside a project belongs to it.

SQLite folds whatever ``<name>-wal`` lies beside a database into it on open: it checks only
the WAL's own header checksum, salts and frame checksums, never that the WAL was written for
*this* database. A leftover WAL of another project copied beside a project therefore
replaces the project's pages (the documents are gone, and ``validate`` is happy with the
other project's pages). This module reads the WAL the way SQLite's recovery does and looks
for evidence that it is not this file's.

WAL format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (magic
0x377f0682/0x377f0683, whose low bit gives the checksum byte order, format version
3007000, page size, checkpoint sequence, salt-1, salt-2, checksum of the first 24 bytes),
then frames of a 24-byte header (page number, database size in pages for a commit frame
or 0, the two salts, a cumulative checksum over the first 8 header bytes and the page)
and one page. SQLite uses the frames up to the last commit frame before the first frame
whose salts or cumulative checksum do not match: the *committed prefix*.

The rule (every clause holds for any WAL SQLite wrote for this file, so a legitimate WAL
is never refused; see docs/RELIABILITY.md):

1. A WAL without a valid header or without a committed frame is ignored by SQLite:
   harmless.
2. Its page size must be the database's (the page size cannot change in WAL mode).
3. When a transaction writes page 1 to the WAL, SQLite sets the header's *file change
   counter* (bytes 24..27) to one more than the counter of the page 1 its connection last
   read, so the counters of the committed page-1 frames, ``c_1 <= ... <= c_k``, never step
   by more than one, and ``c_1`` is the counter of the page 1 the WAL began on, or one
   more. A checkpoint copies frames verbatim, page 1 first. So the database file's
   counter ``C`` lies in ``[c_1 - 1, c_k]``; when the file's page 1 is not byte for byte
   one of the page-1 frames carrying ``C``, it must be the page the WAL began on, so
   ``C <= c_1`` and the first page-1 frame keeps its page size and text encoding.
4. Until a frame writes page 1, the database size cannot change (growing or shrinking a
   database writes its size into page 1): when the file's page 1 is the one the WAL began
   on, every commit frame before the first page-1 frame (all of them when there is none)
   records the size stored in the file's header (when that field is valid).

A project whose WAL is being written while it is read (another program has it open) is
read again; if it keeps changing, no verdict is given (a live writer's WAL is its own).
Two projects with byte-identical first pages cannot be told apart here; opening then
compares the projects' identity (``meta.created``) with and without the WAL
(:func:`identity_problem`).
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_FORMAT = 3007000
WAL_HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
DB_HEADER_SIZE = 100
READ_ATTEMPTS = 3
"""Reads of the WAL and the file's first page before a changing WAL is left alone."""


@dataclass(slots=True)
class WalContents:
    """The committed prefix of a WAL, as SQLite's recovery would use it."""

    header: bytes
    page_size: int
    commit_sizes_before_page1: list[int] = field(default_factory=list)
    """Database sizes of the commit frames before the first frame of page 1."""
    page1_frames: list[bytes] = field(default_factory=list)
    """Images of page 1 in committed frames, in WAL order."""
    frames: int = 0
    """Number of frames in the committed prefix."""


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes), continuing ``s0, s1``."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for x0, x1 in zip(words[0::2], words[1::2], strict=True):
        s0 = (s0 + x0 + s1) & mask
        s1 = (s1 + x1 + s0) & mask
    return s0, s1


def read_wal(handle: BinaryIO) -> WalContents | None:
    """The committed prefix of the WAL read from ``handle``; None when SQLite would ignore
    the file (too short, bad magic, version, page size or header checksum)."""
    header = handle.read(WAL_HEADER_SIZE)
    if len(header) < WAL_HEADER_SIZE:
        return None
    magic, version, raw_size, _seq, salt1, salt2, sum1, sum2 = struct.unpack(">8I", header)
    page_size = _page_size(raw_size)
    if (magic not in WAL_MAGIC or version != WAL_FORMAT or page_size < 512
            or page_size > 65536 or page_size & (page_size - 1)):
        return None
    big = bool(magic & 1)
    s0, s1 = _checksum(header[:24], 0, 0, big)
    if (s0, s1) != (sum1, sum2):
        return None
    contents = WalContents(header, page_size)
    pending: list[bytes | int] = []  # page-1 images and commit sizes of the open transaction
    count = 0
    while True:
        frame_header = handle.read(FRAME_HEADER_SIZE)
        page = handle.read(page_size)
        if len(frame_header) < FRAME_HEADER_SIZE or len(page) < page_size:
            break
        number, commit, f_salt1, f_salt2, f_sum1, f_sum2 = struct.unpack(">6I", frame_header)
        if number == 0 or (f_salt1, f_salt2) != (salt1, salt2):
            break
        s0, s1 = _checksum(frame_header[:8], s0, s1, big)
        s0, s1 = _checksum(page, s0, s1, big)
        if (s0, s1) != (f_sum1, f_sum2):
            break
        count += 1
        if number == 1:
            pending.append(page)
        if commit:
            pending.append(commit)
            for item in pending:
                if isinstance(item, bytes):
                    contents.page1_frames.append(item)
                elif not contents.page1_frames:
                    contents.commit_sizes_before_page1.append(item)
            pending = []
            contents.frames = count
    return contents


def _counter(page1: bytes) -> int:
    return int(struct.unpack(">I", page1[24:28])[0])


def _header_size(page1: bytes) -> int | None:
    """The database size stored in a header, when valid (change counter = version-valid-for)."""
    if page1[92:96] != page1[24:28]:
        return None
    return int(struct.unpack(">I", page1[28:32])[0])


def _sizes_problem(db_page1: bytes, sizes: list[int]) -> str | None:
    expected = _header_size(db_page1)
    if expected is None or all(size == expected for size in sizes):
        return None
    other = next(size for size in sizes if size != expected)
    return (f"it records a database of {other} pages before it changes the header, "
            f"the project file says {expected}")


def foreign_reason(db_page1: bytes, wal: WalContents) -> str | None:
    """Why ``wal`` cannot have been written for the database whose first page is
    ``db_page1`` (rules 1-4 of the module docstring), or None."""
    if wal.frames == 0:
        return None
    db_page_size = _page_size(int(struct.unpack(">H", db_page1[16:18])[0]))
    if wal.page_size != db_page_size:
        return f"its page size is {wal.page_size}, the project's is {db_page_size}"
    counter = _counter(db_page1)
    counters = [_counter(page) for page in wal.page1_frames]
    if not counters:
        return _sizes_problem(db_page1, wal.commit_sizes_before_page1)
    if not counters[0] - 1 <= counter <= counters[-1]:
        return (f"its change counters {counters[0]}..{counters[-1]} do not continue the "
                f"project file's {counter}")
    copied = any(page == db_page1 for page, c in zip(wal.page1_frames, counters, strict=True)
                 if c == counter)
    if copied:
        return None
    if counter > counters[0]:
        return f"no page 1 in it with change counter {counter} is the project file's"
    # The file's page 1 is the one the WAL began on.
    first = wal.page1_frames[0]
    encoding = db_page1[56:60]  # zero until the first table is made
    if first[:18] != db_page1[:18] or (any(encoding) and first[56:60] != encoding):
        return "its first page has another page size or text encoding"
    return _sizes_problem(db_page1, wal.commit_sizes_before_page1)


def _first_page(handle: BinaryIO) -> bytes:
    handle.seek(0)
    head = handle.read(DB_HEADER_SIZE)
    if len(head) < DB_HEADER_SIZE:
        return head
    handle.seek(0)
    return handle.read(_page_size(int(struct.unpack(">H", head[16:18])[0])))


def wal_problem(path: Path) -> str | None:
    """Why the ``-wal`` beside the database ``path`` is not its own, or None (no WAL, a WAL
    SQLite would ignore, one that belongs, or one that keeps changing under a live writer).
    Raises OSError when a file cannot be read."""
    wal_path = Path(f"{path}-wal")
    for _attempt in range(READ_ATTEMPTS):
        try:
            with path.open("rb") as db, wal_path.open("rb") as wal:
                before = _first_page(db)
                contents = read_wal(wal)
                wal.seek(0)
                wal_header = wal.read(WAL_HEADER_SIZE)
                after = _first_page(db)
        except FileNotFoundError:
            return None
        if contents is None or len(before) < DB_HEADER_SIZE:
            return None
        if before == after and wal_header == contents.header:
            if len(before) < contents.page_size and contents.frames:
                return None  # a truncated file: the integrity check speaks for it
            return foreign_reason(before, contents)
    return None


def leftover_message(path: Path, reason: str | None = None) -> str:
    """The one-line refusal for a WAL that is not this project's."""
    why = f" ({reason})" if reason else ""
    return f"{path}-wal is a leftover that is not this project's; move it away{why}"


def identity_problem(path: Path, merged: sqlite3.Connection) -> str | None:
    """Compare the project's identity (``meta.created``, written once when a project is
    made) in the file alone (an ``immutable`` read that ignores the WAL) and through
    ``merged`` (the file with its WAL); a difference proves the WAL is another project's.
    No verdict (None) when either cannot be read (e.g. a project still being created)."""
    query = "SELECT value FROM meta WHERE key = 'created'"
    try:
        alone = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        alone.execute("PRAGMA trusted_schema=OFF")
        own = alone.execute(query).fetchone()
        seen = merged.execute(query).fetchone()
    except sqlite3.Error:
        return None
    finally:
        alone.close()
    if own is None or seen is None or own[0] == seen[0]:
        return None
    return f"it holds a project created {seen[0]!s:.40}, the file one created {own[0]!s:.40}"
