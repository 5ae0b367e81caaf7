"""Typed, path-aware reading of a parsed TOML document.

A :class:`Table` wraps one TOML table with its dotted path. Every accessor checks the type of
the value, records a problem (with the full key and a reason) instead of raising, and remembers
the key as known; :meth:`Table.finish` then reports every key nobody asked for, which is how
typos such as ``colour`` or ``hotkye`` are caught.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from typing import Any

from annotator.core.schema.problems import Problems, kind_of, show

Check = Callable[[str], str | None]
"""Returns why a string is not acceptable, or None when it is."""


def join(path: str, name: str) -> str:
    """``path.name`` (just ``name`` at the top level)."""
    return f"{path}.{name}" if path else name


class Table:
    """One TOML table being read; see the module docstring."""

    def __init__(self, data: dict[str, Any], path: str, problems: Problems) -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.known: set[str] = set()

    def key(self, name: str) -> str:
        """The full dotted key of ``name`` in this table."""
        return join(self.path, name)

    def has(self, name: str) -> bool:
        """Whether ``name`` is present (and counts as a known key)."""
        self.known.add(name)
        return name in self.data

    def _get(self, name: str, required: bool) -> Any:
        self.known.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "required key is missing")
            return None
        return self.data[name]

    def _wrong_type(self, key: str, expected: str, value: Any) -> None:
        found = kind_of(value)
        shown = "" if isinstance(value, dict | list) else f" ({show(value)})"
        self.problems.add(key, f"expected {expected}, found {found}{shown}")

    def string(self, name: str, *, required: bool = False, default: str = "",
               check: Check | None = None, nonempty: bool = False) -> str | None:
        """A string value; ``None`` when it is missing-but-required or wrong (problem added),
        ``default`` when it is optional and absent."""
        value = self._get(name, required)
        if value is None:
            return None if required else default
        if not isinstance(value, str):
            self._wrong_type(self.key(name), "a string", value)
            return None
        if nonempty and not value.strip():
            self.problems.add(self.key(name), "must not be empty")
            return None
        if check is not None:
            reason = check(value)
            if reason is not None:
                self.problems.add(self.key(name), reason)
                return None
        return value

    def integer(self, name: str, *, required: bool = False, minimum: int | None = None
                ) -> int | None:
        """An integer value (booleans are not integers here)."""
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong_type(self.key(name), "an integer", value)
            return None
        if minimum is not None and value < minimum:
            self.problems.add(self.key(name), f"{value} is less than {minimum}")
            return None
        return value

    def boolean(self, name: str, *, default: bool) -> bool:
        """A boolean value, ``default`` when absent or wrong (a wrong one adds a problem)."""
        value = self._get(name, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self._wrong_type(self.key(name), "true or false", value)
            return default
        return value

    def strings(self, name: str, *, required: bool = False, nonempty: bool = False,
                check: Check | None = None, nfc: bool = False) -> tuple[str, ...] | None:
        """An array of strings, checked item by item; duplicates and bad items are reported
        and dropped. ``None`` when absent or not an array, else the good items."""
        value = self._get(name, required)
        if value is None:
            return None
        key = self.key(name)
        if not isinstance(value, list):
            self._wrong_type(key, "an array of strings", value)
            return None
        if nonempty and not value:
            self.problems.add(key, "must not be empty")
        good: list[str] = []
        first_at: dict[str, int] = {}
        for index, raw in enumerate(value):
            item_key = f"{key}[{index}]"
            if not isinstance(raw, str):
                self._wrong_type(item_key, "a string", raw)
                continue
            item = unicodedata.normalize("NFC", raw) if nfc else raw
            reason = check(item) if check is not None else None
            if reason is None and not item.strip():
                reason = "must not be empty"
            if reason is not None:
                self.problems.add(item_key, reason)
                continue
            if item in first_at:
                also = f"{key}[{first_at[item]}]"
                self.problems.add(item_key, f"duplicate {show(item)} (also {also})")
                continue
            first_at[item] = index
            good.append(item)
        return tuple(good)

    def table(self, name: str, *, required: bool = False) -> Table | None:
        """A sub-table (``[path.name]``), or ``None`` when absent or not a table."""
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._wrong_type(self.key(name), "a table", value)
            return None
        return Table(value, self.key(name), self.problems)

    def tables(self, name: str, *, required: bool = False) -> list[Table]:
        """An array of tables (``[[path.name]]``); entries that are not tables are reported."""
        value = self._get(name, required)
        if value is None:
            return []
        key = self.key(name)
        if not isinstance(value, list):
            self._wrong_type(key, f"an array of tables ([[{key}]])", value)
            return []
        if required and not value:
            self.problems.add(key, "must not be empty")
        result: list[Table] = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                result.append(Table(item, f"{key}[{index}]", self.problems))
            else:
                self._wrong_type(f"{key}[{index}]", "a table", item)
        return result

    def named_tables(self, check_name: Check) -> dict[str, Table]:
        """Every entry of this table as a sub-table keyed by name (``[path.NAME]``), for tables
        of definitions; names failing ``check_name`` and non-table values are reported."""
        result: dict[str, Table] = {}
        for name, value in self.data.items():
            self.known.add(name)
            reason = check_name(name)
            if reason is not None:
                self.problems.add(self.key(name), reason)
            elif not isinstance(value, dict):
                self._wrong_type(self.key(name), "a table", value)
            else:
                result[name] = Table(value, self.key(name), self.problems)
        return result

    def finish(self) -> None:
        """Report the keys of this table that no accessor asked for (typos, leftovers)."""
        for name in self.data:
            if name in self.known:
                continue
            close = difflib.get_close_matches(name, sorted(self.known), n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            allowed = ", ".join(sorted(self.known))
            self.problems.add(self.key(name), f"unknown key{hint}; known keys: {allowed}")
