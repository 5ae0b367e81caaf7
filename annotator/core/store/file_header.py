"""The cheap look at a project file's SQLite header made at every open when the full
``quick_check`` runs later (:mod:`annotator.core.store.file_check`)."""

from __future__ import annotations

from pathlib import Path

HEADER_BYTES = 100
WAL_HEADER_BYTES = 32
def _u32(head: bytes, at: int) -> int:
    return int.from_bytes(head[at:at + 4], "big")


def header_problem(path: Path) -> str | None:
    """What is wrong with the 100-byte SQLite header of ``path`` (reads only the header and
    the file's length), or None. Without a WAL holding frames the header's page count must
    fit in the file (a truncated file is damaged) and the freelist must lie inside it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
        size = path.stat().st_size
        wal = Path(f"{path}-wal")
        wal_frames = wal.exists() and wal.stat().st_size > WAL_HEADER_BYTES
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    if len(head) < HEADER_BYTES:
        return "the header is cut short"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"impossible page size {page}"
    if head[21:24] != bytes((64, 32, 32)):
        return "impossible payload fractions in the header"
    if not 1 <= _u32(head, 44) <= 4 or _u32(head, 56) > 3:
        return "impossible schema format or text encoding in the header"
    pages, trunk, free = _u32(head, 28), _u32(head, 32), _u32(head, 36)
    if wal_frames or _u32(head, 92) != _u32(head, 24):
        return None  # the page count in the header is not current: nothing more to compare
    if pages * page > size:
        return f"the file is cut short ({size} bytes for {pages} pages of {page})"
    if trunk > pages or free >= max(pages, 1):
        return "the freelist points outside the file"
    return None
