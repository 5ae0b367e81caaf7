"""Agreement on quotes, events, stances and document labels (hand-made cases through the core
API), and which documents the loader shares (two or more annotators marked them done)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.agreement import compute_agreement
from annotator.core.agreement.loader import shared_documents
from annotator.core.model import AUTHOR, DocumentRecord, Entity, EventArgument, Span, StanceTarget
from annotator.core.store import Project
from tests.core.agreement_helpers import TEXTS, add_quote, annotate, at, new_project, reference

D1 = TEXTS["d1"]
QUOTE = "روسيا ستدعم الاتفاق مع الصين"


def test_quotes_content_cue_kind_and_speaker(tmp_path: Path) -> None:
    path = new_project(tmp_path / "q.annotator")
    annotate(path, "alice", {"d1": [("فلاديمير بوتين", "PERS")]})
    annotate(path, "bob", {"d1": [("بوتين", "PERS")]})
    add_quote(path, "alice", "d1", QUOTE, "قال", "فلاديمير بوتين", "indirect")
    add_quote(path, "bob", "d1", "روسيا ستدعم الاتفاق", "قال", "بوتين", "direct")
    with Project.open(path, readonly=True) as project:
        pair = compute_agreement(project, ["alice", "bob"], ["quotes"]).to_dict()[
            "layers"]["quotes"]["pairs"]["alice~bob"]
    assert pair["content"]["exact"]["micro"]["tp"] == 0
    assert pair["content"]["overlap"]["micro"]["f1"] == 1.0
    assert pair["cue"]["exact"]["micro"]["f1"] == 1.0
    # the speakers' entities overlap: the same speaker; the kinds differ
    assert pair["speaker_agreement"] == {"value": 1.0, "agreed": 1, "units": 1}
    assert pair["kind_kappa"]["units"] == 1
    assert pair["kind_kappa"]["value"] == pytest.approx(0.0)


def test_events_triggers_types_and_arguments(tmp_path: Path) -> None:
    path = new_project(tmp_path / "e.annotator")
    ids = {"alice": annotate(path, "alice", {"d1": [("بوتين", "PERS"), ("موسكو", "GPE")]}),
           "bob": annotate(path, "bob", {"d1": [("بوتين", "PERS"), ("موسكو", "GPE")]})}
    kinds = {"alice": "Contact:Meet", "bob": "Contact:Meet"}
    roles = {"alice": [("Entity", "بوتين"), ("Place", "موسكو")], "bob": [("Entity", "بوتين")]}
    for name in ("alice", "bob"):
        with Project.open(path, annotator=name) as project:
            doc = project.find_document("d1")
            assert doc is not None
            project.add_event(doc, kinds[name], Span(*at(D1, "قال")), [
                EventArgument(role, str(ids[name]["d1"][word])) for role, word in roles[name]])
    with Project.open(path, readonly=True) as project:
        pair = compute_agreement(project, ["alice", "bob"], ["events"]).to_dict()[
            "layers"]["events"]["pairs"]["alice~bob"]
    assert pair["trigger"]["exact"]["micro"]["f1"] == 1.0
    assert pair["typed_trigger"]["exact"]["micro"]["f1"] == 1.0
    assert pair["type_agreement"]["value"] == 1.0
    assert pair["type_kappa"]["value"] is None  # one type only: kappa is undefined
    assert {k: pair["arguments"]["exact"]["micro"][k] for k in ("tp", "fp", "fn")} == {
        "tp": 1, "fp": 0, "fn": 1}
    assert pair["arguments"]["exact"]["per_label"]["Place"]["fn"] == 1


def test_stances_holder_target_pairs_and_label_kappa(tmp_path: Path) -> None:
    path = new_project(tmp_path / "s.annotator")
    marks = [("بوتين", "PERS"), ("روسيا", "GPE"), ("الصين", "GPE")]
    ids = {"alice": annotate(path, "alice", {"d1": marks}),
           "bob": annotate(path, "bob", {"d1": marks})}
    stances = {"alice": [("بوتين", "الصين", "FAVOR"), (AUTHOR, "روسيا", "NONE")],
               "bob": [("بوتين", "الصين", "AGAINST"), (AUTHOR, "الصين", "NONE")]}
    for name, rows in stances.items():
        with Project.open(path, annotator=name) as project:
            doc = project.find_document("d1")
            assert doc is not None
            for holder, target, label in rows:
                who = holder if holder == AUTHOR else ids[name]["d1"][holder]
                project.add_stance(doc, who, StanceTarget(entity=str(ids[name]["d1"][target])),
                                   label)
    with Project.open(path, readonly=True) as project:
        pair = compute_agreement(project, ["alice", "bob"], ["stances"]).to_dict()[
            "layers"]["stances"]["pairs"]["alice~bob"]
    counts = pair["holder_target"]["exact"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 1, 1)
    assert pair["label_agreement"] == {"value": 0.0, "units": 1, "raters": 2, "categories": 2}


def test_document_labels_kappa_and_alpha_against_the_references() -> None:
    """Through the loader's source interface: the store keeps one value per document and
    label until statuses and labels are per annotator (branch h13-layers)."""
    sklearn_metrics = reference("sklearn.metrics")
    krippendorff = reference("krippendorff")
    alice = ["politics", "economy", "politics", "politics", "economy", "security", "politics",
             "economy"]
    bob = ["politics", "economy", "economy", "politics", "economy", "security", "security",
           None]
    ids = [f"t{i}" for i in range(8)]
    source = FakeSource({name: [DocumentRecord(id=doc, text="نص", status="done",
                                               labels={} if value is None else {"topic": value})
                                for doc, value in zip(ids, values, strict=True)]
                         for name, values in (("alice", alice), ("bob", bob))}, ids)
    topic = compute_agreement(source, ["alice", "bob"], ["labels"]).to_dict()[
        "layers"]["labels"]["labels"]["topic"]
    assert topic["cohen_kappa"]["alice~bob"]["value"] == pytest.approx(
        sklearn_metrics.cohen_kappa_score(alice[:7], bob[:7]))
    assert topic["cohen_kappa"]["alice~bob"]["units"] == 7  # bob set no topic on t7
    codes = {"politics": 0, "economy": 1, "security": 2}
    nan = float("nan")
    assert topic["krippendorff_alpha"]["value"] == pytest.approx(krippendorff.alpha(
        reliability_data=[[codes[v] for v in alice], [nan if v is None else codes[v]
                                                       for v in bob]],
        level_of_measurement="nominal"))
    assert topic["krippendorff_alpha"]["units"] == 7


class FakeSource:
    """Per-annotator done documents, as ``Project.iter_records(status="done", ...)`` will
    give them once statuses are per annotator (in the order of ``ids``)."""

    def __init__(self, done: dict[str, list[DocumentRecord]], ids: list[str]) -> None:
        self.done = done
        self.ids = ids

    def external_ids(self, status: str | None = None) -> Iterator[str]:
        yield from self.ids

    def iter_records(self, status: str | None = None,
                     annotator: str | None = None) -> Iterator[DocumentRecord]:
        yield from self.done[str(annotator)]

    def annotator_names(self) -> dict[int, str]:
        return dict(enumerate(self.done))


def fake_done(done: dict[str, list[str]]) -> FakeSource:
    """Each annotator's done documents (of a, b, c, d), each with one entity."""
    return FakeSource({name: [DocumentRecord(id=doc, text=f"text {doc}", status="done",
                                             entities=[Entity("1", 0, 4, "PERS")])
                              for doc in docs] for name, docs in done.items()},
                      ["a", "b", "c", "d"])


def test_only_documents_two_or_more_marked_done_are_shared() -> None:
    source = fake_done({"alice": ["a", "b", "d"], "bob": ["b", "c", "d"], "carol": ["c"]})
    shared = list(shared_documents(source, ["alice", "bob", "carol"]))
    assert [(d.doc_id, d.raters) for d in shared] == [("b", [0, 1]), ("c", [1, 2]),
                                                       ("d", [0, 1])]
    result = compute_agreement(source, ["alice", "bob", "carol"], ["entities"])
    assert result.documents == 3
    assert result.per_annotator == {"alice": 2, "bob": 3, "carol": 1}
    assert result.all_raters == 0
    pairs = result.to_dict()["layers"]["entities"]["pairs"]
    assert {name: p["documents"] for name, p in pairs.items()} == {
        "alice~bob": 2, "alice~carol": 0, "bob~carol": 1}


def test_a_wrong_choice_of_annotators_or_layers_is_refused() -> None:
    source = fake_done({"alice": ["a"], "bob": ["a"]})
    with pytest.raises(ValueError, match="no annotator named 'zed'"):
        compute_agreement(source, ["alice", "zed"])
    with pytest.raises(ValueError, match="two or more"):
        compute_agreement(source, ["alice"])
    with pytest.raises(ValueError, match="no layer named 'entity'"):
        compute_agreement(source, ["alice", "bob"], ["entity"])
