"""Document-level splits that never move a document once it has a split.

Plain splits: a document's split is decided by ``sha256(seed, document id)`` alone, read as
a number in ``[0, 1)`` and compared with the cumulative ratios. Adding (or removing) other
documents cannot change it, and a different seed gives an independent split.

No split comes out empty when there are at least as many documents as splits: when the
assignment above leaves one empty, :func:`fill_empty` moves into it, for each empty split in
ratio order, the document whose hash point lies nearest its interval, taken from a split that
holds more than one (a document kept from ``splits.json`` only when no other will do). The
choice depends on the seed and the set of documents only, and ``splits.json`` keeps it: a
later export into the same folder leaves a moved document where it went. A plain split learns
the documents in a first pass over their ids only (no text is read twice). With fewer
documents than splits some split stays empty: the report and the command say which.

Stratified splits (``stratify="entities"``: the rarest entity label of the document in the
corpus; ``stratify="label:NAME"``: the value of document label NAME): documents of each
stratum are taken in hash order and each goes to the split that is furthest below its
ratio within that stratum, so rare labels reach dev and test too. Balancing needs to see
the strata first (one pre-pass keeping only document ids and strata), and it would move
documents when new ones arrive; to stay stable, every export folder holds ``splits.json``
(document id -> split) and a stratified export into a folder that has one keeps every
listed document where it was and places only the new ones.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from annotator.core.model import DocumentRecord, Entity

MANIFEST_NAME = "splits.json"
NO_STRATUM = "<none>"
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


def parse_ratios(spec: str) -> dict[str, float]:
    """``"train=0.8,dev=0.1,test=0.1"`` -> ordered ratios; they must be positive and sum to 1."""
    ratios: dict[str, float] = {}
    for part in spec.split(","):
        name, sep, value = part.strip().partition("=")
        name = name.strip()
        if not sep or not _NAME.match(name):
            raise ValueError(f"bad split {part.strip()!r}: expected NAME=RATIO (NAME of "
                             "letters, digits, _ or -)")
        if name in ratios:
            raise ValueError(f"split {name!r} is given twice")
        try:
            ratio = float(value)
        except ValueError:
            raise ValueError(f"split {name!r}: {value.strip()!r} is not a number") from None
        if not 0 < ratio <= 1:
            raise ValueError(f"split {name!r}: ratio {ratio} is not in (0, 1]")
        ratios[name] = ratio
    total = sum(ratios.values())
    if abs(total - 1) > 1e-6:
        raise ValueError(f"split ratios sum to {total:g}, not 1")
    return ratios


def document_key(record: DocumentRecord) -> str:
    """The stable identity a split is computed from: the external id (or the text's hash)."""
    if record.id:
        return str(record.id)
    return "sha256:" + hashlib.sha256(record.text.encode("utf-8")).hexdigest()


def hash_point(key: str, seed: int) -> float:
    """A number in ``[0, 1)`` fixed by ``seed`` and ``key``."""
    digest = hashlib.sha256(f"{seed}\x1f{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def hashed_split(key: str, seed: int, ratios: Mapping[str, float]) -> str:
    """The split of a document by hash alone."""
    point = hash_point(key, seed)
    total = 0.0
    names = list(ratios)
    for name in names:
        total += ratios[name]
        if point < total:
            return name
    return names[-1]


def stratum_of(record: DocumentRecord, stratify: str, label_counts: Mapping[str, int]) -> str:
    """The stratum of a record (see the module docstring for the two kinds)."""
    if stratify == "entities":
        labels = {e.label for e in record.entities}
        if not labels:
            return NO_STRATUM
        return min(labels, key=lambda label: (label_counts.get(label, 0), label))
    name = stratify.removeprefix("label:")
    value = record.labels.get(name)
    if value is None:
        return NO_STRATUM
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def check_stratify(stratify: str) -> None:
    """Raise ``ValueError`` for an unknown stratification."""
    if stratify != "entities" and not (stratify.startswith("label:") and len(stratify) > 6):
        raise ValueError(f"stratify {stratify!r}: use 'entities' or 'label:NAME'")


def read_manifest(folder: Path, seed: int, ratios: Mapping[str, float]) -> dict[str, str]:
    """Earlier assignments from ``folder/splits.json`` when made with the same seed and
    split names; empty otherwise."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("seed") != seed:
        return {}
    if list(data.get("ratios", {})) != list(ratios):
        return {}
    documents = data.get("documents")
    if not isinstance(documents, dict):
        return {}
    return {str(k): str(v) for k, v in documents.items() if v in ratios}


def _interval(ratios: Mapping[str, float], name: str) -> tuple[float, float]:
    """The part of ``[0, 1)`` whose hash points go to split ``name``."""
    low = 0.0
    for other, ratio in ratios.items():
        if other == name:
            return low, low + ratio
        low += ratio
    raise KeyError(name)


def fill_empty(splits: Mapping[str, str], ratios: Mapping[str, float], seed: int,
               fixed: Collection[str] = ()) -> dict[str, str]:
    """The moves (document key -> split) that leave no split of ``ratios`` empty, given the
    assignment ``splits`` (key -> split); none when there are fewer documents than splits
    or nothing is empty. See the module docstring for which document moves."""
    if len(splits) < len(ratios):
        return {}
    current = dict(splits)
    counts = Counter(current.values())
    moves: dict[str, str] = {}
    for name in ratios:
        if counts[name]:
            continue
        low, high = _interval(ratios, name)

        def rank(key: str, low: float = low, high: float = high) -> tuple[bool, float, str]:
            point = hash_point(key, seed)
            distance = 0.0 if low <= point < high else min(abs(point - low), abs(point - high))
            return key in fixed, distance, key

        donors = [key for key, split in current.items() if counts[split] > 1]
        best = min(donors, key=rank)
        counts[current[best]] -= 1
        counts[name] += 1
        current[best] = moves[best] = name
    return moves


def empty_splits(documents: Mapping[str, int], ratios: Mapping[str, float]) -> list[str]:
    """The splits of ``ratios`` that received no document (``documents``: split -> count)."""
    return [name for name in ratios if not documents.get(name)]


class Splitter:
    """Decides the split of each document (plain or stratified)."""

    def __init__(
        self,
        ratios: Mapping[str, float],
        seed: int = 0,
        stratify: str | None = None,
        previous: Mapping[str, str] | None = None,
    ) -> None:
        if stratify is not None:
            check_stratify(stratify)
        self.ratios = dict(ratios)
        self.seed = seed
        self.stratify = stratify
        self.previous = dict(previous or {})
        if stratify is None:  # a plain split keeps only what its hash would not give
            self.previous = {key: split for key, split in self.previous.items()
                             if split != hashed_split(key, seed, self.ratios)}
        self.assigned: dict[str, str] = {}
        self.moves: dict[str, str] = {}
        """Plain split: documents moved into a split that would be empty (:func:`fill_empty`)."""
        self._spool: IO[str] | None = None

    def plan_keys(self, keys: Callable[[], Iterable[str]]) -> None:
        """Plain only: see every document key (``keys()`` may be called twice) and decide
        the moves that leave no split empty. The first pass only counts; the keys are kept
        in memory only when a split would be empty."""
        if self.stratify is not None:
            return
        counts: Counter[str] = Counter()
        total = 0
        for key in keys():
            counts[self._plain(key)] += 1
            total += 1
        if total < len(self.ratios) or all(counts[name] for name in self.ratios):
            return
        splits = {key: self._plain(key) for key in keys()}
        self.moves = fill_empty(splits, self.ratios, self.seed, fixed=set(self.previous))

    def _plain(self, key: str) -> str:
        """A plain split's assignment before any move: kept from splits.json, or hashed."""
        found = self.previous.get(key)
        return found if found is not None else hashed_split(key, self.seed, self.ratios)

    def plan(self, records: Iterable[DocumentRecord]) -> None:
        """Stratified only: see every document once and fix all assignments."""
        if self.stratify is None:
            return
        label_counts: Counter[str] = Counter()
        seen: list[tuple[str, DocumentRecord]] = []
        for record in records:
            label_counts.update(e.label for e in record.entities)
            # Keep only what the stratum needs: ids, entity labels, document labels.
            labels = {e.label for e in record.entities}
            slim = DocumentRecord(id=record.id, text="", labels=dict(record.labels),
                                  entities=[Entity("", 0, 0, label) for label in labels])
            seen.append((document_key(record), slim))
        strata: dict[str, list[str]] = {}
        for key, slim in seen:
            strata.setdefault(stratum_of(slim, self.stratify, label_counts), []).append(key)
        for keys in strata.values():
            counts: Counter[str] = Counter()
            fresh: list[str] = []
            for key in keys:
                if key in self.previous:
                    self.assigned[key] = self.previous[key]
                    counts[self.previous[key]] += 1
                else:
                    fresh.append(key)
            fresh.sort(key=lambda k: hash_point(k, self.seed))
            for key in fresh:
                total = sum(counts.values()) + 1
                best = max(self.ratios, key=lambda s: self.ratios[s] * total - counts[s])
                self.assigned[key] = best
                counts[best] += 1
        self.assigned.update(fill_empty(self.assigned, self.ratios, self.seed,
                                        fixed=set(self.previous)))

    def split_of(self, record: DocumentRecord) -> str:
        """The split of ``record``.

        A stratified split looks it up in its plan. A plain split computes it from the hash
        and keeps nothing in memory: the assignment goes to a spool file for ``splits.json``
        (:meth:`write_manifest`), so memory does not grow with the corpus."""
        key = document_key(record)
        found = self.assigned.get(key)
        if found is None:
            found = self.moves.get(key) or self._plain(key)
            if self.stratify is not None:
                self.assigned[key] = found
            else:
                if self._spool is None:  # lives until close(), not one block
                    self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
                self._spool.write(_entry(key, found))
        return found

    def manifest(self) -> dict[str, Any]:
        """The ``splits.json`` content: seed, ratios, stratification and every assignment."""
        documents = dict(sorted(self.assigned.items()))
        if self._spool is not None:
            self._spool.seek(0)
            documents.update(json.loads("{" + ",".join(self._spool) + "}"))
        return {"seed": self.seed, "ratios": self.ratios, "stratify": self.stratify,
                "documents": documents}

    def write_manifest(self, path: Path) -> None:
        """Write ``splits.json`` (as ``json.dumps(self.manifest(), indent=1)``) to ``path``,
        streaming a plain split's assignments from the spool in the order documents came
        (a stratified split's are sorted by document id)."""
        head = json.dumps({"seed": self.seed, "ratios": self.ratios, "stratify": self.stratify,
                           "documents": {}}, ensure_ascii=False, indent=1)
        assert head.endswith("{}\n}")
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.write(head[: -len("{}\n}")])
            entries: Iterator[str] = (_entry(k, v) for k, v in sorted(self.assigned.items()))
            if self._spool is not None:
                self._spool.seek(0)
                entries = itertools.chain(entries, self._spool)
            separator = "{\n  "
            for entry in entries:
                out.write(separator)
                out.write(entry.rstrip("\n"))
                separator = ",\n  "
            out.write("{}\n}\n" if separator.startswith("{") else "\n }\n}\n")

    def close(self) -> None:
        """Remove the spool file (if any)."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None


def _entry(key: str, split: str) -> str:
    """One ``"key": "split"`` line of the manifest's documents."""
    return f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(split, ensure_ascii=False)}\n"
