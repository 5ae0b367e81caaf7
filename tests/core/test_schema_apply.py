"""Applying a new schema version: refusal of orphans, OLD=NEW renames, one undoable action."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import DocumentRecord, Span, StanceTarget
from annotator.core.schema import EntityType, Schema, Topic
from annotator.core.store import Project, ProjectError, SchemaChanged, SchemaChangeError
from tests.core.test_store_actions import dump

TEXT = "قال المتحدث باسم موقع الجزيرة نت إن اللغة العربية تنتشر في موسكو."
SITE = (TEXT.index("الجزيرة"), TEXT.index(" إن"))
LANG = (TEXT.index("العربية"), TEXT.index(" تنتشر"))
MOSCOW = (TEXT.index("موسكو"), TEXT.index("موسكو") + len("موسكو"))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.db", create=True, annotator="alice") as opened:
        opened.import_records([DocumentRecord(id="a", text=TEXT),
                               DocumentRecord(id="b", text=TEXT + " ")])
        yield opened


def ids(project: Project) -> tuple[int, int]:
    a, b = project.find_document("a"), project.find_document("b")
    assert a is not None
    assert b is not None
    return a, b


def edited(schema: Schema, **changes: Any) -> str:
    return dataclasses.replace(schema, **changes).to_toml()


def without(schema: Schema, label: str, add: EntityType | None = None) -> dict[str, Any]:
    types = {k: v for k, v in schema.entity_types.items() if k != label}
    if add is not None:
        types[add.name] = add
    return {"entity_types": types}


def test_adding_a_label_is_a_new_version_undone_and_redone(project: Project) -> None:
    seen: list[object] = []
    project.events.subscribe(seen.append, SchemaChanged)
    before = dump(project)
    new = EntityType("TITLE", "#f0e68c", None, "A title — لقب")
    change = project.apply_schema(edited(project.schema, **without(project.schema, "", new)))
    assert change.version == 2
    assert project.schema_version == 2
    assert "TITLE" in project.schema.entity_types
    assert "entity label added: TITLE" in change.lines()
    assert project.undo_text() == "Undo Apply schema version 2"
    assert seen == [SchemaChanged(2)]
    project.undo()
    assert project.schema_version == 1
    assert "TITLE" not in project.schema.entity_types
    assert dump(project) == before
    assert seen[-1] == SchemaChanged(1)
    project.redo()
    assert "TITLE" in project.schema.entity_types
    assert seen[-1] == SchemaChanged(2)
    assert project.validate() == []


def test_removing_a_label_in_use_is_refused_with_what_how_many_where(project: Project) -> None:
    a, b = ids(project)
    project.add_entity(a, *SITE, "WEBSITE")
    project.add_entity(b, *SITE, "WEBSITE")
    project.add_entity(b, *LANG, "WEBSITE")
    before = dump(project)
    with pytest.raises(SchemaChangeError) as refused:
        project.apply_schema(edited(project.schema, **without(project.schema, "WEBSITE")))
    assert refused.value.lines == [
        "would orphan entity label WEBSITE is not in the new schema:"
        " 3 annotation(s) in 2 documents (a, b)"]
    assert dump(project) == before
    assert project.schema_version == 1


def test_a_rename_relabels_in_one_undoable_action(project: Project) -> None:
    a, b = ids(project)
    site = project.add_entity(a, *SITE, "WEBSITE")
    other = project.add_entity(b, *SITE, "WEBSITE")
    moscow = project.add_entity(a, *MOSCOW, "GPE")
    before = dump(project)
    old = project.schema.entity_types["WEBSITE"]
    toml = edited(project.schema, **without(
        project.schema, "WEBSITE", dataclasses.replace(old, name="SITE")))
    dry = project.apply_schema(toml, ["WEBSITE=SITE"], dry_run=True)
    assert dry.version is None
    assert dump(project) == before
    assert dry.lines()[:1] == ["entity label WEBSITE → SITE (renamed)"]
    change = project.apply_schema(toml, ["WEBSITE=SITE"])
    assert change.relabelled == {"entity label WEBSITE → SITE": 2}
    assert "relabelled 2 annotation(s): entity label WEBSITE → SITE" in change.lines()
    labels = {e.id: e.label for e in project.get_record(a).entities}
    assert labels == {str(site): "SITE", str(moscow): "GPE"}
    assert project.get_record(b).entities[0].id == str(other)
    assert project.undo_text() == "Undo Apply schema version 2 (WEBSITE → SITE)"
    assert project.validate() == []
    project.undo()
    assert dump(project) == before
    assert project.can_redo()
    project.redo()
    assert project.get_record(b).entities[0].label == "SITE"


def test_mapping_to_a_label_outside_the_new_schema_is_refused(project: Project) -> None:
    a, _b = ids(project)
    project.add_entity(a, *SITE, "WEBSITE")
    toml = edited(project.schema, **without(project.schema, "WEBSITE"))
    with pytest.raises(SchemaChangeError) as refused:
        project.apply_schema(toml, ["WEBSITE=SITE"])
    assert refused.value.lines == [
        "WEBSITE=SITE: SITE is not an entity label of the new schema"]
    with pytest.raises(SchemaChangeError, match="not a name that the new schema removes"):
        project.apply_schema(toml, ["GPE=PERS"])
    assert project.schema_version == 1


def test_an_invalid_schema_reports_every_mistake(project: Project) -> None:
    toml = project.schema.to_toml().replace('color = "#7eb6ff"', 'color = "blue"', 1)
    toml = toml.replace('hotkey = "n"', 'hotkey = "p"', 1)
    with pytest.raises(SchemaChangeError) as refused:
        project.apply_schema(toml)
    assert len(refused.value.lines) == 2
    assert any("color" in line for line in refused.value.lines)
    assert any("hotkey" in line for line in refused.value.lines)


def test_topic_kind_and_stance_renames_follow_the_stances(project: Project) -> None:
    a, _b = ids(project)
    topic = next(iter(project.schema.topics))
    stance = project.add_stance(a, None, StanceTarget(topic=topic), "AGAINST")
    project.add_quote(a, Span(*LANG), kind=project.schema.quote_kinds[0])
    schema = project.schema
    topics = {("coalition" if k == topic else k): (Topic("coalition", t.label, t.label_en)
                                                   if k == topic else t)
              for k, t in schema.topics.items()}
    toml = edited(schema, topics=topics)
    with pytest.raises(SchemaChangeError, match=f"stance topic {topic} is not in the new schema"):
        project.apply_schema(toml)
    project.apply_schema(toml, [f"topic:{topic}=coalition"])
    links = project.get_record(a).stances
    assert [(s.id, s.target.topic) for s in links] == [(str(stance), "coalition")]
    kinds = tuple("quoted" if k == schema.quote_kinds[0] else k for k in schema.quote_kinds)
    with pytest.raises(SchemaChangeError, match="quote kind"):
        project.apply_schema(edited(project.schema, quote_kinds=kinds))
    project.apply_schema(edited(project.schema, quote_kinds=kinds),
                         [f"{schema.quote_kinds[0]}=quoted"])
    assert project.get_record(a).quotes[0].kind == "quoted"
    assert project.validate() == []


def test_undo_is_refused_when_the_new_version_is_in_use(project: Project, tmp_path: Path
                                                         ) -> None:
    a, _b = ids(project)
    new = EntityType("TITLE", "#f0e68c", None)
    project.apply_schema(edited(project.schema, **without(project.schema, "", new)))
    with Project.open(tmp_path / "p.db", annotator="bob") as bob:
        bob.add_entity(a, *MOSCOW, "TITLE")
    with pytest.raises(ProjectError, match=r"1 annotation.* under schema version 2"):
        project.undo()
    assert project.schema_version == 2


def test_renaming_a_label_follows_its_references_in_the_schema(project: Project) -> None:
    from annotator.core.schema.edit import with_entity_types
    from annotator.core.schema.loading import parse_schema

    schema = project.schema
    types = {("TITLE" if k == "OCC" else k): dataclasses.replace(t, name="TITLE")
             if k == "OCC" else t for k, t in schema.entity_types.items() if k != "LANGUAGE"}
    grown = with_entity_types(schema, types, {"OCC": "TITLE"})
    assert "TITLE" in grown.speaker_types
    assert "OCC" not in grown.holder_types
    assert "TITLE" in grown.event_types["Life:Die"].role_types["Victim"]
    assert parse_schema(grown.to_toml(), "edited") is not None
    change = project.apply_schema(grown.to_toml(), ["OCC=TITLE"], dry_run=True)
    assert change.lines()[:2] == ["entity label OCC → TITLE (renamed)",
                                  "entity label removed: LANGUAGE"]


def test_a_topic_rename_follows_every_layer_of_a_per_topic_label(project: Project) -> None:
    """Document labels are keyed by annotator (issue 13): the rename updates each layer's."""
    a, _b = ids(project)
    topic = next(iter(project.schema.topics))
    project.set_document_label(a, "overall_stance", {topic: "FAVOR"})
    with Project.open(project.path, annotator="bob") as bob:
        bob.set_document_label(a, "overall_stance", {topic: "AGAINST"})
    schema = project.schema
    topics = {("coalition" if k == topic else k): (Topic("coalition", t.label, t.label_en)
                                                   if k == topic else t)
              for k, t in schema.topics.items()}
    project.apply_schema(edited(schema, topics=topics), [f"topic:{topic}=coalition"])
    assert project.get_record(a).labels == {"overall_stance": {"coalition": "FAVOR"}}
    assert project.get_record(a, layer="bob").labels == {
        "overall_stance": {"coalition": "AGAINST"}}
    project.undo()
    assert project.get_record(a, layer="bob").labels == {"overall_stance": {topic: "AGAINST"}}
