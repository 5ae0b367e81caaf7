"""Label hotkeys: which schema label a key press means, whatever the keyboard layout.

Schema hotkeys are Latin keys (``p`` for PERS, ``5`` for PERCENT). An Arabic annotator often
has the Arabic layout active, where the ``p`` key types ``ح``; the key still means PERS. The
table maps the characters of the standard Arabic (101) PC layout back to the Latin key in the
same place, so a hotkey works in either layout. Plain Python (no Qt).
"""

from __future__ import annotations

from collections.abc import Mapping

ARABIC_101 = {
    "ض": "q", "ص": "w", "ث": "e", "ق": "r", "ف": "t", "غ": "y", "ع": "u", "ه": "i",
    "خ": "o", "ح": "p", "ج": "[", "د": "]", "ش": "a", "س": "s", "ي": "d", "ب": "f",
    "ل": "g", "ا": "h", "ت": "j", "ن": "k", "م": "l", "ك": ";", "ط": "'", "ئ": "z",
    "ء": "x", "ؤ": "c", "ر": "v", "ى": "n", "ة": "m", "و": ",", "ز": ".", "ظ": "/",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7",
    "٨": "8", "٩": "9",
}
"""Character typed by a key on the Arabic (101) layout -> the key's Latin character."""


def hotkey_table(hotkeys: Mapping[str, str | None]) -> dict[str, str]:
    """``{key: label}`` from ``{label: hotkey}`` (labels without a hotkey left out)."""
    return {key.lower(): label for label, key in hotkeys.items() if key}


def label_for_key(table: Mapping[str, str], typed: str) -> str | None:
    """The label whose hotkey was pressed, given the text the key typed (``event.text()``);
    None when the key is no hotkey."""
    if len(typed) != 1:
        return None
    key = typed.lower()
    if key in table:
        return table[key]
    latin = ARABIC_101.get(typed)
    return table.get(latin) if latin is not None else None
