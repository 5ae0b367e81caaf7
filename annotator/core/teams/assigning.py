"""Storing assignments: ``annotator assign`` and ``annotator assignments``.

:func:`assign_documents` plans (:mod:`.balance`) and stores, in one transaction, the
assignments of the chosen documents nobody holds yet (``reassign``: the chosen documents'
earlier assignments are dropped and planned again). It writes one ``audit`` journal entry
(like an import, it is not undoable: run it again with ``reassign``), under the name of the
person running it (``actor_id``, also when a curator opened the curated layer).

Statuses are per annotator (annotator layers), so ``status`` chooses by every layer at once,
whoever runs ``assign`` (the lead's own layer is usually empty): ``todo`` keeps the documents
no annotator has started (no status in any layer), another status the documents that at least
one annotator's layer has at that status (:func:`chosen_documents`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.store import Project
from annotator.core.store.journal import write_entry
from annotator.core.store.roles import check_person_name
from annotator.core.store.timeutil import utc_now
from annotator.core.teams.balance import Candidate, check_options, plan_assignments


@dataclass(frozen=True, slots=True)
class PersonLoad:
    """One annotator's line of the assignment table."""

    name: str
    documents: int
    shared: int
    """Of ``documents``, how many are assigned to someone else too."""


@dataclass(slots=True)
class AssignReport:
    """What one ``assign`` did, and the table of every annotator's load afterwards."""

    chosen: int = 0
    """Documents the status filter chose."""
    already: int = 0
    """Of those, documents left as they were because someone holds them."""
    added: dict[str, int] = field(default_factory=dict)
    """New assignments per annotator."""
    new_documents: int = 0
    new_shared: int = 0
    unassigned: int = 0
    """Chosen documents nobody could take (every annotator at ``per_person``)."""
    released: int = 0
    """Documents whose assignments ``reassign`` dropped (and planned again)."""
    table: list[PersonLoad] = field(default_factory=list)

    @property
    def shared_fraction(self) -> float:
        """The fraction of the newly assigned documents that are shared."""
        return self.new_shared / self.new_documents if self.new_documents else 0.0


def chosen_documents(project: Project, status: str | None) -> list[int]:
    """The documents an ``assign`` considers, in order: all, or by ``status`` in any layer
    (see the module's text)."""
    if status is None:
        return project.document_ids()
    if status == "todo":
        sql = ("SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM document_status"
               " WHERE status <> 'todo') ORDER BY id")
        return [int(r[0]) for r in project.conn.execute(sql)]
    sql = ("SELECT id FROM documents WHERE id IN (SELECT doc_id FROM document_status"
           " WHERE status = ?) ORDER BY id")
    return [int(r[0]) for r in project.conn.execute(sql, (status,))]


def assignment_table(project: Project) -> list[PersonLoad]:
    """Every annotator holding assignments: documents, and of them shared; by name."""
    if not project.has_assignments_table():
        return []
    rows = project.conn.execute(
        "WITH shared AS (SELECT doc_id FROM assignments GROUP BY doc_id HAVING count(*) > 1)"
        " SELECT a.name, count(*), count(sh.doc_id) FROM assignments AS s"
        " JOIN annotators AS a ON a.id = s.annotator_id"
        " LEFT JOIN shared AS sh ON sh.doc_id = s.doc_id GROUP BY a.name ORDER BY a.name")
    return [PersonLoad(str(n), int(d), int(s)) for n, d, s in rows]


def assigned_documents(project: Project) -> Iterator[tuple[str, list[str]]]:
    """``(external id, annotator names)`` of every assigned document, in document order."""
    if not project.has_assignments_table():
        return
    rows = project.conn.execute(
        "SELECT d.external_id, group_concat(a.name, char(31)) FROM assignments AS s"
        " JOIN documents AS d ON d.id = s.doc_id JOIN annotators AS a ON a.id = s.annotator_id"
        " GROUP BY s.doc_id, d.external_id ORDER BY s.doc_id")
    for external_id, names in rows:
        yield str(external_id), sorted(str(names).split("\x1f"))


def _annotator_id(conn: Any, name: str, now: str) -> int:
    row = conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    cur = conn.execute("INSERT INTO annotators(name, created) VALUES (?, ?)", (name, now))
    return int(cur.lastrowid or 0)


def assign_documents(project: Project, people: Sequence[str], *, overlap: float = 0.0,
                     shared_by: int = 2, per_person: int | None = None, seed: int = 0,
                     status: str | None = None, reassign: bool = False) -> AssignReport:
    """Assign the chosen documents nobody holds to ``people`` (see the module's text);
    ``ValueError`` for options that make no plan, ``ProjectError`` from the store or for the
    curated layer's reserved name among ``people``."""
    check_options(people, overlap, shared_by, per_person)
    for name in people:
        check_person_name(name)  # the curated layer is nobody's work
    report = AssignReport()
    now = utc_now()
    with project._transaction() as conn:
        chosen = chosen_documents(project, status)
        report.chosen = len(chosen)
        chosen_set = set(chosen)
        held = {int(r[0]) for r in conn.execute("SELECT DISTINCT doc_id FROM assignments")}
        if reassign:
            dropped = held & chosen_set
            conn.executemany("DELETE FROM assignments WHERE doc_id = ?",
                             [(d,) for d in sorted(dropped)])
            report.released = len(dropped)
            held -= dropped
        report.already = len(held & chosen_set)
        digests = dict(conn.execute("SELECT id, sha256 FROM documents").fetchall())
        candidates = [Candidate(d, str(digests[d])) for d in chosen if d not in held]
        ids = {name: _annotator_id(conn, name, now) for name in people}
        load = {name: int(conn.execute("SELECT count(*) FROM assignments WHERE annotator_id"
                                       " = ?", (ids[name],)).fetchone()[0]) for name in people}
        plan = plan_assignments(candidates, people, overlap=overlap, shared_by=shared_by,
                                per_person=per_person, seed=seed, load=load)
        for name, docs in plan.given.items():
            conn.executemany("INSERT INTO assignments(annotator_id, doc_id, created)"
                             " VALUES (?, ?, ?)", [(ids[name], d, now) for d in docs])
            report.added[name] = len(docs)
        report.new_documents = len(candidates) - len(plan.unassigned)
        report.new_shared = len(plan.shared)
        report.unassigned = len(plan.unassigned)
        write_entry(conn, annotator_id=project.actor_id, doc_id=None,
                    action=f"Assign {report.new_documents} documents", kind="audit",
                    target_id=None,
                    changes={"to": list(people), "overlap": overlap, "shared_by": shared_by,
                             "per_person": per_person, "seed": seed, "status": status,
                             "reassign": reassign, "added": report.added,
                             "shared": report.new_shared, "released": report.released})
    report.table = assignment_table(project)
    return report
