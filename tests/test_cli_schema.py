"""``annotator schema apply`` and ``annotator import --extend-schema``, driven like a user would."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.schema.extend import PALETTE
from annotator.core.store import Project

TEXT = "قال موقع الجزيرة نت إن الوزير وصل إلى موسكو."
SITE = (TEXT.index("الجزيرة"), TEXT.index(" إن"))
MOSCOW = (TEXT.index("موسكو"), TEXT.index("موسكو") + len("موسكو"))


def run(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def doccano(path: Path, labels: list[list[object]]) -> Path:
    path.write_text(json.dumps({"text": TEXT, "label": labels}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path


def test_import_extend_schema_adds_labels_with_free_colours_and_keys(tmp_path: Path) -> None:
    db = tmp_path / "p.annotator"
    data = doccano(tmp_path / "d.jsonl", [[*SITE, "MEDIA"], [*MOSCOW, "GPE"], [*MOSCOW, "ZONE"]])
    refused = run("import", str(db), str(data), "--format", "doccano", code=1)
    assert "MEDIA" in refused.output
    result = run("import", str(db), str(data), "--format", "doccano", "--extend-schema")
    assert f"schema: added entity label MEDIA (colour {PALETTE[0]}, no key)" in result.output
    assert f"schema: added entity label ZONE (colour {PALETTE[1]}, key z)" in result.output
    with Project.open(db) as proj:
        assert proj.schema_version == 2
        assert proj.schema.entity_types["ZONE"].hotkey == "z"
        assert sorted(e.label for e in proj.get_record(1).entities) == ["GPE", "MEDIA", "ZONE"]
        assert proj.validate() == []


def test_schema_apply_refuses_then_maps_and_undo_reverts(tmp_path: Path) -> None:
    db = tmp_path / "p.annotator"
    run("import", str(db), str(doccano(tmp_path / "d.jsonl", [[*SITE, "WEBSITE"]])),
        "--format", "doccano")
    with Project.open(db) as proj:
        schema = proj.schema
    types = {("MEDIA" if k == "WEBSITE" else k): (dataclasses.replace(t, name="MEDIA")
                                                  if k == "WEBSITE" else t)
             for k, t in schema.entity_types.items()}
    new = tmp_path / "new.toml"
    new.write_text(dataclasses.replace(schema, entity_types=types).to_toml(), encoding="utf-8")
    refused = run("schema", "apply", str(db), str(new), code=1)
    assert ("error: would orphan entity label WEBSITE is not in the new schema:"
            " 1 annotation(s) in 1 document (doc-000001)") in refused.output
    bad = run("schema", "apply", str(db), str(new), "--map", "WEBSITE=NEWS", code=1)
    assert "NEWS is not an entity label of the new schema" in bad.output
    dry = run("schema", "apply", str(db), str(new), "--map", "WEBSITE=MEDIA", "--dry-run")
    assert "entity label WEBSITE → MEDIA (renamed)" in dry.output
    assert "relabelled 1 annotation(s): entity label WEBSITE → MEDIA" in dry.output
    assert "nothing was written" in dry.output
    run("schema", "apply", str(db), str(new), "--map", "WEBSITE=MEDIA")
    with Project.open(db) as proj:
        assert proj.get_record(1).entities[0].label == "MEDIA"
    run("undo", str(db))
    with Project.open(db) as proj:
        assert proj.schema_version == 1
        assert proj.get_record(1).entities[0].label == "WEBSITE"
