"""The examples of docs/ARABIC.md (the seven Arabic text rules), run as doctests: the document
shows what annotator.core.text does, and this test fails when the two drift apart."""

from __future__ import annotations

import doctest
from pathlib import Path

ARABIC_MD = Path(__file__).resolve().parents[2] / "docs" / "ARABIC.md"
SECTIONS = ("Decoding", "Normalization", "Code-point offsets", "Folded search", "Span edges",
            "Proclitics", "Plain-text display")


def test_every_rule_has_its_section() -> None:
    headings = [line[3:].strip() for line in ARABIC_MD.read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")]
    assert headings == list(SECTIONS)


def test_the_examples_show_what_the_code_does() -> None:
    result = doctest.testfile(str(ARABIC_MD), module_relative=False, encoding="utf-8",
                              optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted >= 30
    assert result.failed == 0
