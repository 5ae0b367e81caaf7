"""Tests for annotator.core.schema.rules: one rule, one message, wherever it is checked.

The same unknown label, role or kind is refused with the same reason by the rule function, by
the import checks (``record_problems``), by the store's bulk import and by a user action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.checks import record_problems
from annotator.core.model import DocumentRecord, Entity, Event, EventArgument, Quote, Span
from annotator.core.schema import Schema, default_schema_path, load_schema, rules
from annotator.core.store import Project, ProjectError

TEXT = "قال بوتين إن موسكو هاجمت المسلحين"


def _at(word: str) -> Span:
    start = TEXT.index(word)
    return Span(start, start + len(word))


def _span(word: str) -> tuple[int, int]:
    span = _at(word)
    return span.start, span.end


def _entity(word: str, label: str) -> Entity:
    span = _at(word)
    return Entity("e1", span.start, span.end, label)


@pytest.fixture(scope="module")
def schema() -> Schema:
    return load_schema(default_schema_path())


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as opened:
        yield opened


def test_the_rules_answer(schema: Schema) -> None:
    assert rules.entity_label_problem(schema, "PERS") is None
    assert rules.entity_label_problem(schema, "PERSON") == (
        f"unknown entity label 'PERSON' (schema has {', '.join(schema.entity_types)})")
    assert rules.role_problem(schema, "Conflict:Attack", "Attacker", "GPE") is None
    assert rules.role_problem(schema, "Conflict:Attack", "Place", "PERS") == (
        "role 'Place' of Conflict:Attack does not accept a PERS entity")
    assert rules.quote_kind_problem(schema, "rumour") == (
        "unknown quote kind 'rumour' (schema has direct, indirect, mixed)")
    assert rules.status_problem("finished") == (
        "unknown status 'finished' (one of todo, in-progress, done, skipped)")
    assert rules.document_label_problem(schema, "nope", 1) == rules.document_labels_problem(
        schema, {"nope": 1})


def _record(**parts: object) -> DocumentRecord:
    return DocumentRecord(id="d", text=TEXT, **parts)  # type: ignore[arg-type]


CASES: dict[str, tuple[Callable[[Schema], str | None], Callable[[], DocumentRecord],
                       Callable[[Project, int], object]]] = {
    "entity label": (
        lambda s: rules.entity_label_problem(s, "PERSON"),
        lambda: _record(entities=[_entity("بوتين", "PERSON")]),
        lambda p, doc: p.add_entity(doc, *_span("بوتين"), "PERSON"),
    ),
    "role": (
        lambda s: rules.role_problem(s, "Conflict:Attack", "Place", "PERS"),
        lambda: _record(entities=[_entity("بوتين", "PERS")], events=[
            Event("v1", "Conflict:Attack", _at("هاجمت"), [EventArgument("Place", "e1")])]),
        lambda p, doc: p.add_event(doc, "Conflict:Attack", _at("هاجمت"), [
            EventArgument("Place", str(p.add_entity(doc, *_span("بوتين"), "PERS")))]),
    ),
    "quote kind": (
        lambda s: rules.quote_kind_problem(s, "rumour"),
        lambda: _record(quotes=[Quote("q1", _at("موسكو"), None, None, "rumour")]),
        lambda p, doc: p.add_quote(doc, _at("موسكو"), kind="rumour"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_one_message_everywhere(case: str, schema: Schema, project: Project) -> None:
    rule, record, action = CASES[case]
    reason = rule(schema)
    assert reason is not None
    assert any(problem.endswith(reason) for problem in record_problems(record(), schema))
    with pytest.raises((ValueError, ProjectError)) as bulk:
        project.import_records([record()])
    assert reason in str(bulk.value)
    doc = project.import_records([_record()]).doc_ids[0]
    with pytest.raises(ValueError, match=f"^{re.escape(reason)}$"):
        action(project, doc)
