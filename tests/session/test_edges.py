"""Edge moves and the span chosen for a selection (plain Python: no window needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import NameLexicon, span_problem, words
from annotator.ui.session.edges import labelled_span, moved_span, step_word

TEXT = "قالَ 👨‍👩‍👧 الوزيرُ إنّ\u200cه وصل."


def test_grapheme_moves_keep_marks_and_emoji_whole() -> None:
    start = TEXT.index("الوزيرُ")
    end = start + len("الوزيرُ")
    # End edge back one grapheme drops "رُ" (two code points) at once.
    assert moved_span(TEXT, start, end, "end", -1) == (start, end - 2)
    # Start edge back: past the space, then the whole family emoji (five code points).
    emoji = TEXT.index("👨")
    assert moved_span(TEXT, start, end, "start", -1) == (emoji, end)


def test_edges_skip_whitespace_and_joiners() -> None:
    word = TEXT.index("إنّ")
    end = word + len("إنّ")
    grown = moved_span(TEXT, word, end, "end", 1)
    # The ZWNJ after "إنّ" cannot be an edge: the end goes on to after "ه".
    assert grown == (word, TEXT.index("ه", word) + 1)
    assert grown is not None
    assert span_problem(TEXT, *grown) is None


def test_edges_stop_at_text_ends_and_never_empty_the_span() -> None:
    assert moved_span(TEXT, 0, 4, "start", -1) is None
    assert moved_span(TEXT, 0, 4, "start", 1, "word") is None  # would pass the end
    last = len(TEXT)
    assert moved_span(TEXT, last - 4, last, "end", 1) is None


def test_word_moves() -> None:
    start = TEXT.index("الوزيرُ")
    end = start + len("الوزيرُ")
    after = TEXT.index("إنّ") + len("إنّ\u200cه")
    assert moved_span(TEXT, start, end, "end", 1, "word") == (start, after)
    assert moved_span(TEXT, start, end, "start", -1, "word") == (0, end)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=3000), st.sampled_from([1, -1]),
       st.sampled_from(["start", "end"]))
def test_windowed_word_steps_match_a_full_scan(position: int, direction: int,
                                               edge: str) -> None:
    text = ("كلمة " * 7 + "x" * 700 + " وبعدها ") * 4  # one word longer than the window
    marks = [s for s, _ in words(text)] if edge == "start" else [e for _, e in words(text)]
    beyond = [m for m in marks if (m > position if direction > 0 else m < position)]
    expected = (beyond[0] if direction > 0 else beyond[-1]) if beyond else None
    assert step_word(text, position, direction, edge) == expected  # type: ignore[arg-type]


def test_labelled_span_snaps_or_keeps_characters() -> None:
    text = "وصل ولافروف إلى موسكو."
    word = text.index("ولافروف")
    lexicon = NameLexicon(names=["لافروف"])
    assert labelled_span(text, word - 1, word + 7, character_mode=False,
                         lexicon=lexicon) == (word + 1, word + 7)
    assert labelled_span(text, word - 1, word + 7, character_mode=True,
                         lexicon=lexicon) == (word, word + 7)
    assert labelled_span(text, 3, 4, character_mode=True, lexicon=None) is None  # a space
