"""The ``annotator`` command's entry point, with a short way to the app.

``annotator PROJECT.annotator`` (or any single argument with a folder part, which no command
name has) opens the app without importing the commands and their modules (part of a 1 s
start, issue 12); everything else, including a bare ``annotator``, goes through the full
command line (:func:`annotator.cli.main.main`), which also explains a missing PySide6.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from annotator.cli import PROJECT_SUFFIX


def opens_a_project(args: list[str]) -> bool:
    """Whether ``args`` can only mean "open this project in the app": one argument, not an
    option, ending in ``.annotator`` or with a folder part (never a command's name)."""
    if len(args) != 1 or args[0].startswith("-"):
        return False
    name = args[0]
    return name.endswith(PROJECT_SUFFIX) or "/" in name or os.sep in name


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else list(argv)
    if opens_a_project(args):
        try:
            from annotator.ui.window.app import run
        except ImportError:
            pass  # the full command line says how to install the app
        else:
            sys.exit(run(args[0]))
    from annotator.cli.main import main as full

    return full(args)
