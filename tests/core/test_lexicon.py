"""The project-wide name lexicon (issue 11): shipped names, every annotated name of every
document, and names an annotator turned off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.lexicon import (
    ANNOTATED,
    build_project_lexicon,
    lexicon_entries,
    parse_names,
    shipped_names,
)
from annotator.core.model import DocumentRecord, Entity
from annotator.core.schema import default_schema_path, load_schema
from annotator.core.store import Project
from annotator.core.text import NameLexicon, name_key, snap_to_name

ISSUE_NAMES = ("وارسو", "واشنطن", "بلينكن", "لندن", "فيينا", "كييف", "بروكسل", "فنزويلا")


def _snap(text: str, written: str, lexicon: NameLexicon | None) -> str:
    start = text.index(written)
    s, e = snap_to_name(text, start, start + len(written), lexicon)
    return text[s:e]


@pytest.fixture(scope="module")
def shipped() -> NameLexicon:
    lexicon = NameLexicon()
    for name, label in shipped_names():
        lexicon.add_name(name, label)
    return lexicon


def test_shipped_names_are_many_labelled_by_the_schema_and_unique() -> None:
    names = shipped_names()
    assert len(names) >= 3000
    labels = set(load_schema(default_schema_path()).entity_types)
    assert {label for _name, label in names} <= labels
    keys = [name_key(name) for name, _label in names]
    assert len(keys) == len(set(keys))
    for name in ISSUE_NAMES:
        assert name_key(name) in keys, name


def test_parse_names_reports_a_bad_line() -> None:
    assert parse_names("# comment\n\nبرلين\tGPE\n") == [("برلين", "GPE")]
    with pytest.raises(ValueError, match="line 2"):
        parse_names("برلين\tGPE\nبرلين GPE\n")


@pytest.mark.parametrize("name", [*ISSUE_NAMES, "بالتيمور", "كالاس", "بالي", "والتز"])
def test_names_beginning_with_proclitic_letters_stay_whole(
        shipped: NameLexicon, name: str) -> None:
    text = f"قال المراسل في {name} أمس"
    assert _snap(text, name, shipped) == name


@pytest.mark.parametrize("name", ["بالتيمور", "كالاس", "بالي", "والتز"])
def test_without_the_names_the_article_rule_cuts_them(name: str) -> None:
    text = f"قال المراسل في {name} أمس"
    assert _snap(text, name, None) != name


@pytest.mark.parametrize(("written", "name"), [
    ("لبرلين", "برلين"), ("وبرلين", "برلين"), ("لواشنطن", "واشنطن"), ("وبلينكن", "بلينكن"),
    ("لوارسو", "وارسو"), ("ولندن", "لندن"), ("بفيينا", "فيينا"), ("وكييف", "كييف"),
])
def test_proclitics_before_a_shipped_name_are_cut(
        shipped: NameLexicon, written: str, name: str) -> None:
    text = f"وصل الوزير {written} مساء"
    assert _snap(text, written, None) == written  # no evidence in the text alone
    assert _snap(text, written, shipped) == name


def test_words_of_organisation_names_are_not_names(shipped: NameLexicon) -> None:
    text = "قالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين"
    start = text.index("للأمم")
    s, e = snap_to_name(text, start, start + len("للأمم المتحدة"), shipped)
    assert text[s:e] == "لأمم المتحدة"  # ل + الأمم with its alef elided: one ل is cut


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    docs = [
        DocumentRecord(id="a", text="زار الوزير برلين أمس",
                       entities=[Entity(id="e1", start=11, end=16, label="GPE")]),
        DocumentRecord(id="b", text="وصل هولاند إلى موسكو",
                       entities=[Entity(id="e1", start=4, end=10, label="PERS"),
                                 Entity(id="e2", start=15, end=20, label="GPE")]),
        DocumentRecord(id="c", text="ثم سافر لبرلين وبرلين"),
    ]
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as opened:
        opened.import_records(docs)
        yield opened


def test_project_lexicon_holds_every_annotated_name_of_every_document(project: Project) -> None:
    lexicon = build_project_lexicon(project, shipped=False)
    assert {"برلين", "هولاند", "موسكو"} <= lexicon.names
    text = "ثم سافر لبرلين وبرلين"
    assert _snap(text, "لبرلين", lexicon) == "برلين"
    assert _snap(text, "وبرلين", lexicon) == "برلين"
    counts = {(e.name, e.source): e.count for e in lexicon_entries(project)}
    assert counts[("برلين", ANNOTATED)] == 1


def test_a_turned_off_name_is_not_evidence(project: Project) -> None:
    doc_c = project.find_document("c")
    assert doc_c is not None
    text = project.get_text(doc_c)
    # a wrong correction: the glued form annotated as the name
    project.add_entity(doc_c, text.index("لبرلين"), text.index("لبرلين") + 6, "GPE")
    assert _snap(text, "لبرلين", build_project_lexicon(project)) == "لبرلين"
    assert project.disable_name("لبرلين")
    assert not project.disable_name("لبرلين")
    lexicon = build_project_lexicon(project)
    assert "لبرلين" not in lexicon.names
    assert _snap(text, "لبرلين", lexicon) == "برلين"
    listed = [e for e in lexicon_entries(project) if e.name == "لبرلين"]
    assert listed
    assert all(e.disabled for e in listed)
    assert project.history(1)[0].action == "Turn off lexicon name"
    assert project.enable_name("لبرلين")
    assert not project.enable_name("لبرلين")
    assert "لبرلين" in build_project_lexicon(project).names


def test_turning_off_folds_the_spelling(project: Project) -> None:
    project.disable_name("واشنطن")
    assert "واشنطن" not in build_project_lexicon(project).names
    project.disable_name("  أوبك ")
    assert name_key("اوبك") in project.disabled_names()
    with pytest.raises(ValueError, match="blank"):
        project.disable_name("  ")


def test_shipped_names_can_be_left_out(project: Project) -> None:
    assert "وارسو" in build_project_lexicon(project).names
    assert "وارسو" not in build_project_lexicon(project, shipped=False).names
