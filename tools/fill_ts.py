"""Fill translations into a .ts from a Python dict {source: translation} (one-off helper for
translators working outside Qt Linguist): ``python tools/fill_ts.py DICT.py [TS]``. Only
unfinished messages are filled; finished ones are kept."""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from update_i18n import TS


def fill(ts: Path, table: dict[str, str]) -> int:
    """Fill ``ts`` from ``table``; returns how many messages were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
            filled += 1
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return filled


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[1])["AR"]
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else TS
    print(f"filled {fill(target, table)} messages")
