"""Terminal output helpers: control characters made visible, bidi display of Arabic and a
quiet-in-pipes progress bar.

Documents, ids, titles, labels and schema descriptions come from files we do not control.
Printed raw, an escape sequence would clear the screen or set the window title, and a bidi
override would make a message read differently from what it says. :func:`neutralise` shows
such characters as visible escapes; every human message of the CLI goes through it (in
:mod:`annotator.cli.common` and :mod:`annotator.cli.errors`), on a terminal or in a pipe.
Exported data (files, and the canonical export on stdout) is never touched.

Terminals that do not implement the Unicode bidi algorithm print Arabic letters unjoined and left to
right. For those, :func:`display` reshapes (joins letters into presentation forms) and reorders a
line visually with arabic-reshaper and python-bidi. This is only for showing text to a person: the
stored text, offsets and piped output always stay in logical order.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069). The bidi marks LRM, RLM and ALM stay: Arabic text
uses them, and they cannot reorder anything beyond themselves."""


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"<U+{code:04X}>"


def neutralise(text: str) -> str:
    """``text`` with terminal control characters shown as ``\\x1b`` or ``<U+202E>``."""
    return _UNSAFE.sub(_visible, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def neutralise_json(text: str) -> str:
    """JSON text with the same characters written as JSON escapes (``\\u001b``): still valid
    JSON that parses to exactly the same value (such characters only occur inside strings)."""
    return _UNSAFE.sub(_json_escape, text)


_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a character from an Arabic block."""
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in _ARABIC_RANGES)


def terminal_does_bidi(env: dict[str, str] | None = None) -> bool:
    """Best guess whether the terminal orders right-to-left text itself.

    VTE 0.76+ (GNOME Terminal and friends), Konsole, mlterm and Apple's Terminal implement bidi;
    most others (Windows consoles, xterm, tmux panes) do not.
    """
    env = dict(os.environ) if env is None else env
    vte = env.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= 7600:
        return True
    if env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return True
    return env.get("TERM_PROGRAM") == "Apple_Terminal"


def want_bidi(option: bool | None, stream: TextIO) -> bool:
    """Resolve ``--bidi/--no-bidi``: when unset, reorder only for a terminal that cannot."""
    if option is not None:
        return option
    return stream.isatty() and not terminal_does_bidi()


def display(text: str, *, bidi: bool) -> str:
    """Return ``text`` ready to print: visually ordered line by line when ``bidi`` is true."""
    if not bidi or not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


@contextmanager
def progress(label: str, total: int) -> Iterator[click._termui_impl.ProgressBar[int] | None]:
    """A progress bar on stderr when it is a terminal; ``None`` (stay quiet) in pipes and CI."""
    if not sys.stderr.isatty() or total <= 0:
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=False) as bar:
        yield bar


def advancing(bar: click._termui_impl.ProgressBar[int] | None) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that moves ``bar`` to ``done`` (no-op without one)."""
    state = {"done": 0}

    def advance(done: int, _total: int) -> None:
        if bar is not None:
            bar.update(done - state["done"])
        state["done"] = done

    return advance
