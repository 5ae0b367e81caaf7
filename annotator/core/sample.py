"""The bundled sample project, built from the shipped ``sample/sample.jsonl`` resource the first
time it is needed."""

from __future__ import annotations

from pathlib import Path

from annotator.core.paths import user_data_dir
from annotator.core.resources import SAMPLE_CORPUS, resource_path


def sample_project_path() -> Path:
    """Where the sample project lives for this user."""
    return user_data_dir() / "sample.annotator"


def build_sample_project(target: Path, source: Path | None = None,
                         annotator: str | None = None) -> Path:
    """Create ``target`` from the sample corpus (canonical JSONL with pre-annotations), its
    annotations in the layer of ``annotator`` (None: the store's default, the login name), the
    person about to open it: they see the sample's annotations as their own.

    The project is built under a temporary name and renamed into place, so an interrupted
    build never leaves a half-made sample behind.
    """
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    source = source or resource_path(SAMPLE_CORPUS)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Project.open(partial, create=True, annotator=annotator) as project:
        result = import_paths(project, [source], fmt="canonical")
        if result.bad:
            raise RuntimeError(f"the sample corpus does not import: {result.bad[0]}")
    partial.replace(target)
    return target


def ensure_sample_project(annotator: str | None = None) -> Path:
    """The sample project, built on first use (in ``annotator``'s layer)."""
    path = sample_project_path()
    if not path.exists():
        build_sample_project(path, annotator=annotator)
    return path
