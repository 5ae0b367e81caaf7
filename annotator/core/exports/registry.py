"""Every export format by name: suffix, offset unit, layers and writer (docs/EXPORTS.md)."""

from __future__ import annotations

from annotator.core.exports.base import LAYERS, FormatSpec
from annotator.core.exports.brat import BratWriter, write_conf
from annotator.core.exports.canonical import CanonicalWriter
from annotator.core.exports.conll import ConllFlatWriter, ConllWriter
from annotator.core.exports.doccano import DoccanoWriter
from annotator.core.exports.events import EventsWriter
from annotator.core.exports.hf_tokens import HfTokensWriter
from annotator.core.exports.label_studio import LabelStudioWriter, write_config
from annotator.core.exports.quotes import QuotesWriter
from annotator.core.exports.spacy_docbin import SpacyWriter
from annotator.core.exports.stance import StanceWriter

TOKEN_UNIT = "tokens (index into the record's tokens, end-exclusive)"
ENTITIES = ("entities",)
SPAN_LAYERS = ("entities", "quotes", "events")
"""Stances have no span form in doccano, Label Studio or brat: ``--format stance``."""

FORMATS: dict[str, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("canonical", ".jsonl", "code points (and utf16 fields)", LAYERS, LAYERS,
                   False, CanonicalWriter, stdout=True),
        FormatSpec("hf-tokens", ".jsonl", TOKEN_UNIT, ENTITIES, ENTITIES, True, HfTokensWriter),
        FormatSpec("conll", ".conll", TOKEN_UNIT, ENTITIES, ENTITIES, True, ConllWriter),
        FormatSpec("conll-flat", ".conll", TOKEN_UNIT, ENTITIES, ENTITIES, True,
                   ConllFlatWriter),
        FormatSpec("spacy", ".spacy", "code points (doc.text is the stored text)", ENTITIES,
                   ENTITIES, True, SpacyWriter, sharded=True),
        FormatSpec("doccano", ".jsonl", "UTF-16 code units", LAYERS, SPAN_LAYERS, False,
                   DoccanoWriter),
        FormatSpec("label-studio", ".json", "code points", LAYERS, SPAN_LAYERS, False,
                   LabelStudioWriter, write_config),
        FormatSpec("brat", "", "code points of the .txt", LAYERS, SPAN_LAYERS, False,
                   BratWriter, write_conf),
        FormatSpec("events", ".jsonl", TOKEN_UNIT, ("entities", "events"),
                   ("entities", "events"), True, EventsWriter),
        FormatSpec("quotes", ".jsonl", "code points into the record's text", ("quotes",),
                   ("quotes",), False, QuotesWriter),
        FormatSpec("stance", ".jsonl", "none (texts only)", ("stances",), ("stances",), False,
                   StanceWriter),
    )
}
"""Format name -> spec, in the order the CLI lists them."""


def resolve_layers(spec: FormatSpec, wanted: tuple[str, ...] | None) -> frozenset[str]:
    """The layers to export: ``wanted`` (checked against the format) or its defaults."""
    if wanted is None:
        return frozenset(spec.default_layers)
    unknown = [layer for layer in wanted if layer not in LAYERS]
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(unknown)}; known: {', '.join(LAYERS)}")
    unsupported = [layer for layer in wanted if layer not in spec.layers]
    if unsupported:
        raise ValueError(f"format {spec.name} cannot carry {', '.join(unsupported)} "
                         f"(it carries {', '.join(spec.layers)})")
    return frozenset(wanted)
