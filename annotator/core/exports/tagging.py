"""Entities on tokens: alignment (with widening counted), nesting levels and IOB2 tags.

Used by every token format so that they agree with each other token for token.

* An entity covers the tokens it overlaps. When its edges are not token edges (``موسكو``
  annotated inside the token ``وموسكو`` while proclitics stay on the word) it is widened to
  whole tokens and the report says so; an entity that overlaps no token is skipped.
* Two entities that land on the same tokens with the same label after widening are one
  tag sequence: the second is skipped as a duplicate.
* Levels: entities are taken by start, longest first, and each goes to the lowest level
  where it overlaps nothing, so level 1 holds the outermost entities (Wojood's first tag
  column) and a nested entity sits one level below the one containing it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.exports.report import ExportReport
from annotator.core.exports.tokens import Tokens
from annotator.core.model import DocumentRecord, Entity

OUTSIDE = "O"
INSIDE_TOKEN_START = "span starts inside a token (proclitic or prefix kept on the word)"
INSIDE_TOKEN_END = "span ends inside a token (suffix kept on the word)"
NO_TOKEN = "span covers no token"
DUPLICATE = "same tokens and label as another entity after widening"
NESTED_FLAT = "nested inside another entity (a flat format keeps the outermost level)"


@dataclass(slots=True)
class TokenSpan:
    """An entity placed on tokens ``[first, last)`` at nesting ``level`` (1 = outermost)."""

    entity: Entity
    first: int
    last: int
    level: int = 1


def where(record: DocumentRecord, start: int, end: int) -> str:
    """``doc-id: 'surface'`` for report examples."""
    return f"{record.id}: {record.text[start:end]!r}"


def align_entities(
    record: DocumentRecord, tokens: Tokens, report: ExportReport
) -> list[TokenSpan]:
    """The record's entities on tokens, widened where needed; every change is reported."""
    placed: list[TokenSpan] = []
    seen: set[tuple[int, int, str]] = set()
    starts, ends = tokens.starts, tokens.ends
    for entity in record.entities:
        start, end = entity.start, entity.end
        first = bisect_right(ends, start)
        last = bisect_left(starts, end)
        if first >= last:
            report.skip(NO_TOKEN, where(record, start, end))
            continue
        key = (first, last, entity.label)
        if key in seen:
            report.skip(DUPLICATE, where(record, start, end))
            continue
        seen.add(key)
        if starts[first] != start:
            report.widen(INSIDE_TOKEN_START, where(record, start, end))
        elif ends[last - 1] != end:
            report.widen(INSIDE_TOKEN_END, where(record, start, end))
        placed.append(TokenSpan(entity, first, last))
    assign_levels(placed)
    return placed


def assign_levels(spans: list[TokenSpan]) -> int:
    """Give every span its nesting level (in place); return the number of levels used."""
    spans.sort(key=lambda s: (s.first, -s.last))
    level_ends: list[int] = []
    for span in spans:
        for index, end in enumerate(level_ends):
            if end <= span.first:
                level_ends[index] = span.last
                span.level = index + 1
                break
        else:
            level_ends.append(span.last)
            span.level = len(level_ends)
    return len(level_ends)


def iob_levels(
    spans: Sequence[TokenSpan], first: int, last: int, levels: int
) -> list[list[str]]:
    """IOB2 tag lists (one per level, each ``last - first`` long) for tokens
    ``[first, last)``; spans outside the range are ignored.

    Writers tag a whole document once (``first=0``, ``last=len(tokens)``) and slice the
    rows per record: a record boundary never cuts a span (see :func:`tokens.units`)."""
    tags = [[OUTSIDE] * (last - first) for _ in range(levels)]
    for span in spans:
        if span.level > levels or span.first < first or span.last > last:
            continue
        row = tags[span.level - 1]
        label = span.entity.label
        at = span.first - first
        row[at] = "B-" + label
        if span.last - span.first > 1:
            row[at + 1 : span.last - first] = ["I-" + label] * (span.last - span.first - 1)
    return tags


def flat_only(spans: list[TokenSpan], record: DocumentRecord, report: ExportReport) -> None:
    """Drop nested spans (level > 1) in place for a flat format, reporting each."""
    for span in spans:
        if span.level > 1:
            report.skip(NESTED_FLAT, where(record, span.entity.start, span.entity.end))
    spans[:] = [s for s in spans if s.level == 1]
