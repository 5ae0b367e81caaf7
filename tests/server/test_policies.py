"""Who may write what, enforced by the server: an annotator writes only their own layer,
even with hand-written SQL; a curator also writes the curated layer."""

from __future__ import annotations

import pytest

from annotator.core.store import CURATED, Project, ProjectError
from tests.server.conftest import Team
from tests.server.helpers import TEXT_A, span

psycopg = pytest.importorskip("psycopg")  # the server extra


def _doc(project: Project, external_id: str) -> int:
    found = project.find_document(external_id)
    assert found is not None
    return found


def _journal(team: Team) -> list[tuple[int, str]]:
    with psycopg.connect(team.admin) as conn:
        return [(int(r[0]), str(r[1])) for r in conn.execute(
            "SELECT j.id, a.name FROM journal j JOIN annotators a ON a.id = j.annotator_id"
            " ORDER BY j.id")]


def test_an_annotator_cannot_change_anothers_layer_with_hand_written_sql(team: Team) -> None:
    with team.open("alice") as alice:
        entity = alice.add_entity(_doc(alice, "a"), *span(TEXT_A, "موسكو"), "GPE")
        alice.set_status(_doc(alice, "a"), "done")
    before = _journal(team)
    with psycopg.connect(team.people["bob"], autocommit=True) as bob:
        assert bob.execute("UPDATE entities SET label = 'LOC' WHERE id = %s",
                           (entity,)).rowcount == 0
        assert bob.execute("DELETE FROM entities WHERE id = %s", (entity,)).rowcount == 0
        assert bob.execute("UPDATE document_status SET status = 'todo'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="journal"):
            bob.execute("DELETE FROM journal")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute("INSERT INTO entities(doc_id, start, \"end\", label, annotator_id,"
                        " schema_version, created, updated) SELECT doc_id, start, \"end\","
                        " 'LOC', annotator_id, schema_version, created, updated"
                        " FROM entities WHERE id = %s", (entity,))
    with team.open("alice") as alice:
        record = alice.get_record(_doc(alice, "a"))
        assert [(e.label, e.id) for e in record.entities] == [("GPE", str(entity))]
        assert alice.status(_doc(alice, "a")) == "done"
        assert alice.validate() == []
    assert _journal(team) == before


def test_an_annotator_posing_as_another_through_the_store_is_refused(team: Team) -> None:
    with team.open("alice") as alice:
        alice.add_entity(_doc(alice, "a"), *span(TEXT_A, "موسكو"), "GPE")
    before = _journal(team)
    with (Project.open(team.people["bob"], annotator=team.names["alice"]) as bob_as_alice,
          pytest.raises(ProjectError, match=r"refused the change.*not saved")):
        bob_as_alice.add_entity(_doc(bob_as_alice, "a"), *span(TEXT_A, "روسيا"), "GPE")
    assert _journal(team) == before


def test_a_curator_writes_the_curated_layer_and_an_annotator_cannot(team: Team) -> None:
    before = _journal(team)
    with team.open("dana", layer=CURATED) as dana:
        dana.add_entity(_doc(dana, "a"), *span(TEXT_A, "روسيا"), "GPE")
    with team.open("alice") as alice:
        curated = alice.get_record(_doc(alice, "a"), layer=CURATED)
        assert [e.label for e in curated.entities] == ["GPE"]
        assert alice.validate() == []
    with psycopg.connect(team.people["alice"]) as alice_sql:
        assert alice_sql.execute(
            "UPDATE entities SET label = 'LOC' WHERE annotator_id ="
            " (SELECT id FROM annotators WHERE name = 'curation')").rowcount == 0
    names = [name for _, name in _journal(team)[len(before):]]
    assert names == [team.names["dana"]]  # the journal says who acted: the curator
