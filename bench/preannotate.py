"""Gazetteer pre-annotation of one large document against the folded search alone.

    python bench/preannotate.py            # 0.5, 1, 2 and 30 MB documents (a few minutes)
    python bench/preannotate.py --quick    # 0.5 and 1 MB only (a smoke run)

The document is generated Arabic news prose (no third-party text): gazetteer names in many
spellings (hamza forms, tashkeel, tatweel, attached proclitics و ف ب ل ك and لل), overlapping
names (``فلاديمير بوتين`` and ``بوتين``, ``جامعة موسكو`` and ``موسكو``), emoji, and about one
name in ten already marked as an entity. Each size runs in fresh child processes:

* ``baseline``: fold the text and find every gazetteer name (``find_name``), nothing else: the
  raw cost of the matches;
* ``ours``: ``preannotate`` on the project file: the same search, the overlap rule, and every
  new entity written in one transaction with its journal entry.

Prints one JSON line per size (seconds, matches, entities added, peak RSS of each child) with
the ratio ours / baseline, then a summary line. Issue 9 measured the old algorithm at 6.6 s,
40 s and 212 s for 0.5, 1 and 2 MB, and 30 MB killed at 600 s with 2.1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GAZETTEER: list[tuple[str, str]] = [
    ("فلاديمير بوتين", "PERS"), ("بوتين", "PERS"), ("سيرغي لافروف", "PERS"), ("لافروف", "PERS"),
    ("أحمد", "PERS"), ("عبد الله", "PERS"), ("الملك عبد الله", "PERS"), ("محمد بن سلمان", "PERS"),
    ("موسكو", "GPE"), ("جامعة موسكو", "ORG"), ("العراق", "GPE"), ("بغداد", "GPE"),
    ("القاهرة", "GPE"), ("الرياض", "GPE"), ("الأمم المتحدة", "ORG"), ("مجلس الأمن", "ORG"),
    ("البنك الدولي", "ORG"), ("الكرملين", "ORG"), ("روسيا", "GPE"), ("واشنطن", "GPE"),
    ("الاتحاد الأوروبي", "ORG"), ("أوروبا", "LOC"), ("الخليج", "LOC"), ("نهر دجلة", "LOC"),
    ("دجلة", "LOC"),
]
"""Names and labels (labels of the bundled schema); several names contain others."""

_SPELLINGS: dict[str, list[str]] = {
    "بوتين": ["بوتين", "بُوتِين", "بوتيـــن"],
    "أحمد": ["أحمد", "احمد", "أَحْمَد"],
    "العراق": ["العراق", "العِراق"],
    "موسكو": ["موسكو", "مُوسْكُو"],
    "الأمم المتحدة": ["الأمم المتحدة", "الامم المتحدة", "الأُمَم المُتَّحِدَة"],
}
_PROCLITICS = ["", "", "", "", "و", "ف", "ب", "ل", "وب"]
_EMOJI = ["😀", "🇸🇦", "👍🏽", "🕊️", "🔥"]
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_TASHKEEL = "\u064e\u064f\u0650\u0651\u0652\u064b"


def make_document(target_bytes: int, seed: int = 9) -> tuple[str, list[tuple[int, int, str]]]:
    """A text of about ``target_bytes`` of UTF-8 and the entities already marked in it."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 7))) for _ in range(3000)]
    vocab += ["".join(c + (rng.choice(_TASHKEEL) if rng.random() < 0.5 else "") for c in w)
              for w in vocab[:600]]  # some vocalized words
    parts: list[str] = []
    entities: list[tuple[int, int, str]] = []
    size = 0
    position = 0
    while size < target_bytes:
        roll = rng.random()
        if roll < 0.12:
            name, label = rng.choice(GAZETTEER)
            spelled = rng.choice(_SPELLINGS.get(name, [name]))
            clitic = rng.choice(_PROCLITICS)
            if clitic.endswith("ل") and spelled.startswith("ال"):
                clitic, spelled = "لل", spelled[2:]
                word = clitic + spelled
            else:
                word = clitic + spelled
                if rng.random() < 0.1 and not clitic:
                    entities.append((position, position + len(word), label))
        elif roll < 0.125:
            word = rng.choice(_EMOJI)
        else:
            word = rng.choice(vocab)
        if rng.random() < 0.05:
            word += "."
        separator = "\n" if rng.random() < 0.01 else " "
        parts.append(word + separator)
        position += len(word) + 1
        size += len(word.encode("utf-8")) + 1
    return "".join(parts), entities


_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from annotator.core.preannotate import GazetteerEntry, find_name, preannotate
from annotator.core.store import Project
from annotator.core.text import fold


def hwm_mib():
    with open("/proc/self/status") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return round(kib / 1024, 1)


entries = [GazetteerEntry(n, l, i) for i, (n, l) in enumerate(json.loads({gazetteer!r}), 1)]
with Project.open({path!r}, annotator="bench") as project:
    doc_id = project.document_ids()[0]
    text = project.get_text(doc_id)
    before = hwm_mib()
    started = time.perf_counter()
    if {mode!r} == "baseline":
        folded = fold(text)
        matches = sum(len(find_name(folded, e.name)) for e in entries)
        added = 0
    else:
        counts = preannotate(project, entries)
        matches = None
        added = sum(counts.values())
    seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "matches": matches, "added": added,
                  "rss_before_mib": before, "peak_rss_mib": hwm_mib()}}))
"""


def _child(mode: str, path: Path, timeout: float) -> dict[str, object]:
    code = _CHILD.format(root=str(ROOT), path=str(path), mode=mode,
                         gazetteer=json.dumps(GAZETTEER, ensure_ascii=False))
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "timeout_s": timeout}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _build(path: Path, target_bytes: int) -> tuple[int, int]:
    from annotator.core.model import DocumentRecord, Entity
    from annotator.core.store import Project

    text, marked = make_document(target_bytes)
    record = DocumentRecord(id="big", text=text, title="big", entities=[
        Entity(id=f"e{i}", start=s, end=e, label=label) for i, (s, e, label) in enumerate(marked)])
    with Project.open(path, create=True, annotator="bench") as project:
        project.import_records([record])
    return len(text), len(marked)


def bench_size(workdir: Path, megabytes: float, timeout: float) -> dict[str, object]:
    path = workdir / f"doc-{megabytes}.annotator"
    chars, marked = _build(path, int(megabytes * 1_000_000))
    baseline = _child("baseline", path, timeout)
    ours = _child("ours", path, timeout)
    ratio = (round(float(str(ours["seconds"])) / float(str(baseline["seconds"])), 2)
             if ours["seconds"] and baseline["seconds"] else None)
    figures: dict[str, object] = {
        "bench": "preannotate", "megabytes": megabytes, "characters": chars,
        "entities_before": marked, "matches": baseline.get("matches"),
        "entities_added": ours.get("added"),
        "baseline_s": _round(baseline["seconds"]), "ours_s": _round(ours["seconds"]),
        "ratio_ours_over_baseline": ratio,
        "baseline_peak_rss_mib": baseline.get("peak_rss_mib"),
        "ours_peak_rss_mib": ours.get("peak_rss_mib"),
    }
    print(json.dumps(figures, ensure_ascii=False), flush=True)
    return figures


def _round(value: object) -> float | None:
    return round(float(str(value)), 2) if value is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="0.5 and 1 MB only")
    parser.add_argument("--timeout", type=float, default=600.0, help="per child, in seconds")
    args = parser.parse_args()
    sizes = [0.5, 1.0] if args.quick else [0.5, 1.0, 2.0, 30.0]
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        rows = [bench_size(Path(tmp), size, args.timeout) for size in sizes]
    print(json.dumps({"bench": "summary", "ratios": {str(r["megabytes"]): r[
        "ratio_ours_over_baseline"] for r in rows}, "ours_s": {str(r["megabytes"]): r["ours_s"]
                                                              for r in rows}}), flush=True)


if __name__ == "__main__":
    main()
