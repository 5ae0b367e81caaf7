"""Issue 13 "done when", then issue 14: three annotators on the sample corpus go through
assign -> package -> annotate (the core API, as each annotator in their package) -> merge
-> agreement, then a curator curates and exports the gold. The CLI is driven as a user
would; every check reads the database (or the files written) and compares with figures
computed here from the layers themselves."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.curation import CURATED, disagreements, mark_curated, reject, take
from annotator.core.resources import SAMPLE_CORPUS, resource_path
from annotator.core.store import Project
from tests.cli.helpers import run
from tests.pg_databases import open_db

PEOPLE = ("alice", "bob", "carol")
PAIRS = (("alice", "bob"), ("alice", "carol"), ("bob", "carol"))
Entity = tuple[str, int, int, str]
"""(document external id, start, end, label)"""


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with open_db(path) as conn:
        return conn.execute(sql, params).fetchall()


def entities_of(path: Path, name: str) -> set[Entity]:
    return {(str(d), int(s), int(e), str(lab)) for d, s, e, lab in rows(
        path, "SELECT d.external_id, x.start, x.end, x.label FROM entities x JOIN documents d"
        " ON d.id = x.doc_id JOIN annotators a ON a.id = x.annotator_id WHERE a.name = ?",
        name)}


def statuses_of(path: Path, name: str) -> dict[str, str]:
    return {str(d): str(s) for d, s in rows(
        path, "SELECT d.external_id, s.status FROM document_status s JOIN documents d"
        " ON d.id = s.doc_id JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ?",
        name)}


def labels_of(path: Path, name: str) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for doc, key, value in rows(
            path, "SELECT d.external_id, l.key, l.value FROM document_labels l JOIN documents d"
            " ON d.id = l.doc_id JOIN annotators a ON a.id = l.annotator_id WHERE a.name = ?",
            name):
        found.setdefault(str(doc), {})[str(key)] = json.loads(str(value))
    return found


def first_word(text: str) -> tuple[int, int]:
    word = text.split(maxsplit=1)[0]
    return text.index(word), text.index(word) + len(word)


def annotate(package: Path, name: str) -> None:
    """What each annotator does in the app, through the same core API, as themselves:
    alice keeps the pre-annotations and tags the first word of an empty document GPE;
    bob drops the last pre-annotated entity, tags empty documents like alice and sets the
    topic politics; carol drops the first entity, tags empty documents' first word ORG, sets
    the topic economy and skips her first document."""
    with Project.open(package, annotator=name) as work:
        docs = work.document_ids(assigned_to=name)
        assert docs == work.document_ids()
        for n, doc in enumerate(docs):
            ids = sorted(e.id for e in work.get_record(doc).entities)
            if not ids:
                label = "ORG" if name == "carol" else "GPE"
                work.add_entity(doc, *first_word(work.get_text(doc)), label)
            elif name == "bob":
                work.delete_entity(ids[-1])
            elif name == "carol":
                work.delete_entity(ids[0])
            if name != "alice":
                work.set_document_label(doc, "topic",
                                        "politics" if name == "bob" else "economy")
            work.set_status(doc, "skipped" if name == "carol" and n == 0 else "done")


def prf(reference: set[Entity], other: set[Entity]) -> tuple[int, int, int, float | None]:
    tp, fp, fn = len(reference & other), len(other - reference), len(reference - other)
    return tp, fp, fn, (2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None)


def on(entities: set[Entity], docs: set[str]) -> set[Entity]:
    return {e for e in entities if e[0] in docs}


def shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def gold_lines(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        yield json.loads(line)


def test_three_annotators_then_a_curator_on_the_sample_corpus(tmp_path: Path,
                                                              project_address: Path) -> None:
    project = project_address
    run("import", str(project), str(resource_path(SAMPLE_CORPUS)), "--annotator", "sample")
    sample = entities_of(project, "sample")
    sample_labels = labels_of(project, "sample")
    assert sample
    old_status = rows(project, "SELECT id, status FROM documents ORDER BY id")

    # assign: every document, half of them shared by two; --status todo takes nothing more
    documents = len(old_status)
    shared_count = documents // 2
    out = run("assign", str(project), "--to", ",".join(PEOPLE), "--overlap", "0.5",
              "--seed", "0").output
    assert f"assigned {documents} document(s)" in out
    assert f"shared: {shared_count} " in out
    held = {name: {str(d) for (d,) in rows(
        project, "SELECT d.external_id FROM assignments s JOIN documents d ON d.id = s.doc_id"
        " JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ?", name)}
        for name in PEOPLE}
    sizes = sorted(len(docs) for docs in held.values())
    assert sum(sizes) == documents + shared_count  # a shared document is held twice
    assert sizes[-1] - sizes[0] <= 1  # the work is spread evenly
    assert "assigned 0 document(s)" in run("assign", str(project), "--to", "dave",
                                           "--status", "todo").output

    # package: each starts from the sample's annotations and labels, at todo
    for name in PEOPLE:
        package = tmp_path / f"{name}.annotator"
        run("package", str(project), str(package), "--for", name, "--start-from", "sample")
        assert entities_of(package, name) == on(sample, held[name])
        assert labels_of(package, name) == {d: v for d, v in sample_labels.items()
                                            if d in held[name]}
        assert rows(package, "SELECT count(*) FROM document_status") == [(0,)]
        annotate(package, name)

    # merge: each layer comes back whole, statuses and labels included
    worked = {name: entities_of(tmp_path / f"{name}.annotator", name) for name in PEOPLE}
    topics = {name: labels_of(tmp_path / f"{name}.annotator", name) for name in PEOPLE}
    merged = run("merge", str(project), *(str(tmp_path / f"{n}.annotator") for n in PEOPLE))
    assert "conflict" not in merged.output
    for name in PEOPLE:
        assert entities_of(project, name) == worked[name]
        assert labels_of(project, name) == topics[name]
        first = min(held[name], key=lambda d: rows(
            project, "SELECT id FROM documents WHERE external_id = ?", d)[0])
        expected = dict.fromkeys(held[name], "done")
        if name == "carol":  # a shared document: agreement and curation leave it out
            expected[first] = "skipped"
            assert first in held["alice"] | held["bob"]
        assert statuses_of(project, name) == expected
    assert entities_of(project, "sample") == sample
    assert rows(project, "SELECT id, status FROM documents ORDER BY id") == old_status
    run("validate", str(project))

    # agreement: exact span F1 per pair over the documents both marked done
    done = {name: {d for d, s in statuses_of(project, name).items() if s == "done"}
            for name in PEOPLE}
    shared = {d for a, b in PAIRS for d in done[a] & done[b]}
    assert len(shared) >= 3
    report = json.loads(run("agreement", str(project), "--annotators", ",".join(PEOPLE),
                            "--layer", "entities", "--json").output)
    assert report["documents"] == len(shared)
    assert report["documents_per_annotator"] == {n: len(done[n] & shared) for n in PEOPLE}
    expected_f1: dict[str, float | None] = {}
    for a, b in PAIRS:
        both = done[a] & done[b]
        tp, fp, fn, f1 = prf(on(worked[a], both), on(worked[b], both))
        micro = report["layers"]["entities"]["pairs"][f"{a}~{b}"]["exact"]["micro"]
        assert (micro["tp"], micro["fp"], micro["fn"]) == (tp, fp, fn)
        assert micro["f1"] == f1
        expected_f1[f"{a}~{b}"] = f1
    assert None not in expected_f1.values()  # every pair shares a finished document

    # curation: majority, then every open item takes alice's version (or is rejected)
    run("role", str(project), "--grant", "curator", "dana", "--annotator", "dana")
    out = run("curate", str(project), "--as", "dana", "--annotators", ",".join(PEOPLE),
              "--policy", "majority").output
    assert sum(" agreed, " in line for line in out.splitlines()) == len(shared)
    with Project.open(project, annotator="dana", layer=CURATED) as p:
        in_curation = [d for d in p.document_ids() if p.curation_state(d) is not None]
        assert {p.external_id(d) for d in in_curation} == shared
        for doc in in_curation:
            for item in disagreements(p, doc):
                if item.decided:
                    continue
                if "alice" in item.versions:
                    take(p, doc, item, "alice")
                else:
                    reject(p, doc, item)
            mark_curated(p, doc)
    gold = tmp_path / "gold.jsonl"
    run("export", str(project), str(gold), "--curated")
    exported = {str(r["id"]): r for r in gold_lines(gold)}
    assert set(exported) == shared
    for doc, record in exported.items():
        raters = [n for n in PEOPLE if doc in done[n]]
        assert len(raters) == 2
        if "alice" in raters:
            expected_entities = on(worked["alice"], {doc})
            expected_labels = topics["alice"].get(doc, {})
        else:  # bob and carol: what they agree on; their topics always differ
            expected_entities = on(worked["bob"], {doc}) & on(worked["carol"], {doc})
            expected_labels = {}
        got = {(doc, int(e["start"]), int(e["end"]), str(e["label"]))
               for e in record["entities"]}
        assert got == expected_entities
        assert record["labels"] == expected_labels
        assert {e["annotator"] for e in record["entities"]} <= {CURATED}

    # the dataset card: how the gold was made, with the agreement on the gold documents
    card_dir = tmp_path / "gold-conll"
    run("export", str(project), str(card_dir), "--curated", "--format", "conll", "--split",
        "train=1.0")
    card = (card_dir / "README.md").read_text(encoding="utf-8")
    (names,) = [x for x in card.splitlines() if x.startswith("- Annotators: ")]
    assert sorted(names.removeprefix("- Annotators: ").split(", ")) == list(PEOPLE)
    (line,) = [x for x in card.splitlines() if x.startswith("- Agreement before curation")]
    assert line.startswith(f"- Agreement before curation ({len(shared)} gold document(s)):")
    for pair, f1 in expected_f1.items():
        assert f"entity F1 exact {pair} {shown(f1)}" in line
