"""The recommender (issue 16): Arabic features, and spans to tags and back (no model: these
run without python-crfsuite; the models are tests/core/test_recommend_model.py)."""

from __future__ import annotations

from annotator.core.exports.tokens import tokenize
from annotator.core.recommend.features import FeatureContext, sequence_features, word_features
from annotator.core.recommend.model_store import shipped_context
from annotator.core.recommend.tags import level_tags, settle_suggestion, spans_from_tags, tag_runs
from annotator.core.text import span_problem


def _context() -> FeatureContext:
    return shipped_context()


def test_stem_keeps_the_waw_of_washington_and_drops_the_one_before_putin() -> None:
    context = _context()
    folded, stem, feats = word_features(context, "واشنطن")
    assert (folded, stem) == ("واشنطن", "واشنطن")
    assert "lex=GPE" in feats
    assert not any(f.startswith("p=") for f in feats)
    folded, stem, feats = word_features(context, "وبوتين")
    assert (folded, stem) == ("وبوتين", "بوتين")
    assert "p=و" in feats
    assert "lex=PERS" in feats
    _folded, stem, feats = word_features(context, "والعراق")
    assert stem == "العراق"
    assert "al" in feats


def test_shape_and_neighbour_features() -> None:
    tokens = tokenize("زار بوتين موسكو في 12 مارس 2025 مع OPEC.")
    feats = sequence_features(_context(), tokens)
    assert "-2:BOS" in feats[0]
    assert "1:w=بوتين" in feats[0]
    assert "2:w=موسكو" in feats[0]
    assert "digit" in feats[4]
    assert "latin" in feats[8]
    assert "punct" in feats[9]
    assert "1:lex" in feats[0]
    assert "2:EOS" in feats[8]


def test_nested_spans_go_to_levels_and_come_back_settled() -> None:
    text = "قال رئيس جامعة القاهرة ومدير بنك وموسكو."
    tokens = tokenize(text)
    org = (text.index("جامعة"), text.index(" ومدير"), "ORG")
    gpe = (text.index("القاهرة"), text.index(" ومدير"), "GPE")
    moscow = (text.index("موسكو"), text.index("."), "GPE")  # inside the token وموسكو
    rows = level_tags(tokens, [org, gpe, moscow], 2)
    assert rows[0][2:4] == ["B-ORG", "I-ORG"]
    assert rows[1][2:4] == ["O", "B-GPE"]
    assert rows[0][tokens.texts.index("وموسكو")] == "B-GPE"
    found = spans_from_tags(tokens, rows[0], _context().lexicon)
    assert [(text[s:e], label) for s, e, label in found] == [
        ("جامعة القاهرة", "ORG"), ("موسكو", "GPE")]  # the proclitic left outside


def test_tag_runs_reads_iob2_like_conlleval() -> None:
    assert tag_runs(["B-A", "I-A", "O", "I-B", "B-B", "I-A"]) == [
        (0, 2, "A"), (3, 4, "B"), (4, 5, "B"), (5, 6, "A")]


def test_a_settled_suggestion_never_splits_a_grapheme() -> None:
    text = "وصلَ بوتينُ إلى وَموسكو"
    lexicon = _context().lexicon
    inside_mark = text.index("َموسكو") + 1  # just after the fatha's base letter... on the mark
    span = settle_suggestion(text, inside_mark, len(text), lexicon)
    assert span is not None
    assert span_problem(text, *span) is None
    assert text[span[0]:span[1]] == "موسكو"
    start = text.index("بوتينُ")
    assert settle_suggestion(text, start, start + 5, lexicon) == (start, start + 6)
