"""What changes between two schemas, and the renames (``OLD=NEW``) that carry annotations over.

A schema holds names in six *categories* an annotation can use: entity labels, quote kinds,
stance labels, stance topics, event types and event roles. :func:`schema_diff` lists what a
new schema adds and removes in each; :func:`parse_renames` reads the user's ``OLD=NEW``
mappings (``entity:OLD=NEW`` to name the category) and :func:`resolve_renames` checks them
against the two schemas: a rename maps a name the new schema removes to one it has.
The store applies them (:mod:`annotator.core.store.schema_change`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.schema.definitions import Schema

CATEGORIES: dict[str, str] = {
    "entity": "entity label",
    "quote": "quote kind",
    "stance": "stance label",
    "topic": "stance topic",
    "event": "event type",
    "role": "event role",
}
"""Category key (the ``entity:`` of ``entity:OLD=NEW``) -> how messages name it."""


def names(schema: Schema, category: str) -> tuple[str, ...]:
    """The names ``schema`` declares in ``category``, in schema order."""
    if category == "entity":
        return tuple(schema.entity_types)
    if category == "quote":
        return schema.quote_kinds
    if category == "stance":
        return schema.stance_labels
    if category == "topic":
        return tuple(schema.topics)
    if category == "event":
        return tuple(schema.event_types)
    if category == "role":
        return tuple(dict.fromkeys(r for t in schema.event_types.values() for r in t.roles))
    raise ValueError(f"unknown category {category!r} ({', '.join(CATEGORIES)})")


@dataclass(frozen=True, slots=True)
class Rename:
    """``old`` of ``category`` becomes ``new`` (``category`` None until resolved)."""

    category: str | None
    old: str
    new: str

    def __str__(self) -> str:
        what = CATEGORIES.get(self.category or "", "name")
        return f"{what} {self.old} → {self.new}"


class RenameError(ValueError):
    """A mapping that cannot be used (badly written, or not naming what the schemas hold)."""


def parse_renames(texts: Iterable[str]) -> list[Rename]:
    """``["OCC=PERS", "topic:a=b"]`` as renames; :class:`RenameError` for a bad one."""
    renames: list[Rename] = []
    for text in texts:
        left, sep, new = text.partition("=")
        category, colon, old = left.rpartition(":")
        if not colon:
            category, old = "", left
        old, new, category = old.strip(), new.strip(), category.strip()
        if not sep or not old or not new:
            raise RenameError(f"{text!r}: a mapping is written OLD=NEW")
        if category and category not in CATEGORIES:
            raise RenameError(f"{text!r}: unknown category {category!r}"
                              f" (one of {', '.join(CATEGORIES)})")
        renames.append(Rename(category or None, old, new))
    return renames


def resolve_renames(old: Schema, new: Schema, renames: Iterable[Rename]) -> list[Rename]:
    """The renames with their category: a plain ``OLD=NEW`` applies to every category where
    ``old`` declares OLD and ``new`` no longer does. Raises :class:`RenameError` (every
    mistake at once) for a name that is not removed, or a target the new schema lacks."""
    resolved: list[Rename] = []
    problems: list[str] = []
    for rename in renames:
        categories = [rename.category] if rename.category else [
            c for c in CATEGORIES if rename.old in names(old, c)
            and rename.old not in names(new, c)]
        if not categories:
            problems.append(f"{rename.old}={rename.new}: {rename.old} is not a name that the"
                            " new schema removes")
            continue
        for category in categories:
            assert category is not None
            what = CATEGORIES[category]
            if rename.new not in names(new, category):
                article = "an" if what[0] in "aeiou" else "a"
                problems.append(f"{rename.old}={rename.new}: {rename.new} is not {article}"
                                f" {what} of the new schema")
            elif rename.old in names(new, category):
                problems.append(f"{rename.old}={rename.new}: the new schema still has the"
                                f" {what} {rename.old}")
            else:
                resolved.append(Rename(category, rename.old, rename.new))
    seen: dict[tuple[str | None, str], str] = {}
    for rename in resolved:
        earlier = seen.setdefault((rename.category, rename.old), rename.new)
        if earlier != rename.new:
            problems.append(f"{rename.old} is mapped to both {earlier} and {rename.new}")
    if problems:
        raise RenameError("; ".join(problems))
    return list(dict.fromkeys(resolved))


@dataclass(frozen=True, slots=True)
class SchemaDiff:
    """Per category, the names only the new schema has (``added``) and only the old one
    has (``removed``); ``other`` says, when no name was added or removed, whether anything
    else differs (colours, hotkeys, descriptions, attributes, role types, document labels)."""

    added: dict[str, tuple[str, ...]]
    removed: dict[str, tuple[str, ...]]
    other: bool

    def lines(self, renames: Iterable[Rename] = ()) -> list[str]:
        """``entity label added: X`` ... one line per change, renames shown as such."""
        renamed = {(r.category, r.old) for r in renames}
        targets = {(r.category, r.new) for r in renames}
        out: list[str] = [f"{r} (renamed)" for r in renames]
        for category, what in CATEGORIES.items():
            out.extend(f"{what} added: {name}" for name in self.added.get(category, ())
                       if (category, name) not in targets)
            out.extend(f"{what} removed: {name}" for name in self.removed.get(category, ())
                       if (category, name) not in renamed)
        if self.other:
            out.append("other changes: colours, keys, descriptions, attributes, role types"
                       " or document labels")
        return out


def schema_diff(old: Schema, new: Schema) -> SchemaDiff:
    """What ``new`` adds and removes compared with ``old``."""
    added: dict[str, tuple[str, ...]] = {}
    removed: dict[str, tuple[str, ...]] = {}
    for category in CATEGORIES:
        before, after = names(old, category), names(new, category)
        if plus := tuple(n for n in after if n not in before):
            added[category] = plus
        if minus := tuple(n for n in before if n not in after):
            removed[category] = minus
    same = {k: v for k, v in old.to_dict().items() if k != "schema"} == {
        k: v for k, v in new.to_dict().items() if k != "schema"}
    return SchemaDiff(added, removed, other=not same and not added and not removed)
