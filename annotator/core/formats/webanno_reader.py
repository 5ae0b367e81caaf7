"""INCEpTION / WebAnno TSV 3 (``#FORMAT=WebAnno TSV 3.x``): one document per file.

* **Header**: ``#T_SP=layer|feature|...`` (span layers), ``#T_RL=layer|feature|...|BT_base``
  (relation layers over the span layer ``base``), ``#T_CH=`` (chains: not imported, warned).
  After the three fixed columns (``sentence-token``, ``begin-end``, token) each layer has one
  column per feature (a span layer without features one column), in header order.
* **Text**: each sentence's ``#Text=`` lines (several for a sentence holding line breaks),
  placed at its first token's offset; what lies between sentences is not in the file and
  becomes line breaks of the same length. Offsets are UTF-16 units (Java strings) and every
  token must be the text at its offsets.
* **Spans**: a cell holds ``_`` (none), or stacked annotations ``PER[1]|LOC[2]``; ``[n]`` joins
  the tokens of a multi-token annotation, a value without it is a one-token annotation.
  ``\\`` escapes (``\\|``, ``\\_``, ``\\[``, ``\\]``, ``\\*``, ``\\;``, ``\\->``, ``\\\\``,
  ``\\t``, ``\\n``) are read back. The label is the feature the mapping names (default:
  ``value``, else the layer's first); ``*`` (no value) is skipped and counted.
* **Relations**: on the target's line, the ``BT_`` column holds the source's token address
  and ``[source_target]`` annotation ids (0: the one-token annotation there).
* What spans and relations become is the mapping's (``webanno_mapping.py``): without one,
  the NamedEntity layer's spans are entities and every relation is counted as not imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats.jsonl_reader import OnBytes, Warn
from annotator.core.formats.read_options import ReadOptions
from annotator.core.formats.spans import SpanMover
from annotator.core.formats.webanno_mapping import WebannoMapping, load_mapping
from annotator.core.model import (
    DocumentRecord,
    Entity,
    Event,
    EventArgument,
    InputError,
    Quote,
    Span,
)
from annotator.core.text import decode_bytes, utf16_len
from annotator.core.text.offsets import Utf16Map

_ESCAPE = re.compile(r"\\(->|[\\\[\]|_;*tn])")
_UNESCAPED = {"t": "\t", "n": "\n"}
_STACK = re.compile(r"(?<!\\)\|")
_WITH_ID = re.compile(r"^(.*?)(?<!\\)\[(\d+)\]$")
_SOURCE = re.compile(r"^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$")
_TOKEN_ID = re.compile(r"^\d+-\d+(?:\.\d+)?$")


def unescape(value: str) -> str:
    """A TSV 3 value with its backslash escapes read."""
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), value)


@dataclass(slots=True)
class Layer:
    kind: str  # "SP", "RL", "CH"
    name: str
    features: list[str]
    first: int = 0  # the layer's first column, counted from the token text's column + 1

    @property
    def width(self) -> int:
        return max(1, len(self.features)) if self.kind == "SP" else len(self.features)

    def column(self, wanted: str | None, default: str | None = None) -> int:
        plain = [f for f in self.features if not f.startswith("BT_")]
        for name in (wanted, default):
            if name in plain:
                return self.first + self.features.index(name)
        return self.first


@dataclass(slots=True)
class _Token:
    line: int
    address: str
    begin: int
    end: int
    text: str
    cells: list[str]


@dataclass(slots=True)
class _Parsed:
    layers: list[Layer] = field(default_factory=list)
    sentences: list[tuple[str, int]] = field(default_factory=list)  # text, first token index
    tokens: list[_Token] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _parse(text: str, path: str) -> _Parsed:
    parsed = _Parsed()
    previous_text = False
    column = 0
    for number, given in enumerate(text.split("\n"), start=1):
        line = given.rstrip("\r")
        if line.startswith(("#T_SP=", "#T_RL=", "#T_CH=")):
            name, *features = line[6:].split("|")
            layer = Layer(line[3:5], name, features, column)
            column += layer.width
            parsed.layers.append(layer)
        elif line.startswith("#Text="):
            if previous_text:
                sentence, first = parsed.sentences[-1]
                parsed.sentences[-1] = (sentence + "\n" + unescape(line[6:]), first)
            else:
                parsed.sentences.append((unescape(line[6:]), len(parsed.tokens)))
            previous_text = True
            continue
        elif line and not line.startswith("#"):
            fields = line.split("\t")
            offsets = fields[1].split("-") if len(fields) > 2 else []
            if len(fields) < 3 + column or not _TOKEN_ID.match(fields[0]) or len(offsets) != 2 \
                    or not all(o.isdigit() for o in offsets):
                parsed.errors.append(InputError(path, f"not a token line of {3 + column} "
                                                "tab-separated columns", number))
            else:
                parsed.tokens.append(_Token(number, fields[0], int(offsets[0]), int(offsets[1]),
                                            unescape(fields[2]), fields[3:]))
        previous_text = False
    return parsed


def _text(parsed: _Parsed, path: str) -> tuple[str, Utf16Map | None]:
    """The document text with every sentence at its offset (line breaks between)."""
    parts: list[str] = []
    at = 0
    starts = [i for _, i in parsed.sentences] + [len(parsed.tokens)]
    for (sentence, first), following in zip(parsed.sentences, starts[1:], strict=True):
        if first >= following:
            continue
        begin = parsed.tokens[first].begin
        if begin < at:
            parsed.errors.append(InputError(path, "sentence starts before the previous one "
                                            "ends", parsed.tokens[first].line))
            return "", None
        parts += ["\n" * (begin - at), sentence]
        at = begin + utf16_len(sentence)
    raw = "".join(parts)
    return raw, Utf16Map(raw)


class _Builder:
    """Spans and relations of the layers the mapping reads, as our annotations."""

    def __init__(self, parsed: _Parsed, mapping: WebannoMapping, mover: SpanMover,
                 units: Utf16Map) -> None:
        self.parsed, self.mapping, self.mover, self.units = parsed, mapping, mover, units
        self.spans: dict[tuple[str, ...], list[int | str]] = {}
        self.single: dict[tuple[str, str], tuple[str, ...]] = {}
        self.skipped: dict[str, int] = {}

    def chars(self, token: _Token) -> tuple[int, int] | None:
        try:
            start = self.units.to_codepoint(token.begin)
            end = self.units.to_codepoint(token.end)
        except ValueError as exc:
            self.mover.error(f"token {token.address} [{token.begin}, {token.end}): {exc}")
            return None
        if self.mover.raw[start:end] != token.text:
            self.mover.line = token.line
            self.mover.error(f"token {token.address} {token.text!r} is not the text at its "
                             f"offsets ({self.mover.raw[start:end]!r})")
            return None
        return start, end

    def read_spans(self, layer: Layer) -> None:
        column = layer.column(self.mapping.span_feature, "value")
        for token in self.parsed.tokens:
            place = self.chars(token)
            if place is None:
                continue
            for k, value in enumerate(_STACK.split(token.cells[column])):
                if value in ("_", ""):
                    continue
                found = _WITH_ID.match(value)
                label = unescape(found.group(1) if found else value)
                key = (layer.name, found.group(2)) if found else (layer.name, token.address,
                                                                   str(k))
                if not found:
                    self.single.setdefault((layer.name, token.address), key)
                if label == "*":
                    self.skipped["annotation(s) without a label value"] = \
                        self.skipped.get("annotation(s) without a label value", 0) + 1
                    continue
                span = self.spans.setdefault(key, [place[0], place[1], label, token.line])
                span[0], span[1] = min(int(span[0]), place[0]), max(int(span[1]), place[1])

    def read_relations(self, layer: Layer) -> list[tuple[tuple[str, ...] | None,
                                                         tuple[str, ...] | None, str, int]]:
        base = layer.features[-1].removeprefix("BT_")
        label_column = layer.column(self.mapping.relation_feature)
        bt_column = layer.first + len(layer.features) - 1
        out: list[tuple[tuple[str, ...] | None, tuple[str, ...] | None, str, int]] = []
        for token in self.parsed.tokens:
            labels = _STACK.split(token.cells[label_column])
            for k, value in enumerate(_STACK.split(token.cells[bt_column])):
                found = _SOURCE.match(value)
                if value in ("_", "") or found is None:
                    continue
                address, source_id, target_id = found.groups()
                label = unescape(labels[k]) if k < len(labels) else ""
                source = (base, source_id) if source_id and source_id != "0" else \
                    self.single.get((base, address))
                target = (base, target_id) if target_id and target_id != "0" else \
                    self.single.get((base, token.address))
                out.append((source, target, "" if label in ("_", "*") else label, token.line))
        return out


def _record(parsed: _Parsed, mapping: WebannoMapping, path: str, warn: Warn | None
            ) -> tuple[DocumentRecord | None, list[InputError]]:
    raw, units = _text(parsed, path)
    if units is None or not raw.strip():
        return None, parsed.errors or [InputError(path, "the file has no #Text= sentences")]
    mover = SpanMover(raw, path, None)
    builder = _Builder(parsed, mapping, mover, units)
    relations = []
    for layer in parsed.layers:
        if layer.kind == "SP" and mapping.reads_layer(layer.name):
            builder.read_spans(layer)
        elif layer.kind == "RL" and mapping.reads_layer(layer.features[-1].removeprefix("BT_")):
            relations += builder.read_relations(layer)
        else:
            builder.skipped[f"layer {layer.name} not read (see --mapping)"] = 1
    entities: dict[tuple[str, ...], Entity] = {}
    quotes: dict[tuple[str, ...], Quote] = {}
    events: dict[tuple[str, ...], Event] = {}
    cues: dict[tuple[str, ...], tuple[int, int]] = {}
    for key, (start, end, label, line) in builder.spans.items():
        mover.line = int(line)
        span = mover.move(int(start), int(end), f"annotation {label}")
        ident, name = "-".join(key), str(label)
        if span is None:
            continue
        if name in mapping.quote_labels:
            quotes[key] = Quote(ident, span)
        elif name in mapping.cue_labels:
            cues[key] = (span.start, span.end)
        elif name in mapping.event_types:
            events[key] = Event(ident, mapping.event_types[name], span)
        else:
            entities[key] = Entity(ident, span.start, span.end, name)
    lost = 0
    for given_source, given_target, label, _line in relations:
        source, target = given_source, given_target
        if source in entities and (target in quotes or target in events):
            source, target = target, source
        if source in quotes and target in entities and label in mapping.speaker_relations:
            quotes[source].speaker = entities[target].id
        elif source in quotes and target in cues and label in mapping.cue_relations:
            quotes[source].cue = Span(*cues[target])
        elif source in events and target in entities and label:
            events[source].arguments.append(
                EventArgument(mapping.roles.get(label, label), entities[target].id))
        else:
            lost += 1
    if lost:
        builder.skipped["relation(s) not imported (see --mapping)"] = lost
    errors = parsed.errors + mover.errors
    if errors:
        return None, errors
    if warn is not None:
        for what, count in builder.skipped.items():
            warn(f"{path}: {what}" if what.startswith("layer") else f"{path}: {count} {what}")
    return DocumentRecord(
        id=Path(path).stem, text=mover.text, title=Path(path).stem,
        entities=list(entities.values()), quotes=list(quotes.values()),
        events=list(events.values()), normalization=dict(mover.info), source=path,
    ), []


def read_webanno(
    path: str | Path, options: ReadOptions | None = None, warn: Warn | None = None,
    on_bytes: OnBytes | None = None,
) -> Iterator[DocumentRecord | InputError]:
    """Read one WebAnno TSV 3 file: its record, or its problems."""
    file = Path(path)
    source = str(file)
    try:
        mapping = load_mapping((options or ReadOptions()).mapping)
        data = file.read_bytes()
        decoded = decode_bytes(data, source)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot read file: {exc.strerror or exc}")
        return
    if on_bytes is not None:
        on_bytes(len(data))
    parsed = _parse(decoded.text, source)
    record, errors = _record(parsed, mapping, source, warn)
    if record is not None:
        yield record
    yield from errors
