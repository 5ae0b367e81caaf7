"""docs/ARCHITECTURE.md matches the tree: every package and module its tree block names exists,
every folder of ``annotator/`` is in the block, and where the block lists a folder's modules as
entries it lists all of them. Read from the files; nothing is imported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "annotator"
ENTRY_INDENT = 10
"""Lines indented less than this name tree entries; deeper ones continue a description."""
_NAME = re.compile(r"^[\w.]+(?:/|\.py,?)$")
_MODULE = re.compile(r"(?<![\w/*.])(\w+\.py)\b")


@dataclass
class Entry:
    path: str
    """Relative to the repository, folders ending in ``/``."""
    text: str = ""
    modules: list[str] = field(default_factory=list)
    """Further modules named on the entry's own line (``qt.py, plain_text.py, fonts.py``):
    entries of the tree too."""
    mentioned: list[str] = field(default_factory=list)
    """Modules its description names (``registry.py`` in the exports' description)."""

    @property
    def folder(self) -> str:
        """The folder the entry is (a package) or is in (a module)."""
        return self.path if self.path.endswith("/") else self.path.rsplit("/", 1)[0] + "/"

    def named_in(self, text: str) -> list[str]:
        """The modules ``text`` names (``x.py``; not ``a/x.py`` nor ``*_x.py``), as paths."""
        return [self.folder + module for module in _MODULE.findall(text)
                if self.folder + module != self.path]


def tree_block() -> str:
    doc = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    found = re.search(r"```\n(annotator/\n.*?)```", doc, re.S)
    assert found is not None, "ARCHITECTURE.md has no tree block starting with annotator/"
    return found.group(1)


def parse_tree(block: str) -> list[Entry]:
    """The entries of the tree block, with their paths from the indentation."""
    entries: list[Entry] = []
    stack: list[tuple[int, str]] = []  # (indent, folder path)
    for line in block.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        first, _, rest = line.strip().partition(" ")
        if indent < ENTRY_INDENT and _NAME.match(first):
            while stack and stack[-1][0] >= indent:
                stack.pop()
            entry = Entry((stack[-1][1] if stack else "") + first.rstrip(","), line)
            entry.modules = entry.named_in(rest)
            entries.append(entry)
            if entry.path.endswith("/"):
                stack.append((indent, entry.path))
        elif entries:
            entries[-1].text += "\n" + line
            entries[-1].mentioned += entries[-1].named_in(line)
    return entries


def test_the_parser_reads_paths_from_the_indentation() -> None:
    block = ("annotator/\n  core/            plain\n    model.py       data; see text/spans.py\n"
             "    text/          Arabic text\n                   words.py, *_reader.py\n"
             "    a.py x; b.py y\n  ui/  the UI\n")
    entries = {entry.path: entry for entry in parse_tree(block)}
    assert list(entries) == ["annotator/", "annotator/core/", "annotator/core/model.py",
                             "annotator/core/text/", "annotator/core/a.py", "annotator/ui/"]
    assert entries["annotator/core/text/"].mentioned == ["annotator/core/text/words.py"]
    assert entries["annotator/core/a.py"].modules == ["annotator/core/b.py"]
    assert entries["annotator/core/model.py"].modules == []


def test_every_name_in_the_tree_exists() -> None:
    missing = [path for entry in parse_tree(tree_block())
               for path in [entry.path, *entry.modules, *entry.mentioned]
               if not (REPO / path).exists()]
    assert missing == []


def test_every_folder_of_the_package_is_in_the_tree() -> None:
    entries = {entry.path: entry for entry in parse_tree(tree_block())}
    absent = []
    for folder in sorted(PACKAGE.rglob("*")):
        if not folder.is_dir() or folder.name == "__pycache__":
            continue
        path = f"{folder.relative_to(REPO)}/"
        parent = entries.get(f"{folder.parent.relative_to(REPO)}/")
        if (folder.parent / "__init__.py").exists() or folder.parent == PACKAGE:
            if path not in entries:
                absent.append(path)
        elif parent is None or f"{folder.name}/" not in parent.text:
            absent.append(path)  # a data folder: named in its parent's description
    assert absent == []


def test_where_the_tree_lists_a_folders_modules_it_lists_all() -> None:
    entries = parse_tree(tree_block())
    listed = {entry.path for entry in entries} | {m for e in entries for m in e.modules}
    unnamed = []
    for folder in {entry.folder for entry in entries if not entry.path.endswith("/")}:
        for module in sorted((REPO / folder).glob("*.py")):
            path = str(module.relative_to(REPO))
            if module.stem not in ("__init__", "__main__") and path not in listed:
                unnamed.append(path)
    assert unnamed == []
