"""The one exception type of the store.

Every problem the store reports to a caller that is not a plain programming error
(``ValueError`` for a bad argument such as an unknown label) is a :class:`ProjectError`
with a one-line message; messages about a file name that file.
"""

from __future__ import annotations


class ProjectError(Exception):
    """A project file cannot be opened or an action cannot be carried out.

    ``message`` is a single line meant for the user (newlines are folded to spaces).
    """

    def __init__(self, message: str) -> None:
        self.message = " ".join(message.split())
        super().__init__(self.message)
