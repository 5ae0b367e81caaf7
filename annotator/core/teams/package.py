"""``annotator package PROJECT --for NAME OUT``: a work package for one annotator.

The package is a new project file written through the safe output writer (temporary name
beside OUT, renamed when complete; never over the project or its side files). It holds:

* every schema version of the project (rows copied as they are, so merge can compare them);
* the documents assigned to NAME (text, title, metadata) and NAME's assignments, so
  "assigned to me" works inside it;
* NAME's starting layer (:func:`starting_layer`): NAME's own layer in the project (annotations,
  document labels, notes and NAME's status of each document), or, with ``start_from``, a copy
  of that annotator's annotations, labels and notes (pre-annotations made by the
  ``preannotate`` annotator, say) stored as NAME's, NAME starting at ``todo``;
* the ``package`` meta row (:mod:`.package_info`): the project's id, NAME, and the fingerprint
  of NAME's layer in the project at packaging, which merge uses to tell whether the project
  changed meanwhile.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.output import atomic_file, project_guard
from annotator.core.store import Project, ProjectError
from annotator.core.store.assignments import NOBODY
from annotator.core.store.journal import insert_row
from annotator.core.store.timeutil import utc_now
from annotator.core.teams.layer_rows import (
    EMPTY_FINGERPRINT,
    Layer,
    copy_layer,
    fingerprint,
    read_layer,
)
from annotator.core.teams.package_info import PackageInfo, write_package_info


@dataclass(slots=True)
class PackageReport:
    """What a package holds."""

    path: Path
    annotator: str
    start_from: str
    documents: int = 0
    annotations: dict[str, int] = field(default_factory=dict)
    """Rows of the starting layer per table (its statuses apart)."""


def starting_layer(project: Project, doc_id: int, start_id: int, own_id: int) -> Layer:
    """The layer a package starts NAME (``own_id``) with in one document: NAME's own as it is
    in the project, or ``start_id``'s without its status (another annotator's status of the
    document is theirs: NAME starts at ``todo``)."""
    layer = read_layer(project.conn, doc_id, start_id)
    return layer if start_id == own_id else layer.without_status()


def _bare_records(project: Project, doc_ids: list[int]) -> Iterator[DocumentRecord]:
    for doc_id in doc_ids:
        record = project.get_record(doc_id)
        yield DocumentRecord(id=record.id, text=record.text, title=record.title,
                             meta=record.meta, normalization=record.normalization)


def _copy_schemas(project: Project, package: Project) -> None:
    rows = project.conn.execute("SELECT version, name, toml, created FROM schemas"
                                " ORDER BY version").fetchall()
    with package._transaction() as conn:
        conn.execute("DELETE FROM schemas")
        conn.executemany("INSERT INTO schemas(version, name, toml, created) VALUES (?, ?, ?, ?)",
                         rows)
    package._schemas.clear()


def write_package(project: Project, annotator: str, out: str | Path, *,
                  start_from: str | None = None) -> PackageReport:
    """Write ``annotator``'s work package to ``out`` (see the module's text). Raises
    ``ProjectError`` when nothing is assigned to ``annotator`` or ``start_from`` never
    worked on the project, ``OutputError`` for a refused destination."""
    doc_ids = project.assignments(annotator)
    if not doc_ids:
        raise ProjectError(f"{project.path}: no document is assigned to {annotator!r}"
                           " (run annotator assign first)")
    start = start_from or annotator
    start_id = project.annotator_row_id(start)
    if start_from is not None and start_id == NOBODY:
        raise ProjectError(f"{project.path}: no annotator named {start_from!r} to start from")
    own_id = project.annotator_row_id(annotator)
    report = PackageReport(Path(out), annotator, start)
    info = PackageInfo(package_id=uuid.uuid4().hex, project_id=project.project_id,
                       annotator=annotator, start_from=start_from, created=utc_now(),
                       schema_version=project.schema_version)
    with atomic_file(out, project_guard(project.path)) as temp:
        package = Project.open(temp, create=True, annotator=annotator)
        try:
            _copy_schemas(project, package)
            package.import_records(_bare_records(project, doc_ids))
            _fill(project, package, doc_ids, (start_id, own_id), info, report)
        finally:
            package.close()
    return report


def _fill(project: Project, package: Project, doc_ids: list[int], ids: tuple[int, int],
          info: PackageInfo, report: PackageReport) -> None:
    start_id, own_id = ids
    where = dict(package.conn.execute("SELECT sha256, id FROM documents").fetchall())
    base: dict[str, str] = {}
    now = utc_now()
    with package._transaction() as conn:
        for doc_id in doc_ids:
            sha = str(project.conn.execute("SELECT sha256 FROM documents WHERE id = ?",
                                           (doc_id,)).fetchone()[0])
            target = int(where[sha])
            layer = starting_layer(project, doc_id, start_id, own_id)
            added = copy_layer(layer, target, package.annotator_id,
                               lambda table, row: insert_row(conn, table, row))
            added.pop("document_status", None)
            for table, n in added.items():
                report.annotations[table] = report.annotations.get(table, 0) + n
            own = fingerprint(read_layer(project.conn, doc_id, own_id))
            if own != EMPTY_FINGERPRINT:
                base[sha] = own
            conn.execute("INSERT INTO assignments(annotator_id, doc_id, created)"
                         " VALUES (?, ?, ?)", (package.annotator_id, target, now))
            report.documents += 1
        info.base = {info.annotator: base} if base else {}
        write_package_info(conn, info)
