"""The recommender's reviews on the server (issue 16, format 9): each annotator's own. Alice
rejecting a suggestion hides it from Alice only, and nobody changes another's reviews, even
with hand-written SQL (row-level security: a personal table)."""

from __future__ import annotations

import pytest

from tests.server.conftest import Team
from tests.server.helpers import TEXT_A, span

psycopg = pytest.importorskip("psycopg")  # the server extra


def test_reviews_are_each_annotators_own(team: Team) -> None:
    moscow = (*span(TEXT_A, "موسكو"), "GPE")
    for who in ("alice", "bob"):
        with team.open(who) as project:
            doc = project.find_document("a")
            assert doc is not None
            assert project.rejected_suggestions(doc, "entities") == set()  # not the other's
            project.review_suggestion(doc, "entities", *moscow, "rejected")
            assert project.rejected_suggestions(doc, "entities") == {moscow}
    with team.open("bob") as bob:
        assert bob.review_counts("entities") == {"GPE": {"accepted": 0, "rejected": 2}}
        assert bob.review_counts_by_annotator("entities") == {
            team.names["alice"]: {"GPE": {"accepted": 0, "rejected": 1}},
            team.names["bob"]: {"GPE": {"accepted": 0, "rejected": 1}}}
    with psycopg.connect(team.people["bob"], autocommit=True) as bob:
        alice_id = bob.execute("SELECT id FROM annotators WHERE name = %s",
                               (team.names["alice"],)).fetchone()[0]
        assert bob.execute("DELETE FROM recommender_reviews WHERE annotator_id = %s",
                           (alice_id,)).rowcount == 0
        assert bob.execute("UPDATE recommender_reviews SET decision = 'accepted'"
                           " WHERE annotator_id = %s", (alice_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute("INSERT INTO recommender_reviews(doc_id, kind, start, \"end\", label,"
                        " decision, annotator_id, created) SELECT doc_id, kind, start + 1,"
                        " \"end\", label, decision, annotator_id, created"
                        " FROM recommender_reviews WHERE annotator_id = %s", (alice_id,))
    with team.open("alice") as alice:
        doc = alice.find_document("a")
        assert doc is not None
        assert alice.rejected_suggestions(doc, "entities") == {moscow}
