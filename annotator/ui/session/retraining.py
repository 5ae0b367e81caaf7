"""When the app retrains the recommender, and the command that does it (no Qt).

The app counts the documents marked done in the annotator's layer after each change of a
document's status; when :data:`FIRST_TRAINING` are done and there is no model yet, or
:data:`RETRAIN_AFTER` more are done than the model saw, it runs :func:`train_command` in a
separate process (``python -m annotator recommend train``), so the window never waits for
the training; the new model is picked up when the process ends.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

FIRST_TRAINING = 5
"""Done documents before the first model is trained."""
RETRAIN_AFTER = 5
"""Newly done documents (beyond what the model saw) that start a retraining."""


def needs_training(done: int, trained: int | None) -> bool:
    """Whether ``done`` documents call for a (re)training of a model that saw ``trained``
    (None: there is no model)."""
    if trained is None:
        return done >= FIRST_TRAINING
    return done - trained >= RETRAIN_AFTER


def can_train() -> bool:
    """Whether python-crfsuite is installed (without importing it)."""
    return importlib.util.find_spec("pycrfsuite") is not None


def train_command(project: Path, annotator: str) -> list[str]:
    """The argv of the training process: this Python running ``annotator recommend train``
    of entities and, when the done documents hold events, of event triggers."""
    return [sys.executable, "-m", "annotator", "recommend", "train", str(project),
            "--annotator", annotator, "--min-docs", "1", "--layer", "all"]
