"""Who is annotating: which name the app opens a project as, without Qt.

The name comes, first found, from ``annotator PROJECT --annotator NAME``, the
``ANNOTATOR_NAME`` environment variable, or the name remembered in the app's settings (asked
once, at the first start, with the login name as the default, and changed in Preferences).
A name given on the command line or in the environment is used for that run and skips the
question; only a name the user typed in the app is remembered.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from annotator.core.store.project import ANNOTATOR_ENV, default_annotator
from annotator.ui.i18n import translate

MAX_NAME_LENGTH = 64


@dataclass(frozen=True, slots=True)
class NameChoice:
    """The name to open as (None: ask, offering :attr:`suggested`) and where it came from:
    ``argument``, ``environment``, ``settings`` or ``ask``."""

    name: str | None
    source: str
    suggested: str


def choose_name(argument: str | None, stored: str | None,
                environment: str | None = None) -> NameChoice:
    """The annotator name to open a project as; ``environment`` defaults to
    ``$ANNOTATOR_NAME``."""
    suggested = default_annotator()
    if argument and not name_problem(argument):
        return NameChoice(argument.strip(), "argument", suggested)
    env = os.environ.get(ANNOTATOR_ENV, "") if environment is None else environment
    if env.strip() and not name_problem(env):
        return NameChoice(env.strip(), "environment", suggested)
    if stored and not name_problem(stored):
        return NameChoice(stored.strip(), "settings", suggested)
    return NameChoice(None, "ask", suggested)


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be an annotator's name (empty, too long, control or format
    characters such as bidi overrides), or None."""
    stripped = name.strip()
    if not stripped:
        return translate("AnnotatorName", "the name is empty")
    if len(stripped) > MAX_NAME_LENGTH:
        return translate("AnnotatorName", "the name is longer than {count} characters").format(
            count=MAX_NAME_LENGTH)
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in stripped):
        return translate("AnnotatorName", "the name holds a control or formatting character")
    return None
