"""A job run on a worker thread of its own (the app's backups and its deferred file check).

The window starts a job, looks at :meth:`BackgroundJob.done` from a timer and reads the
result on its own thread; closing the window calls :meth:`BackgroundJob.cancel`, which asks
the job to stop and waits for its thread. Jobs use connections of their own: SQLite releases
the GIL while it works, so the window keeps answering.
"""

from __future__ import annotations

import threading
from typing import Self


class BackgroundJob:
    """One run of :meth:`run` on a daemon thread named ``name``."""

    name = "annotator-job"

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self.run, name=self.name, daemon=True)

    def start(self) -> Self:
        """Start the job on its thread; returns the job."""
        self._thread.start()
        return self

    def done(self) -> bool:
        """Whether the job ran and has finished."""
        return self._thread.ident is not None and not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True when it has finished."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def stopping(self) -> bool:
        """Whether :meth:`cancel` was called (the job looks at this between steps)."""
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the job to stop and wait for its thread."""
        self._stop.set()
        self.wait()

    def run(self) -> None:
        """The work, on the job's thread; it keeps its result on the job."""
        raise NotImplementedError
