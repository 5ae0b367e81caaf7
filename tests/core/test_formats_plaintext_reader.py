"""Plain text and Markdown parsing: titles, markup removal, text kept as it is."""

from __future__ import annotations

from annotator.core.formats.plaintext_reader import (
    looks_like_headline,
    parse_markdown,
    parse_plaintext,
    strip_markdown,
    text_title,
)


def test_headline_first_line_is_the_title() -> None:
    text = "الكرملين يرحب بزيارة هولاند\n\nقال المتحدث باسم الكرملين إن الزيارة مهمة."
    record = parse_plaintext(text, "a.txt", {"nfc": False}, "a")
    assert record.title == "الكرملين يرحب بزيارة هولاند"
    assert record.text == text
    assert record.normalization == {"nfc": False}
    assert record.source == "a.txt"


def test_sentence_first_line_falls_back_to_the_stem() -> None:
    text = "قال المتحدث باسم الكرملين إن الزيارة مهمة.\nسطر ثان"
    assert text_title(text, "article-17") == "article-17"
    assert text_title("\n\n", "empty") == "empty"


def test_long_line_is_not_a_headline() -> None:
    assert not looks_like_headline(" ".join(["كلمة"] * 25))
    assert looks_like_headline("  عنوان قصير  ")
    assert not looks_like_headline("   ")


def test_markdown_markup_is_removed_and_recorded() -> None:
    md = (
        "# زيارة **هولاند** إلى موسكو\n\n"
        "قال [الكرملين](https://kremlin.ru) إن ![صورة](a.png)الزيارة _مهمة_ و*مفيدة*.\n"
        "## خلفية ##\n"
        "متغير snake_case يبقى كما هو و`رمز` بلا علامات.\n"
    )
    record = parse_markdown(md, "doc.md", {"newlines": 0}, "doc")
    assert record.title == "زيارة هولاند إلى موسكو"
    assert record.text.startswith("زيارة هولاند إلى موسكو\n\n")
    assert "قال الكرملين إن الزيارة مهمة ومفيدة." in record.text
    assert "خلفية\n" in record.text
    assert "snake_case" in record.text
    assert "`" not in record.text
    assert "#" not in record.text
    assert "](" not in record.text
    assert record.normalization == {"newlines": 0, "markdown": True}


def test_markdown_without_h1_uses_the_text_rule() -> None:
    prose, title = strip_markdown("## فرعي\nنص")
    assert title is None
    assert prose == "فرعي\nنص"
    record = parse_markdown("## فرعي\nنص", "x.md", {}, "x")
    assert record.title == "فرعي"
