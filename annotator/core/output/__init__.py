"""Everything the program writes to disk goes through here: atomic files and folders, the
paths no output may touch, umask-respecting modes, and safe file names.

* :func:`atomic_file` (``atomic``): one file, temporary name beside it, fsync, rename;
* :func:`staged_folder` (``folders``): one folder, swapped in whole, the old one moved aside;
* :func:`project_guard` and :func:`check_target` (``guard``): the project, its side files and
  backups, symlinks, devices, FIFOs and sockets are never written;
* :func:`safe_stem` and :func:`claim_stem` (``names``): file names from ids.
"""

from annotator.core.output.atomic import (
    STALE_PART_SECONDS,
    atomic_file,
    fsync_dir,
    new_mode,
    sweep_stale_parts,
)
from annotator.core.output.folders import MARKER_NAME, Staged, staged_folder
from annotator.core.output.guard import (
    NOTHING,
    OutputError,
    Protected,
    check_target,
    file_guard,
    project_guard,
)
from annotator.core.output.names import claim_stem, safe_stem

__all__ = [
    "MARKER_NAME",
    "NOTHING",
    "STALE_PART_SECONDS",
    "OutputError",
    "Protected",
    "Staged",
    "atomic_file",
    "check_target",
    "claim_stem",
    "file_guard",
    "fsync_dir",
    "new_mode",
    "project_guard",
    "safe_stem",
    "staged_folder",
    "sweep_stale_parts",
]
