"""Gazetteer pre-annotation: an entity for every occurrence of a known name.

Matching runs on the folded text (see :func:`annotator.core.text.fold`), so أحمد in the gazetteer
finds احمد and أَحْمَد in the text. A match counts only as a whole word, optionally after attached
proclitics (و ف, then ب ل ك; ``لل`` for ل + ال when the name starts with ال); the proclitics stay
outside the entity. All additions form one undoable action.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.intervals import ContainmentIndex
from annotator.core.model import InputError
from annotator.core.store import Project
from annotator.core.text import Folded, fold, read_text_file, settle_span

_LABEL = re.compile(r"^[A-Z][A-Z0-9_-]*$")
_PROCLITIC_PREFIX = re.compile(r"(?:[وف]?[بلك]?)$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    label: str
    line: int


def load_gazetteer(path: str | Path) -> list[GazetteerEntry]:
    """Read ``name<TAB>LABEL`` lines (``#`` starts a comment); raise InputError on a bad line."""
    text, _record = read_text_file(path)
    entries: list[GazetteerEntry] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip():
            raise InputError(str(path), "expected 'name<TAB>LABEL'", number)
        name, label = parts[0].strip(), parts[1].strip()
        if not _LABEL.match(label):
            raise InputError(str(path), f"'{label}' is not a label (A-Z, digits, _ and -)", number)
        entries.append(GazetteerEntry(name, label, number))
    return entries


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch.isdigit()


def find_name(folded: Folded, name: str) -> list[tuple[int, int]]:
    """Original-offset spans where folded ``name`` is a whole word, maybe after proclitics."""
    key = fold(name).text
    if not key:
        return []
    keys = [key]
    if key.startswith("ال") and len(key) > 3:
        keys.append("ل" + key[2:])  # للعراق: ل + (ا)لعراق, the alef of ال is not written
    haystack = folded.text
    spans: list[tuple[int, int]] = []
    for variant in keys:
        start = haystack.find(variant)
        while start != -1:
            end = start + len(variant)
            if _word_edge_before(haystack, start, elided=variant is not key) and (
                end == len(haystack) or not _is_letter(haystack[end])
            ):
                # The cluster of the last letter may carry a ZWNJ/ZWJ (web copies): settle
                # the span so that its end keeps the edge rule (docs/ARABIC.md, Span edges)
                # and add_entity accepts it.
                span = settle_span(folded.original, *folded.original_span(start, end))
                if span[0] < span[1]:
                    spans.append(span)
            start = haystack.find(variant, start + 1)
    return sorted(set(spans))


def _word_edge_before(haystack: str, start: int, *, elided: bool) -> bool:
    """True when ``start`` begins a word, or only proclitics separate it from the word start."""
    word_start = start
    while word_start > 0 and _is_letter(haystack[word_start - 1]):
        word_start -= 1
    prefix = haystack[word_start:start]
    if elided:  # the name's ال became a bare ل, so the prefix must end with the ل of لل
        return prefix.endswith("ل") and _PROCLITIC_PREFIX.match(prefix[:-1]) is not None
    return prefix == "" or (_PROCLITIC_PREFIX.match(prefix) is not None and len(prefix) <= 2)


def plan_entities(
    text: str, ordered: Sequence[GazetteerEntry], existing: Iterable[tuple[int, int, str]] = ()
) -> list[tuple[int, int, str]]:
    """The entities pre-annotation adds to one document, in the order they are added.

    ``ordered`` is the gazetteer, longest names first. A match is skipped when an entity with
    the same span and label exists (in ``existing`` or added before) or when it lies inside a
    span this run already added with the same label. Each check is O(log n) (a
    :class:`ContainmentIndex` per label), so a document with many matches stays n log n.
    """
    folded = fold(text)
    matches = [(entry.label, find_name(folded, entry.name)) for entry in ordered]
    starts: dict[str, set[int]] = {}
    for label, spans in matches:
        starts.setdefault(label, set()).update(start for start, _end in spans)
    covered = {label: ContainmentIndex(label_starts) for label, label_starts in starts.items()}
    del folded, starts
    taken = set(existing)
    plan: list[tuple[int, int, str]] = []
    for label, spans in matches:
        index = covered[label]
        for start, end in spans:
            if (start, end, label) in taken or index.contains(start, end):
                continue
            plan.append((start, end, label))
            taken.add((start, end, label))
            index.add(start, end)
    return plan


def preannotate(
    project: Project, entries: Sequence[GazetteerEntry], statuses: Iterable[str] | None = None
) -> Counter[str]:
    """Add entities for every gazetteer match in the project's documents; returns counts per label.

    Labels not in the project schema are refused before anything is written. Longer names win:
    a match inside an entity this run already added with the same label is skipped, and an entity
    identical to an existing one (same span and label) is never duplicated.
    """
    unknown = sorted({e.label for e in entries if not project.schema.has_entity_label(e.label)})
    if unknown:
        raise InputError("gazetteer", f"labels not in the project schema: {', '.join(unknown)}")
    ordered = sorted(entries, key=lambda e: len(e.name), reverse=True)
    wanted = set(statuses) if statuses else None
    added: Counter[str] = Counter()
    with project.batch("Pre-annotate from gazetteer"):
        for doc_id in project.document_ids():
            record = project.get_record(doc_id)
            if wanted is not None and record.status not in wanted:
                continue
            existing = [(e.start, e.end, e.label) for e in record.entities]
            text = record.text
            del record
            for start, end, label in plan_entities(text, ordered, existing):
                project.add_entity(doc_id, start, end, label, {"mention": "NAM"})
                added[label] += 1
    return added
