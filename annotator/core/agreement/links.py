"""Agreement on quotes, events and stances, for each pair of annotators.

* **Quotes**: content F1 and cue F1 (exact, overlap; positions only), and on the quotes whose
  contents match (overlap): Cohen's kappa of their kinds and the share with the same speaker
  (both the author, both unknown, or entities of overlapping spans).
* **Events**: trigger F1 (positions only), the same with the type (``typed``), the type's
  kappa and raw agreement on the triggers that match (overlap), and argument F1: an argument
  is its role and its entity's span, compared within each pair of matched events (an
  argument of an unmatched event is missed); each mode matches triggers and arguments alike.
* **Stances**: holder/target pair F1 (exact: same holder and target, entity spans equal;
  overlap: entity spans overlapping) and Cohen's kappa of the labels of matched pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.agreement.figures import (
    Pair,
    kappa_statistic,
    observed_statistic,
    pair_name,
    pairs_of,
)
from annotator.core.agreement.loader import SharedDocument
from annotator.core.agreement.matching import (
    MODES,
    Counts,
    LabelScores,
    Mode,
    SpanItem,
    items,
    modes_dict,
    score_spans,
    scores_by_mode,
)
from annotator.core.model import AUTHOR, DocumentRecord, Span

UNKNOWN = "UNKNOWN"
Ref = tuple[str, int, int] | str
"""What a speaker, holder or target points at: ``("entity", start, end)``, the trigger span of
an event ``("event", start, end)``, ``"topic:NAME"``, ``AUTHOR`` or ``UNKNOWN``."""


def entity_ref(record: DocumentRecord, entity_id: str | None) -> Ref:
    if entity_id is None:
        return UNKNOWN
    if entity_id == AUTHOR:
        return AUTHOR
    for entity in record.entities:
        if entity.id == entity_id:
            return ("entity", entity.start, entity.end)
    return UNKNOWN


def same_ref(a: Ref, b: Ref, mode: Mode) -> bool:
    """Whether two references agree: equal, or (overlap) the same kind of span overlapping."""
    if a == b:
        return True
    if mode == "exact" or isinstance(a, str) or isinstance(b, str) or a[0] != b[0]:
        return False
    return min(a[2], b[2]) > max(a[1], b[1])


class PairLayer:
    """A layer compared pair by pair: :meth:`add` calls :meth:`compare` for every pair of
    annotators who both marked the document done."""

    layer = ""

    def __init__(self, annotators: Sequence[str]) -> None:
        self.annotators = list(annotators)
        self.documents: dict[Pair, int] = dict.fromkeys(pairs_of(len(annotators)), 0)

    def add(self, doc: SharedDocument) -> None:
        for pair in self.documents:
            a, b = doc.records[pair[0]], doc.records[pair[1]]
            if a is not None and b is not None:
                self.documents[pair] += 1
                if self.has_items(a) or self.has_items(b):
                    self.compare(pair, a, b)

    def has_items(self, record: DocumentRecord) -> bool:
        """Whether the record has anything of this layer (nothing to compare otherwise)."""
        raise NotImplementedError

    def compare(self, pair: Pair, a: DocumentRecord, b: DocumentRecord) -> None:
        raise NotImplementedError

    def pair_dict(self, pair: Pair) -> dict[str, Any]:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        return {"pairs": {pair_name(self.annotators, p): {"documents": n, **self.pair_dict(p)}
                          for p, n in self.documents.items()}}


@dataclass(slots=True)
class QuotePair:
    content: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)
    cue: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)
    kinds: Counter[tuple[Hashable, Hashable]] = field(default_factory=Counter)
    speakers: Counter[bool] = field(default_factory=Counter)


class QuoteAgreement(PairLayer):
    layer = "quotes"

    def has_items(self, record: DocumentRecord) -> bool:
        return bool(record.quotes)

    def __init__(self, annotators: Sequence[str]) -> None:
        super().__init__(annotators)
        self.pairs = {p: QuotePair() for p in self.documents}

    def compare(self, pair: Pair, a: DocumentRecord, b: DocumentRecord) -> None:
        found = self.pairs[pair]
        qa = sorted(a.quotes, key=lambda q: (q.content.start, q.content.end))
        qb = sorted(b.quotes, key=lambda q: (q.content.start, q.content.end))
        content_a = [(q.content.start, q.content.end, None) for q in qa]
        content_b = [(q.content.start, q.content.end, None) for q in qb]
        cues_a = items((q.cue.start, q.cue.end, None) for q in qa if q.cue is not None)
        cues_b = items((q.cue.start, q.cue.end, None) for q in qb if q.cue is not None)
        for mode in MODES:
            matches = score_spans(content_a, content_b, mode, found.content[mode])
            score_spans(cues_a, cues_b, mode, found.cue[mode])
            if mode != "overlap":
                continue
            for i, j in matches:
                found.kinds[qa[i].kind, qb[j].kind] += 1
                found.speakers[same_ref(entity_ref(a, qa[i].speaker),
                                        entity_ref(b, qb[j].speaker), "overlap")] += 1

    def pair_dict(self, pair: Pair) -> dict[str, Any]:
        found = self.pairs[pair]
        agreed, matched = found.speakers[True], sum(found.speakers.values())
        return {"content": modes_dict(found.content), "cue": modes_dict(found.cue),
                "kind_kappa": kappa_statistic(found.kinds).to_dict(),
                "speaker_agreement": {"value": agreed / matched if matched else None,
                                      "agreed": agreed, "units": matched}}


@dataclass(slots=True)
class EventPair:
    trigger: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)
    typed: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)
    types: Counter[tuple[Hashable, Hashable]] = field(default_factory=Counter)
    arguments: dict[Mode, LabelScores] = field(default_factory=scores_by_mode)


def _argument_items(record: DocumentRecord, arguments: Sequence[Any]) -> list[SpanItem]:
    out: list[SpanItem] = []
    for argument in arguments:
        ref = entity_ref(record, argument.entity)
        if not isinstance(ref, str):
            out.append((ref[1], ref[2], argument.role))
    return items(out)


class EventAgreement(PairLayer):
    layer = "events"

    def has_items(self, record: DocumentRecord) -> bool:
        return bool(record.events)

    def __init__(self, annotators: Sequence[str]) -> None:
        super().__init__(annotators)
        self.pairs = {p: EventPair() for p in self.documents}

    def compare(self, pair: Pair, a: DocumentRecord, b: DocumentRecord) -> None:
        found = self.pairs[pair]
        ea = sorted(a.events, key=lambda e: (e.trigger.start, e.trigger.end, e.type))
        eb = sorted(b.events, key=lambda e: (e.trigger.start, e.trigger.end, e.type))
        spans_a = [(e.trigger.start, e.trigger.end, None) for e in ea]
        spans_b = [(e.trigger.start, e.trigger.end, None) for e in eb]
        args_a = [_argument_items(a, e.arguments) for e in ea]
        args_b = [_argument_items(b, e.arguments) for e in eb]
        for mode in MODES:
            matches = score_spans(spans_a, spans_b, mode, found.trigger[mode])
            score_spans([(e.trigger.start, e.trigger.end, e.type) for e in ea],
                        [(e.trigger.start, e.trigger.end, e.type) for e in eb], mode,
                        found.typed[mode])
            matched_a = {i for i, _ in matches}
            matched_b = {j for _, j in matches}
            for i, j in matches:
                score_spans(args_a[i], args_b[j], mode, found.arguments[mode])
                if mode == "overlap":
                    found.types[ea[i].type, eb[j].type] += 1
            for i, args in enumerate(args_a):
                if i not in matched_a:
                    score_spans(args, [], mode, found.arguments[mode])
            for j, args in enumerate(args_b):
                if j not in matched_b:
                    score_spans([], args, mode, found.arguments[mode])

    def pair_dict(self, pair: Pair) -> dict[str, Any]:
        found = self.pairs[pair]
        return {"trigger": modes_dict(found.trigger), "typed_trigger": modes_dict(found.typed),
                "type_kappa": kappa_statistic(found.types).to_dict(),
                "type_agreement": observed_statistic(found.types).to_dict(),
                "arguments": modes_dict(found.arguments)}


@dataclass(slots=True)
class StancePair:
    pairs: dict[Mode, Counts] = field(default_factory=lambda: {m: Counts() for m in MODES})
    labels: Counter[tuple[Hashable, Hashable]] = field(default_factory=Counter)


def stance_refs(record: DocumentRecord) -> list[tuple[Ref, Ref, str]]:
    """Each stance as ``(holder, target, label)`` references."""
    triggers = {e.id: e.trigger for e in record.events}
    out: list[tuple[Ref, Ref, str]] = []
    for stance in record.stances:
        target = stance.target
        ref: Ref
        if target.entity is not None:
            ref = entity_ref(record, target.entity)
        elif target.event is not None:
            trigger: Span | None = triggers.get(target.event)
            ref = UNKNOWN if trigger is None else ("event", trigger.start, trigger.end)
        else:
            ref = f"topic:{target.topic}"
        out.append((entity_ref(record, stance.holder), ref, stance.label))
    return sorted(out, key=repr)


def match_stances(a: Sequence[tuple[Ref, Ref, str]], b: Sequence[tuple[Ref, Ref, str]],
                  mode: Mode) -> list[tuple[int, int]]:
    """One-to-one matches of holder/target pairs (exact candidates first)."""
    pairs: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    steps: tuple[Mode, ...] = ("exact", "overlap") if mode == "overlap" else ("exact",)
    for strict in steps:
        for i, (ha, ta, _) in enumerate(a):
            if i in used_a:
                continue
            for j, (hb, tb, _) in enumerate(b):
                if j not in used_b and same_ref(ha, hb, strict) and same_ref(ta, tb, strict):
                    pairs.append((i, j))
                    used_a.add(i)
                    used_b.add(j)
                    break
    return pairs


class StanceAgreement(PairLayer):
    layer = "stances"

    def has_items(self, record: DocumentRecord) -> bool:
        return bool(record.stances)

    def __init__(self, annotators: Sequence[str]) -> None:
        super().__init__(annotators)
        self.pairs = {p: StancePair() for p in self.documents}

    def compare(self, pair: Pair, a: DocumentRecord, b: DocumentRecord) -> None:
        found = self.pairs[pair]
        sa, sb = stance_refs(a), stance_refs(b)
        for mode in MODES:
            matches = match_stances(sa, sb, mode)
            counts = found.pairs[mode]
            counts.tp += len(matches)
            counts.fn += len(sa) - len(matches)
            counts.fp += len(sb) - len(matches)
            if mode == "overlap":
                for i, j in matches:
                    found.labels[sa[i][2], sb[j][2]] += 1

    def pair_dict(self, pair: Pair) -> dict[str, Any]:
        found = self.pairs[pair]
        return {"holder_target": {m: found.pairs[m].to_dict() for m in MODES},
                "label_kappa": kappa_statistic(found.labels).to_dict(),
                "label_agreement": observed_statistic(found.labels).to_dict()}
