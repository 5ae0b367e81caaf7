"""A trained recommender: its CRF models (one per nesting level) loaded for tagging.

The models live in the project file (``recommender_models``,
:mod:`annotator.core.store.recommender`);
:meth:`Recommender.load` reads them, :meth:`Recommender.predict` suggests spans for one text.
python-crfsuite is imported here, lazily: the core imports without it, and
:func:`crfsuite` says what to install when it is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.exports.tokens import tokenize
from annotator.core.recommend.features import FeatureContext, sequence_features
from annotator.core.recommend.tags import Labelled, spans_from_tags
from annotator.core.store import Project
from annotator.core.store.recommender import StoredModel

INSTALL_HINT = ("the recommender needs python-crfsuite: pip install 'annotator[recommend]'"
                " (or pip install python-crfsuite)")
ENTITIES = "entities"
EVENTS = "events"
KINDS = (ENTITIES, EVENTS)


class RecommenderUnavailableError(RuntimeError):
    """python-crfsuite is not installed; the message says what to install."""


def crfsuite() -> Any:
    """The ``pycrfsuite`` module, or :class:`RecommenderUnavailableError`."""
    try:
        import pycrfsuite
    except ImportError as exc:
        raise RecommenderUnavailableError(INSTALL_HINT) from exc
    return pycrfsuite


def available() -> bool:
    """Whether python-crfsuite can be imported."""
    try:
        crfsuite()
    except RecommenderUnavailableError:
        return False
    return True


def feature_context(project: Project) -> FeatureContext:
    """The feature lexicon of ``project``: shipped names and the schema's gazetteer, less the
    turned-off names (never the annotated names: see :mod:`.features`)."""
    from annotator.core.lexicon import build_lexicon_parts

    parts = build_lexicon_parts(project, annotated=False)
    return FeatureContext(parts.lexicon, parts.labels)


def shipped_context() -> FeatureContext:
    """The feature lexicon of the shipped names alone (a project without a gazetteer or
    turned-off names has the same; for benchmarks and tests without a project)."""
    from annotator.core.lexicon import shipped_names
    from annotator.core.text import NameLexicon
    from annotator.core.text.clitics import name_key

    lexicon = NameLexicon()
    labels: dict[str, str | None] = {}
    for name, label in shipped_names():
        lexicon.add_name(name, label)
        labels[name_key(name)] = label
    return FeatureContext(lexicon, labels)


@dataclass(slots=True)
class Recommender:
    """Taggers for one kind (entities, or event triggers labelled with their type), one per
    nesting level, outermost first; ``version`` is the version of the data they saw."""

    kind: str
    version: str
    models: list[StoredModel]
    context: FeatureContext
    _taggers: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        module = crfsuite()
        for model in self.models:
            tagger = module.Tagger()
            tagger.open_inmemory(model.data)
            self._taggers.append(tagger)

    @classmethod
    def load(cls, project: Project, kind: str = ENTITIES,
             context: FeatureContext | None = None) -> Recommender | None:
        """The stored recommender of ``kind``, or None when none was trained."""
        models = project.models(kind)
        if not models:
            return None
        return cls(kind, models[0].version, models,
                   context if context is not None else feature_context(project))

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label some level can suggest."""
        return tuple(sorted({label for m in self.models for label in m.labels}))

    def predict(self, text: str, start: int = 0, end: int | None = None) -> list[Labelled]:
        """Suggested ``(start, end, label)`` spans of ``text`` (or of its part
        ``text[start:end]``, offsets still in ``text``: :func:`text_parts` cuts a long
        document at line breaks), every level, sorted."""
        part = text if start == 0 and end is None else text[start:end]
        tokens = tokenize(part)
        if not len(tokens):
            return []
        found: set[Labelled] = set()
        above: list[str] | None = None
        for tagger, model in zip(self._taggers, self.models, strict=True):
            tags = list(tagger.tag(sequence_features(self.context, tokens, above)))
            found.update(spans_from_tags(tokens, tags, self.context.lexicon, model.cuts))
            above = tags
        if start:
            return sorted((s + start, e + start, label) for s, e, label in found)
        return sorted(found)


FIRST_PART = 3000
"""Code points predicted before a document's suggestions are first shown (about a screen;
a news article is one part: docs/RECOMMENDER.md, within 100 ms)."""
PART = 4000
"""Code points of each later part of a long document (predicted while the app is idle, one
part of one kind per turn of the event loop: about 50 ms of CPU)."""


def text_parts(text: str, first: int = FIRST_PART, size: int = PART) -> list[tuple[int, int]]:
    """``text`` cut into ``(start, end)`` parts for prediction: the first about ``first``
    code points, the others about ``size``, each cut at a line break (else after a sentence's
    full stop, else at a space; a text without any is cut where it must). A name never spans
    a line break, so predicting part by part finds what predicting the whole text finds,
    but for a few words at a cut whose neighbours the features no longer see."""
    parts: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        want = first if not parts else size
        if n - start <= want + want // 2:
            parts.append((start, n))
            break
        end = _cut(text, start + want // 2, start + want)
        parts.append((start, end))
        start = end
    return parts


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a part between ``low`` and ``high``: after the last line break, else
    after the last full stop and its space, else after the last space, else ``high``."""
    for mark in ("\n", ". ", "\u06d4 ", " "):
        found = text.rfind(mark, low, high)
        if found >= 0:
            return found + len(mark)
    return high
