"""The project-wide name lexicon behind proclitic snapping (docs/ARABIC.md, Proclitics).

Evidence that a word is a name comes from three places, all folded alike
(:func:`~annotator.core.text.clitics.name_key`):

* the names shipped with the package (``annotator/resources/names/ar_names.tsv``: countries,
  capitals and large cities, regions, organisations, news bodies, people in the news and
  frequent given names, about 4,000 entries): ``واشنطن``, ``بلينكن`` and ``وارسو`` stay
  whole, ``لبرلين`` snaps to ``برلين`` in a project that never wrote برلين alone;
* the schema's gazetteer;
* every annotated entity string of every document of the project (one SQL pass), so one
  correction helps the next occurrence in any document;

less the names an annotator turned off (:meth:`Project.disable_name
<annotator.core.store.lexicon.LexiconMixin.disable_name>`; the ``annotator lexicon`` command),
so a wrong correction does not spread. A turned-off name is dropped from every source.

The app builds :func:`build_project_lexicon` once per project after the first paint (see
docs/BENCHMARKS.md for its cost), then keeps it current with ``NameLexicon.add_name`` on each
new or resized entity, and rebuilds it when a name is turned off or on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from annotator.core.resources import ARABIC_NAMES, read_resource_text
from annotator.core.store import Project
from annotator.core.text.clitics import WORD_LABELS, NameLexicon, name_key

SHIPPED = "shipped"
GAZETTEER = "gazetteer"
ANNOTATED = "annotated"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One name of a project's lexicon, for listing: where it comes from and whether an
    annotator turned it off. ``count`` is how often it is annotated (0 when not)."""

    name: str
    label: str | None
    source: str
    count: int
    disabled: bool


def parse_names(text: str) -> list[tuple[str, str]]:
    """``(name, label)`` pairs of a names file: ``name<TAB>label`` lines, ``#`` comments and
    blank lines skipped. ``ValueError`` names the first malformed line."""
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, label = line.partition("\t")
        if not tab or not name.strip() or not label.strip() or "\t" in label:
            raise ValueError(f"line {number}: expected name<TAB>label, got {line!r}")
        pairs.append((name.strip(), label.strip()))
    return pairs


@cache
def shipped_names() -> tuple[tuple[str, str], ...]:
    """The names shipped with the package, as ``(name, label)``."""
    return tuple(parse_names(read_resource_text(ARABIC_NAMES)))


@cache
def _shipped_keys() -> tuple[tuple[str, str], ...]:
    """The shipped names folded once per process: ``(key, label)``."""
    return tuple((name_key(name), label) for name, label in shipped_names())


def _sources(project: Project, shipped: bool, annotated: bool = True
             ) -> Iterable[tuple[str, str | None, str, int]]:
    """Every ``(name, label, source, count)`` before turning names off (the annotated
    names only with ``annotated``)."""
    if shipped:
        for name, label in shipped_names():
            yield name, label, SHIPPED, 0
    for label, names in project.schema.gazetteer.items():
        for name in names:
            yield name, label, GAZETTEER, 0
    if annotated:
        for name, label, count in project.entity_name_counts():
            yield name, label, ANNOTATED, count


@dataclass(slots=True)
class LexiconParts:
    """A project lexicon with what a view needs to keep it current: ``labels`` of every
    known name (folded key -> label; turned-off names included, so turning one back on
    restores it), ``annotated`` how often each key is annotated in the project, ``fixed``
    the keys that come from the shipped names or the gazetteer (never forgotten when their
    last annotation goes), ``disabled`` the turned-off keys."""

    lexicon: NameLexicon
    labels: dict[str, str | None] = field(default_factory=dict)
    annotated: Counter[str] = field(default_factory=Counter)
    fixed: set[str] = field(default_factory=set)
    disabled: set[str] = field(default_factory=set)


def build_lexicon_parts(project: Project, *, shipped: bool = True, annotated: bool = True,
                        texts: Iterable[str] = ()) -> LexiconParts:
    """:func:`build_project_lexicon` with the parts a view keeps it current with; without
    ``annotated`` only the shipped names and the gazetteer (fast: the annotated names of a
    large project take seconds to read)."""
    parts = LexiconParts(NameLexicon(), disabled=set(project.disabled_names()))
    if shipped:
        for shipped_key, shipped_label in _shipped_keys():
            parts.labels[shipped_key] = shipped_label
            parts.fixed.add(shipped_key)
    # One label per distinct string is enough (its words count when any label is PERS).
    local: dict[str, str | None] = {}
    for name, label, source, count in _sources(project, False, annotated):
        if local.get(name) not in WORD_LABELS:
            local[name] = label
        if source == ANNOTATED:
            parts.annotated[name_key(name)] += count
        else:
            parts.fixed.add(name_key(name))
    for name, label in local.items():
        key = name_key(name)
        if parts.labels.get(key) not in WORD_LABELS:
            parts.labels[key] = label
    for key, label in parts.labels.items():
        if key not in parts.disabled:
            parts.lexicon.add_key(key, label)
    for text in texts:
        parts.lexicon.add_text(text)
    return parts


def build_project_lexicon(project: Project, *, shipped: bool = True,
                          texts: Iterable[str] = ()) -> NameLexicon:
    """The lexicon for snapping selections in ``project``: shipped names (unless
    ``shipped`` is False), the gazetteer and every annotated name of every document, less
    the turned-off names. ``texts`` (e.g. the open document) feed the word vocabulary,
    which the other rules of :func:`~annotator.core.text.snap_to_name` use."""
    return build_lexicon_parts(project, shipped=shipped, texts=texts).lexicon


def lexicon_entries(project: Project, *, shipped: bool = False) -> list[LexiconEntry]:
    """The project's names (annotated and gazetteer; shipped ones too with ``shipped``) and
    every turned-off name, one entry per folded name and source, most annotated first."""
    disabled = project.disabled_names()
    entries: dict[tuple[str, str], LexiconEntry] = {}
    for name, label, source, count in _sources(project, shipped):
        key = (name_key(name), source)
        old = entries.get(key)
        total = count + (old.count if old else 0)
        entries[key] = LexiconEntry(old.name if old else name, old.label if old else label,
                                    source, total, key[0] in disabled)
    listed = {folded for folded, _source in entries}
    for folded, name in disabled.items():
        if folded not in listed:
            entries[(folded, "")] = LexiconEntry(name, None, "", 0, True)
    return sorted(entries.values(), key=lambda e: (-e.count, e.source, name_key(e.name)))
