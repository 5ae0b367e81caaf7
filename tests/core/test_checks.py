"""Record-level checks against the bundled schema."""

from __future__ import annotations

import pytest

from annotator.core.checks import record_problems
from annotator.core.model import (
    AUTHOR,
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    Quote,
    Span,
    Stance,
    StanceTarget,
)
from annotator.core.schema import Schema, default_schema_path, load_schema

TEXT = "قال بوتين إن موسكو هاجمت المسلحين"


@pytest.fixture(scope="module")
def schema() -> Schema:
    return load_schema(default_schema_path())


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _good() -> DocumentRecord:
    putin, moscow, attack = _at("بوتين"), _at("موسكو"), _at("هاجمت")
    return DocumentRecord(
        id="d",
        text=TEXT,
        entities=[Entity("e1", *putin, "PERS", {"mention": "NAM"}), Entity("e2", *moscow, "GPE")],
        quotes=[Quote("q1", Span(putin[1] + 1, len(TEXT)), Span(*_at("قال")), "e1", "indirect")],
        events=[Event("v1", "Conflict:Attack", Span(*attack), [EventArgument("Attacker", "e2")])],
        stances=[
            Stance("s1", "e1", StanceTarget(entity="e2"), "FAVOR", "q1"),
            Stance("s2", AUTHOR, StanceTarget(topic="anti-isis-coalition"), "NONE"),
            Stance("s3", None, StanceTarget(event="v1"), "AGAINST", Span(*attack)),
        ],
        labels={"topic": "politics"},
    )


def test_good_record_has_no_problems(schema: Schema) -> None:
    assert record_problems(_good(), schema) == []


def test_every_kind_of_problem_is_reported(schema: Schema) -> None:
    record = _good()
    record.status = "finished"
    record.entities.append(Entity("e3", 0, 4, "PERSON"))  # "قال " ends on a space
    record.entities.append(Entity("e1", 4, 9, "PERS", {"mention": "XYZ"}))
    record.quotes[0].kind = "rumour"
    record.quotes[0].speaker = "e99"
    record.events.append(Event("v2", "Conflict:Nope", Span(3, 5), [EventArgument("Victim", "e7")]))
    record.events[0].arguments.append(EventArgument("Place", "e1"))
    record.events[0].arguments.append(EventArgument("Boss", "e2"))
    record.stances[0].label = "MAYBE"
    record.stances[0].evidence = "q9"
    record.stances[1].target = StanceTarget(topic="no-such-topic")
    record.stances[2].target = StanceTarget(event="v9")
    record.stances.append(Stance("s4", "e42", StanceTarget(entity="e43"), "FAVOR"))
    record.labels["mood"] = "happy"
    problems = "\n".join(record_problems(record, schema))
    expected = [
        "unknown status 'finished'",
        "entity e3 [0, 4): span end is whitespace",
        "entity e3: unknown entity label 'PERSON' (schema has PERS, NORP",
        "entity id 'e1' is used twice",
        "entity e1: mention: 'XYZ' is not one of NAM, NOM, PRO",
        "quote q1: unknown quote kind 'rumour' (schema has direct, indirect, mixed)",
        "quote q1: speaker 'e99' is not an entity of this document",
        "event v2 trigger [3, 5): span start is whitespace",
        "event v2: unknown event type 'Conflict:Nope'",
        "event v2: argument Victim 'e7' is not an entity of this document",
        "event v1 argument e1: role 'Place' of Conflict:Attack does not accept a PERS entity",
        "event v1 argument e2: role 'Boss' is not allowed for Conflict:Attack (allowed: Attacker",
        "stance s1: unknown stance label 'MAYBE' (schema has FAVOR, AGAINST, NONE)",
        "stance s1: evidence 'q9' is not a quote of this document",
        "stance s2: unknown stance topic 'no-such-topic'",
        "stance s3: target 'v9' is not an event of this document",
        "stance s4: holder 'e42' is not an entity of this document",
        "stance s4: target 'e43' is not an entity of this document",
        'unknown document label "mood"',
    ]
    for piece in expected:
        assert piece in problems, piece
