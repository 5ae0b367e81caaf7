"""Generate crafted and damaged project files for the reliability tests (at test time, into a
folder; nothing here is ever committed as a file).

Every case starts from the same healthy project: the first four sample articles with their
annotations (entities, quotes, events, stances, document labels), a few journaled actions and
UI state. One SQL edit through a raw SQLite connection (CHECK constraints ignored, foreign
keys off, sometimes the declared schema itself rewritten) then damages it. Unless a case says
otherwise the damage is in document 2 (``DAMAGED``) and documents 1, 3 and 4 (``HEALTHY``)
stay readable: every read command must keep working on them.

``make_bad_projects(folder)`` writes every case as ``folder/<name>.annotator`` and returns
:class:`BadProject` descriptions. ``python -m tests.reliability.make_bad_projects FOLDER``
writes them for a look by hand.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from annotator.core.formats.canonical_reader import read_canonical
from annotator.core.model import DocumentRecord
from annotator.core.resources import SAMPLE_CORPUS, resource_path
from annotator.core.store import Project

REPO = Path(__file__).resolve().parents[2]
SAMPLE = resource_path(SAMPLE_CORPUS)
DOCUMENTS = 4
DAMAGED = 2
HEALTHY = (1, 3, 4)
ANNOTATOR = "setup"
DEEP = 100_000
"""Nesting depth of the deeply nested JSON cases."""


@dataclass(frozen=True, slots=True)
class BadProject:
    """One crafted project: ``doc`` is the document the damage makes unreadable or partly
    readable (None: the damage is in no document's rows that reading needs); ``table`` is
    the table ``validate`` must name ("": the file is odd but valid, e.g. a huge title);
    ``relax`` says a table was declared otherwise than ours, so the file is refused whole as
    holding foreign schema objects."""

    name: str
    path: Path
    table: str
    doc: int | None = DAMAGED
    relax: bool = False


@dataclass(frozen=True, slots=True)
class _Case:
    name: str
    table: str
    statements: tuple[str, ...]
    doc: int | None = DAMAGED
    relax: tuple[tuple[str, str, str], ...] = ()
    """Declared-schema rewrites (table, old, new) made with ``writable_schema`` first."""


def _deep(kind: str = "[") -> str:
    close = "]" if kind == "[" else "}"
    inner = "1" if kind == "[" else ""
    if kind == "{":
        return '{"a":' * DEEP + "1" + close * DEEP
    return kind * DEEP + inner + close * DEEP


def _first(table: str, doc: int = DAMAGED) -> str:
    return f"(SELECT min(id) FROM {table} WHERE doc_id = {doc})"


E1 = _first("entities")
Q1 = _first("quotes")
V1 = _first("events")
S1 = _first("stances")
A1 = _first("event_arguments")
BAD_UTF8 = "CAST(X'd8a7d984ff20d985fe' AS TEXT)"
"""Arabic letters with the bytes 0xff and 0xfe (never valid UTF-8) among them."""
HOSTILE_ID = "'\x1b]0;pwned\x07\x1b[2J\u202e' || printf('%.*c', 200, 'x')"
"""A 210-character id starting with terminal escapes and a bidi override (ids too long for
a file name are the brat exporter's business, not this corpus')."""


def _set(table: str, column: str, value: str, where: str) -> str:
    return f'UPDATE {table} SET "{column}" = {value} WHERE id = {where}'


_CASES: list[_Case] = [
    # -- documents ----------------------------------------------------------------------------
    _Case("text-invalid-utf8", "documents", (_set("documents", "text", BAD_UTF8, "2"),)),
    _Case("text-blob", "documents", (_set("documents", "text", "X'00ff10'", "2"),)),
    _Case("text-integer", "documents", (_set("documents", "text", "12345", "2"),)),
    _Case("text-null", "documents", (_set("documents", "text", "NULL", "2"),),
          relax=(("documents", "text TEXT NOT NULL)", "text TEXT)"),)),
    _Case("title-invalid-utf8", "documents", (_set("documents", "title", BAD_UTF8, "2"),)),
    _Case("title-blob", "documents", (_set("documents", "title", "X'ff00'", "2"),)),
    _Case("title-huge", "", (
        _set("documents", "title", "printf('%.*c', 2000000, 'T')", "2"),), doc=None),
    _Case("external-id-hostile", "", (_set("documents", "external_id", HOSTILE_ID, "2"),),
          doc=None),
    _Case("external-id-invalid-utf8", "documents", (
        _set("documents", "external_id", BAD_UTF8, "2"),)),
    _Case("status-unknown", "document_status", (
        "INSERT OR REPLACE INTO document_status(doc_id, annotator_id, status, updated)"
        f" VALUES (2, (SELECT id FROM annotators WHERE name = '{ANNOTATOR}'), 'bogus', 'x')",)),
    _Case("legacy-status-unknown", "documents", (_set("documents", "status", "'bogus'", "2"),),
          doc=None),
    _Case("status-null", "documents", (_set("documents", "status", "NULL", "2"),),
          relax=(("documents", "status TEXT NOT NULL DEFAULT", "status TEXT DEFAULT"),)),
    _Case("length-text", "documents", (_set("documents", "length", "'long'", "2"),), doc=None),
    _Case("sha256-blob", "documents", (_set("documents", "sha256", "X'01'", "2"),), doc=None),
    _Case("meta-deep", "documents", (_set("documents", "meta", f"'{_deep()}'", "2"),)),
    _Case("meta-deep-object", "documents", (_set("documents", "meta", f"'{_deep('{')}'",
                                                 "2"),)),
    _Case("meta-not-object", "documents", (_set("documents", "meta", "'[1, 2]'", "2"),)),
    _Case("meta-invalid-json", "documents", (_set("documents", "meta", "'{nope'", "2"),)),
    _Case("meta-blob", "documents", (_set("documents", "meta", "X'7b7d'", "2"),)),
    _Case("normalization-deep", "documents", (
        _set("documents", "normalization", f"'{_deep()}'", "2"),)),
    _Case("source-invalid-utf8", "documents", (_set("documents", "source", BAD_UTF8, "2"),)),
    # -- entities -----------------------------------------------------------------------------
    _Case("entity-outside-text", "entities", (_set("entities", "end", "999999", E1),)),
    _Case("entity-negative", "entities", (_set("entities", "start", "-5", E1),)),
    _Case("entity-start-after-end", "entities", (
        f'UPDATE entities SET start = "end" + 10 WHERE id = {E1}',)),
    _Case("entity-huge-offsets", "entities", (
        f'UPDATE entities SET start = 9223372036854775000, "end" = 9223372036854775807'
        f" WHERE id = {E1}",)),
    _Case("entity-offset-text", "entities", (_set("entities", "start", "'abc'", E1),)),
    _Case("entity-offset-real", "entities", (_set("entities", "start", "1.5", E1),)),
    _Case("entity-offset-blob", "entities", (_set("entities", "end", "X'00'", E1),)),
    _Case("entity-label-blob", "entities", (_set("entities", "label", "X'50455253'", E1),)),
    _Case("entity-label-invalid-utf8", "entities", (_set("entities", "label", BAD_UTF8, E1),)),
    _Case("entity-label-null", "entities", (_set("entities", "label", "NULL", E1),),
          relax=(("entities", "label TEXT NOT NULL", "label TEXT"),)),
    _Case("entity-attrs-deep", "entities", (_set("entities", "attrs", f"'{_deep()}'", E1),)),
    _Case("entity-attrs-not-object", "entities", (_set("entities", "attrs", "'\"x\"'", E1),)),
    _Case("entity-attrs-invalid-json", "entities", (_set("entities", "attrs", "'{'", E1),)),
    _Case("entity-note-blob", "entities", (_set("entities", "note", "X'ff'", E1),)),
    _Case("entity-schema-version-text", "entities", (
        _set("entities", "schema_version", "'one'", E1),)),
    _Case("entity-doc-id-text", "entities", (
        "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
        " schema_version, created, updated) VALUES ('two', 0, 3, 'PERS', '{}', 1, 1, 'x', 'x')",),
          doc=None),
    _Case("entity-missing-document", "entities", (
        "INSERT INTO entities(doc_id, start, \"end\", label, attrs, annotator_id,"
        " schema_version, created, updated) VALUES (999, 0, 3, 'PERS', '{}', 1, 1, 'x', 'x')",),
          doc=None),
    # -- quotes, events, arguments, stances, labels, notes --------------------------------------
    _Case("quote-outside-text", "quotes", (_set("quotes", "content_end", "999999", Q1),)),
    _Case("quote-cue-text", "quotes", (_set("quotes", "cue_start", "'x'", Q1),)),
    _Case("quote-dangling-speaker", "quotes", (
        _set("quotes", "speaker_entity_id", "99999", Q1),)),
    _Case("event-trigger-reversed", "events", (
        f"UPDATE events SET trigger_start = trigger_end + 3 WHERE id = {V1}",)),
    _Case("event-type-blob", "events", (_set("events", "type", "X'00'", V1),)),
    _Case("argument-dangling-entity", "event_arguments", (
        _set("event_arguments", "entity_id", "99999", A1),)),
    _Case("argument-dangling-event", "event_arguments", (
        _set("event_arguments", "event_id", "99999", A1),)),
    _Case("argument-entity-of-other-document", "event_arguments", (
        _set("event_arguments", "entity_id", _first("entities", 1), A1),)),
    _Case("argument-role-invalid-utf8", "event_arguments", (
        _set("event_arguments", "role", BAD_UTF8, A1),)),
    _Case("stance-dangling-target", "stances", (
        f"UPDATE stances SET target_entity_id = 99999, target_event_id = NULL,"
        f" target_topic = NULL WHERE id = {S1}",)),
    _Case("stance-dangling-evidence", "stances", (
        f"UPDATE stances SET evidence_quote_id = 99999, evidence_start = NULL,"
        f" evidence_end = NULL WHERE id = {S1}",)),
    _Case("stance-evidence-outside", "stances", (
        f"UPDATE stances SET evidence_quote_id = NULL, evidence_start = 5,"
        f" evidence_end = 99999999 WHERE id = {S1}",)),
    _Case("label-value-deep", "document_labels", (
        f"UPDATE document_labels SET value = '{_deep()}' WHERE doc_id = 2",)),
    _Case("label-value-invalid-json", "document_labels", (
        "UPDATE document_labels SET value = 'nope' WHERE doc_id = 2",)),
    _Case("note-blob", "notes", (
        "INSERT INTO notes(doc_id, annotator_id, text, created) VALUES (2, 1, X'ff00', 'x')",)),
    # -- journal, annotators, UI state -----------------------------------------------------------
    _Case("journal-garbage", "journal", ("UPDATE journal SET changes = 'garbage{'",), doc=None),
    _Case("journal-not-a-list", "journal", ("UPDATE journal SET changes = '{\"a\": 1}'",),
          doc=None),
    _Case("journal-wrong-shape", "journal", (
        "UPDATE journal SET changes = '[{\"table\": \"nope\", \"op\": 5}]'",), doc=None),
    _Case("journal-deep", "journal", (f"UPDATE journal SET changes = '{_deep()}'",), doc=None),
    _Case("journal-blob", "journal", ("UPDATE journal SET changes = X'ff'",), doc=None),
    _Case("journal-action-invalid-utf8", "journal", (f"UPDATE journal SET action = {BAD_UTF8}",),
          doc=None),
    _Case("journal-ts-blob", "journal", ("UPDATE journal SET ts = X'00'"
                                         " WHERE id = (SELECT max(id) FROM journal)",), doc=None),
    _Case("journal-target-text", "journal", ("UPDATE journal SET target_id = 'x'"
                                             " WHERE id = (SELECT max(id) FROM journal)",),
          doc=None),
    _Case("annotator-name-invalid-utf8", "annotators", (
        f"INSERT INTO annotators(name, created) VALUES ({BAD_UTF8}, 'x')",
        "UPDATE entities SET annotator_id = (SELECT max(id) FROM annotators)"
        f" WHERE id = {E1}"), doc=None),
    _Case("ui-state-deep", "ui_state", (f"UPDATE ui_state SET value = '{_deep()}'",), doc=None),
    _Case("ui-state-garbage", "ui_state", ("UPDATE ui_state SET value = X'ff'",), doc=None),
    _Case("ui-state-points-at-damaged", "documents", (
        "UPDATE ui_state SET value = '2' WHERE key = 'last_document'",
        _set("documents", "text", BAD_UTF8, "2"))),
]

CASE_NAMES = [case.name for case in _CASES]


def _template(path: Path) -> None:
    """The healthy project every case starts from."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:DOCUMENTS]
    source = path.with_suffix(".jsonl")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [r for r in read_canonical(source) if isinstance(r, DocumentRecord)]
    assert len(records) == DOCUMENTS
    with Project.open(path, create=True, annotator=ANNOTATOR) as project:
        ids = project.import_records(records).doc_ids
        assert ids == list(range(1, DOCUMENTS + 1)), ids
        for doc_id in ids:
            project.set_status(doc_id, "in-progress")
        project.add_document_note(ids[0], "checked")
        project.set_state("last_document", ids[0])
        project.set_state("cursor", {"1": 3})


def _damage(path: Path, case: _Case) -> None:
    if case.relax:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA writable_schema=ON")
        for table, old, new in case.relax:
            conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                         (old, new, table))
        conn.execute("PRAGMA writable_schema=OFF")
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints=ON")
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in case.statements:
            if conn.execute(statement).rowcount == 0 and statement.startswith("UPDATE"):
                raise AssertionError(f"{case.name}: changed nothing: {statement[:200]}")
    finally:
        conn.close()


def make_bad_projects(folder: Path) -> list[BadProject]:
    """Write every case under ``folder``; return their descriptions."""
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "template.annotator"
    if not template.exists():
        _template(template)
    made: list[BadProject] = []
    for case in _CASES:
        path = folder / f"{case.name}.annotator"
        shutil.copyfile(template, path)
        _damage(path, case)
        made.append(BadProject(case.name, path, case.table, case.doc, bool(case.relax)))
    return made


if __name__ == "__main__":
    for item in make_bad_projects(Path(sys.argv[1])):
        print(item.name, item.table, item.doc, item.path)
