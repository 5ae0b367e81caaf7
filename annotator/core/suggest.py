"""The quote suggester: quotation marks near speech verbs become *suggested* quotes.

Plain Python over the core's text functions (no Qt, no store). A suggestion is never an
annotation: the workbench shows it and stores a quote only when the annotator accepts it.

How a suggestion is found, on the stored text (offsets are end-exclusive code points):

1. **Quoted stretches.** Guillemets ``« »`` and curly quotes ``“ ”`` are paired with a stack;
   straight quotes ``"`` are paired in order within a paragraph. A stretch inside another
   one, one spanning a paragraph break and one of fewer than two words (a scare-quoted name
   such as «داعش») are dropped. The content span is the inside, trimmed (docs/ARABIC.md,
   Span edges).
2. **Speech verbs.** Every word is folded (docs/ARABIC.md, Folded search: hamza forms,
   tashkeel, ة/ى...) and looked up in a table of the forms of
   قال، أكد، أضاف، أعلن، تابع، اعتبر، أوضح، صرح، أشار، نقل
   (past, present, participles such as مضيفاً and معتبراً) plus the schema's ``cue_verbs``.
   A conjunction و or ف attached to the verb (وقال، فأضاف) is left out of the cue span,
   which starts at the next grapheme boundary (docs/ARABIC.md, Span edges).
3. **Pairing.** A verb *before* a quote binds to the first quote opening after it in the same
   sentence (at most :data:`MAX_GAP` characters on); a quote takes the nearest such verb.
   A quote without one takes a verb right *after* its closing mark (``»، قال`` /
   ``»، مضيفاً``). Quotes near no speech verb are not suggested. The kind is ``direct``, or
   ``mixed`` when a complementizer (إن، أن، بأن) stands between the verb and the quote.
4. **Speaker** (an entity whose label may speak: PERS, ORG, NORP, GPE, OCC by default), tried
   in this order:

   a. the subject after the verb (Arabic is mostly verb-first): entities between the verb and
      a colon, a complementizer, the quote or the end of the clause; PERS before ORG before
      NORP before GPE before OCC, then the nearest; an entity inside another candidate
      (الروسي inside وزير الخارجية الروسي) never wins over it;
   b. the subject right before the verb (``لافروف قال``);
   c. a dropped subject (وأضاف with no name after it): the speaker of the previous quote
      (stored or suggested) when it is at most :data:`PREVIOUS_QUOTE_REACH` characters back;
   d. the nearest preceding candidate in the verb's sentence, then in the previous sentence.

   Otherwise the speaker is unknown (None): nobody is in sight.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.model import AUTHOR, Entity, Quote, Span
from annotator.core.text import fold_text, next_boundary, span_problem, trim_span, words

DEFAULT_SPEAKER_TYPES: tuple[str, ...] = ("PERS", "ORG", "NORP", "GPE", "OCC")
"""Entity labels that may speak, most plausible first (used when the schema names none)."""

MAX_GAP = 150
"""Most characters between a speech verb and the opening mark of its quote."""
MAX_TRAILING_GAP = 6
"""Most characters (spaces, commas, colons, dashes) between a closing mark and a verb after it."""
PREVIOUS_QUOTE_REACH = 1200
"""How far back (in characters) the previous quote may be for a dropped subject."""
MAX_QUOTE_LENGTH = 3000
"""Longer quoted stretches are not suggested (an unbalanced mark, most likely)."""

SPEECH_VERB_FORMS: dict[str, tuple[str, ...]] = {
    "قال": ("قال", "قالت", "قالوا", "قالا", "قالتا", "يقول", "تقول", "يقولون", "قائلا",
            "قائلة"),
    "أكد": ("أكد", "أكدت", "أكدوا", "أكدا", "يؤكد", "تؤكد", "يؤكدون", "مؤكدا", "مؤكدة"),
    "أضاف": ("أضاف", "أضافت", "أضافوا", "أضافا", "يضيف", "تضيف", "يضيفون", "مضيفا",
             "مضيفة"),
    "أعلن": ("أعلن", "أعلنت", "أعلنوا", "أعلنا", "يعلن", "تعلن", "يعلنون", "معلنا", "معلنة"),
    "تابع": ("تابع", "تابعت", "تابعوا", "تابعا", "يتابع", "تتابع", "متابعا", "متابعة"),
    "اعتبر": ("اعتبر", "اعتبرت", "اعتبروا", "اعتبرا", "يعتبر", "تعتبر", "يعتبرون", "معتبرا",
              "معتبرة"),
    "أوضح": ("أوضح", "أوضحت", "أوضحوا", "أوضحا", "يوضح", "توضح", "يوضحون", "موضحا",
             "موضحة"),
    "صرح": ("صرح", "صرحت", "صرحوا", "صرحا", "يصرح", "تصرح", "يصرحون", "مصرحا", "مصرحة"),
    "أشار": ("أشار", "أشارت", "أشاروا", "أشارا", "يشير", "تشير", "يشيرون", "مشيرا", "مشيرة"),
    "نقل": ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل", "ناقلا"),
}
"""Lemma -> the forms a news text uses (written plainly; they are folded before matching)."""

CONTINUATION_LEMMAS = frozenset({"أضاف", "تابع"})
"""Verbs that usually continue the previous speaker (their subject is often dropped)."""

_COMPLEMENTIZERS = frozenset(fold_text(w) for w in (
    "إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها", "إنهم", "أنهم", "بأنهم",
    "إننا", "أننا", "بأننا"))
_PAIRS = {"«": "»", "“": "”"}
_SENTENCE_ENDS = frozenset(".!?؟\n")
_CLAUSE_STOPS = frozenset(":؛;")
_TRAILING_JUNK = frozenset(" \u00a0،,:-–—\u200f\u200e\u061c")
_CONJUNCTIONS = "وف"


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A speech verb found in the text: the cue span (without an attached و/ف) and its lemma."""

    cue: Span
    lemma: str


@dataclass(frozen=True, slots=True)
class SuggestedQuote:
    """A quote the annotator may accept or reject. ``speaker`` is an entity id or None;
    ``speaker_reason`` says how it was chosen (for the tooltip), ``cue_lemma`` the verb."""

    content: Span
    cue: Span
    speaker: str | None
    kind: str
    cue_lemma: str
    speaker_reason: str

    def to_quote(self, quote_id: str = "") -> Quote:
        """The quote this suggestion becomes when accepted."""
        return Quote(id=quote_id, content=self.content, cue=self.cue, speaker=self.speaker,
                     kind=self.kind)


def _forms(cue_verbs: Iterable[str]) -> dict[str, str]:
    """Folded form -> lemma, for the built-in table and the schema's extra lemmas."""
    table: dict[str, str] = {}
    for lemma, forms in SPEECH_VERB_FORMS.items():
        for form in forms:
            table[fold_text(form)] = lemma
    for lemma in cue_verbs:
        folded = fold_text(lemma)
        if folded and folded not in table:
            for suffix in ("", "ت", "وا", "ا"):
                table.setdefault(folded + suffix, lemma)
    return table


def find_speech_verbs(text: str, cue_verbs: Iterable[str] = ()) -> list[SpeechVerb]:
    """Every speech verb of ``text``, with an attached conjunction (و, ف) left out of its cue."""
    table = _forms(cue_verbs)
    found: list[SpeechVerb] = []
    for start, end in words(text):
        folded = fold_text(text[start:end])
        lemma = table.get(folded)
        cue_start = start
        if lemma is None and len(folded) > 2 and folded[0] in _CONJUNCTIONS \
                and text[start] in _CONJUNCTIONS:
            lemma = table.get(folded[1:])
            cue_start = next_boundary(text, start)
        if lemma is not None and cue_start < end:
            found.append(SpeechVerb(Span(cue_start, end), lemma))
    return found


def find_quoted(text: str) -> list[tuple[int, int, Span]]:
    """Quoted stretches as ``(open_mark, close_mark, content)``: outermost only, within one
    paragraph, at least two words of content, in text order."""
    raw: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
            straight = None
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            raw.append((stack.pop()[1], i))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                raw.append((straight, i))
                straight = None
    raw.sort()
    found: list[tuple[int, int, Span]] = []
    reach = -1
    for open_at, close_at in raw:
        if open_at < reach:
            continue  # inside an outer stretch
        reach = close_at
        start, end = trim_span(text, open_at + 1, close_at)
        if end - start > MAX_QUOTE_LENGTH or len(words(text[start:end])) < 2:
            continue
        if span_problem(text, start, end) is None:
            found.append((open_at, close_at, Span(start, end)))
    return found


def _sentence_bounds(text: str, quoted: Sequence[tuple[int, int, Span]]) -> list[int]:
    """Offsets just after each sentence end outside quoted stretches, with 0 first."""
    inside = bytearray(len(text))
    for open_at, close_at, _ in quoted:
        inside[open_at:close_at + 1] = b"\x01" * (close_at + 1 - open_at)
    bounds = [0]
    for i, ch in enumerate(text):
        if ch in _SENTENCE_ENDS and not inside[i]:
            bounds.append(i + 1)
    return bounds


def _sentence_of(bounds: list[int], i: int) -> int:
    """Index of the sentence holding offset ``i`` (bounds from :func:`_sentence_bounds`)."""
    return bisect_right(bounds, i) - 1


class _Speakers:
    """Speaker-capable entities with the look-ups of step 4 of the module docstring."""

    def __init__(self, entities: Iterable[Entity], speaker_types: Sequence[str]) -> None:
        self.rank = {label: n for n, label in enumerate(
            [t for t in DEFAULT_SPEAKER_TYPES if t in speaker_types]
            + [t for t in speaker_types if t not in DEFAULT_SPEAKER_TYPES])}
        self.entities = sorted((e for e in entities if e.label in self.rank),
                               key=lambda e: (e.start, -e.end))

    def within(self, lo: int, hi: int) -> list[Entity]:
        """Candidates inside ``[lo, hi)`` that no other candidate there contains."""
        inside = [e for e in self.entities if lo <= e.start and e.end <= hi]
        return [e for e in inside if not any(
            o is not e and o.start <= e.start and e.end <= o.end
            and (o.end - o.start) > (e.end - e.start) for o in inside)]

    def best(self, found: list[Entity], anchor: int) -> Entity | None:
        """Most plausible label first, then nearest to ``anchor``."""
        if not found:
            return None
        return min(found, key=lambda e: (self.rank[e.label],
                                         min(abs(e.start - anchor), abs(e.end - anchor))))


def _subject_limit(text: str, verb_end: int, stop: int) -> int:
    """Where the subject window after a verb ends: a colon, a complementizer or ``stop``."""
    for i in range(verb_end, stop):
        if text[i] in _CLAUSE_STOPS:
            return i
    for start, end in words(text[verb_end:stop]):
        if fold_text(text[verb_end + start:verb_end + end]) in _COMPLEMENTIZERS:
            return verb_end + start
    return stop


def _pair(text: str, quoted: list[tuple[int, int, Span]], verbs: list[SpeechVerb],
          bounds: list[int]) -> list[tuple[tuple[int, int, Span], SpeechVerb, bool]]:
    """Each quote with its verb, and whether the verb comes before it."""
    forward: dict[int, SpeechVerb] = {}
    opens = [q[0] for q in quoted]
    bound_verbs: set[int] = set()
    for verb in verbs:
        k = bisect_left(opens, verb.cue.end)
        if k == len(quoted):
            continue
        open_at = quoted[k][0]
        if open_at - verb.cue.end > MAX_GAP:
            continue
        if _sentence_of(bounds, verb.cue.start) != _sentence_of(bounds, open_at):
            continue
        if k > 0 and quoted[k - 1][1] > verb.cue.start:
            continue  # the verb is inside the previous quote
        forward[k] = verb  # verbs come in text order: the nearest one wins
        bound_verbs.add(id(verb))
    pairs: list[tuple[tuple[int, int, Span], SpeechVerb, bool]] = []
    for k, stretch in enumerate(quoted):
        if k in forward:
            pairs.append((stretch, forward[k], True))
            continue
        close_at = stretch[1]
        for verb in verbs:
            if id(verb) in bound_verbs or verb.cue.start <= close_at:
                continue
            between = text[close_at + 1:verb.cue.start]
            if len(between) <= MAX_TRAILING_GAP and all(c in _TRAILING_JUNK or c in
                                                        _CONJUNCTIONS for c in between):
                pairs.append((stretch, verb, False))
            break
    return pairs


def suggest_quotes(text: str, entities: Iterable[Entity] = (), quotes: Iterable[Quote] = (),
                   *, cue_verbs: Iterable[str] = (),
                   speaker_types: Sequence[str] = ()) -> list[SuggestedQuote]:
    """Suggested quotes of ``text`` in text order, leaving out stretches that overlap a stored
    quote (``quotes``). ``entities`` are the document's entities (speaker candidates);
    ``cue_verbs`` and ``speaker_types`` come from the schema (defaults when empty)."""
    speakers = _Speakers(entities, tuple(speaker_types) or DEFAULT_SPEAKER_TYPES)
    stored = sorted(quotes, key=lambda q: q.content.start)
    quoted = find_quoted(text)
    if not quoted:
        return []
    verbs = find_speech_verbs(text, cue_verbs)
    bounds = _sentence_bounds(text, quoted)
    previous: list[tuple[int, str | None]] = [
        (q.content.start, q.speaker if q.speaker != AUTHOR else None) for q in stored]
    suggestions: list[SuggestedQuote] = []
    for (open_at, _close_at, content), verb, before in _pair(text, quoted, verbs, bounds):
        if any(q.content.start < content.end and content.start < q.content.end
               for q in stored):
            continue
        sentence = _sentence_of(bounds, verb.cue.start)
        sentence_end = bounds[sentence + 1] if sentence + 1 < len(bounds) else len(text)
        stop = open_at if before else sentence_end
        limit = _subject_limit(text, verb.cue.end, stop)
        kind = "mixed" if before and limit < open_at and text[limit] not in _CLAUSE_STOPS \
            else "direct"
        earlier = [s for start, s in previous if start < content.start
                   and content.start - start <= PREVIOUS_QUOTE_REACH]
        speaker, reason = _choose_speaker(text, speakers, verb, limit, bounds, sentence,
                                          earlier[-1] if earlier else None, bool(earlier))
        suggestions.append(SuggestedQuote(content, verb.cue, speaker, kind, verb.lemma, reason))
        previous.append((content.start, speaker))
        previous.sort(key=lambda p: p[0])
    return suggestions


def _choose_speaker(text: str, speakers: _Speakers, verb: SpeechVerb, limit: int,
                    bounds: list[int], sentence: int, previous_speaker: str | None,
                    has_previous: bool) -> tuple[str | None, str]:
    """Steps a-d of the module docstring: ``(entity id or None, reason)``."""
    subject = speakers.best(speakers.within(verb.cue.end, limit), verb.cue.end)
    if subject is not None:
        return subject.id, "subject after the verb"
    sentence_start = bounds[sentence]
    before = speakers.within(sentence_start, verb.cue.start)
    adjacent = [e for e in before if not text[e.end:verb.cue.start].strip(" \u00a0،,")]
    if adjacent:
        return adjacent[-1].id, "subject before the verb"
    if has_previous and previous_speaker is not None:
        return previous_speaker, "speaker of the previous quote"
    nearest = speakers.best([e for e in before if e.end == max(x.end for x in before)],
                            verb.cue.start) if before else None
    if nearest is not None:
        return nearest.id, "nearest entity before the verb"
    if sentence > 0:
        earlier = speakers.within(bounds[sentence - 1], sentence_start)
        if earlier:
            last_end = max(e.end for e in earlier)
            found = speakers.best([e for e in earlier if e.end == last_end], sentence_start)
            if found is not None:
                return found.id, "nearest entity in the previous sentence"
    return None, "no speaker in sight"


def plausible_speaker(text: str, entities: Iterable[Entity], content: Span,
                      cue: Span | None = None, quotes: Iterable[Quote] = (), *,
                      speaker_types: Sequence[str] = ()) -> tuple[str | None, str]:
    """The most plausible speaker (entity id or None) of a quote, with the reason, by the
    steps of the module docstring; without a cue the window runs from the sentence start to
    the quote unless a speech verb stands before it in its sentence, which then serves as
    the cue. ``quotes`` are the other stored quotes (for a dropped subject)."""
    speakers = _Speakers(entities, tuple(speaker_types) or DEFAULT_SPEAKER_TYPES)
    quoted = [q for q in find_quoted(text) if q[2].start < content.end and content.start < q[2].end]
    bounds = _sentence_bounds(text, quoted)
    if cue is None:  # the nearest speech verb before the quote in its sentence stands in
        sentence_start = bounds[_sentence_of(bounds, content.start)]
        window_start = max(sentence_start, content.start - MAX_GAP)
        verbs = find_speech_verbs(text[window_start:content.start])
        if verbs:
            found = verbs[-1].cue
            cue = Span(window_start + found.start, window_start + found.end)
    anchor = cue if cue is not None else Span(content.start, content.start)
    sentence = _sentence_of(bounds, anchor.start)
    before = cue is not None and cue.end <= content.start
    sentence_end = bounds[sentence + 1] if sentence + 1 < len(bounds) else len(text)
    stop = content.start if before else max(anchor.end, min(sentence_end, len(text)))
    limit = _subject_limit(text, anchor.end, stop) if cue is not None else anchor.end
    earlier = [q for q in sorted(quotes, key=lambda q: q.content.start)
               if q.content.start < content.start
               and content.start - q.content.start <= PREVIOUS_QUOTE_REACH]
    previous = earlier[-1].speaker if earlier else None
    if previous == AUTHOR:
        previous = None
    verb = SpeechVerb(anchor, "")
    return _choose_speaker(text, speakers, verb, limit, bounds, sentence, previous,
                           bool(earlier))
