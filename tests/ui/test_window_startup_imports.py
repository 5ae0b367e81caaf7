"""What the app loads before its window's first paint (issue 12, goal 3: start-up under 1 s).

A child process opens a project the way ``annotator PROJECT`` does and, at the window's first
paint, reports which modules are loaded. The panels and dialogs that are not visible at start
(concordance, label-all preview, schema editor, history, curation, agreement), sqlite-utils
(the store's SQLite layer, wrapped around the connection just after the first paint) and the
backup machinery load later; their menu
actions still work, importing them on first use. Counts modules, never times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEFERRED = (
    "annotator.ui.panels.concordance",
    "annotator.ui.models.concordance",
    "annotator.ui.panels.label_all_dialog",
    "annotator.ui.window.schema_editor",
    "annotator.ui.panels.event_picker",
    "annotator.core.store.file_check",
    "annotator.core.corpus",
    "annotator.core.recommend",
    "pycrfsuite",
    "annotator.core.store.backup",
    "annotator.core.store.history",
    # issue 12, third pass: validation, sqlite-utils and what it brings, curation, agreement
    "annotator.core.store.integrity",
    "sqlite_utils",
    "click",
    "dateutil",
    "pluggy",
    "annotator.core.curation",
    "annotator.ui.actions.curation",
    "annotator.ui.panels.curation_panel",
    "annotator.core.agreement",
    "annotator.ui.window.agreement_window",
    "matplotlib",
    "pandas",
    "numpy",
    "pyarrow",
)
AFTER_FIRST_PAINT = ("sqlite_utils", "click", "dateutil", "pluggy",
                     "annotator.core.store.file_check")
"""Loaded by the work that runs just after the first paint."""

_CHILD = """
import json, sys
from annotator.ui.qt import QApplication, QtCore
import annotator.ui.window.app as app
DEFERRED = json.loads(sys.argv[2])
seen = {}
class Watch(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint and not seen:
            seen["at_paint"] = [m for m in DEFERRED if m in sys.modules]
            seen["annotator_modules"] = sum(m.startswith("annotator") for m in sys.modules)
            QtCore.QTimer.singleShot(0, after_paint)
        return False
def after_paint():
    window = app._windows[0]
    window.after_paint.run_now()  # what waits for the first paint, run now
    seen["after_first_paint"] = [m for m in DEFERRED if m in sys.modules]
    seen["sqlite_utils_db"] = type(window.project.db).__module__
    window.corpus.concordance.trigger()  # Ctrl+Shift+F: the panel loads and shows
    seen["concordance_visible"] = window.corpus.dock.isVisible()
    seen["after_action"] = [m for m in DEFERRED if m in sys.modules]
    print(json.dumps(seen), flush=True)
    window.close()
    QApplication.quit()
watch = Watch()
original = app.open_window
def open_window(path, **options):
    window = original(path, **options)
    window.installEventFilter(watch)
    return window
app.open_window = open_window
sys.exit(app.run(sys.argv[1]))
"""


def test_hidden_panels_load_after_the_first_paint(project_path: Path, tmp_path: Path) -> None:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", ANNOTATOR_NAME="tester")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(project_path), json.dumps(DEFERRED)],
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["at_paint"] == []
    assert sorted(seen["after_first_paint"]) == sorted(AFTER_FIRST_PAINT)
    assert seen["sqlite_utils_db"] == "sqlite_utils.db"
    assert seen["concordance_visible"]
    assert "annotator.ui.panels.concordance" in seen["after_action"]
    assert seen["annotator_modules"] > 0
