"""Documents from token files (CoNLL, Hugging Face token datasets): the text rebuilt from the
tokens, and the entities decoded from their tag columns.

**Spacing rule** (the inverse of our token exports, ``exports/tokens.py``: whitespace is never a
token, and every punctuation mark is its own token): tokens are joined by one space, except
that no space goes before a closing mark (``، ؛ , . : ; ! ? ؟ ) ] } » ” … %``) nor after an
opening one (``( [ { « “``); the sentences (blocks between blank lines) of a document are
joined by a line break. Re-tokenizing the rebuilt text gives the same tokens again, so our
``conll`` or ``hf-tokens`` export imports back to the same entities on the same tokens (the
spaces of the original text are not in a token file: that is the loss, stated in
docs/IMPORT.md).

**Tags**: ``O`` (and ``_``), ``B-X``, ``I-X``, ``E-X``, ``S-X`` (``L-``/``U-`` of BILOU are
``E-``/``S-``), and a bare ``X`` (IO tagging: read as ``I-X``). :func:`decode_tags` reads
IOB1, IOB2 and BIOES alike (``auto``): ``B`` always starts an entity, ``I`` continues one of
its label or starts one, ``E`` ends one, ``S`` is a one-token entity. With a named scheme
every sequence that scheme forbids is also reported (``I-GPE after O is not valid IOB2``).
Several tag columns are nesting levels (Wojood): each is decoded on its own; an entity found
in two columns (same tokens, same label) is kept once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.formats.plaintext_reader import text_title
from annotator.core.formats.spans import SpanMover
from annotator.core.model import DocumentRecord, Entity, InputError

NO_SPACE_BEFORE = frozenset("،؛,.:;!?؟)]}»”…%")
NO_SPACE_AFTER = frozenset("([{«“")
OUTSIDE_TAGS = frozenset({"O", "_"})
_PREFIXES = {"B": "B", "I": "I", "E": "E", "S": "S", "L": "E", "U": "S"}


def split_tag(tag: str) -> tuple[str, str]:
    """``(prefix, label)``: ``("O", "")`` outside, else ``B``/``I``/``E``/``S`` and the label."""
    if tag in OUTSIDE_TAGS:
        return "O", ""
    head, sep, label = tag.partition("-")
    if sep and head in _PREFIXES and label:
        return _PREFIXES[head], label
    return "I", tag


def _strict_problem(scheme: str, prefix: str, label: str, before: tuple[str, str]) -> str | None:
    """What ``scheme`` says against ``prefix-label`` after the tag ``before`` (None: allowed)."""
    same = before[0] != "O" and before[1] == label
    if scheme in ("iob1", "iob2") and prefix in ("E", "S"):
        return f"{prefix}- tags are not {scheme.upper()} (BIOES?)"
    if scheme == "iob2" and prefix == "I" and not (same and before[0] in "BI"):
        return "is not valid IOB2 after " + (f"{before[0]}-{before[1]}" if before[1] else "O")
    if scheme == "iob1" and prefix == "B" and not same:
        return "B- starts an entity only after one of the same label in IOB1"
    if scheme == "bioes":
        if prefix in ("I", "E") and not (same and before[0] in "BI"):
            return "is not valid BIOES after " + (f"{before[0]}-{before[1]}"
                                                   if before[1] else "O")
        if before[0] in "BI" and not (prefix in ("I", "E") and same):
            return f"follows {before[0]}-{before[1]}, which BIOES must continue with I- or E-"
    return None


def decode_tags(
    tags: Sequence[str], scheme: str = "auto"
) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Entities ``(first, last, label)`` (token indexes, end-exclusive) of one tag sequence,
    and the problems ``(token index, reason)`` a named ``scheme`` finds."""
    spans: list[tuple[int, int, str]] = []
    problems: list[tuple[int, str]] = []
    if tags.count("O") == len(tags):  # a level with no entity here (most nested columns)
        return spans, problems
    current: tuple[int, str] | None = None
    before = ("O", "")
    for index, tag in enumerate(tags):
        if tag == "O" and scheme != "bioes":  # the usual token: close what is open
            if current is not None:
                spans.append((current[0], index, current[1]))
                current = None
            before = ("O", "")
            continue
        prefix, label = split_tag(tag)
        if scheme != "auto":
            problem = _strict_problem(scheme, prefix, label, before)
            if problem is not None:
                problems.append((index, f"tag {tag} {problem}"))
        continues = current is not None and current[1] == label and prefix in ("I", "E")
        if current is not None and not continues:
            spans.append((current[0], index, current[1]))
            current = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and not continues):
            current = (index, label)
        if prefix in ("E", "S") and current is not None:
            spans.append((current[0], index + 1, current[1]))
            current = None
        before = (prefix, label)
    if scheme == "bioes" and before[0] in "BI" and tags:
        problems.append((len(tags) - 1, f"{before[0]}-{before[1]} ends the sentence: BIOES "
                         "closes an entity with E- or S-"))
    if current is not None:
        spans.append((current[0], len(tags), current[1]))
    return spans, problems


def join_tokens(tokens: Sequence[str], at: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """The text of one sentence by the spacing rule, and each token's ``(start, end)`` in
    it (offsets start at ``at``)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = at
    previous = ""
    for token in tokens:
        if parts and token not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            parts.append(" ")
            position += 1
        parts.append(token)
        offsets.append((position, position + len(token)))
        position += len(token)
        previous = token
    return "".join(parts), offsets


@dataclass(slots=True)
class Sentence:
    """Tokens of one sentence, their tag columns (one list per nesting level) and the line
    (or row) of each token in the file, for messages."""

    tokens: list[str]
    columns: list[list[str]]
    lines: list[int | None] = field(default_factory=list)


def build_document(
    sentences: Sequence[Sentence], path: str, line: int | None, doc_id: str | None,
    scheme: str = "auto", meta: dict[str, object] | None = None,
) -> tuple[DocumentRecord | None, list[InputError]]:
    """One document of ``sentences``: the text by the spacing rule, the entities of every tag
    column; None and every problem (each at its token's line) when anything is wrong."""
    pieces: list[str] = []
    placed: list[tuple[int, int, str, int | None]] = []
    errors: list[InputError] = []
    position = 0
    for sentence in sentences:
        if not sentence.tokens:
            continue
        if pieces:
            pieces.append("\n")
            position += 1
        text, offsets = join_tokens(sentence.tokens, position)
        pieces.append(text)
        position += len(text)
        lines = sentence.lines or [line] * len(sentence.tokens)
        for index, token in enumerate(sentence.tokens):
            if not token or token.isspace():
                errors.append(InputError(path, f"token {index + 1} is empty", lines[index]))
        for column in sentence.columns:
            spans, problems = decode_tags(column, scheme)
            errors += [InputError(path, reason, lines[at]) for at, reason in problems]
            placed += [(offsets[first][0], offsets[last - 1][1], label, lines[first])
                       for first, last, label in spans]
    raw = "".join(pieces)
    if not raw.strip():
        return None, errors
    mover = SpanMover(raw, path, line)
    entities: list[Entity] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, label, at in placed:
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        mover.line = at
        span = mover.move(start, end, f"entity {label} «{raw[start:end]}»")
        if span is not None:
            entities.append(Entity(f"e{len(entities) + 1}", span.start, span.end, label))
    errors += mover.errors
    if errors:
        return None, errors
    normalization: dict[str, object] = dict(mover.info)
    normalization["rebuilt"] = "tokens joined by the spacing rule of docs/IMPORT.md"
    return DocumentRecord(
        id=doc_id, text=mover.text, title=text_title(mover.text, doc_id or ""),
        meta=dict(meta or {}), entities=entities, normalization=normalization,
        source=f"{path}:{line}" if line is not None else path,
    ), []
