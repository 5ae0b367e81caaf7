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

    def predict(self, text: str) -> list[Labelled]:
        """Suggested ``(start, end, label)`` spans of ``text``, every level, sorted."""
        tokens = tokenize(text)
        if not len(tokens):
            return []
        found: set[Labelled] = set()
        above: list[str] | None = None
        for tagger, model in zip(self._taggers, self.models, strict=True):
            tags = list(tagger.tag(sequence_features(self.context, tokens, above)))
            found.update(spans_from_tags(tokens, tags, self.context.lexicon, model.cuts))
            above = tags
        return sorted(found)
