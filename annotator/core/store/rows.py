"""Decoding the rows of an untrusted project file, in one place.

A project file may have been damaged (a disk, a crash of another tool) or crafted by hand:
any column may hold any SQLite value, whatever its declared type. Every read path turns
stored values into Python objects through :func:`decode_row`, which checks each value
against the column's kind in the schema the migrations create (:func:`kinds`: integer or
text, nullable or not, JSON and which JSON) and raises :class:`DamagedRowError` naming the
table, the row and what is wrong. The callers decide what a damaged row means: a document
is skipped and reported by the streaming reads, an annotation is left out of the shown
document with a warning, ``validate`` lists every one.

* Text that is not valid UTF-8: the connection's ``text_factory`` (:func:`decode_text`)
  decodes with U+FFFD replacements and marks the value as :class:`DamagedText`, so reading
  never fails and a damaged value is never taken for a healthy one.
* JSON: :func:`load_json` never raises anything but :class:`ValueError` (invalid, nested
  too deep, a ``RecursionError`` from the parser) and caps nesting at
  :data:`MAX_JSON_DEPTH`, so later code walking a value cannot recurse too deep either.
* Messages never quote stored text: only short values, cut at :data:`QUOTE_LIMIT`
  characters with control and bidi characters escaped (:func:`shown`).
"""

from __future__ import annotations

import functools
import itertools
import json
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from annotator.core.json_depth import nested_deeper
from annotator.core.store.errors import ProjectError
from annotator.core.store.tables import TABLE_KEYS

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects accepted in a stored JSON value."""
QUOTE_LIMIT = 80
"""Longest stored value (an id, a label) quoted in a message, in characters."""


class DamagedText(str):
    """Stored text that was not valid UTF-8, decoded with U+FFFD replacements."""

    __slots__ = ()


def decode_text(data: bytes) -> str:
    """The ``text_factory`` of every project connection: strict UTF-8, or a
    :class:`DamagedText` holding the replaced text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(data.decode("utf-8", "replace"))


def shown(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """A stored value for a message: ``repr``-like, at most ``limit`` characters of it,
    control, format (bidi) and surrogate characters escaped."""
    if isinstance(value, bytes):
        return f"a BLOB of {len(value)} byte(s)"
    text = str(value)
    cut = len(text) > limit
    out = []
    for ch in text[:limit]:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            out.append(ch)
    body = "".join(out) + ("…" if cut else "")
    return f"'{body}'" if isinstance(value, str) else body


class DamagedRowError(ProjectError):
    """A stored row that cannot be read as what its table holds."""

    def __init__(self, table: str, row_id: Any, reason: str, doc_id: int | None = None) -> None:
        self.table = table
        self.row_id = row_id
        self.reason = reason
        self.doc_id = doc_id
        where = f"document {doc_id}" if table == "documents" else (
            f"{table} row {shown(row_id)}"
            + (f" (document {doc_id})" if doc_id is not None else ""))
        super().__init__(f"{where} is damaged: {reason}")


def _depth_ok(value: Any) -> bool:
    """Whether ``value`` nests at most :data:`MAX_JSON_DEPTH` levels."""
    return not nested_deeper(value, MAX_JSON_DEPTH)


def load_json(text: Any) -> Any:
    """A stored JSON value; ``ValueError`` with a short reason for anything else (not text,
    not UTF-8, not JSON, nested deeper than :data:`MAX_JSON_DEPTH`)."""
    if isinstance(text, bytes):
        raise ValueError("is a BLOB, not JSON text")
    if not isinstance(text, str) or isinstance(text, DamagedText):
        raise ValueError("is not valid UTF-8" if isinstance(text, DamagedText)
                         else f"is {type(text).__name__}, not JSON text")
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(f"holds JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as exc:
        raise ValueError(f"is invalid JSON ({str(exc)[:QUOTE_LIMIT]})") from None
    if (text.count("[") + text.count("{") > MAX_JSON_DEPTH) and not _depth_ok(value):
        raise ValueError(f"holds JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


@dataclass(frozen=True, slots=True)
class Kind:
    """What a column holds: SQL ``INTEGER`` or ``TEXT``, whether NULL is allowed, and for
    JSON text which JSON (``"object"``, ``"changes"`` for a journal payload, ``"any"``)."""

    sql: str
    nullable: bool
    json: str | None = None


JSON_COLUMNS: dict[tuple[str, str], str] = {
    ("documents", "meta"): "object",
    ("documents", "normalization"): "object",
    ("entities", "attrs"): "object",
    ("quotes", "attrs"): "object",
    ("events", "attrs"): "object",
    ("stances", "attrs"): "object",
    ("document_labels", "value"): "any",
    ("journal", "changes"): "changes",
    ("ui_state", "value"): "any",
    ("curation_decisions", "from_annotators"): "any",
    ("curation_documents", "annotators"): "any",
}


@functools.cache
def kinds() -> dict[str, dict[str, Kind]]:
    """Every table and column of the current format, as the migrations create them (read
    from a fresh in-memory database, so a crafted file's own declarations never count)."""
    from annotator.core.store.migrations import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                            " AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
        # A virtual table (the FTS5 concordance index) and its shadow tables are SQLite's own
        # storage, checked by integrity_check, not rows our readers decode.
        virtual = [str(n) for n, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
        tables = [str(n) for n, _sql in rows
                  if not any(str(n) == v or str(n).startswith(v + "_") for v in virtual)]
        result: dict[str, dict[str, Kind]] = {}
        for table in tables:
            columns: dict[str, Kind] = {}
            for _cid, name, declared, notnull, _default, pk in conn.execute(
                    f'PRAGMA table_info("{table}")'):
                sql = "INTEGER" if "INT" in str(declared).upper() else "TEXT"
                columns[str(name)] = Kind(sql, not notnull and not pk,
                                          JSON_COLUMNS.get((table, str(name))))
            result[table] = columns
        return result
    finally:
        conn.close()


_OPS = {"insert": (False, True), "delete": (True, False), "update": (True, True)}
"""Journal change operations: whether ``before`` and ``after`` must be rows."""


def _changes_problem(value: Any) -> str | None:
    """Why a decoded journal payload is not a list of row changes (an ``audit`` entry holds
    an object instead)."""
    if isinstance(value, dict):
        return None
    if not isinstance(value, list):
        return f"holds a JSON {type(value).__name__}, not a list of changes"
    for i, change in enumerate(value):
        if not isinstance(change, dict):
            return f"change {i} is not an object"
        op = change.get("op")
        if change.get("table") not in TABLE_KEYS or op not in _OPS or "id" not in change:
            return f"change {i} is not a row change of a known table"
        for side, needed in zip(("before", "after"), _OPS[op], strict=True):
            row = change.get(side)
            if (row is not None) != needed or (row is not None and not isinstance(row, dict)):
                return f"change {i} has a wrong {side!r}"
    return None


def decode_value(kind: Kind, value: Any) -> tuple[Any, str | None]:
    """``(decoded value, None)`` or ``(None, reason)`` for one stored value."""
    if value is None:
        return None, (None if kind.nullable else "is NULL")
    if isinstance(value, bytes):
        return None, f"is a BLOB of {len(value)} byte(s), not {kind.sql.lower()}"
    if kind.sql == "INTEGER":
        if type(value) is int:
            return value, None
        return None, f"is {shown(value)}, not an integer"
    if isinstance(value, DamagedText):
        return None, "is not valid UTF-8"
    if not isinstance(value, str):
        return None, f"is {shown(value)}, not text"
    if kind.json is None:
        return value, None
    try:
        decoded = load_json(value)
    except ValueError as exc:
        return None, str(exc)
    if kind.json == "object" and not isinstance(decoded, dict):
        return None, f"holds a JSON {type(decoded).__name__} where an object belongs"
    if kind.json == "changes":
        problem = _changes_problem(decoded)
        if problem is not None:
            return None, problem
    return decoded, None


def decode_values(table: str, columns: tuple[str, ...], row: tuple[Any, ...]
                 ) -> tuple[list[Any], list[str]]:
    """The decoded values of ``row`` (its ``columns`` of ``table``) and a reason per damaged
    value (``"title is not valid UTF-8"``)."""
    spec = kinds()[table]
    values: list[Any] = []
    problems: list[str] = []
    for name, raw in zip(columns, row, strict=True):
        value, problem = decode_value(spec[name], raw)
        values.append(value)
        if problem is not None:
            problems.append(f"{name} {problem}")
    return values, problems


@dataclass(frozen=True, slots=True)
class _Layout:
    healthy: frozenset[tuple[type, ...]]
    """The Python types of every healthy row (one tuple per combination of NULLs)."""
    json: tuple[tuple[int, Kind], ...]
    """Positions of the JSON columns."""


@functools.cache
def _layout(table: str, columns: tuple[str, ...]) -> _Layout:
    spec = kinds()[table]
    choices = [((int,) if spec[c].sql == "INTEGER" else (str,))
               + ((type(None),) if spec[c].nullable else ()) for c in columns]
    return _Layout(frozenset(itertools.product(*choices)),
                   tuple((i, spec[c]) for i, c in enumerate(columns) if spec[c].json))


def decode_row(table: str, columns: tuple[str, ...], row: tuple[Any, ...], row_id: Any,
               doc_id: int | None = None) -> list[Any]:
    """The decoded values of ``row``, or :class:`DamagedRowError` with every problem found.

    The common case costs one comparison of the row's value types with the healthy ones
    (a :class:`DamagedText` is not a ``str`` there) plus the JSON columns' decoding."""
    layout = _layout(table, columns)
    if tuple(map(type, row)) in layout.healthy:
        values = list(row)
        for i, kind in layout.json:
            text = values[i]
            if text == "{}" and kind.json == "object":
                values[i] = {}
                continue
            if text is None:
                continue
            value, problem = decode_value(kind, text)
            if problem is not None:
                raise DamagedRowError(table, row_id, f"{columns[i]} {problem}", doc_id)
            values[i] = value
        return values
    values, problems = decode_values(table, columns, row)
    if problems:
        raise DamagedRowError(table, row_id, "; ".join(problems), doc_id)
    return values


def column_names(columns: str) -> tuple[str, ...]:
    """``'doc_id, id, "end"'`` as ``("doc_id", "id", "end")``."""
    return tuple(c.strip().strip('"') for c in columns.split(","))
