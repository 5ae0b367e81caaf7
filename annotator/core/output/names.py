"""File names made from document ids: short, safe on every platform, unique in a folder.

A name keeps the letters, digits, ``_``, ``.`` and ``-`` of the id (anything else becomes
``_``), loses leading and trailing dots and underscores (Windows drops trailing dots and
spaces), is cut to :data:`MAX_STEM` characters with a hash of the whole id as its tail (so
long ids that share a beginning stay apart), and gets a ``_`` after a name Windows reserves
(``CON``, ``aux``, ``nul.txt``, ``COM1``...). :func:`claim_stem` makes it unique in a folder,
ignoring case (Windows and macOS do), without keeping a set of names in memory.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

MAX_STEM = 96
"""Characters in a stem before the ``_N`` a repeated name gets (file names allow 255 bytes)."""
CLAIMS = ".names"
"""Folder of empty files, one per name given out, in lower case (removed at the end)."""
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})
"""Names Windows reserves, whatever follows the first dot."""
_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]+")
_HASH_CHARS = 12


def safe_stem(key: str, default: str = "document") -> str:
    """A file name stem for ``key`` that every platform accepts (see the module doc)."""
    stem = _UNSAFE.sub("_", key).strip("._") or default
    if len(stem) > MAX_STEM:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
        stem = stem[: MAX_STEM - _HASH_CHARS - 1].rstrip("._") + "-" + digest
    first, dot, rest = stem.partition(".")
    if first.upper() in RESERVED:
        stem = f"{first}_{dot}{rest}"
    return stem


def claim_stem(key: str, folder: Path) -> str:
    """:func:`safe_stem` made unique in ``folder`` (``_2``, ``_3``... ignoring case).

    The names given out are recorded as empty files in ``folder/.names`` (see
    :data:`CLAIMS`): the folder is the record, nothing grows in memory per document."""
    claims = folder / CLAIMS
    claims.mkdir(parents=True, exist_ok=True)
    stem = safe_stem(key)
    candidate, number = stem, 1
    while True:
        try:
            (claims / candidate.lower()).touch(exist_ok=False)
        except FileExistsError:
            number += 1
            candidate = f"{stem}_{number}"
            continue
        return candidate
