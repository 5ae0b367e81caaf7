"""Shared by the server tests: a project with a bit of everything, and what must survive a
copy (the canonical export and the journal, undo stacks and roles, row by row)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.exports.pipeline import export_canonical
from annotator.core.model import DocumentRecord, Span, StanceTarget
from annotator.core.store import Project

TEXT_A = "قال الرئيس فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي."
TEXT_B = "أعلن كيري في واشنطن أن الولايات المتحدة ستواصل الضربات."


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def fill(target: str) -> None:
    """Two annotators' layers with entities, a quote, an event, a stance, statuses, a
    document label, an undone action (a redo stack) and a deleted entity (an id counter
    above the largest id)."""
    with Project.open(target, create=True, annotator="alice") as p:
        p.import_records([DocumentRecord(id="a", text=TEXT_A, title="موسكو"),
                          DocumentRecord(id="b", text=TEXT_B, title="واشنطن")])
        a = p.find_document("a")
        b = p.find_document("b")
        assert a is not None
        assert b is not None
        putin = p.add_entity(a, *span(TEXT_A, "فلاديمير بوتين"), "PERS")
        moscow = p.add_entity(a, *span(TEXT_A, "موسكو"), "GPE")
        p.add_quote(a, Span(*span(TEXT_A, "روسيا تدعم الحل السياسي")),
                    Span(*span(TEXT_A, "قال")), speaker=putin)
        p.add_stance(a, putin, StanceTarget(entity=str(moscow)), "FAVOR")
        p.set_status(a, "done")
        last = p.add_entity(b, *span(TEXT_B, "كيري"), "PERS")
        p.delete_entity(last)
        p.add_entity(b, *span(TEXT_B, "واشنطن"), "GPE")
        p.undo()
    with Project.open(target, annotator="bob") as p:
        a = p.find_document("a")
        assert a is not None
        p.add_entity(a, *span(TEXT_A, "موسكو"), "LOC")
        p.set_status(a, "in-progress")


PERSONAL = ("journal", "undo_stack", "roles", "annotators", "document_status")


def state(target: str, folder: Path) -> dict[str, Any]:
    """The canonical export (every layer) and the rows of the journal, undo stacks, roles,
    annotators and statuses, as text: equal for two projects that hold the same work."""
    out = folder / f"export-{abs(hash(target))}.jsonl"
    with Project.open(target, annotator="alice") as p:
        export_canonical(p, out)
        tables: dict[str, Any] = {}
        for table in PERSONAL:
            cursor = p.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            tables[table] = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                                   for r in rows)
    return {"export": out.read_text(encoding="utf-8"), **tables}
