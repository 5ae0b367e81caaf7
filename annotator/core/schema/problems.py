"""What goes wrong in a schema file: one :class:`SchemaProblem` per mistake, all of them
gathered into one :class:`SchemaError`.

Loading never stops at the first mistake: every check runs and adds to a :class:`Problems`
collector, so a user fixing a hand-edited file sees the whole list at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One mistake: the ``file`` it is in, the dotted ``key`` (``entities.types[3].color``;
    ``line N`` for a TOML syntax error, empty when it concerns the whole file) and the
    ``reason``. ``line`` is the 1-based line when it is known (syntax errors)."""

    file: str
    key: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        if self.key:
            return f"{self.file}: {self.key}: {self.reason}"
        return f"{self.file}: {self.reason}"


class SchemaError(Exception):
    """A schema that cannot be used; ``problems`` lists every mistake found, in file order
    of the checks, and ``str(error)`` shows them one a line."""

    def __init__(self, problems: list[SchemaProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class Problems:
    """Collects the problems of one source while the checks run."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[SchemaProblem] = []

    def add(self, key: str, reason: str, line: int | None = None) -> None:
        """Record that ``key`` is wrong because of ``reason``."""
        self.items.append(SchemaProblem(self.source, key, reason, line))

    def __bool__(self) -> bool:
        return bool(self.items)


def show(value: Any) -> str:
    """A value as it would look in the TOML file, for messages (strings quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def kind_of(value: Any) -> str:
    """The TOML name of a value's type, with its article (``"a string"``)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"
