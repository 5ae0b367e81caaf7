"""Hugging Face token classification datasets saved as JSON Lines or Parquet.

A row is ``{"tokens": [...], "ner_tags": [...]}`` (``datasets``' ``to_json`` / ``to_parquet``,
and our ``hf-tokens`` export, whose ``ner_tags_l2``, ``ner_tags_l3``... are nesting levels).
Tags are strings (``B-GPE``) or class indexes; the names of the classes come, in this order,
from ``--labels`` (:class:`ReadOptions.labels`), the Parquet file's own ``huggingface``
metadata (``datasets`` writes its features there), or a ``dataset_info.json`` beside the
file (``features.ner_tags.feature.names``). Consecutive rows with the same ``doc_id`` are the
sentences of one document (our export writes one row per sentence); other rows are a
document each, with the id ``doc_id``, ``id`` or ``FILE-ROW``. A row's number (its line in a
JSON Lines file, from 1 in a Parquet file) is the ``line`` of messages. pyarrow is imported
only for a Parquet file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from annotator.core.formats.jsonl_reader import OnBytes, Warn, iter_json_lines
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.token_docs import Sentence, build_document
from annotator.core.model import DocumentRecord, InputError

TAGS_KEY = "ner_tags"
INFO_NAME = "dataset_info.json"
"""(In a folder, the import leaves it out: ``detect.HF_SIDE_FILES``.)"""
BATCH_ROWS = 1000


def level_keys(row: dict[str, Any]) -> list[str]:
    """The tag keys of a row, outermost first: ``ner_tags``, ``ner_tags_l2``..."""
    keys = [TAGS_KEY] if TAGS_KEY in row else []
    level = 2
    while f"{TAGS_KEY}_l{level}" in row:
        keys.append(f"{TAGS_KEY}_l{level}")
        level += 1
    return keys


def names_in_features(features: Any) -> list[str] | None:
    """The class names of ``ner_tags`` in a ``datasets`` features dict, or None."""
    if not isinstance(features, dict):
        return None
    tags = features.get(TAGS_KEY)
    if not isinstance(tags, dict):
        return None
    inner = tags.get("feature", tags)
    names = inner.get("names") if isinstance(inner, dict) else None
    if isinstance(names, list) and all(isinstance(n, str) for n in names):
        return names
    return None


def sidecar_names(path: Path) -> list[str] | None:
    """Class names from ``dataset_info.json`` beside ``path`` (features at its top, or under
    one configuration), or None."""
    info = path.with_name(INFO_NAME)
    try:
        data = json.loads(info.read_text(encoding="utf-8")) if info.is_file() else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    found = names_in_features(data.get("features"))
    if found is None:
        for value in data.values():
            if isinstance(value, dict) and found is None:
                found = names_in_features(value.get("features"))
    return found


class _Rows:
    """Groups rows into documents and builds them."""

    def __init__(self, path: Path, options: ReadOptions, names: Sequence[str] | None) -> None:
        self.source, self.stem = str(path), path.stem
        self.options = options
        self.names = names
        self.sentences: list[Sentence] = []
        self.key: Any = None
        self.line: int | None = None
        self.doc_id: str | None = None
        self.errors: list[InputError] = []

    def tags(self, values: Any, number: int, key: str, count: int) -> list[str] | None:
        if not isinstance(values, list) or len(values) != count:
            self.errors.append(InputError(self.source, f"{key} must be a list of {count} tags "
                                          "(one per token)", number))
            return None
        tags: list[str] = []
        for value in values:
            if isinstance(value, str):
                tags.append(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                if self.names is None:
                    self.errors.append(InputError(
                        self.source, f"{key} holds class numbers: give their names with "
                        f"--labels or a {INFO_NAME} beside the file", number))
                    return None
                if not 0 <= value < len(self.names):
                    self.errors.append(InputError(self.source, f"{key}: class {value} is not "
                                                  f"one of the {len(self.names)} labels", number))
                    return None
                tags.append(self.names[value])
            else:
                self.errors.append(InputError(self.source, f"{key}: tag {value!r} is neither a "
                                              "string nor a class number", number))
                return None
        return tags

    def add(self, row: dict[str, Any], number: int) -> Iterator[DocumentRecord | InputError]:
        tokens = row.get("tokens")
        doc_key = row.get("doc_id")
        if doc_key is None or doc_key != self.key or self.line is None:
            yield from self.finish()
            self.key, self.line = doc_key, number
            ident = doc_key if doc_key is not None else row.get("id")
            self.doc_id = str(ident) if ident is not None else f"{self.stem}-{number}"
        if not (isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)):
            self.errors.append(InputError(self.source, '"tokens" must be a list of strings',
                                          number))
            return
        keys = level_keys(row)
        if not keys:
            self.errors.append(InputError(self.source, f'no "{TAGS_KEY}"', number))
            return
        columns = [self.tags(row[key], number, key, len(tokens)) for key in keys]
        if all(column is not None for column in columns):
            self.sentences.append(Sentence(tokens, [c for c in columns if c is not None],
                                           [number] * len(tokens)))

    def finish(self) -> Iterator[DocumentRecord | InputError]:
        sentences, errors, line = self.sentences, self.errors, self.line
        self.sentences, self.errors, self.line = [], [], None
        if line is None:
            return
        if errors:
            yield from errors
            return
        record, problems = build_document(sentences, self.source, line, self.doc_id,
                                          self.options.tag_scheme)
        if record is not None:
            yield record
        yield from problems


def _parquet_rows(path: Path, on_bytes: OnBytes | None
                  ) -> tuple[list[str] | None, Iterator[dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(str(path), "reading Parquet needs pyarrow: pip install pyarrow") \
            from None
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for a bad file
        raise InputError(str(path), f"not a readable Parquet file ({exc})") from None
    metadata = parquet.schema_arrow.metadata or {}
    names = None
    if b"huggingface" in metadata:
        try:
            info = json.loads(metadata[b"huggingface"])
        except ValueError:
            info = {}
        names = names_in_features((info.get("info") or {}).get("features"))

    def rows() -> Iterator[dict[str, Any]]:
        size = path.stat().st_size
        groups = max(1, parquet.num_row_groups)
        for group in range(parquet.num_row_groups):
            yield from parquet.read_row_group(group).to_pylist()
            if on_bytes is not None:
                on_bytes(size // groups)

    return names, rows()


def read_hf_tokens(
    path: str | Path, options: ReadOptions | None = None, warn: Warn | None = None,
    on_bytes: OnBytes | None = None,
) -> Iterator[DocumentRecord | InputError]:
    """Read a token dataset (``.jsonl``/``.json`` or ``.parquet``) lazily."""
    options = options or ReadOptions()
    file = Path(path)
    names: list[str] | None = list(options.labels) if options.labels else None
    numbered: Iterator[tuple[int, dict[str, Any] | InputError]]
    if file.suffix.lower() == ".parquet":
        try:
            found, rows = _parquet_rows(file, on_bytes)
        except InputError as exc:
            yield exc
            return
        names = names or found
        numbered = enumerate(rows, start=1)
    else:
        numbered = iter_json_lines(file, warn, on_bytes)
    names = names or sidecar_names(file)
    grouped = _Rows(file, options, names)
    for number, row in numbered:
        if isinstance(row, InputError):
            yield row
            continue
        yield from grouped.add(row, number)
    yield from grouped.finish()
