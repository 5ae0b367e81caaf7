"""The data files shipped inside the package (``annotator/resources/``), read with
:mod:`importlib.resources` so they are found the same way in a checkout, an editable
install, a wheel installed by ``pip install .`` or ``pipx``, and a zip import.

=================================  ===========================================================
``schema/default.toml``            the default label schema of a new project
``canonical.schema.json``          JSON Schema of the canonical export (docs/FORMAT.md)
``label-studio-task.schema.json``  JSON Schema of the Label Studio task export
``sample/sample.jsonl``            the sample project's corpus (built by corpora/build_sample.py)
``names/ar_names.tsv``             common Arabic names (``name<TAB>LABEL``), evidence for
                                   proclitic snapping (:mod:`annotator.core.lexicon`)
``icons/annotator.svg``, ``-256``  the app's icon (window, desktop entry, bundle)
=================================  ===========================================================

Every accessor takes a ``/``-separated name relative to that folder. Code that needs a real
file path (SQLite, ``Path.read_text`` callers) uses :func:`resource_path`, which extracts
to a temporary file only when the package is not on a file system.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

PACKAGE = "annotator"
FOLDER = "resources"

DEFAULT_SCHEMA = "schema/default.toml"
CANONICAL_JSON_SCHEMA = "canonical.schema.json"
LABEL_STUDIO_JSON_SCHEMA = "label-studio-task.schema.json"
SAMPLE_CORPUS = "sample/sample.jsonl"
ARABIC_NAMES = "names/ar_names.tsv"
APP_ICON = "icons/annotator-256.png"

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(name: str) -> Traversable:
    """The shipped resource ``name`` (e.g. ``"schema/default.toml"``)."""
    node = resources.files(PACKAGE).joinpath(FOLDER)
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def read_resource_text(name: str) -> str:
    """The UTF-8 text of the shipped resource ``name``; ``FileNotFoundError`` when the
    package was built without it."""
    node = resource(name)
    if not node.is_file():
        raise FileNotFoundError(f"{PACKAGE}/{FOLDER}/{name}: not shipped in this installation")
    return node.read_text(encoding="utf-8")


@cache
def resource_path(name: str) -> Path:
    """A file-system path of the shipped resource ``name`` (extracted to a temporary file,
    kept until exit, when the package is imported from a zip)."""
    node = resource(name)
    if isinstance(node, Path):
        return node
    return _extracted.enter_context(resources.as_file(node))
