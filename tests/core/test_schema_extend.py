"""Growing a schema with what imported records use (``import --extend-schema``)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importing import import_paths
from annotator.core.model import (
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.schema import default_schema_path, load_schema
from annotator.core.schema.extend import PALETTE, SchemaExtension, new_color, new_hotkey
from annotator.core.store import Project

TEXT = "قال الوزير في موسكو إن الحل قريب."


def record() -> DocumentRecord:
    minister = Entity("e1", TEXT.index("الوزير"), TEXT.index(" في"), "TITLE")
    moscow = Entity("e2", TEXT.index("موسكو"), TEXT.index(" إن"), "GPE")
    event = Event("v1", "Contact:Meet", Span(0, 3), [EventArgument("Entity", "e1"),
                                                      EventArgument("Host", "e2")])
    stance = Stance("s1", "e1", StanceTarget(topic="peace"), "HOPEFUL")
    return DocumentRecord(id="a", text=TEXT, entities=[minister, moscow], events=[event],
                          stances=[stance])


def test_extension_adds_what_records_use_and_nothing_else() -> None:
    schema = load_schema(default_schema_path())
    extension = SchemaExtension(schema)
    grown = extension.add_all([record(), record()])
    assert extension.added == [
        f"entity label TITLE (colour {PALETTE[0]}, no key)",
        "stance label HOPEFUL", "stance topic peace",
        "TITLE as Entity of Contact:Meet", "role Host of Contact:Meet"]
    meet = grown.event_types["Contact:Meet"]
    assert meet.roles[-1] == "Host"
    assert "TITLE" in meet.role_types["Entity"]
    other = record()
    other.events[0].type = "Media:Interview"
    extension.add(other)
    assert extension.added[-3:] == ["event type Media:Interview", "role Entity of Media:Interview",
                                    "role Host of Media:Interview"]
    assert grown.topics["peace"].label == "peace"
    assert grown.to_toml()  # writes and reads back (parse_schema checks it)


def test_colours_and_keys_are_deterministic_and_free() -> None:
    assert new_color([PALETTE[0].upper()], "X") == PALETTE[1]
    everything = new_color(PALETTE, "LABEL")
    assert everything not in PALETTE
    assert everything == new_color(PALETTE, "LABEL")
    assert new_hotkey(["p", "E"], "PERSON") == "r"
    assert new_hotkey(list("abcdefghijklmnopqrstuvwxyz"), "PERSON") is None


def test_import_with_extend_schema_stores_one_new_version(tmp_path: Path) -> None:
    from annotator.core.exports import export_canonical

    source = tmp_path / "src.db"
    with Project.open(source, create=True) as proj:
        proj.import_records([DocumentRecord(id="a", text=TEXT)])
        doc = proj.find_document("a")
        assert doc is not None
        proj.add_entity(doc, TEXT.index("موسكو"), TEXT.index(" إن"), "GPE")
        export_canonical(proj, tmp_path / "out.jsonl")
    data = tmp_path / "out.jsonl"
    lines = data.read_text(encoding="utf-8")
    data.write_text(lines.replace('"GPE"', '"CITY"'), encoding="utf-8")
    with Project.open(tmp_path / "p.db", create=True) as proj:
        refused = import_paths(proj, [data])
        assert refused.bad
        assert not refused.imported
        result = import_paths(proj, [data], extend_schema=True)
        assert result.schema_added == [f"entity label CITY (colour {PALETTE[0]}, key y)"]
        assert proj.schema_version == 2
        assert proj.validate() == []
