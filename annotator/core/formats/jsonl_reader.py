"""Reading JSON Lines files lazily, one decoded object per line.

Bytes are split on ``\\n`` *before* decoding, so U+2028/U+2029 inside strings never
break a line, and a huge file is never held in memory. Encodings follow docs/ARABIC.md, Decoding:
a UTF-8 BOM is stripped; a UTF-16 BOM switches to a UTF-16 text reader; a line that is
not UTF-8 is decoded by ``decode_bytes`` (Windows-1256 fallback, with a warning that
names the line), and an undecodable line is an error for that line only.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.json_depth import nested_deeper
from annotator.core.model import InputError
from annotator.core.text import decode_bytes

Warn = Callable[[str], None]
OnBytes = Callable[[int], None]

MAX_DEPTH = 100
"""Deepest nesting of arrays and objects accepted in a line (a record needs fewer than 10).
Deeper values would crash the readers and writers that recurse over them."""
_TOO_DEEP = f"line is nested more than {MAX_DEPTH} levels deep"


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when ``value`` nests arrays/objects more than ``limit`` levels."""
    return nested_deeper(value, limit)


def _may_be_too_deep(line: str) -> bool:
    """False when ``line`` cannot nest deeper than :data:`MAX_DEPTH`: it has no more opening
    brackets than that in all (strings included), counted in C. Only a line with more (a
    record with about a hundred annotations) has its parsed value walked by :func:`too_deep`,
    so the usual line is not walked a second time after ``json.loads`` (issue 12)."""
    return line.count("{") + line.count("[") > MAX_DEPTH


def _decoded_lines(
    path: Path, warn: Warn | None, on_bytes: OnBytes | None
) -> Iterator[tuple[int, str | InputError]]:
    source = str(path)
    with path.open("rb") as raw:
        head = raw.read(4)
        raw.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            if warn is not None:
                warn(f"{source}: UTF-16 with BOM")
            number = 0
            with io.TextIOWrapper(raw, encoding="utf-16", newline="\n") as text:
                try:
                    for number, line in enumerate(text, start=1):
                        if on_bytes is not None:
                            on_bytes(len(line.encode("utf-16-le", "surrogatepass")))
                        yield number, line
                except UnicodeDecodeError as exc:
                    # No line number: reading stopped here, so the whole file is in question.
                    yield number + 1, InputError(
                        source, f"not valid UTF-16 after its byte order mark, from line "
                        f"{number + 1} on ({exc.reason})")
            return
        for number, raw_line in enumerate(raw, start=1):
            if on_bytes is not None:
                on_bytes(len(raw_line))
            data = raw_line
            if number == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8) :]
            try:
                yield number, data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    decoded = decode_bytes(data, source)
                except InputError as exc:
                    yield number, InputError(source, exc.reason, number)
                    continue
                if warn is not None:
                    for note in decoded.notes:
                        warn(f"{source}:{number}: {note}")
                yield number, decoded.text


def iter_json_lines(
    path: str | Path, warn: Warn | None = None, on_bytes: OnBytes | None = None
) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON Lines file.

    A line that is not valid JSON, not a JSON object or nested deeper than
    :data:`MAX_DEPTH` yields an ``InputError`` for that line instead (``"line is not valid
    JSON: Expecting ',' delimiter (column 31)"``) and reading goes on. ``on_bytes``
    receives the size of each line as it is read.
    """
    source = str(path)
    try:
        lines = _decoded_lines(Path(path), warn, on_bytes)
        for number, line in lines:
            if isinstance(line, InputError):
                yield number, line
                continue
            if not line or line.isspace():  # (no stripped copy of a long line)
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"line is not valid JSON: {exc.msg} (column {exc.colno})"
                yield number, InputError(source, reason, number)
                continue
            except RecursionError:  # deeper than the interpreter's stack allows
                yield number, InputError(source, _TOO_DEEP, number)
                continue
            if _may_be_too_deep(line) and too_deep(value):
                yield number, InputError(source, _TOO_DEEP, number)
                continue
            if not isinstance(value, dict):
                reason = f"line is a JSON {type(value).__name__}, not an object"
                yield number, InputError(source, reason, number)
                continue
            yield number, value
    except OSError as exc:
        yield 0, InputError(source, f"cannot read file: {exc.strerror or exc}", None)


def first_object(path: str | Path) -> dict[str, Any] | None:
    """The first JSON object of a JSON Lines file, or None (used to detect the format)."""
    for _number, value in iter_json_lines(path):
        return value if isinstance(value, dict) else None
    return None
