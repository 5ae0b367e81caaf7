"""Token features for the recommender's CRF, chosen for Arabic news text.

Tokens are the exports' tokens (:func:`annotator.core.exports.tokens.tokenize`, proclitics
left on the word, as in Wojood and ANERcorp), so training data and exports agree. Each
token gets binary features (strings, as python-crfsuite takes them):

* ``w=`` the folded word (docs/ARABIC.md, Folded search: hamza forms, tashkeel, ة/ى...);
* ``s=`` the word without its proclitics by the core's clitic rule
  (:func:`annotator.core.text.snap_to_name` with the shipped names and the gazetteer as
  evidence: ``وبوتين`` gives ``بوتين``, ``واشنطن`` stays whole), and ``p=`` the proclitics
  removed; ``al`` when that stem starts with ال;
* ``a2=`` ``a3=`` the first letters of the stem, ``z2=`` ``z3=`` the last letters of the word
  (feminine ة, plural ون/ين, nisba ي);
* shape: ``digit`` (any script's digits), ``latin``, ``punct``, ``len=`` a length bucket;
* ``lex`` when the word or its stem is a known name, ``lex=LABEL`` its label, ``lex+`` when
  it starts a known multi-word name together with the next word;
* the same words, stems and flags of the neighbours at -2..+2 (``-1:w=`` ...), ``BOS`` and
  ``EOS`` at the edges of the document;
* for a nested level, ``up=`` the tag of the level above (gold while training, predicted
  while suggesting: one model per nesting level, outermost first).

The lexicon holds the shipped names and the gazetteer only, never the project's annotated
names: those are the training labels, and a feature that repeats the label would teach the
model to ignore everything else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from annotator.core.exports.tokens import Tokens
from annotator.core.text import NameLexicon, fold_text, snap_to_name
from annotator.core.text.clitics import name_key

NEIGHBOURS = (-2, -1, 1, 2)


@dataclass(slots=True)
class FeatureContext:
    """What the features look names up in: a lexicon (shipped names, gazetteer) and the
    label of each folded name key. ``cache`` keeps each surface's word features."""

    lexicon: NameLexicon
    labels: Mapping[str, str | None] = field(default_factory=dict)
    cache: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)

    def stem(self, word: str) -> str:
        """``word`` without the proclitics the clitic rule removes (unfolded)."""
        if not word or not (word[0].isalpha()):
            return word
        start, _end = snap_to_name(word, 0, len(word), self.lexicon)
        return word[start:]


def _length_bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 4:
        return "3-4"
    return "5-7" if n <= 7 else "8+"


def word_features(context: FeatureContext, surface: str) -> tuple[str, str, list[str]]:
    """``(folded word, folded stem, features of the token itself)`` for one surface."""
    found = context.cache.get(surface)
    if found is not None:
        return found
    folded = fold_text(surface)
    stem_raw = context.stem(surface)
    stem = fold_text(stem_raw)
    feats = [f"w={folded}", f"s={stem}", f"len={_length_bucket(len(folded))}"]
    if stem != folded:
        feats.append(f"p={folded[: len(folded) - len(stem)]}")
    if stem.startswith("ال") and len(stem) > 3:
        feats.append("al")
    if len(stem) >= 3:
        feats.extend((f"a2={stem[:2]}", f"a3={stem[:3]}"))
    if len(folded) >= 3:
        feats.extend((f"z2={folded[-2:]}", f"z3={folded[-3:]}"))
    if any(ch.isdigit() for ch in surface):
        feats.append("digit")
    if any("a" <= ch.lower() <= "z" for ch in surface):
        feats.append("latin")
    if not any(ch.isalnum() for ch in surface):
        feats.append("punct")
    key = name_key(stem_raw)
    if context.lexicon.is_name(surface) or context.lexicon.is_name(stem_raw):
        feats.append("lex")
        label = context.labels.get(key) or context.labels.get(name_key(surface))
        if label:
            feats.append(f"lex={label}")
    found = (folded, stem, feats)
    context.cache[surface] = found
    return found


def sequence_features(context: FeatureContext, tokens: Tokens,
                      above: Sequence[str] | None = None) -> list[list[str]]:
    """The feature lists of every token of ``tokens`` (``above``: the tags of the nesting
    level above, for a nested level's model)."""
    n = len(tokens)
    words = [word_features(context, surface) for surface in tokens.texts]
    out: list[list[str]] = []
    for i in range(n):
        _folded, stem, own = words[i]
        feats = ["b", *own]
        for d in NEIGHBOURS:
            j = i + d
            if j < 0:
                feats.append(f"{d}:BOS")
                continue
            if j >= n:
                feats.append(f"{d}:EOS")
                continue
            n_folded, n_stem, n_own = words[j]
            feats.extend((f"{d}:w={n_folded}", f"{d}:s={n_stem}"))
            if abs(d) == 1:
                feats.extend(f"{d}:{f}" for f in n_own
                             if f in ("lex", "digit", "latin", "punct", "al")
                             or f.startswith("lex="))
        if i + 1 < n and context.lexicon.starts_known_name(f"{stem} {words[i + 1][0]}"):
            feats.append("lex+")
        if above is not None:
            feats.append(f"up={above[i]}")
            if i > 0:
                feats.append(f"-1:up={above[i - 1]}")
        out.append(feats)
    return out
