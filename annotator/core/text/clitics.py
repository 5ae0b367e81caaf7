"""Snapping a selection to a name without attached proclitics (docs/ARABIC.md, Proclitics).

Arabic writes the conjunctions و ف and the prepositions ب ل ك attached to the next word:
``وهولاند`` is "and Hollande", ``لواشنطن`` "to Washington", ``للرئيس`` "for the president"
(ل + ال with the alef elided). A name span must leave these out, but many names begin with
the same letters (بوتين، كيري، لافروف، فرانسوا، واشنطن), so a letter is removed only on
evidence. The possible prefixes are: one of و ف, optionally followed by one of ب ل ك; or
one of ب ل ك alone. ``لل`` is the ل prefix before a word whose ال lost its alef, so only the
first ل is removed (the span cannot contain an alef that the text lacks).

For the first word ``W`` of the selection and a candidate split ``W = P + R`` (longest
prefix first), the prefix is removed when

* ``W`` is not a known name (never strip a known name), ``R`` has at least two letters, and
* one of:
  - ``R`` is a known name (or starts a known multi-word name that the selection continues);
  - ``R`` starts with ال (``والعراق`` -> ``العراق``), or ``P`` ends with ل and ``R`` starts
    with ل (``للرئيس``: the ال of ``الرئيس`` with its alef elided) — unless ``W`` itself is
    attested with a proclitic of its own in the vocabulary (``وبالتيمور`` makes
    ``بالتيمور`` a word, not ب + التيمور);
  - ``R`` occurs as a standalone word in the vocabulary at least as often as ``W`` does,
    and ``W`` is not attested with a proclitic of its own. This keeps ``كيري`` whole even
    if ``يرى`` (folded ``يري``) is in the vocabulary, as long as كيري is the more frequent.

All comparisons use folded forms (see :mod:`annotator.core.text.folding`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from annotator.core.text.chars import PROCLITICS, is_letter
from annotator.core.text.folding import fold_text
from annotator.core.text.graphemes import grapheme_boundaries
from annotator.core.text.spans import settle_span
from annotator.core.text.words import iter_words, word_at, words

CONJUNCTIONS = PROCLITICS[:2]
"""و ف: may be followed by a preposition."""
PREPOSITIONS = PROCLITICS[2:]
"""ب ل ك: attach directly to the word."""
MIN_REST_LETTERS = 2


WORD_LABELS = frozenset({"PERS"})
"""Labels whose single words stand for the whole name (``هولاند`` of ``فرانسوا هولاند``).
The words of other names are not names on their own: ``للأمم`` in ``المفوضية السامية
للأمم المتحدة`` must not keep its ل."""


def name_key(name: str) -> str:
    """The folded form a lexicon compares names by (spaces collapsed)."""
    return " ".join(fold_text(name).split())


class NameLexicon:
    """Known names and a word vocabulary, both stored folded.

    ``names`` are full names (possibly several words); every word of a name of unknown label
    or of a label in :data:`WORD_LABELS` also counts as a known name word. ``vocabulary``
    maps folded standalone words to their counts.
    """

    def __init__(
        self,
        names: Iterable[str] = (),
        vocabulary: Mapping[str, int] | Iterable[str] = (),
    ) -> None:
        self.names: set[str] = set()
        self.name_words: set[str] = set()
        self._by_first_word: dict[str, set[str]] = {}
        self._word_names: dict[str, tuple[str, ...]] = {}
        """Names whose words count as name words, with those words (for :meth:`discard_key`)."""
        self._word_refs: Counter[str] = Counter()
        self.vocabulary: Counter[str] = Counter()
        for name in names:
            self.add_name(name)
        if isinstance(vocabulary, Mapping):
            for word, count in vocabulary.items():
                self.vocabulary[fold_text(word)] += count
        else:
            for word in vocabulary:
                self.vocabulary[fold_text(word)] += 1

    @classmethod
    def from_texts(cls, texts: Iterable[str], names: Iterable[str] = ()) -> NameLexicon:
        """A lexicon whose vocabulary counts the words of ``texts``."""
        lexicon = cls(names=names)
        for text in texts:
            lexicon.add_text(text)
        return lexicon

    def add_name(self, name: str, label: str | None = None) -> None:
        """Add a known name (gazetteer entry, shipped name or an annotated mention). Its
        words count as names too when ``label`` is None or in :data:`WORD_LABELS`."""
        self.add_key(name_key(name), label)

    def add_key(self, folded: str, label: str | None = None) -> None:
        """:meth:`add_name` for a name already folded by :func:`name_key`."""
        if not folded:
            return
        self.names.add(folded)
        words = folded.split()
        self._by_first_word.setdefault(words[0], set()).add(folded)
        if (label is None or label in WORD_LABELS) and folded not in self._word_names:
            self._word_names[folded] = tuple(words)
            self._word_refs.update(words)
            self.name_words.update(words)

    def discard_key(self, folded: str) -> None:
        """Forget a name (folded by :func:`name_key`); its words stay name words only while
        another name still gives them. The vocabulary is left as it is."""
        if folded not in self.names:
            return
        self.names.discard(folded)
        first = folded.split(maxsplit=1)[0]
        same_start = self._by_first_word.get(first)
        if same_start is not None:
            same_start.discard(folded)
            if not same_start:
                del self._by_first_word[first]
        for word in self._word_names.pop(folded, ()):
            self._word_refs[word] -= 1
            if self._word_refs[word] <= 0:
                del self._word_refs[word]
                self.name_words.discard(word)

    def add_text(self, text: str) -> None:
        """Count the words of ``text`` into the vocabulary."""
        self.vocabulary.update(fold_text(text[s:e]) for s, e in words(text))

    def is_name(self, text: str) -> bool:
        """True if ``text`` (folded) is a known name or a word of one."""
        folded = name_key(text)
        return folded in self.names or folded in self.name_words

    def count(self, word: str) -> int:
        """How often ``word`` (folded) occurs standalone in the vocabulary."""
        return self.vocabulary.get(fold_text(word), 0)

    def attested_with_proclitic(self, word: str) -> bool:
        """True if the vocabulary holds ``word`` with a proclitic in front of it."""
        folded = fold_text(word)
        return any(self.vocabulary.get(p + folded, 0) for p in _prefix_strings())

    def starts_known_name(self, phrase: str) -> bool:
        """True if ``phrase`` (folded, spaces collapsed) is a known name or begins one."""
        folded = name_key(phrase)
        if not folded:
            return False
        candidates = self._by_first_word.get(folded.split()[0], ())
        return any(n == folded or n.startswith(folded + " ") for n in candidates)


def _prefix_strings() -> list[str]:
    """Every prefix the grammar allows, as plain strings."""
    singles = list(CONJUNCTIONS) + list(PREPOSITIONS)
    pairs = [c + p for c in CONJUNCTIONS for p in PREPOSITIONS]
    return singles + pairs


def _letter_count(s: str) -> int:
    return sum(1 for ch in s if is_letter(ch))


def strip_proclitics_candidates(word: str) -> list[int]:
    """Offsets in ``word`` where a grammatical proclitic prefix could end, longest first.

    Cuts fall on grapheme boundaries (a prefix letter keeps its marks) and leave at least
    two letters. The list says what is possible, not what is right; see :func:`snap_to_name`.
    """
    bounds = grapheme_boundaries(word)
    clusters = [word[bounds[k]] for k in range(len(bounds) - 1)]
    cuts: list[int] = []
    if clusters and clusters[0] in CONJUNCTIONS:
        cuts.append(bounds[1])
        if len(clusters) > 1 and clusters[1] in PREPOSITIONS:
            cuts.append(bounds[2])
    elif clusters and clusters[0] in PREPOSITIONS:
        cuts.append(bounds[1])
    cuts = [c for c in cuts if _letter_count(word[c:]) >= MIN_REST_LETTERS]
    return sorted(cuts, reverse=True)


RECURRING = 2
"""How often a word must occur, its ال-rest never alone, to count as a name of its own."""


def _strip_evidence(lexicon: NameLexicon | None, word: str, cut: int, tail: str) -> bool:
    """True if removing ``word[:cut]`` is supported (rules in the module docstring)."""
    prefix, rest = fold_text(word[:cut]), fold_text(word[cut:])
    full = fold_text(word)
    # ل + ال with the alef dropped (للأمم = ل + الأمم); a stem written with a bare لا is a
    # different word (للاجئ is checked through the lexicon), so look at the unfolded letters.
    raw_rest = word[cut:]
    elided = prefix.endswith("ل") and rest.startswith("ل") and not raw_rest.startswith("لا")
    lookup = "ا" + rest if elided else rest
    if lexicon is not None:
        if lexicon.is_name(full):
            return False
        if lexicon.is_name(lookup) or (tail and lexicon.starts_known_name(lookup + tail)):
            return True
    stem_attested = lexicon is not None and lexicon.attested_with_proclitic(full)
    if (rest.startswith("ال") and len(rest) > MIN_REST_LETTERS) or elided:
        if stem_attested:
            return False
        # A word that recurs while its ال-rest never stands alone is a name that merely starts
        # with و/ف + ال (والتر Walter, فالنسيا Valencia): the ال evidence does not hold.
        return not (lexicon is not None and lexicon.vocabulary.get(lookup, 0) == 0
                    and lexicon.vocabulary.get(full, 0) >= RECURRING)
    if lexicon is None or stem_attested:
        return False
    rest_count = lexicon.vocabulary.get(lookup, 0)
    return rest_count > 0 and rest_count >= lexicon.vocabulary.get(full, 0)


KEEP_TRAILING = "%٪‰+"
"""Signs kept at the end of a snapped span when the selection included them."""


def snap_to_whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim the selection and grow/shrink it to the words it touches.

    A caret or a selection inside a word grows to that word; a selection over several words
    runs from the start of the first word it touches to the end of the last one, dropping
    punctuation at the edges. Without any word, the trimmed span is returned.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is not inside a text of length {len(text)}")
    if start == end:
        found = word_at(text, start)
        return found if found is not None else (start, end)
    start, end = settle_span(text, start, end)
    if start == end:
        return start, end
    first = word_at(text, start)
    if first is not None and first[0] < start < first[1]:
        start = first[0]
    last = word_at(text, end - 1)
    if last is not None and last[0] < end < last[1]:
        end = last[1]
    selected_end = end
    inside = iter_words(text, start, end)
    if inside:
        start, end = inside[0][0], inside[-1][1]
    # A sign that belongs to the number or name it follows stays when it was selected:
    # 12% and ٣٫٥٪ (PERCENT), أوبك+ (ORG).
    while end < selected_end and text[end] in KEEP_TRAILING:
        end += 1
    return settle_span(text, start, end)


def snap_to_name(
    text: str, start: int, end: int, lexicon: NameLexicon | None = None
) -> tuple[int, int]:
    """Snap a selection to whole words and drop proclitics from its first word on evidence.

    Without a lexicon only the ال evidence is available (``والعراق`` -> ``العراق``).
    """
    start, end = snap_to_whole_words(text, start, end)
    if start == end:
        return start, end
    first = word_at(text, start)
    if first is None or first[0] != start:
        return start, end
    word_end = min(first[1], end)
    word = text[start:word_end]
    tail = text[word_end:end]
    for cut in strip_proclitics_candidates(word):
        if _strip_evidence(lexicon, word, cut, tail):
            return start + cut, end
    return start, end
