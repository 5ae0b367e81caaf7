"""Label hotkeys across keyboard layouts (plain Python: no window needed)."""

from __future__ import annotations

from annotator.ui.session.hotkeys import hotkey_table, label_for_key


def test_hotkeys_in_latin_and_arabic_layouts() -> None:
    table = hotkey_table({"PERS": "p", "GPE": "g", "PERCENT": "5", "NONE": None})
    assert table == {"p": "PERS", "g": "GPE", "5": "PERCENT"}
    assert label_for_key(table, "p") == "PERS"
    assert label_for_key(table, "P") == "PERS"
    assert label_for_key(table, "ح") == "PERS"  # the P key on the Arabic layout
    assert label_for_key(table, "ل") == "GPE"
    assert label_for_key(table, "٥") == "PERCENT"
    assert label_for_key(table, "z") is None
    assert label_for_key(table, "") is None
