"""Issue 18: a Label Studio export's predictions become suggestions of the imported documents,
on both engines: in the import's transaction (all or nothing), never annotations (not
exported, not in the journal), kept by training and ``preannotate --model``, offered less
what is annotated and rejected, their reviews counted under their source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.exports import export_dataset
from annotator.core.exports.base import ExportOptions
from annotator.core.formats.read_options import ReadOptions
from annotator.core.importing import import_paths
from annotator.core.recommend.imported import with_imported
from annotator.core.recommend.suggest import accept_suggestion, reject_suggestion
from annotator.core.store import Project
from annotator.core.store.imported_suggestions import SuggestionSource
from annotator.core.store.recommender import StoredModel

TEXT = "😀 قال مُحَمَّد بن سلمان إن وفد القاهرة وصل إلى بغداد أمس"
OTHER = "غادر سامي عمّان صباحًا"
SOURCE = "label-studio:ner-2024-05"


def _region(ident: str, surface: str, label: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(surface)
    return {"id": ident, "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual",
            "value": {"start": start, "end": start + len(surface), "text": surface,
                      "labels": [label]}}


def _prediction(regions: list[dict[str, Any]]) -> dict[str, Any]:
    """A prediction as Label Studio exports it (a model's, through its ML backend)."""
    return {"id": 11, "model_version": "ner-2024-05", "created_ago": "0 minutes",
            "score": 0.81, "cluster": None, "neighbors": None, "mislabeling": 0,
            "created_at": "2024-05-02T10:00:00.000000Z", "task": 1,
            "result": [dict(r, origin="prediction") for r in regions]}


def write_export(path: Path, bad: bool = False) -> Path:
    """Two tasks the way Label Studio writes its JSON export: annotations by a person,
    predictions by a model (``--map PER=PERS`` is needed for one label)."""
    wrong = _region("w", "سامي", "PER", OTHER)
    if bad:
        wrong["value"]["start"] += 1  # inside the name: the region's text does not match
    tasks = [
        {"id": 1, "data": {"text": TEXT},
         "annotations": [{"id": 1, "completed_by": {"id": 1, "email": "rana@example.org"},
                          "result": [_region("a1", "مُحَمَّد بن سلمان", "PERS")],
                          "was_cancelled": False, "lead_time": 12.5}],
         "predictions": [_prediction([_region("p1", "مُحَمَّد بن سلمان", "PER"),
                                      _region("p2", "وفد القاهرة", "ORG"),
                                      _region("p3", "القاهرة", "GPE"),
                                      _region("p4", "بغداد", "GPE")])]},
        {"id": 2, "data": {"text": OTHER}, "annotations": [],
         "predictions": [_prediction([wrong, _region("o", "عمّان", "GPE", OTHER)])]},
    ]
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


MAP = ReadOptions(label_map={"PER": "PERS"})


def _surfaces(project: Project, doc_id: int) -> list[tuple[str, str, str]]:
    text = project.get_record(doc_id).text
    return [(text[s:e], label, source)
            for s, e, label, source in project.imported_suggestions(doc_id, "entities")]


def test_a_label_studio_file_round_trip(project_address: Any, tmp_path: Path) -> None:
    path = write_export(tmp_path / "project-1-at-2024.json")
    with Project.open(project_address, create=True, annotator="lina") as project:
        result = import_paths(project, [path], options=MAP)
        assert result.bad == []
        assert result.suggestions == 6
        first, second = result.imported
        assert _surfaces(project, first) == [
            ("مُحَمَّد بن سلمان", "PERS", SOURCE), ("وفد القاهرة", "ORG", SOURCE),
            ("القاهرة", "GPE", SOURCE), ("بغداد", "GPE", SOURCE)]
        rana = project.get_record(first, layer="rana@example.org")
        assert [e.label for e in rana.all_entities()] == ["PERS"]
        assert project.get_record(second).all_entities() == []
        assert [entry.kind for entry in project.history()] == ["audit"]  # the import only
        assert project.suggestion_sources() == [SuggestionSource(SOURCE, "entities", 6, 2)]
        out = tmp_path / "again.json"
        export_dataset(project, out, ExportOptions(format="label-studio"))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [[r["value"]["labels"] for a in task["annotations"] for r in a["result"]]
            for task in exported] == [[["PERS"]], []]  # the suggestions are not annotations
    assert all("predictions" not in task for task in exported)
    with Project.open(tmp_path / "back.annotator", create=True) as back:
        again = import_paths(back, [out])
        assert again.bad == []
        assert again.suggestions == 0
        assert sorted(e.label for r in back.iter_records() for e in r.entities) == ["PERS"]


def test_all_or_nothing_and_skip_bad(project_address: Any, tmp_path: Path) -> None:
    path = write_export(tmp_path / "export.json", bad=True)
    with Project.open(project_address, create=True) as project:
        refused = import_paths(project, [path], options=MAP)
        (problem,) = refused.bad
        assert str(problem) == (  # the line where the task starts in the array
            f"{path}:111: prediction 1 region w [6, 9) text 'سامي' does not match the"
            " document text there ('امي')")
        assert refused.imported == []
        assert refused.suggestions == 0
        assert project.suggestion_sources() == []
        kept = import_paths(project, [path], options=MAP, skip_bad=True)
        assert kept.suggestions == 4  # the good task's
        assert project.suggestion_sources() == [SuggestionSource(SOURCE, "entities", 4, 1)]


def test_training_and_preannotation_keep_them(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.annotator", create=True) as project:
        doc = import_paths(project, [write_export(tmp_path / "e.json")],
                           options=MAP).imported[0]
        before = project.imported_suggestions(doc, "entities")
        model = StoredModel("entities", 1, "0123abcd", "lina", 1, ("GPE",), b"model", "now")
        project.store_suggestions(doc, "entities", "old", [(0, 1, "GPE")])
        project.save_models("entities", [model])  # drops the old model's stored ones
        assert project.stored_suggestions(doc, "entities", "old") is None
        assert project.imported_suggestions(doc, "entities") == before
        bagdad = next((s, e, label) for s, e, label, _ in before if label == "GPE")
        project.store_suggestions(doc, "entities", "0123abcd", [bagdad, (0, 1, "GPE")])
        assert project.imported_suggestions(doc, "entities") == before
        assert project.stored_suggestions(doc, "entities", "0123abcd") == [(0, 1, "GPE")]


def test_offered_reviewed_and_counted_under_their_source(project_address: Any,
                                                         tmp_path: Path) -> None:
    with Project.open(project_address, create=True, annotator="lina") as project:
        doc = import_paths(project, [write_export(tmp_path / "e.json")],
                           options=MAP).imported[0]
        record = project.get_record(doc, layer="rana@example.org")
        existing = [(e.start, e.end) for e in record.entities]
        offered, sources = with_imported(project, doc, "entities", existing)
        assert [record.text[s:e] for s, e, _ in offered] == [
            "وفد القاهرة", "القاهرة", "بغداد"]  # the annotated name is not offered
        assert set(sources.values()) == {SOURCE}
        model = [(0, 1, "GPE"), offered[2]]  # a model's own, and one both offer
        both, sources = with_imported(project, doc, "entities", existing, model)
        assert both == sorted({*offered, (0, 1, "GPE")})
        assert offered[2] not in sources  # the model's
        accept_suggestion(project, doc, "entities", offered[0], sources[offered[0]])
        reject_suggestion(project, doc, "entities", offered[1], sources[offered[1]])
        annotated = existing + [(e.start, e.end) for e in project.get_record(doc).entities]
        again, _ = with_imported(project, doc, "entities", annotated)
        assert again == [offered[2]]
        assert project.source_review_counts("entities", SOURCE) == {
            "ORG": {"accepted": 1, "rejected": 0}, "GPE": {"accepted": 0, "rejected": 1}}
        assert project.suggestion_sources("entities") == [
            SuggestionSource(SOURCE, "entities", 6, 2, accepted=1, rejected=1)]


def test_a_layer_import_adds_only_the_suggestions_not_held(tmp_path: Path) -> None:
    path = write_export(tmp_path / "e.json")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="lina") as project:
        import_paths(project, [path], options=MAP)
        tasks = json.loads(path.read_text(encoding="utf-8"))
        tasks[1]["predictions"][0]["model_version"] = "ner-2024-06"  # a newer model's
        tasks[1]["predictions"][0]["result"].append(_region("n", "صباحًا", "DATE", OTHER))
        path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        with project.adding_layers():
            layered = import_paths(project, [path], options=MAP)
        assert layered.bad == []
        assert len(layered.layered) == 2
        assert layered.suggestions == 1  # the new one; those the documents hold are not repeated
        assert project.suggestion_sources() == [
            SuggestionSource(SOURCE, "entities", 6, 2),
            SuggestionSource("label-studio:ner-2024-06", "entities", 1, 1)]
