"""The store's names of user actions ("Add PERS entity", "Mark done"), shown after Undo and
Redo, in the interface language. The store writes them in English into the journal (they are
data: the same in every language); here each known shape is matched and its template
translated, the values it names (labels, roles, statuses, keys) kept as they are. A name of
an unknown shape is shown as the store wrote it. No Qt (the Workbench and the menus use it)."""

from __future__ import annotations

import re

from annotator.ui.i18n import noop, translate

CONTEXT = "Action"

_SHAPES: tuple[tuple[str, str], ...] = (
    (r"Add (?P<label>\S+) entity", noop("Action", "Add {label} entity")),
    (r"Delete (?P<label>\S+) entity", noop("Action", "Delete {label} entity")),
    (r"Resize (?P<label>\S+) entity", noop("Action", "Resize {label} entity")),
    (r"Relabel (?P<old>\S+) → (?P<new>\S+)", noop("Action", "Relabel {old} → {new}")),
    (r"Set (?P<label>\S+) attributes", noop("Action", "Set {label} attributes")),
    (r"Add (?P<type>\S+) event", noop("Action", "Add {type} event")),
    (r"Delete (?P<type>\S+) event", noop("Action", "Delete {type} event")),
    (r"Add (?P<role>\S+) argument", noop("Action", "Add {role} argument")),
    (r"Remove (?P<role>\S+) argument", noop("Action", "Remove {role} argument")),
    (r"Add (?P<label>\S+) stance", noop("Action", "Add {label} stance")),
    (r"Delete (?P<label>\S+) stance", noop("Action", "Delete {label} stance")),
    (r"Set stance (?P<label>\S+)", noop("Action", "Set stance {label}")),
    (r"Add quote", noop("Action", "Add quote")),
    (r"Edit quote", noop("Action", "Edit quote")),
    (r"Delete quote", noop("Action", "Delete quote")),
    (r"Add document note", noop("Action", "Add document note")),
    (r"Edit note", noop("Action", "Edit note")),
    (r"Set label (?P<key>\S+)", noop("Action", "Set label {key}")),
    (r"Clear label (?P<key>\S+)", noop("Action", "Clear label {key}")),
    (r"Mark (?P<status>\S+)", noop("Action", "Mark {status}")),
    (r"Decide (?P<kind>\S+) (?P<key>.+)", noop("Action", "Decide {kind} {key}")),
    (r"Curation state", noop("Action", "Curation state")),
    (r"Curate document (?P<doc>\S+) \((?P<policy>[^)]*)\)",
     noop("Action", "Curate document {doc} ({policy})")),
    (r"Label all «(?P<text>.*)» as (?P<label>\S+)",
     noop("Action", "Label all «{text}» as {label}")),
    (r"Pre-annotate from gazetteer", noop("Action", "Pre-annotate from gazetteer")),
    (r"Accept (?P<count>\d+) suggested (?P<label>\S+)",
     noop("Action", "Accept {count} suggested {label}")),
    (r"Apply schema version (?P<version>\d+)(?P<rest>.*)",
     noop("Action", "Apply schema version {version}{rest}")),
    (r"Merge package (?P<name>.+) \((?P<layers>[^)]*)\)",
     noop("Action", "Merge package {name} ({layers})")),
)
_COMPILED = tuple((re.compile(f"^{pattern}$", re.S), template) for pattern, template in _SHAPES)


def action_text(name: str) -> str:
    """``name`` (a journal entry's action) in the interface language."""
    for pattern, template in _COMPILED:
        found = pattern.match(name)
        if found is not None:
            return translate(CONTEXT, template).format(**found.groupdict())
    return name
