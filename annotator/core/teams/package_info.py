"""What a work package says about itself, and what a project remembers of merged packages.

A package is an ordinary project file whose ``meta`` table has a ``package`` row (JSON):
its own id, the id of the project it was made from (``Project.project_id``), the annotator it
is for, the layer it started from, when it was made, the schema version then, and ``base``:
the fingerprint of each annotator's layer in the project when the package was made (only the
non-empty ones), by the document's sha256. A merge writes ``merged:<package id>`` in the
project's ``meta``: the fingerprints of the layers it brought in, so a later merge of the same
package (its annotator kept working) may replace them (:mod:`.merge`). The package file is
untrusted: every value is checked on reading.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from annotator.core.store.errors import ProjectError
from annotator.core.store.rows import load_json

PACKAGE_KEY = "package"
MERGED_PREFIX = "merged:"


@dataclass(slots=True)
class PackageInfo:
    """The ``package`` meta row of a work package."""

    package_id: str
    project_id: str
    annotator: str
    start_from: str | None
    created: str
    schema_version: int
    base: dict[str, dict[str, str]] = field(default_factory=dict)
    """Annotator -> document sha256 -> fingerprint of the project's layer at packaging."""

    def to_json(self) -> str:
        return json.dumps({"package_id": self.package_id, "project_id": self.project_id,
                           "annotator": self.annotator, "start_from": self.start_from,
                           "created": self.created, "schema_version": self.schema_version,
                           "base": self.base}, ensure_ascii=False, sort_keys=True)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _fingerprints(value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise ValueError("base is not an object")
    out: dict[str, dict[str, str]] = {}
    for name, docs in value.items():
        if not isinstance(docs, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in docs.items()):
            raise ValueError("base holds something other than fingerprints")
        out[str(name)] = dict(docs)
    return out


def read_package_info(conn: sqlite3.Connection, source: str) -> PackageInfo | None:
    """The package row of a project file, None when it is not a package; ``ProjectError``
    naming ``source`` when the row is damaged."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PACKAGE_KEY,)).fetchone()
    if row is None:
        return None
    try:
        value = load_json(row[0])
        if not isinstance(value, dict):
            raise ValueError("is not an object")
        start = value.get("start_from")
        version = value.get("schema_version")
        if type(version) is not int:
            raise ValueError("schema_version is not an integer")
        return PackageInfo(
            package_id=_text(value.get("package_id"), "package_id"),
            project_id=_text(value.get("project_id"), "project_id"),
            annotator=_text(value.get("annotator"), "annotator"),
            start_from=None if start is None else _text(start, "start_from"),
            created=_text(value.get("created"), "created"), schema_version=version,
            base=_fingerprints(value.get("base", {})))
    except ValueError as exc:
        raise ProjectError(f"{source}: the package description is damaged ({exc})") from exc


def write_package_info(conn: sqlite3.Connection, info: PackageInfo) -> None:
    """Store the package row (inside the caller's transaction)."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                 " SET value = excluded.value", (PACKAGE_KEY, info.to_json()))


def read_merged(conn: sqlite3.Connection, package_id: str) -> dict[str, dict[str, list[str]]]:
    """Annotator -> sha256 -> fingerprints earlier merges of ``package_id`` brought into the
    project (empty when none, or when the row is damaged: it only ever widens what a merge
    may replace)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?",
                       (MERGED_PREFIX + package_id,)).fetchone()
    if row is None:
        return {}
    try:
        value = load_json(row[0])
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    out: dict[str, dict[str, list[str]]] = {}
    for name, docs in value.items():
        if isinstance(docs, dict):
            out[str(name)] = {str(k): [str(x) for x in v] for k, v in docs.items()
                              if isinstance(v, list)}
    return out


def write_merged(conn: sqlite3.Connection, package_id: str,
                 merged: dict[str, dict[str, list[str]]]) -> None:
    """Store what merges of ``package_id`` brought in (inside the caller's transaction)."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                 " SET value = excluded.value",
                 (MERGED_PREFIX + package_id,
                  json.dumps(merged, ensure_ascii=False, sort_keys=True)))
