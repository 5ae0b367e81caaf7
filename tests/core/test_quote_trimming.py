"""Quote content never starts or ends with quotation marks or the punctuation just outside
them (issue 11): ``trim_quote_span`` and the store's quote actions that use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import DocumentRecord, Quote, Span
from annotator.core.store import Project
from annotator.core.text import span_problem, trim_quote_span

TEXT = "قال الوزير إن «الغاز ضرورة لأمن القارة»، وأضاف: “لن نتراجع!”. ثم غادر."


def _trim(text: str, inner: str, before: str = "", after: str = "") -> str:
    """Trim the selection ``before + inner + after`` found in ``text``."""
    start = text.index(before + inner + after)
    s, e = trim_quote_span(text, start, start + len(before + inner + after))
    return text[s:e]


def test_selection_past_the_closing_mark_stops_inside() -> None:
    assert _trim(TEXT, "الغاز ضرورة لأمن القارة", after="»،") == "الغاز ضرورة لأمن القارة"


def test_selection_covering_the_marks_snaps_inside() -> None:
    assert _trim(TEXT, "الغاز ضرورة لأمن القارة", "«", "»") == "الغاز ضرورة لأمن القارة"
    assert _trim(TEXT, "الغاز ضرورة لأمن القارة", " «", "»، ") == "الغاز ضرورة لأمن القارة"
    assert _trim(TEXT, "لن نتراجع", ": “", "!”.") == "لن نتراجع"


def test_punctuation_and_marks_inside_stay() -> None:
    text = "قال: «الأمن، ثم «الاستقرار» أولاً» أمس."
    assert _trim(text, "الأمن، ثم «الاستقرار» أولاً", "«", "» ") == "الأمن، ثم «الاستقرار» أولاً"


def test_indirect_quote_loses_the_sentence_period() -> None:
    text = "وقال إن الوضع خطير. ثم غادر"
    assert _trim(text, "الوضع خطير", after=".") == "الوضع خطير"


def test_only_marks_gives_an_empty_span() -> None:
    text = "قال «»، ثم"
    start = text.index("«")
    s, e = trim_quote_span(text, start, start + 3)
    assert s == e


def test_a_mark_carrying_a_stray_diacritic_goes_whole() -> None:
    text = "«\u064eنعم»"
    s, e = trim_quote_span(text, 0, len(text))
    assert text[s:e] == "نعم"


@given(st.lists(st.sampled_from(["«", "»", "،", ".", "!", "؟", " ", "\u200f", "نعم", "لا",
                                 "\u064e", "“", "”", "'", '"'])).map("".join), st.data())
def test_trimmed_span_is_valid_and_clean(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = trim_quote_span(text, start, end)
    if s < e:
        assert span_problem(text, s, e) is None
        assert text[s] not in "«»“”\"'،.؛:؟!"
        assert text[e - 1] not in "«»“”\"'،.؛:؟!"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "q.annotator", create=True, annotator="t") as opened:
        opened.import_records([DocumentRecord(id="a", text=TEXT)])
        yield opened


def _content(project: Project, quote_id: int) -> str:
    row = project.conn.execute("SELECT content_start, content_end FROM quotes WHERE id = ?",
                               (quote_id,)).fetchone()
    return TEXT[row[0]:row[1]]


def test_add_quote_stores_the_content_inside_the_marks(project: Project) -> None:
    doc_id = project.find_document("a")
    assert doc_id is not None
    start = TEXT.index("الغاز")
    quote_id = project.add_quote(doc_id, Span(start, TEXT.index("، وأضاف") + 1))
    assert _content(project, quote_id) == "الغاز ضرورة لأمن القارة"


def test_resizing_quote_content_trims_it(project: Project) -> None:
    doc_id = project.find_document("a")
    assert doc_id is not None
    start = TEXT.index("لن")
    quote_id = project.add_quote(doc_id, Span(start, start + 2))
    project.update_quote(quote_id, content=Span(start - 1, TEXT.index(" ثم")))
    assert _content(project, quote_id) == "لن نتراجع"


def test_quote_of_marks_only_is_refused(project: Project) -> None:
    doc_id = project.find_document("a")
    assert doc_id is not None
    start = TEXT.index("»،")
    with pytest.raises(ValueError, match="quotation marks"):
        project.add_quote(doc_id, Span(start, start + 2))


def test_imported_quotes_keep_their_offsets(project: Project) -> None:
    text = TEXT.replace("غادر", "عاد")  # another document: the same text is a duplicate
    start = text.index("«")
    end = text.index("»") + 2
    project.import_records([DocumentRecord(
        id="b", text=text, quotes=[Quote(id="q1", content=Span(start, end))])])
    row = project.conn.execute("SELECT content_start, content_end FROM quotes").fetchone()
    assert tuple(row) == (start, end)
