"""Versioned migrations of the project file.

JSON columns have no ``json_valid`` CHECK: with ``trusted_schema=OFF`` SQLite refuses
JSON functions in the schema; ``validate()`` checks the stored JSON instead.

``MIGRATIONS`` is an ordered list of functions; ``PRAGMA user_version`` is the number of
them already applied and the ``meta`` row ``format_version`` repeats it for humans.
Each migration runs in its own transaction together with the version bump, so a file is
never left half-migrated. Migrations are append-only: never edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from annotator.core.store.identity import APPLICATION_ID, APPLICATION_NAME
from annotator.core.store.layer_migration import migrate_to_layers
from annotator.core.store.search_index import build_index
from annotator.core.store.timeutil import utc_now

Migration = Callable[[sqlite3.Connection], None]

_STATUS_CHECK = "status IN ('todo', 'in-progress', 'done', 'skipped')"
_ANNOTATION_TAIL = """
    attrs TEXT NOT NULL DEFAULT '{}',
    note TEXT,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    schema_version INTEGER NOT NULL REFERENCES schemas(version),
    created TEXT NOT NULL,
    updated TEXT NOT NULL"""

_TABLES_V1: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE schemas (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    toml TEXT NOT NULL,
    created TEXT NOT NULL)""",
    """CREATE TABLE annotators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL)""",
    # The text is the last column: scans that do not need it stop before its overflow pages.
    f"""CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL UNIQUE,
    length INTEGER NOT NULL CHECK (length >= 0),
    status TEXT NOT NULL DEFAULT 'todo' CHECK ({_STATUS_CHECK}),
    source TEXT,
    search_key TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{{}}',
    normalization TEXT NOT NULL DEFAULT '{{}}',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    text TEXT NOT NULL)""",
    f"""CREATE TABLE entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,{_ANNOTATION_TAIL},
    CHECK (start >= 0 AND "end" > start))""",
    "CREATE INDEX entities_doc ON entities(doc_id, start)",
    f"""CREATE TABLE quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_entity_id INTEGER REFERENCES entities(id),
    speaker_author INTEGER NOT NULL DEFAULT 0 CHECK (speaker_author IN (0, 1)),
    kind TEXT NOT NULL,{_ANNOTATION_TAIL},
    CHECK (content_start >= 0 AND content_end > content_start),
    CHECK ((cue_start IS NULL) = (cue_end IS NULL)),
    CHECK (NOT (speaker_author = 1 AND speaker_entity_id IS NOT NULL)))""",
    "CREATE INDEX quotes_doc ON quotes(doc_id, content_start)",
    f"""CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,{_ANNOTATION_TAIL},
    CHECK (trigger_start >= 0 AND trigger_end > trigger_start))""",
    "CREATE INDEX events_doc ON events(doc_id, trigger_start)",
    """CREATE TABLE event_arguments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    role TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    schema_version INTEGER NOT NULL REFERENCES schemas(version),
    created TEXT NOT NULL)""",
    "CREATE INDEX event_arguments_event ON event_arguments(event_id)",
    "CREATE INDEX event_arguments_doc ON event_arguments(doc_id)",
    f"""CREATE TABLE stances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    holder_entity_id INTEGER REFERENCES entities(id),
    holder_author INTEGER NOT NULL DEFAULT 0 CHECK (holder_author IN (0, 1)),
    target_entity_id INTEGER REFERENCES entities(id),
    target_event_id INTEGER REFERENCES events(id),
    target_topic TEXT,
    label TEXT NOT NULL,
    evidence_quote_id INTEGER REFERENCES quotes(id),
    evidence_start INTEGER,
    evidence_end INTEGER,{_ANNOTATION_TAIL},
    CHECK (NOT (holder_author = 1 AND holder_entity_id IS NOT NULL)),
    CHECK ((target_entity_id IS NOT NULL) + (target_event_id IS NOT NULL)
           + (target_topic IS NOT NULL) = 1),
    CHECK ((evidence_start IS NULL) = (evidence_end IS NULL)),
    CHECK (NOT (evidence_quote_id IS NOT NULL AND evidence_start IS NOT NULL)))""",
    "CREATE INDEX stances_doc ON stances(doc_id)",
    """CREATE TABLE document_labels (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    schema_version INTEGER NOT NULL REFERENCES schemas(version),
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, key))""",
    """CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    text TEXT NOT NULL,
    created TEXT NOT NULL)""",
    "CREATE INDEX notes_doc ON notes(doc_id)",
    """CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    doc_id INTEGER REFERENCES documents(id),
    action TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo', 'audit')),
    target_id INTEGER REFERENCES journal(id),
    changes TEXT NOT NULL)""",
    "CREATE INDEX journal_doc ON journal(doc_id)",
    """CREATE TABLE undo_stack (
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
    seq INTEGER NOT NULL,
    journal_id INTEGER NOT NULL REFERENCES journal(id),
    PRIMARY KEY (annotator_id, stack, seq))""",
    """CREATE TABLE ui_state (
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (annotator_id, key))""",
)


def _v1_tables(conn: sqlite3.Connection) -> None:
    """All tables of the first format, and the identity of the file."""
    for statement in _TABLES_V1:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [("application", APPLICATION_NAME), ("created", utc_now())],
    )


_INDEXES_V2: tuple[str, ...] = (
    # Covering index of the navigator: list/count documents without touching the texts.
    "CREATE INDEX documents_nav ON documents(id, status, external_id, title, length, search_key)",
    "CREATE INDEX documents_status ON documents(status, id)",
    # Lookups done when an entity, event or quote is deleted (and by foreign key checks).
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity_id) WHERE speaker_entity_id IS NOT NULL",
    "CREATE INDEX event_arguments_entity ON event_arguments(entity_id)",
    "CREATE INDEX stances_holder ON stances(holder_entity_id) WHERE holder_entity_id IS NOT NULL",
    "CREATE INDEX stances_target_entity ON stances(target_entity_id)"
    " WHERE target_entity_id IS NOT NULL",
    "CREATE INDEX stances_target_event ON stances(target_event_id)"
    " WHERE target_event_id IS NOT NULL",
    "CREATE INDEX stances_evidence ON stances(evidence_quote_id)"
    " WHERE evidence_quote_id IS NOT NULL",
)


def _v2_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for the document navigator and for reference lookups."""
    for statement in _INDEXES_V2:
        conn.execute(statement)


def _v3_lexicon_disabled(conn: sqlite3.Connection) -> None:
    """Names the annotators turned off as evidence for proclitic snapping (by folded key)."""
    conn.execute("""CREATE TABLE lexicon_disabled (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    created TEXT NOT NULL)""")


def _v4_search_index(conn: sqlite3.Connection) -> None:
    """The concordance index (folded texts and FTS5 over them), built for every document."""
    build_index(conn)


def _v5_annotator_layers(conn: sqlite3.Connection) -> None:
    """Every annotator a layer: per-annotator statuses and document labels (issue 13).

    The statuses move to ``document_status`` (see :mod:`.layer_migration` for who gets each
    one); ``documents.status`` stays as it was, no longer read or written. Document labels
    are keyed by ``(doc_id, key, annotator_id)``. The navigator's covering index loses the
    status column; the undo stacks lose the entries that changed a status or a label under
    the old keys (their journal entries stay)."""
    migrate_to_layers(conn, _STATUS_CHECK)


def _v6_assignments(conn: sqlite3.Connection) -> None:
    """Which annotator is to annotate which document (``annotator assign``): one row per
    (annotator, document); a document given to two or more annotators is shared. The primary
    key serves "assigned to me" (a navigator filter) by index, the second index
    ``assigned_to(doc_id)``."""
    conn.execute("""CREATE TABLE assignments (
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    created TEXT NOT NULL,
    PRIMARY KEY (annotator_id, doc_id))""")
    conn.execute("CREATE INDEX assignments_doc ON assignments(doc_id)")


_CURATION_TABLES: tuple[str, ...] = (
    # Who may do what in a project: curator (writes the curated layer), manager (grants).
    """CREATE TABLE roles (
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    role TEXT NOT NULL CHECK (role IN ('curator', 'manager')),
    granted_by INTEGER NOT NULL REFERENCES annotators(id),
    granted TEXT NOT NULL,
    PRIMARY KEY (annotator_id, role))""",
    # What a curator (or the auto-merge) decided at one key of one document.
    """CREATE TABLE curation_decisions (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('agreed', 'partial', 'accepted', 'rejected',
                                               'edited')),
    curator_id INTEGER NOT NULL REFERENCES annotators(id),
    from_annotators TEXT NOT NULL DEFAULT '[]',
    journal_id INTEGER,
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, key))""",
    # One row per document in curation: who is curated, how, and what is left to decide.
    """CREATE TABLE curation_documents (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
    annotators TEXT NOT NULL DEFAULT '[]',
    policy TEXT NOT NULL,
    open_count INTEGER NOT NULL CHECK (open_count >= 0),
    updated TEXT NOT NULL)""",
    "CREATE INDEX curation_documents_open ON curation_documents(open_count, doc_id)",
)


def _v7_curation(conn: sqlite3.Connection) -> None:
    """Curation (issue 14): roles per project, the curator's decisions and the documents in
    curation with their count of open disagreements (the navigator's filter)."""
    for statement in _CURATION_TABLES:
        conn.execute(statement)


_RECOMMENDER_TABLES: tuple[str, ...] = (
    # One trained model per kind ('entities', 'triggers') and nesting level (1 = outermost):
    # the CRF model file as base64 text, the version of the data it saw, what it knows.
    """CREATE TABLE recommender_models (
    kind TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level >= 1),
    version TEXT NOT NULL,
    layer TEXT NOT NULL,
    documents INTEGER NOT NULL CHECK (documents >= 0),
    labels TEXT NOT NULL DEFAULT '',
    cuts TEXT NOT NULL DEFAULT '{}',
    model TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (kind, level))""",
    # Accepted and rejected suggestions: a rejected (doc, span, label) is never offered again;
    # the counts per label are the recommender's precision as the annotators experience it.
    """CREATE TABLE recommender_reviews (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    model_version TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, start, "end", label))""",
    # Suggestions computed ahead (annotator preannotate --model), per model version.
    """CREATE TABLE recommender_suggestions (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    model_version TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, start, "end", label))""",
)


def _v8_recommender(conn: sqlite3.Connection) -> None:
    """The recommender (issue 16): trained models, reviewed suggestions, stored suggestions.
    None of them is an annotation: never exported, never in the journal."""
    for statement in _RECOMMENDER_TABLES:
        conn.execute(statement)


_REVIEWS_V9 = """CREATE TABLE recommender_reviews_v9 (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    model_version TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, annotator_id, start, "end", label))"""


def _v9_reviews_per_annotator(conn: sqlite3.Connection) -> None:
    """The recommender's reviews per annotator (issue 16): a suggestion Alice rejected is no
    longer hidden from Bob, and the counts are each annotator's (and, summed, the team's).
    The key gains ``annotator_id``; each review made before stays with the annotator who
    made it (format 8 kept the latest reviewer of a span)."""
    conn.execute(_REVIEWS_V9)
    conn.execute('INSERT INTO recommender_reviews_v9(doc_id, kind, annotator_id, start, "end",'
                 " label, decision, model_version, created) SELECT doc_id, kind, annotator_id,"
                 ' start, "end", label, decision, model_version, created'
                 " FROM recommender_reviews")
    conn.execute("DROP TABLE recommender_reviews")
    conn.execute("ALTER TABLE recommender_reviews_v9 RENAME TO recommender_reviews")


MIGRATIONS: tuple[Migration, ...] = (
    _v1_tables,
    _v2_indexes,
    _v3_lexicon_disabled,
    _v4_search_index,
    _v5_annotator_layers,
    _v6_assignments,
    _v7_curation,
    _v8_recommender,
    _v9_reviews_per_annotator,
)
FORMAT_VERSION = len(MIGRATIONS)
"""The format this code writes: files with a larger ``user_version`` are refused."""
OLDEST_READABLE_FORMAT = 5
"""The oldest format a read-only open reads as it is (without migrating it): format 5 moved
the statuses and document labels into annotator layers, which every read uses (formats 1
to 4 differed only in indexes and in tables the read-only commands never read). Later formats
add tables read only when present (assignments: none in a file without the table). Raise it
when a migration changes what the reading code needs."""


def current_version(conn: sqlite3.Connection) -> int:
    """``PRAGMA user_version`` of the connection's database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, upto: int = FORMAT_VERSION) -> list[int]:
    """Apply the pending migrations (up to ``upto``), each in its own transaction.

    Returns the versions applied. The connection must be in autocommit mode.
    """
    applied: list[int] = []
    version = current_version(conn)
    while version < upto:
        migration = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            version += 1
            conn.execute(f"PRAGMA user_version={version}")
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('format_version', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(version),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
