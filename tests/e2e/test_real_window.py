"""End to end: the real app in a real X window (Xvfb), driven with xdotool as a person would.

The test starts its own Xvfb, opens a project with ``python -m annotator``, finds a word with the
find bar, labels it with a hotkey, undoes and redoes across a restart, quits with Ctrl+Q and then
reads the project file directly. CI installs Xvfb and xdotool (.ci/run); elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.core.store import Project

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (installed by .ci/run)",
)

TEXT = "😀 قالَ الرئيس إن وموسكو ترحب بالزيارة، وأكد بوتين ذلك أمس."


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server; the display number is picked from the lock files that exist."""
    number = next(n for n in range(91, 140) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


class App:
    """The app process plus xdotool helpers bound to its display."""

    def __init__(self, display: str, project: Path, home: Path) -> None:
        self.env = {
            **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "ANNOTATOR_NAME": "e2e",  # the app asks who is annotating unless told
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "annotator", str(project)], env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        window = self.xdotool("search", "--sync", "--onlyvisible", "--name", "annotator")
        self.window = window.split()[0]
        self.xdotool("windowfocus", "--sync", self.window)
        time.sleep(0.5)  # let the first document load and the editor take focus

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                text=True, timeout=30, check=True)
        return result.stdout

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.25)

    def select_by_find(self, word: str) -> None:
        """Ctrl+F, type the word (folded matching), Enter selects it, Escape back to the text."""
        self.key("ctrl+f")
        self.xdotool("type", "--delay", "60", word)
        time.sleep(0.2)
        self.key("Return", "Escape")

    def quit(self) -> str:
        self.key("ctrl+q")
        output, _ = self.process.communicate(timeout=20)
        assert self.process.returncode == 0, output
        return output


def entities(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        text = conn.execute("SELECT text FROM documents").fetchone()[0]
        rows = conn.execute('SELECT start, "end", label FROM entities ORDER BY start').fetchall()
    return [(text[start:end], label) for start, end, label in rows]


def label_word(app: App, project: Path, word: str, key: str,
               expected: tuple[str, str]) -> None:
    """Find ``word`` and press the label ``key``; saved at once, so the file shows it. xdotool
    types Arabic by remapping a spare key for each letter, which a loaded machine can race
    (a letter lost, nothing found): the search is typed again then, once."""
    for _attempt in range(2):
        app.select_by_find(word)
        app.key(key)
        deadline = time.monotonic() + 5.0  # a bound on the wait, not a timing asserted
        while time.monotonic() < deadline:
            if expected in entities(project):
                return
            time.sleep(0.1)
        app.key("Escape")
    raise AssertionError(f"{word} was not labelled: {entities(project)}")


def test_annotate_undo_and_redo_across_a_restart(display: str, tmp_path: Path) -> None:
    project = tmp_path / "e2e.annotator"
    with Project.open(project, create=True, annotator="e2e") as store:
        store.import_records([DocumentRecord(id="a", text=TEXT, title="خبر")])

    app = App(display, project, tmp_path)
    label_word(app, project, "موسكو", "g", ("موسكو", "GPE"))
    label_word(app, project, "بوتين", "p", ("بوتين", "PERS"))
    app.key("ctrl+z")  # undo the PERS entity
    app.quit()
    assert entities(project) == [("موسكو", "GPE")]  # the و of وموسكو stays outside

    app = App(display, project, tmp_path)  # a new process: the redo stack survived
    app.key("ctrl+shift+z")
    app.quit()
    assert entities(project) == [("موسكو", "GPE"), ("بوتين", "PERS")]
