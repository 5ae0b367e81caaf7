"""SQLite's SQL, as the store writes it, rewritten for PostgreSQL: once per statement text.

Only the code outside string literals and quoted names is rewritten:

- ``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%`` when there are
  parameters);
- ``INSERT OR IGNORE INTO`` becomes ``INSERT INTO ... ON CONFLICT DO NOTHING``;
- an ``INSERT`` into a table with an ``id`` column gets ``RETURNING id`` (the cursor's
  ``lastrowid``);
- ``INDEXED BY name`` (an SQLite planner hint) is dropped;
- the SQLite functions the store uses: ``instr`` (``strpos``), ``group_concat``
  (``string_agg``), ``char`` (``chr``), ``total`` (``sum``), ``ifnull`` (``coalesce``);
- ``IS ?`` / ``IS NOT 'x'`` (a value, not NULL) become ``IS [NOT] DISTINCT FROM``;
- ``rowid`` is ``id`` in a table that has one, elsewhere the row's physical place
  (``ctid`` as block * 65536 + offset: stable while the row is not updated, enough for
  naming a damaged row in ``validate``);
- scalar ``max(a, b)`` / ``min(a, b)`` become ``GREATEST`` / ``LEAST``.

Pragmas and transaction control are answered by the connection (:mod:`.postgres`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

ID_TABLES = frozenset({"annotators", "documents", "entities", "quotes", "events",
                       "event_arguments", "stances", "notes", "journal"})
"""Tables whose key is an identity column ``id`` (SQLite's ``INTEGER PRIMARY KEY``)."""

_PIECES = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*")""")
_FUNCTIONS = (
    (re.compile(r"(?i)\binstr\s*\("), "strpos("),
    (re.compile(r"(?i)\bgroup_concat\s*\("), "string_agg("),
    (re.compile(r"(?i)\bchar\s*\((\d+)\)"), r"chr(\1)"),
    (re.compile(r"(?i)\btotal\s*\("), "sum("),
    (re.compile(r"(?i)\bifnull\s*\("), "coalesce("),
    (re.compile(r"(?i)\bINDEXED\s+BY\s+\w+"), ""),
    (re.compile(r"(?i)\bIS\s+NOT\s+(\?|\x00\d+\x00|\d+\b)"), r"IS DISTINCT FROM \1"),
    (re.compile(r"(?i)\bIS\s+(\?|\x00\d+\x00|\d+\b)"), r"IS NOT DISTINCT FROM \1"),
)
_HIDDEN = re.compile("\x00(\\d+)\x00")
_EXTREME = re.compile(r"(?i)\b(max|min)\s*\(")
_ROWID = re.compile(r"(?i)\b(?:(\w+)\.)?rowid\b")
_SOURCES = re.compile(r'(?i)\b(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?(?!WHERE\b|JOIN\b|ON\b'
                      r'|ORDER\b|GROUP\b|LIMIT\b|LEFT\b|INNER\b)(\w+))?')
_OR_IGNORE = re.compile(r"(?i)^\s*INSERT\s+OR\s+IGNORE\s+INTO\b")
_INSERT_INTO = re.compile(r'(?i)^\s*INSERT\s+INTO\s+"?(\w+)"?')
_COLUMNS = re.compile(r'(?is)^\s*INSERT\s+INTO\s+"?\w+"?\s*\(([^)]*)\)')
_RETURNING = re.compile(r"(?i)\bRETURNING\b")
_ON_CONFLICT = re.compile(r"(?i)\bON\s+CONFLICT\b")


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement rewritten for PostgreSQL."""

    sql: str
    returns_id: bool
    """Whether the statement ends with ``RETURNING id`` added for ``lastrowid``."""
    sets_id: str | None = None
    """The identity table this INSERT gives ids of its own (its sequence must then be moved
    past them: SQLite's AUTOINCREMENT never hands out an id already used)."""


@functools.lru_cache(maxsize=4096)
def translate(sql: str, with_params: bool, want_id: bool = True) -> Statement:
    """The PostgreSQL form of one SQLite statement of the store (cached)."""
    ignore = bool(_OR_IGNORE.match(sql))
    if ignore:
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1)
    literals: list[str] = []

    def hide(found: re.Match[str]) -> str:
        literals.append(found.group(0))
        return f"\x00{len(literals) - 1}\x00"

    code = _PIECES.sub(hide, sql)
    for pattern, replacement in _FUNCTIONS:
        code = pattern.sub(replacement, code)
    code = _scalar_extremes(code)
    if _ROWID.search(code):
        code = _rowids(code)
    if with_params:
        code = code.replace("%", "%%").replace("?", "%s")
        literals = [text.replace("%", "%%") for text in literals]
    text = _HIDDEN.sub(lambda found: literals[int(found.group(1))], code)

    text = text.rstrip().rstrip(";")
    if ignore and not _ON_CONFLICT.search(text):
        text += " ON CONFLICT DO NOTHING"
    found = _INSERT_INTO.match(text)
    returns_id = bool(want_id and found and found.group(1) in ID_TABLES
                      and not _RETURNING.search(text))
    if returns_id:
        text += " RETURNING id"
    sets_id = None
    if found and found.group(1) in ID_TABLES:
        columns = _COLUMNS.match(text)
        if columns and "id" in {c.strip().strip('"') for c in columns.group(1).split(",")}:
            sets_id = found.group(1)
    return Statement(text, returns_id, sets_id)


def _scalar_extremes(code: str) -> str:
    """SQLite's scalar ``max(a, b)`` / ``min(a, b)`` as ``GREATEST`` / ``LEAST`` (the
    one-argument aggregates stay)."""
    out: list[str] = []
    at = 0
    for found in _EXTREME.finditer(code):
        if found.start() < at:
            continue
        depth, comma, end = 0, False, len(code)
        for index in range(found.end() - 1, len(code)):
            char = code[index]
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    end = index
                    break
            elif char == "," and depth == 1:
                comma = True
        if not comma:
            continue
        name = "GREATEST" if found.group(1).lower() == "max" else "LEAST"
        inner = _scalar_extremes(code[found.end():end])
        out.append(code[at:found.start()] + f"{name}({inner})")
        at = end + 1
    out.append(code[at:])
    return "".join(out)


def _rowids(code: str) -> str:
    """SQLite's ``rowid`` (see the module's docstring)."""
    tables: dict[str, str] = {}
    first = None
    for found in _SOURCES.finditer(code):
        table = found.group(1)
        first = first or table
        tables[(found.group(2) or table).lower()] = table
        tables.setdefault(table.lower(), table)

    def column(found: re.Match[str]) -> str:
        alias = found.group(1)
        table = tables.get(alias.lower(), alias) if alias else (first or "")
        prefix = f"{alias}." if alias else ""
        if table in ID_TABLES:
            return f"{prefix}id"
        place = f"({prefix}ctid::text::point)"
        return f"({place}[0]::bigint * 65536 + {place}[1]::bigint)"

    return _ROWID.sub(column, code)
