"""Coverage-guided fuzzing of the importers and the schema loader with atheris (libFuzzer).

Run by tests/reliability/test_atheris.py in a subprocess with a bounded number of runs:

    python -m tests.reliability.atheris_harness -atheris_runs=3000

Each input is split into a format selector and a payload; the payload is written as a file of
that format and read with the real importer (or given to the schema loader). Only the errors a
user is meant to see (InputError, SchemaError) may come out; anything else is a crash that
atheris reports with the input that caused it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["annotator"]):
    from annotator.core.formats.brat_reader import read_brat
    from annotator.core.formats.canonical_reader import read_canonical
    from annotator.core.formats.doccano_reader import read_doccano
    from annotator.core.formats.plaintext_reader import parse_plaintext
    from annotator.core.formats.webpage_reader import parse_webpage
    from annotator.core.model import InputError
    from annotator.core.schema import SchemaError, parse_schema
    from annotator.core.text import decode_bytes, normalize

FOLDER = Path(os.environ.get("ANNOTATOR_ATHERIS_DIR")
              or tempfile.mkdtemp(prefix="annotator-atheris-"))
"""Scratch folder for the inputs written as files: the test gives its own temporary folder
(pytest removes it); a run by hand gets a new one in the system's temporary folder."""


def _drain(items: object) -> None:
    for _ in items:  # type: ignore[attr-defined]
        pass


def one_input(data: bytes) -> None:
    if not data:
        return
    kind, payload = data[0] % 5, data[1:]
    try:
        if kind == 0:
            path = FOLDER / "x.jsonl"
            path.write_bytes(payload)
            _drain(read_canonical(path))
        elif kind == 1:
            path = FOLDER / "d.jsonl"
            path.write_bytes(payload)
            _drain(read_doccano(path))
        elif kind == 2:
            text_part, _, ann_part = payload.partition(b"\x00\x00")
            (FOLDER / "b.txt").write_bytes(text_part)
            (FOLDER / "b.ann").write_bytes(ann_part)
            read_brat(FOLDER / "b.txt", FOLDER / "b.ann")
        elif kind == 3:
            text, info = normalize(decode_bytes(payload, "page.txt").text)
            if text.strip():
                parse_webpage(text, "page.txt", info) or parse_plaintext(text, "page.txt", info,
                                                                        "page")
        else:
            parse_schema(payload.decode("utf-8", "replace"), "fuzz.toml")
    except (InputError, SchemaError):
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
