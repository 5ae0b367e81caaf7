"""``annotator merge PROJECT PACKAGE...``: bring a work package's layers back.

A package is refused, with the reason and nothing changed, when it is not a package, was made
from another project (its ``project_id``), holds a schema version the project lacks or has a
different schema under the same version number, or breaks a store invariant (``validate``).

Otherwise each of its documents is matched to the project's document with the same text
(sha256) and each layer in it to the project's annotator of the same name. A layer is A's
annotations, document labels, notes and status of D (:mod:`.layer_rows`): the package's
status and labels land in A's layer, never in another annotator's (labels and statuses are
per annotator, so two annotators' labels of one document never collide). The rule for one
layer (annotator A, document D), with P = A's layer of D in the project and L = the package's:

* P equal to L (same content): nothing to do; merging a package twice changes nothing;
* P empty, or P unchanged since the package was made (its fingerprint is the package's
  ``base``), or P is what an earlier merge of this same package brought in: L replaces P;
* otherwise P changed in the project since the package was made: a conflict. The project's
  layer is kept, unless ``replace`` (``--replace``), when the package's wins; both say so in
  the summary. A layer other annotators' annotations refer to is never replaced.

A document whose text is no longer in the project is a conflict too (skipped). The whole
package is ONE user action (one journal entry, under the person merging): ``undo`` removes
exactly what it added and puts back what it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.store import Project, ProjectError
from annotator.core.store.assignments import NOBODY
from annotator.core.store.journal import ChangeSet
from annotator.core.teams.layer_rows import (
    EMPTY_FINGERPRINT,
    LAYER_TABLES,
    Layer,
    copy_layer,
    delete_layer,
    fingerprint,
    layer_content,
    outside_references,
    read_layer,
)
from annotator.core.teams.package_info import (
    PackageInfo,
    read_merged,
    read_package_info,
    write_merged,
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A document (external id) whose layer could not simply be merged, and what won."""

    document: str
    annotator: str | None
    reason: str


@dataclass(slots=True)
class MergeReport:
    """What merging one package did."""

    package: Path
    annotator: str
    documents: int = 0
    """Package documents found in the project."""
    changed: int = 0
    """Documents whose layers (or status) changed."""
    unchanged: int = 0
    added: dict[str, dict[str, int]] = field(default_factory=dict)
    """Annotator -> table -> rows added (statuses apart)."""
    removed: dict[str, dict[str, int]] = field(default_factory=dict)
    """Annotator -> table -> rows the package's layer replaced (statuses apart)."""
    statuses: int = 0
    """Layers whose status of a document the merge changed."""
    conflicts: list[Conflict] = field(default_factory=list)
    action: str = ""


def schema_problem(project: Project, package: Project) -> str | None:
    """Why the package's schema versions are not the project's, or None."""
    mine = dict(project.conn.execute("SELECT version, toml FROM schemas").fetchall())
    for version, toml in package.conn.execute("SELECT version, toml FROM schemas"
                                              " ORDER BY version"):
        if version not in mine:
            return (f"it has schema version {version}, which the project does not have (the"
                    f" project's newest is {max(mine)}); apply that schema to the project first")
        if mine[version] != toml:
            return (f"its schema version {version} differs from the project's schema version"
                    f" {version}")
    return None


def verified_package(project: Project, package: Project, source: str) -> PackageInfo:
    """The description of a package a merge accepts; ``ProjectError`` with the reason it
    refuses one."""
    info = read_package_info(package.conn, source)
    if info is None:
        raise ProjectError(f"{source}: not a work package (made by annotator package)")
    if info.project_id != project.project_id:
        raise ProjectError(f"{source}: a package of another project (project id"
                           f" {info.project_id!r}, this project's is {project.project_id!r})")
    problem = schema_problem(project, package)
    if problem is not None:
        raise ProjectError(f"{source}: incompatible schema: {problem}")
    violations = package.validate()
    if violations:
        raise ProjectError(f"{source}: the package has {len(violations)} problem(s), first:"
                           f" {violations[0]}")
    return info


def _layer_annotators(package: Project) -> dict[str, int]:
    """The names (and package ids) of the annotators with rows in the package."""
    names = package.annotator_names()
    found: set[int] = set()
    for table in LAYER_TABLES:
        found |= {int(r[0]) for r in package.conn.execute(
            f"SELECT DISTINCT annotator_id FROM {table}")}
    return {names[i]: i for i in sorted(found) if i in names}


def merge_package(project: Project, package_path: str | Path, *,
                  replace: bool = False) -> MergeReport:
    """Merge one package into ``project`` as one undoable action (see the module's text)."""
    path = Path(package_path)
    if path.exists() and Path(project.path).exists() and path.samefile(project.path):
        raise ProjectError(f"{path}: is the project itself")
    package = Project.open(path, readonly=True, annotator=project.annotator)
    try:
        info = verified_package(project, package, str(path))
        report = MergeReport(path, info.annotator)
        layers = _layer_annotators(package)
        if info.annotator not in layers:
            layers[info.annotator] = package.annotator_row_id(info.annotator)
        report.action = f"Merge package {path.name} ({', '.join(sorted(layers))})"
        with project._action(report.action) as changes:
            _Merge(project, package, info, layers, replace, report).run(changes)
        return report
    finally:
        package.close()


class _Merge:
    """One package's merge, inside the project's open action."""

    def __init__(self, project: Project, package: Project, info: PackageInfo,
                 layers: dict[str, int], replace: bool, report: MergeReport) -> None:
        self.project = project
        self.package = package
        self.info = info
        self.layers = layers
        self.replace = replace
        self.report = report
        self.merged = read_merged(project.conn, info.package_id)
        self.merged_changed = False

    def run(self, changes: ChangeSet) -> None:
        conn = self.project.conn
        docs = self.package.conn.execute(
            "SELECT id, sha256, external_id FROM documents ORDER BY id").fetchall()
        for pkg_doc, sha, external_id in docs:
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row is None:
                self.report.conflicts.append(Conflict(str(external_id), None,
                                                      "its text is no longer in the project;"
                                                      " skipped"))
                continue
            self.report.documents += 1
            mark = len(changes.changes)
            for name, pkg_annotator in sorted(self.layers.items()):
                self._layer(changes, (int(pkg_doc), int(row[0])), str(sha), name,
                            pkg_annotator, str(external_id))
            if len(changes.changes) > mark:
                self.report.changed += 1
            else:
                self.report.unchanged += 1
        if self.merged_changed:
            write_merged(conn, self.info.package_id, self.merged)

    def _layer(self, changes: ChangeSet, docs: tuple[int, int], sha: str, name: str,
               pkg_annotator: int, external_id: str) -> None:
        pkg_doc, doc = docs
        theirs = read_layer(self.package.conn, pkg_doc, pkg_annotator)
        mine_id = self.project.annotator_row_id(name)
        mine = read_layer(self.project.conn, doc, mine_id) if mine_id != NOBODY else Layer()
        if layer_content(theirs) == layer_content(mine):
            return
        current = fingerprint(mine)
        earlier = self.merged.get(name, {}).get(sha, [])
        accepted = {EMPTY_FINGERPRINT, self.info.base.get(name, {}).get(sha, EMPTY_FINGERPRINT),
                    *earlier}
        if current not in accepted:
            if not self.replace:
                self.report.conflicts.append(Conflict(
                    external_id, name, f"{name}'s layer changed in the project since the"
                    " package was made; kept the project's (--replace takes the package's)"))
                return
            self.report.conflicts.append(Conflict(
                external_id, name, f"{name}'s layer changed in the project since the package"
                " was made; replaced by the package's (--replace)"))
        if outside_references(self.project.conn, mine):
            self.report.conflicts.append(Conflict(
                external_id, name, f"other annotators' annotations refer to {name}'s layer in"
                " the project; kept the project's"))
            return
        if mine_id == NOBODY:
            mine_id = self.project._annotator_id(name, create=True)
        removed = delete_layer(mine, changes.delete)
        added = copy_layer(theirs, doc, mine_id, changes.insert)
        if theirs.status != mine.status:
            self.report.statuses += 1
        _count(self.report.added, name, added)
        _count(self.report.removed, name, removed)
        self.merged.setdefault(name, {}).setdefault(sha, [])
        new = fingerprint(theirs)
        if new not in self.merged[name][sha]:
            self.merged[name][sha].append(new)
            self.merged_changed = True


def _count(into: dict[str, dict[str, int]], name: str, counts: dict[str, int]) -> None:
    """Add one layer's rows per table to ``into[name]`` (statuses are counted apart)."""
    rows = {table: n for table, n in counts.items() if table != "document_status"}
    if not rows:
        return
    per = into.setdefault(name, {})
    for table, n in rows.items():
        per[table] = per.get(table, 0) + n
