"""The small TOML file (``import --mapping FILE``) that says what an INCEpTION / WebAnno TSV
file's layers mean in our model. Every key is optional::

    [spans]
    layers = ["NamedEntity"]        # span layers read (full or short name); default NamedEntity
    feature = "value"               # the feature holding the label; default value, else the first

    [quotes]
    content = ["Quote"]             # span labels that mark a quote's content
    cue = ["Cue"]                   # span labels that mark a cue
    speaker_relation = ["Speaker"]  # relation labels from a quote to its speaker
    cue_relation = ["QuoteCue"]     # relation labels from a quote to its cue

    [events]
    types = { Attack = "Conflict:Attack" }   # span label -> event type (the span is the trigger)
    roles = { attacker = "Attacker" }        # relation label -> role (default: the label)

    [relations]
    feature = "label"               # the feature of relation layers holding the label

Any other span is an entity labelled with its label. A relation from an event trigger to an
entity is an argument; any other relation is not imported (counted in a warning).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.model import InputError

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


@dataclass(frozen=True, slots=True)
class WebannoMapping:
    """What the mapping file says (defaults: named entities only)."""

    span_layers: tuple[str, ...] = (NAMED_ENTITY,)
    span_feature: str | None = None
    quote_labels: frozenset[str] = frozenset()
    cue_labels: frozenset[str] = frozenset()
    speaker_relations: frozenset[str] = frozenset()
    cue_relations: frozenset[str] = frozenset()
    event_types: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    relation_feature: str | None = None

    def reads_layer(self, name: str) -> bool:
        """True for a span layer named (fully or by its last part) in ``span_layers``."""
        short = name.rsplit(".", 1)[-1]
        return any(wanted in (name, short) for wanted in self.span_layers)


def _strings(table: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ValueError(f"{where}.{key} must be a list of strings")
    return frozenset(value)


def _names(table: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = table.get(key, {})
    if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
        raise ValueError(f"{where}.{key} must be a table of LABEL = \"NAME\"")
    return dict(value)


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"[{key}] must be a table")
    return value


def load_mapping(path: Path | None) -> WebannoMapping:
    """The mapping in ``path`` (the defaults for None); ``InputError`` naming the mistake."""
    if path is None:
        return WebannoMapping()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        spans, quotes = _table(data, "spans"), _table(data, "quotes")
        events, relations = _table(data, "events"), _table(data, "relations")
        layers = _strings(spans, "layers", "spans")
        feature, relation_feature = spans.get("feature"), relations.get("feature")
        if not all(isinstance(f, (str, type(None))) for f in (feature, relation_feature)):
            raise ValueError("spans.feature and relations.feature must be strings")
        return WebannoMapping(
            span_layers=tuple(sorted(layers)) or (NAMED_ENTITY,), span_feature=feature,
            quote_labels=_strings(quotes, "content", "quotes"),
            cue_labels=_strings(quotes, "cue", "quotes"),
            speaker_relations=_strings(quotes, "speaker_relation", "quotes"),
            cue_relations=_strings(quotes, "cue_relation", "quotes"),
            event_types=_names(events, "types", "events"), roles=_names(events, "roles", "events"),
            relation_feature=relation_feature)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the mapping: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    except ValueError as exc:
        raise InputError(str(path), str(exc)) from None
