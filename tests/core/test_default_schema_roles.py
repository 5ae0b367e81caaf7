"""The default schema's event roles: a person named by a title (OCC in Wojood) fills every
ACE role a person fills (issue 11: ``المستشار``, ``وزير الخارجية`` are the usual participants)."""

from __future__ import annotations

from annotator.core.schema import default_schema_path, load_schema


def test_every_role_that_takes_a_person_takes_a_title_too() -> None:
    schema = load_schema(default_schema_path())
    checked = 0
    for event_type, definition in schema.event_types.items():
        for role in definition.roles:
            if schema.role_accepts(event_type, role, "PERS"):
                checked += 1
                assert schema.role_accepts(event_type, role, "OCC"), (event_type, role)
    assert checked > 30  # the ACE person roles of the 33 event types


def test_title_fills_the_contact_and_justice_roles() -> None:
    schema = load_schema(default_schema_path())
    assert schema.role_accepts("Contact:Meet", "Entity", "OCC")
    assert schema.role_accepts("Justice:Arrest-Jail", "Person", "OCC")
    assert not schema.role_accepts("Contact:Meet", "Place", "OCC")
