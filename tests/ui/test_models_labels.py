"""The label palette's model of entity types, under qtmodeltester across a schema change."""

from __future__ import annotations

from annotator.core.schema import default_schema_path, load_schema, parse_schema
from annotator.ui.models.labels import ColorRole, EntityTypeModel, HotkeyRole, LabelRole
from annotator.ui.qt import Qt

ONE_TYPE = """
[schema]
name = "one type"
version = 1

[[entities.types]]
label = "PLACE"
color = "#112233"
"""


def test_entity_types_pass_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    schema = load_schema(default_schema_path())
    model = EntityTypeModel(schema)
    qtmodeltester.check(model)
    assert model.labels() == list(schema.entity_types)
    row = model.row_of("PERS")
    pers = schema.entity_types["PERS"]
    index = model.index(row)
    assert (index.data(LabelRole), index.data(ColorRole), index.data(HotkeyRole)) == (
        "PERS", pers.color, pers.hotkey)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == f"PERS (key {pers.hotkey.upper()})"
    model.set_schema(parse_schema(ONE_TYPE, "one type"))
    qtmodeltester.check(model)
    assert model.labels() == ["PLACE"]
    assert model.row_of("PERS") == -1
