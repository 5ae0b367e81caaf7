"""Which importer reads a file.

* ``.ann``, or a ``.txt`` with a ``.ann`` of the same stem beside it: ``brat`` (the pair
  is one document; the importer reads it once, through the .ann);
* ``.md`` / ``.markdown``: ``md``;
* ``.txt``: ``webpage`` when ``looks_like_webpage`` says so, else ``txt``;
* ``.jsonl`` / ``.json``: ``label-studio`` when the file is a JSON array (Label Studio's
  export) or its first line a task (``data`` with ``annotations`` or ``predictions``);
  ``doccano`` when the first record has doccano's keys; ``events`` / ``quotes`` when it is
  a line of our events or quotes export; ``hf-tokens`` when it has ``tokens`` and
  ``ner_tags``; else ``canonical``;
* ``.conll``, ``.iob``, ``.iob2``, ``.bio``, ``.bioes``: ``conll``; ``.tsv`` starting with
  ``#FORMAT=WebAnno TSV 3``: ``webanno``; ``.spacy``: ``spacy``; ``.parquet``: ``hf-tokens``.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.doccano_reader import looks_like_doccano
from annotator.core.formats.jsonl_reader import first_object
from annotator.core.formats.webpage_reader import looks_like_webpage
from annotator.core.model import InputError
from annotator.core.text import read_text_file

FORMATS: tuple[str, ...] = ("txt", "md", "webpage", "canonical", "doccano", "brat",
                            "label-studio", "webanno", "conll", "spacy", "hf-tokens", "events",
                            "quotes")
"""Format names accepted by ``import_paths(fmt=...)`` besides ``"auto"``."""

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")
BRAT_SUFFIX = ".ann"
CONLL_SUFFIXES = (".conll", ".iob", ".iob2", ".bio", ".bioes")
WEBANNO_SUFFIXES = (".tsv",)
SPACY_SUFFIXES = (".spacy",)
PARQUET_SUFFIXES = (".parquet",)
WEBANNO_HEADER = b"#FORMAT=WebAnno TSV 3"
HF_SIDE_FILES = frozenset({"dataset_info.json", "dataset_dict.json", "state.json"})
"""The files ``datasets`` writes beside its data: not documents (``dataset_info.json`` names
the classes of integer tags, read by ``hf_reader``)."""
STANCE_REFUSAL = ("a stance export (one line per stance) holds no document text, so it cannot "
                  "be imported; import the project's canonical export (--format canonical), "
                  "which keeps the stances")


def is_brat_text(path: Path) -> bool:
    """A .txt file whose annotations sit in a .ann file beside it."""
    return path.suffix.lower() == ".txt" and path.with_suffix(BRAT_SUFFIX).is_file()


def detect_format(path: str | Path) -> str:
    """The format name of one file (one of ``FORMATS``); ``InputError`` if unknown."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == BRAT_SUFFIX or is_brat_text(file):
        return "brat"
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    if suffix in TEXT_SUFFIXES:
        text, _info = read_text_file(file)
        return "webpage" if looks_like_webpage(text) else "txt"
    if suffix in JSON_SUFFIXES:
        return _json_format(file)
    if suffix in CONLL_SUFFIXES:
        return "conll"
    if suffix in SPACY_SUFFIXES:
        return "spacy"
    if suffix in PARQUET_SUFFIXES:
        return "hf-tokens"
    if suffix in WEBANNO_SUFFIXES:
        if is_webanno(file):
            return "webanno"
        raise InputError(str(file), "a .tsv file is read only as WebAnno / INCEpTION TSV 3 "
                         "(its first line: #FORMAT=WebAnno TSV 3.x)")
    raise InputError(
        str(file),
        f"unknown file type {suffix or '(no extension)'!r}: expected .txt, .md, .jsonl, .json, "
        ".conll, .tsv (WebAnno), .spacy, .parquet or a brat .txt/.ann pair",
    )


def is_webanno(file: Path) -> bool:
    """A file whose first line is WebAnno / INCEpTION TSV 3's ``#FORMAT=`` header."""
    return head_bytes(file, 64).removeprefix(b"\xef\xbb\xbf").startswith(WEBANNO_HEADER)


def head_bytes(file: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of ``file`` (empty when it cannot be read)."""
    try:
        with file.open("rb") as data:
            return data.read(size)
    except OSError:
        return b""


def _json_format(file: Path) -> str:
    """The format of a JSON or JSON Lines file, from its first byte and first object."""
    if head_bytes(file).removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"["):
        return "label-studio"  # a JSON array: Label Studio's export (ours are JSON Lines)
    first = first_object(file)
    if first is None:
        return "canonical"
    if isinstance(first.get("data"), dict) and ("annotations" in first
                                                 or "predictions" in first):
        return "label-studio"
    if looks_like_doccano(first):
        return "doccano"
    if "event_mentions" in first and "tokens" in first:
        return "events"
    if "content_span" in first and "doc_id" in first:
        return "quotes"
    if "target_kind" in first and "holder" in first:
        raise InputError(str(file), STANCE_REFUSAL)
    if "tokens" in first and any(key.startswith("ner_tags") for key in first):
        return "hf-tokens"
    return "canonical"
