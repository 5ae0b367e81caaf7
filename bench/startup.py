"""Start-up to a visible window, and the CLI's ``--help`` (issue 12, goal 3).

    QT_QPA_PLATFORM=offscreen python bench/startup.py           # median of 5
    QT_QPA_PLATFORM=offscreen python bench/startup.py --quick   # median of 3

Each round starts a fresh process running ``annotator PROJECT`` (the real entry point,
``annotator.cli.entry.main``) on a copy of the bundled sample project and times, from just
before the process is started to the main window's first paint, the warm start (the files are
in the page cache after the first round). The child wraps ``open_window`` to watch the window
for its first ``Paint`` event, prints the wall clock and quits. Baselines in the same run:
``python -c pass``, ``python -c 'import PySide6.QtWidgets'`` and a bare ``QMainWindow``
painted the same way. The child gets its own HOME so QSettings of the user are untouched.
Besides the wall clock, the CPU time of the app's child at its first paint
(``time.process_time()``, user + system) is printed: it moves much less with the load of other
jobs on a shared machine than the wall clock does. The children cache their compiled modules
(in the bench's temporary HOME, ``PYTHONPYCACHEPREFIX``) as a user's installed or editable
annotator does, even where ``PYTHONDONTWRITEBYTECODE`` is set (it is on the team's machine:
every start then compiled every module, about 0.2 s); ``app_window_paint_uncached_bytecode_s``
is the start without that cache. Prints ONE JSON line. Target: window painted within 1.0 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_S = 1.0

_APP_CHILD = """
import sys, time
from annotator.cli.entry import main
import annotator.ui.window.app as app
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
_open = app.open_window
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", time.time(), time.process_time(), flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False
watch = Watch()
def open_window(path, **options):
    window = _open(path, **options)
    if window is not None:
        window.installEventFilter(watch)
    return window
app.open_window = open_window
sys.exit(main([sys.argv[1]]))
"""

_BARE_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", time.time(), time.process_time(), flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False
application = QApplication(sys.argv[:1])
window = QMainWindow()
watch = Watch()
window.installEventFilter(watch)
window.resize(1200, 800)
window.show()
application.exec()
"""


def _environment(home: Path, bytecode: bool = True) -> dict[str, str]:
    """The children's environment; with ``bytecode`` their compiled modules are cached (in
    ``home``, the tree is not written) as they are on a user's machine, whatever
    ``PYTHONDONTWRITEBYTECODE`` says here: a warm start does not compile the sources."""
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), ANNOTATOR_NAME="bench",
               XDG_DATA_HOME=str(home / ".local/share"), PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    else:  # the project's modules compiled at every start (the tree has no __pycache__)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _wall(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.time() - started


def _paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall clock from the start to the first paint, and the child's CPU time then."""
    started = time.time()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True,
                          timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            _, at, cpu = line.split()
            return float(at) - started, float(cpu)
    raise RuntimeError(f"no first paint reported: {done.stdout!r} {done.stderr!r}")


def _to_paint(command: list[str], env: dict[str, str]) -> float:
    return _paint(command, env)[0]


def _cpu_of(command: list[str], env: dict[str, str]) -> float:
    """User + system CPU seconds of the child at its first paint (``time.process_time``
    there: the work after the paint, before the child quits, is not counted)."""
    return _paint(command, env)[1]


def _median(rounds: int, measure: object) -> float:
    assert callable(measure)
    return statistics.median(float(measure()) for _ in range(rounds))


def _heavy_modules(env: dict[str, str]) -> list[str]:
    """Which heavy optional modules importing the app pulls in (should be none)."""
    probe = ("import sys, annotator.ui.window.app; print(' '.join(m for m in "
             "('pandas', 'numpy', 'pyarrow') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], env=env, check=True,
                          capture_output=True, text=True)
    return done.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="median of 3 instead of 5")
    rounds = 3 if parser.parse_args().quick else 5
    from annotator.core.sample import build_sample_project

    py = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = _environment(home)
        plain = _environment(home, bytecode=False)
        project = build_sample_project(home / "sample.annotator")
        for _ in range(2):  # warm the page cache
            _to_paint([py, "-c", _APP_CHILD, str(project)], env)
        figures = {
            "python_pass_s": _median(rounds, lambda: _wall([py, "-c", "pass"], env)),
            "import_qtwidgets_s": _median(
                rounds, lambda: _wall([py, "-c", "import PySide6.QtWidgets"], env)),
            "bare_qmainwindow_paint_s": _median(
                rounds, lambda: _to_paint([py, "-c", _BARE_CHILD], env)),
            "app_window_paint_s": _median(
                rounds, lambda: _to_paint([py, "-c", _APP_CHILD, str(project)], env)),
            "app_window_paint_uncached_bytecode_s": _median(
                rounds, lambda: _to_paint([py, "-c", _APP_CHILD, str(project)], plain)),
            "app_cpu_s": _median(
                rounds, lambda: _cpu_of([py, "-c", _APP_CHILD, str(project)], env)),
            "bare_qmainwindow_cpu_s": _median(
                rounds, lambda: _cpu_of([py, "-c", _BARE_CHILD], env)),
            "cli_help_s": _median(
                rounds, lambda: _wall([py, "-m", "annotator", "--help"], env)),
        }
        heavy = _heavy_modules(env)
        shutil.rmtree(home / ".config", ignore_errors=True)
    result: dict[str, object] = {"bench": "startup", "rounds": rounds}
    result.update({name: round(value, 3) for name, value in figures.items()})
    result["ratio_app_to_bare_window"] = round(
        figures["app_window_paint_s"] / figures["bare_qmainwindow_paint_s"], 2)
    result["ratio_app_cpu_to_bare_window_cpu"] = round(
        figures["app_cpu_s"] / figures["bare_qmainwindow_cpu_s"], 2)
    result["heavy_modules_at_start"] = heavy
    result["load_average"] = round(os.getloadavg()[0], 2)
    result["target_met"] = figures["app_window_paint_s"] < TARGET_S
    print(json.dumps(result))


if __name__ == "__main__":
    main()
