"""Label Studio JSON exports: each annotation its annotator's layer, predictions stored as
suggestions (test_formats_label_studio_predictions.py), offsets in code points checked
against the region text, ``file:line`` messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.formats.detect import detect_format
from annotator.core.importing import import_paths
from annotator.core.store import Project

TEXT = "😀 قال مُحَمَّد إن وفد القاهرة وصل"


def _region(ident: str, surface: str, label: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(surface)
    return {"id": ident, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(surface), "text": surface,
                      "labels": [label]}}


def _tasks() -> list[dict[str, Any]]:
    return [
        {"id": 7, "data": {"text": TEXT, "source": "وكالة"},
         "annotations": [
             {"completed_by": {"id": 1, "email": "alice@example.org"},
              "result": [_region("a", "مُحَمَّد", "PERS"), _region("b", "القاهرة", "GPE"),
                         {"type": "choices", "value": {"choices": ["news"]}}]},
             {"completed_by": 2, "was_cancelled": True,
              "result": [_region("a", "وفد القاهرة", "ORG")]}],
         "predictions": [{"result": [_region("p", "القاهرة", "GPE")]}]},
        {"id": 8, "data": {"text": "غادر سامي"}, "annotations": []},
    ]


def test_layers_statuses_and_what_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(_tasks(), ensure_ascii=False, indent=2), encoding="utf-8")
    assert detect_format(path) == "label-studio"
    with Project.open(tmp_path / "p.annotator", create=True, annotator="me") as project:
        result = import_paths(project, [path])
        assert result.bad == []
        assert len(result.imported) == 2
        assert result.warnings == [
            f"{path}: 1 result(s) that are not labelled text regions skipped"]
        assert result.suggestions == 1
        doc = project.list_documents(0, 1)[0].doc_id
        assert sorted(project.layer_names()) == ["alice@example.org", "ls-2"]
        assert project.statuses(doc) == {"alice@example.org": "done", "ls-2": "skipped"}
        alice = project.get_record(doc, layer="alice@example.org")
        assert sorted((alice.text[e.start:e.end], e.label) for e in alice.entities) == [
            ("القاهرة", "GPE"), ("مُحَمَّد", "PERS")]
        assert alice.id == "7"
        assert alice.meta == {"source": "وكالة"}
        other = project.get_record(doc, layer="ls-2")
        assert [(other.text[e.start:e.end], e.label) for e in other.entities] == [
            ("وفد القاهرة", "ORG")]


def test_a_region_whose_text_disagrees_names_the_task_line(tmp_path: Path) -> None:
    tasks = _tasks()
    tasks[0]["annotations"][0]["result"][0]["value"]["start"] += 1  # UTF-16 counting, say
    tasks[0]["annotations"][0]["result"][0]["value"]["end"] += 1
    tasks[1]["annotations"] = [{"result": [_region("x", "سامي", "PERS", "غادر سامي")]}]
    path = tmp_path / "export.json"
    path.write_text("[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in tasks)
                    + "\n]\n", encoding="utf-8")
    with Project.open(tmp_path / "p.annotator", create=True) as project:
        refused = import_paths(project, [path])
        assert refused.imported == []
        (problem,) = refused.bad
        assert problem.line == 2
        assert problem.reason.startswith("region a1-a [7, 15) start 7 splits a character")
        kept = import_paths(project, [path], skip_bad=True)
        assert len(kept.imported) == 1  # the good task, on line 3


def test_tasks_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    path.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in _tasks()),
                    encoding="utf-8")
    assert detect_format(path) == "label-studio"
    with Project.open(tmp_path / "p.annotator", create=True) as project:
        assert len(import_paths(project, [path]).imported) == 2
