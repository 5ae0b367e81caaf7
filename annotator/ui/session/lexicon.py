"""The name lexicon behind proclitic snapping (docs/ARABIC.md, Proclitics), learning as the
annotator works.

:class:`SessionLexicon` holds the project's lexicon (:func:`annotator.core.lexicon
.build_lexicon_parts`: the shipped names, the gazetteer and every annotated name of every
document, less the turned-off names; the open documents' words as vocabulary) and keeps it
current:

* each committed entity of the open document teaches its surface string with its label
  (:meth:`~SessionLexicon.entity_changed`, called by the session for every store event,
  undo and redo included), and an entity moved, relabelled or deleted forgets its old
  string once no annotation carries it any more (a shipped or gazetteer name is never
  forgotten). So correcting ``وكرانوفسك`` to ``كرانوفسك`` once makes the next ``وكرانوفسك``
  snap right;
* a turned-off name (:meth:`~SessionLexicon.disable`) is dropped and never learned again
  until it is turned back on (:meth:`~SessionLexicon.enable`).

A large project takes seconds to read (docs/BENCHMARKS.md, Project name lexicon), so the app
starts from the shipped names and the gazetteer (:func:`starting_lexicon`) and builds the
full lexicon off the GUI thread on a read-only connection of its own
(:func:`build_in_thread`); :meth:`SessionLexicon.merged` then replays what was learned
meanwhile onto the full one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from annotator.core.lexicon import LexiconParts, build_lexicon_parts
from annotator.core.model import Entity
from annotator.core.store import Project
from annotator.core.text import NameLexicon
from annotator.core.text.clitics import name_key

BACKGROUND_ENTITIES = 20_000
"""Projects with more annotated entities than this build their lexicon in a thread."""


@dataclass(frozen=True, slots=True)
class Learned:
    """One change made to a lexicon, kept to replay it on a newer build."""

    what: Literal["learn", "forget", "text"]
    value: str
    label: str | None = None


class SessionLexicon:
    """A project's name lexicon that learns committed entities and turned-off names."""

    def __init__(self, parts: LexiconParts, *, complete: bool = True) -> None:
        self.parts = parts
        self.complete = complete
        """False while only the shipped names and the gazetteer are in (a build runs)."""
        self._texts: set[int] = set()
        self._log: list[Learned] = []

    @property
    def lexicon(self) -> NameLexicon:
        """The :class:`NameLexicon` snapping uses."""
        return self.parts.lexicon

    def is_disabled(self, name: str) -> bool:
        """Whether ``name`` (any spelling that folds alike) is turned off."""
        return name_key(name) in self.parts.disabled

    # -- learning -----------------------------------------------------------------------------

    def learn_text(self, doc_id: int, text: str) -> None:
        """Count a document's words into the vocabulary (once per document)."""
        if doc_id in self._texts:
            return
        self._texts.add(doc_id)
        self.parts.lexicon.add_text(text)
        self._log.append(Learned("text", text))

    def learn(self, name: str, label: str | None) -> None:
        """An annotation now carries ``name`` with ``label``."""
        key = name_key(name)
        if not key:
            return
        self._log.append(Learned("learn", key, label))
        self.parts.annotated[key] += 1
        self.parts.labels[key] = label
        if key not in self.parts.disabled:
            self.parts.lexicon.add_key(key, label)

    def forget(self, name: str) -> None:
        """An annotation no longer carries ``name``; the name goes when none does and it is
        neither shipped nor in the gazetteer."""
        key = name_key(name)
        if not key:
            return
        self._log.append(Learned("forget", key))
        annotated = self.parts.annotated
        annotated[key] -= 1
        if annotated[key] <= 0:
            del annotated[key]
            if key not in self.parts.fixed:
                self.parts.lexicon.discard_key(key)
                self.parts.labels.pop(key, None)

    def entity_changed(self, text: str, before: Entity | None, after: Entity | None) -> None:
        """Follow one committed entity of a document whose text is ``text``: inserted
        (``before`` None), updated, or deleted (``after`` None)."""
        if before is not None and after is not None and (before.start, before.end,
                                                         before.label) == (after.start,
                                                                           after.end,
                                                                           after.label):
            return
        if before is not None and 0 <= before.start < before.end <= len(text):
            self.forget(text[before.start:before.end])
        if after is not None and 0 <= after.start < after.end <= len(text):
            self.learn(text[after.start:after.end], after.label)

    # -- turning names off and on -------------------------------------------------------------

    def disable(self, name: str) -> None:
        """Stop using ``name`` (after ``project.disable_name``)."""
        key = name_key(name)
        self.parts.disabled.add(key)
        self.parts.lexicon.discard_key(key)

    def enable(self, name: str) -> None:
        """Use ``name`` again (after ``project.enable_name``), if anything still gives it."""
        key = name_key(name)
        self.parts.disabled.discard(key)
        if key in self.parts.labels:
            self.parts.lexicon.add_key(key, self.parts.labels[key])

    # -- the full build -----------------------------------------------------------------------

    def merged(self, parts: LexiconParts) -> SessionLexicon:
        """A complete lexicon from ``parts`` (a full build) with what this one learned
        meanwhile replayed on it. An annotation the build already saw and that was also
        learned here counts twice: at worst such a name stays known after its last
        annotation goes, until the next build."""
        full = SessionLexicon(parts, complete=True)
        for key in self.parts.disabled - parts.disabled:
            full.disable(key)
        for key in parts.disabled - self.parts.disabled:
            full.enable(key)
        for change in self._log:
            if change.what == "text":
                parts.lexicon.add_text(change.value)
            elif change.what == "learn":
                full.learn(change.value, change.label)
            else:
                full.forget(change.value)
        full._texts = set(self._texts)
        full._log = []
        return full


def full_lexicon(project: Project, texts: tuple[str, ...] = ()) -> SessionLexicon:
    """The complete lexicon of ``project`` (reads every annotated name once)."""
    return SessionLexicon(build_lexicon_parts(project, texts=texts))


def starting_lexicon(project: Project) -> SessionLexicon:
    """The shipped names and the gazetteer only (fast), to use while a full build runs."""
    parts = build_lexicon_parts(project, annotated=False)
    return SessionLexicon(parts, complete=False)


def needs_background(project: Project) -> bool:
    """Whether reading the project's names would hold the window noticeably."""
    found = project.conn.execute("SELECT count(*) FROM entities").fetchone()
    return int(found[0]) > BACKGROUND_ENTITIES


def build_in_thread(path: Path | str, done: Callable[[LexiconParts | None, str], object]
                    ) -> threading.Thread:
    """Build the full lexicon of the project at ``path`` in a daemon thread, on a read-only
    connection of its own; ``done(parts, "")`` (or ``done(None, reason)``) is called from
    that thread when it ends."""

    def work() -> None:
        try:
            with Project.open(path, readonly=True) as project:
                parts = build_lexicon_parts(project)
        except Exception as error:
            done(None, str(error))
            return
        done(parts, "")

    thread = threading.Thread(target=work, name="project-lexicon", daemon=True)
    thread.start()
    return thread
