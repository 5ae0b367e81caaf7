"""Import-time normalization (docs/ARABIC.md, Normalization) and reading a text file.

:func:`normalize` turns CRLF and lone CR into ``\\n`` and applies NFC once. Unicode line and
paragraph separators (U+2028, U+2029) are kept as they are. NFKC is never applied to stored
text. The returned record ``{"newlines": n, "nfc": changed}`` is stored with the document.

:func:`normalize_mapped` does the same and also returns an offset map so that an importer
can move spans given on the raw text onto the normalized text:
``m[i]`` is the offset in the new text of old offset ``i`` (``len(m) == len(old) + 1``,
monotonic, ``m[0] == 0``, ``m[-1] == len(new)``).

How the map is built:

* newlines: a CR of a CRLF pair is deleted (both the offset before the CR and the one
  between CR and LF map to the offset of the resulting ``\\n``); a lone CR becomes ``\\n``.
* NFC, first attempt: the text is cut before every character whose canonical combining
  class is 0 and each piece is normalized on its own. Offsets inside a piece that NFC left
  unchanged map one to one; offsets inside a changed piece map to ``piece_start + k``
  clamped to the normalized piece's length. The concatenation is checked against NFC of the
  whole text.
* NFC, fallback: composition can join two class-0 characters (Hangul L+V+T jamo, some Indic
  vowel signs), so the check above can fail. Then pieces are merged greedily: a piece is
  glued to the previous chunk whenever normalizing them together differs from normalizing
  them apart. The chunks are aligned with the whole-text normalization; if even that does
  not reproduce NFC(text) (not known to happen), the whole text becomes a single chunk.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from annotator.core.text.decoding import decode_bytes


def _newlines(text: str) -> tuple[str, int]:
    """Replace CRLF and lone CR by LF; return the new text and the number of replacements."""
    if "\r" not in text:
        return text, 0
    crlf = text.count("\r\n")
    lone = text.count("\r") - crlf
    return text.replace("\r\n", "\n").replace("\r", "\n"), crlf + lone


def normalize(text: str) -> tuple[str, dict[str, Any]]:
    """Newlines to ``\\n``, then NFC. Returns the text and ``{"newlines": n, "nfc": bool}``."""
    text, replaced = _newlines(text)
    if unicodedata.is_normalized("NFC", text):
        return text, {"newlines": replaced, "nfc": False}
    return unicodedata.normalize("NFC", text), {"newlines": replaced, "nfc": True}


def _newline_map(text: str) -> tuple[str, list[int]]:
    """Newline normalization with the map of old offsets to new offsets."""
    if "\r" not in text:  # the common case: nothing moves
        return text, list(range(len(text) + 1))
    out: list[str] = []
    mapping: list[int] = []
    pos = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        mapping.append(pos)
        if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 1  # the CR disappears; the LF is handled on the next turn
            continue
        out.append("\n" if ch == "\r" else ch)
        pos += 1
        i += 1
    mapping.append(pos)
    return "".join(out), mapping


def _starter_pieces(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` before every character of canonical combining class 0."""
    cuts = [i for i, ch in enumerate(text) if i and unicodedata.combining(ch) == 0]
    bounds = [0, *cuts, len(text)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k] < bounds[k + 1]]


def _merge_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue pieces whose normalization depends on their neighbour (fallback path)."""
    chunks: list[tuple[int, int]] = []
    for start, end in pieces:
        if chunks:
            c_start, c_end = chunks[-1]
            prev = text[c_start:c_end]
            cur = text[start:end]
            together = unicodedata.normalize("NFC", prev + cur)
            apart = unicodedata.normalize("NFC", prev) + unicodedata.normalize("NFC", cur)
            if together != apart:
                chunks[-1] = (c_start, end)
                continue
        chunks.append((start, end))
    return chunks


def _map_chunks(text: str, chunks: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Normalize chunk by chunk; build the offset map (see module docstring)."""
    out: list[str] = []
    mapping: list[int] = [0] * (len(text) + 1)
    pos = 0
    for start, end in chunks:
        piece = text[start:end]
        normal = unicodedata.normalize("NFC", piece)
        length = len(normal)
        for k in range(end - start):
            mapping[start + k] = pos + min(k, length)
        out.append(normal)
        pos += length
    mapping[len(text)] = pos
    return "".join(out), mapping


def _nfc_map(text: str) -> tuple[str, list[int]]:
    """NFC with an offset map (old offset -> new offset)."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    expected = unicodedata.normalize("NFC", text)
    pieces = _starter_pieces(text)
    new, mapping = _map_chunks(text, pieces)
    if new == expected:
        return new, mapping
    new, mapping = _map_chunks(text, _merge_pieces(text, pieces))
    if new == expected:
        return new, mapping
    single = [0] * len(text) + [len(expected)]
    return expected, single


def normalize_mapped(text: str) -> tuple[str, dict[str, Any], list[int]]:
    """Like :func:`normalize`, plus the old-to-new offset map described in the module docstring."""
    lf_text, lf_map = _newline_map(text)
    replaced = text.count("\r")  # every CR is either half of a CRLF or a lone CR
    new, nfc_map = _nfc_map(lf_text)
    mapping = [nfc_map[j] for j in lf_map]
    return new, {"newlines": replaced, "nfc": new != lf_text}, mapping


def map_span(mapping: list[int], start: int, end: int) -> tuple[int, int]:
    """Move a raw-text span through a map from :func:`normalize_mapped`."""
    return mapping[start], mapping[end]


def read_text_file(path: str | Path) -> tuple[str, dict[str, Any]]:
    """Read, decode (docs/ARABIC.md, Decoding) and normalize (Normalization) a text file.

    Returns the text and its normalization record: ``encoding``, ``bom``, ``fallback``,
    ``notes``, ``newlines`` and ``nfc``. Raises :class:`InputError` for binary or
    undecodable files and for files that cannot be read.
    """
    from annotator.core.model import InputError

    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror or exc}") from exc
    decoded = decode_bytes(data, source)
    text, record = normalize(decoded.text)
    info: dict[str, Any] = {
        "encoding": decoded.encoding,
        "bom": decoded.bom,
        "fallback": decoded.fallback,
        "notes": list(decoded.notes),
    }
    info.update(record)
    return text, info
