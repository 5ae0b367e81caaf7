"""The values of a JSON array file one by one, each with the line it starts on (Label Studio
exports a JSON array of tasks): ``file:line`` messages and ``--skip-bad`` per task."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import OnBytes, too_deep
from annotator.core.model import InputError
from annotator.core.text import decode_bytes

_SPACE = " \t\r\n"


def iter_array(path: Path, on_bytes: OnBytes | None = None,
               warn: Any = None) -> Iterator[tuple[int, Any]]:
    """``(line, value)`` of each element of the JSON array in ``path``; an ``InputError`` as
    the value for a file that is not one (reading stops there)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield 0, InputError(source, f"cannot read file: {exc.strerror or exc}")
        return
    if on_bytes is not None:
        on_bytes(len(data))
    try:
        decoded = decode_bytes(data, source)
    except InputError as exc:
        yield 0, exc
        return
    if warn is not None:
        for note in decoded.notes:
            warn(f"{source}: {note}")
    text = decoded.text
    decoder = json.JSONDecoder()
    at = len(text) - len(text.lstrip(_SPACE))
    if not text.startswith("[", at):
        yield 0, InputError(source, "not a JSON array")
        return
    at += 1
    line = 1 + text.count("\n", 0, at)
    counted = at
    while True:
        while at < len(text) and text[at] in _SPACE:
            at += 1
        if text.startswith("]", at):
            return
        line += text.count("\n", counted, at)
        counted = at
        try:
            value, end = decoder.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            yield line, InputError(source, f"not valid JSON: {exc.msg}", exc.lineno)
            return
        except RecursionError:
            yield line, InputError(source, "nested too deeply", line)
            return
        if too_deep(value):
            yield line, InputError(source, "nested more than 100 levels deep", line)
        else:
            yield line, value
        at = end
        while at < len(text) and text[at] in _SPACE:
            at += 1
        if text.startswith(",", at):
            at += 1
        elif not text.startswith("]", at):
            yield line, InputError(source, "expected , or ] after an element of the array",
                                   1 + text.count("\n", 0, at))
            return
