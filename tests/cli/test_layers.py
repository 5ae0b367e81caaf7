"""Annotator layers through the CLI (issue 13): import into a layer, export one layer or
all of them, stats per layer."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.store import Project
from tests.cli.helpers import run

TEXTS = ["قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي.",
         "وصل وزير الخارجية إلى القاهرة صباح اليوم."]


def _span(text: str, word: str) -> dict[str, object]:
    start = text.index(word)
    return {"start": start, "end": start + len(word)}


def _canonical(path: Path, words: list[str], label: str, status: str) -> Path:
    """One canonical line per text, each with one entity (the word of the same index)."""
    with path.open("w", encoding="utf-8") as out:
        for i, (text, word) in enumerate(zip(TEXTS, words, strict=True)):
            entity = {"id": "e1", **_span(text, word), "label": label}
            out.write(json.dumps({"id": f"d{i}", "text": text, "status": status,
                                  "entities": [entity], "labels": {}},
                                 ensure_ascii=False) + "\n")
    return path


def _layers(path: Path) -> dict[str, dict[str, tuple[str, list[str]]]]:
    """External id -> annotator -> (status, entity texts) of a project."""
    out: dict[str, dict[str, tuple[str, list[str]]]] = {}
    with Project.open(path, readonly=True) as project:
        for doc_id in project.document_ids():
            record = project.get_record(doc_id)
            out[str(record.id)] = {
                name: (layer.status, [layer.text[e.start:e.end] for e in layer.entities])
                for name, layer in project.layers(doc_id).items()}
    return out


def test_import_into_a_layer_then_export_one_or_every_layer(tmp_path: Path,
                                                            project_address: Path) -> None:
    project = project_address
    alice = _canonical(tmp_path / "alice.jsonl", ["فلاديمير بوتين", "وزير الخارجية"], "PERS",
                       "done")
    bob = _canonical(tmp_path / "bob.jsonl", ["موسكو", "القاهرة"], "GPE", "in-progress")
    run("import", str(project), str(alice), "--annotator", "alice")
    result = run("import", str(project), str(bob), "--annotator", "bob")
    assert "imported 0 document(s)" in result.output
    assert "2 layer(s) added to documents already there" in result.output
    assert "added as bob's layer of d0" in result.stderr
    again = run("import", str(project), str(bob), "--annotator", "bob")  # nothing twice
    assert "2 duplicate(s) skipped" in again.output
    plain = run("import", str(project), str(bob))  # without --annotator: as before
    assert "2 duplicate(s) skipped" in plain.output
    layers = _layers(project)
    assert layers["d0"] == {"alice": ("done", ["فلاديمير بوتين"]),
                            "bob": ("in-progress", ["موسكو"])}

    stats = json.loads(run("stats", str(project), "--json", "--annotator", "bob").output)
    assert stats["documents"]["in-progress"] == 2
    assert set(stats["layers"]) == {"alice", "bob"}
    assert stats["layers"]["alice"]["documents"]["done"] == 2

    refused = run("export", str(project), str(tmp_path / "c.conll"), "--format", "conll", ok=False)
    assert refused.exit_code != 0
    assert "2 annotators (alice, bob)" in refused.output
    assert "--annotator NAME" in refused.output
    run("export", str(project), str(tmp_path / "bob.conll"), "--format", "conll",
        "--annotator", "bob")
    conll = (tmp_path / "bob.conll").read_text(encoding="utf-8")
    assert "B-GPE" in conll
    assert "PERS" not in conll

    bobs = run("export", str(project), "-", "--annotator", "bob", "--status", "in-progress").output
    lines = [json.loads(line) for line in bobs.splitlines()]
    assert [[e["annotator"] for e in line["entities"]] for line in lines] == [["bob"], ["bob"]]
    assert {line["status"] for line in lines} == {"in-progress"}

    every = tmp_path / "all.jsonl"
    run("export", str(project), str(every))
    first = json.loads(every.read_text(encoding="utf-8").splitlines()[0])
    assert first["layers"]["bob"]["status"] == "in-progress"
    copy = tmp_path / "copy.annotator"
    run("import", str(copy), str(every))
    assert _layers(copy) == layers  # every layer comes back as it was


def test_a_one_layer_project_reads_as_before_for_anyone(tmp_path: Path,
                                                        project_address: Path) -> None:
    """Exported by someone who has no layer, a project of one annotator still selects by
    that annotator's statuses, and its canonical lines keep their shape (no "layers")."""
    project = project_address
    run("import", str(project), str(_canonical(tmp_path / "a.jsonl", ["موسكو", "القاهرة"], "GPE",
                                          "done")), "--annotator", "alice")
    lines = run("export", str(project), "-", "--status", "done").output.splitlines()
    assert len(lines) == 2
    assert "layers" not in json.loads(lines[0])
    run("export", str(project), str(tmp_path / "a.conll"), "--format", "conll")
