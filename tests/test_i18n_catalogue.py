"""The Arabic interface catalogue (issue 17): every message translated, placeholders kept,
every interface literal of annotator/ui through the translate helper, the menus' table in
the catalogue. No Qt needed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.ui import i18n
from tests.i18n_scan import untranslated, untranslated_in_ui

TS = Path(__file__).resolve().parents[1] / "annotator" / "resources" / "i18n" / "annotator_ar.ts"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_every_message_is_translated() -> None:
    messages = _messages()
    assert len(messages) > 300
    unfinished = [(c, s) for c, s, t in messages
                  if t.get("type") is not None or not (t.text or "").strip()]
    assert unfinished == []


def test_translations_keep_the_placeholders_and_line_breaks() -> None:
    wrong = [(s, t.text) for _c, s, t in _messages()
             if sorted(_PLACEHOLDER.findall(s)) != sorted(_PLACEHOLDER.findall(t.text or ""))
             or s.count("\n") != (t.text or "").count("\n")]
    assert wrong == []


def test_translations_are_arabic() -> None:
    """Every translation holds Arabic letters, except the window title made of names."""
    latin_only = [s for _c, s, t in _messages()
                  if not re.search("[\u0600-\u06ff]", t.text or "")]
    assert latin_only == ["{name} — {annotator} — annotator"]


def test_no_interface_literal_skips_translate() -> None:
    assert [str(f) for f in untranslated_in_ui()] == []


def test_the_scan_finds_a_bare_literal_and_an_f_string(tmp_path: Path) -> None:
    """The scan itself: a bare literal and an f-string are found, translate() and non-text
    (object names, arrows) are not."""
    source = tmp_path / "annotator" / "ui" / "sample.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "label.setText('Hello')\n"
        "button.setToolTip(f'Move {x}')\n"
        "box.setWindowTitle(translate('Ctx', 'Fine'))\n"
        "widget.setObjectName('editor')\n"
        "arrow.setText('←')\n", encoding="utf-8")
    import tests.i18n_scan as scan

    old = scan.UI
    scan.UI = tmp_path / "annotator" / "ui"
    try:
        found = [(f.line, f.text) for f in untranslated(source)]
    finally:
        scan.UI = old
    assert found == [(1, "Hello"), (2, "Move {}")]


def test_every_menu_text_is_in_the_catalogue() -> None:
    """The menus are a table (menu_actions.MENUS) extracted by tools/update_i18n.py: each
    title, text and tip is a message of the context Menu."""
    pytest.importorskip("PySide6")
    from annotator.ui.window.menu_actions import MENUS

    menu = {s for c, s, _t in _messages() if c == "Menu"}
    wanted = {title for title, _ in MENUS}
    for _title, specs in MENUS:
        for spec in specs:
            if spec is not None:
                wanted |= {spec.text, spec.tip} - {""}
    assert wanted - menu == set()


def test_translate_is_english_without_a_backend_and_never_empty() -> None:
    assert i18n.translate("Menu", "&File") == "&File"
    i18n.install(lambda _context, _text: "")
    try:
        assert i18n.translate("Menu", "&File") == "&File"
    finally:
        i18n.install(None)
    assert i18n.noop("Menu", "&Edit") == "&Edit"


def test_arabic_menu_titles_have_distinct_mnemonics() -> None:
    """Alt plus a letter opens one menu: no two Arabic menu titles share their & letter."""
    pytest.importorskip("PySide6")
    from annotator.ui.window.menu_actions import MENUS

    titles = {title for title, _ in MENUS} | {"&Corpus"}
    arabic = {s: t.text or "" for c, s, t in _messages() if s in titles}
    letters = [text[text.index("&") + 1] for text in arabic.values() if "&" in text]
    assert len(letters) == len(titles)
    assert len(set(letters)) == len(letters)
