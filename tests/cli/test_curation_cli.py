"""``annotator role``, ``annotator curate`` and ``annotator export --curated``."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.curation import CURATED, disagreements, mark_curated, take
from annotator.core.store import Project
from tests.cli.helpers import run
from tests.core.curation_setup import three_layers


def test_role_curate_decide_and_export_the_gold(tmp_path: Path, project_address: Path) -> None:
    path = str(three_layers(project_address))
    refused = run("curate", path, "--as", "dana", ok=False)
    assert refused.exit_code != 0
    assert "dana is not a curator" in refused.output
    assert "dana is now a curator" in run("role", path, "--grant", "curator", "dana",
                                          "--annotator", "dana").output
    assert "eve is not a manager" in run("role", path, "--grant", "curator", "eve",
                                         "--annotator", "eve", ok=False).output
    assert run("role", path, "--annotator", "dana").output.splitlines() == [
        "dana\tcurator", "dana\tmanager"]

    out = run("curate", path, "--as", "dana", "--policy", "majority",
              "--annotators", "alice,bob,carol").output
    assert "news-1: alice, bob, carol: 7 agreed, 0 partly merged, 0 kept, 0 left" in out
    out = run("curate", path, "--as", "dana").output  # unanimous now: decisions are kept
    assert "0 agreed, 0 partly merged, 7 kept, 0 left to decide" in out

    gold = tmp_path / "gold.jsonl"
    refused = run("export", path, str(gold), "--curated", ok=False)
    assert "1 document(s) in curation are not curated yet: news-1" in refused.output
    with Project.open(path, annotator="dana", layer=CURATED) as p:
        item = next(i for i in disagreements(p, 1) if i.kind == "entity" and i.key == "33-38")
        take(p, 1, item, "carol")
        mark_curated(p, 1)
    run("export", path, str(gold), "--curated")
    (line,) = gold.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    labels = sorted(e["label"] for e in record["entities"])
    assert labels == ["LOC", "PERS"]
    assert {e["annotator"] for e in record["entities"]} == {CURATED}
    report = json.loads((tmp_path / "gold.jsonl.report.json").read_text(encoding="utf-8"))
    assert report["gold"]["policies"] == {"unanimous": 1}
    assert report["gold"]["curators"] == ["dana"]
    folder = tmp_path / "gold-conll"
    run("export", path, str(folder), "--curated", "--format", "conll", "--split",
        "train=1.0")
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "## How the gold was made" in card
    assert "Annotators: alice, bob, carol" in card
    # the agreement figures of the annotators on the gold documents (core/agreement's hook)
    assert "- Agreement before curation (1 gold document(s)): entity F1 exact alice~bob 0.800," \
        in card
    assert report["gold"]["agreement"]["entity F1 exact bob~carol"] == 0.5
