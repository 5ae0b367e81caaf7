"""Who am I: the name the app opens projects as (asked once, remembered, changed in
Preferences). Which name wins is decided without Qt in
:mod:`annotator.ui.session.annotator_name`; this module asks and remembers.
"""

from __future__ import annotations

from annotator.ui.i18n import noop, translate
from annotator.ui.qt import QtWidgets, QWidget
from annotator.ui.session.annotator_name import choose_name, name_problem
from annotator.ui.window.settings import remember_annotator, stored_annotator

ASK_TEXT = noop("Identity", "Your name as an annotator. Your annotations, statuses and undo"
                " history are kept\nin your own layer of each project; other annotators'"
                " layers stay theirs.")


def ask_annotator_name(suggested: str, parent: QWidget | None = None) -> str | None:
    """The first-start question (the login name offered); None when cancelled."""
    while True:
        name, ok = QtWidgets.QInputDialog.getText(
            parent, translate("Identity", "Who is annotating?"), translate("Identity", ASK_TEXT),
            QtWidgets.QLineEdit.EchoMode.Normal, suggested)
        if not ok:
            return None
        problem = name_problem(name)
        if problem is None:
            return name.strip()
        QtWidgets.QMessageBox.warning(parent, translate("Identity", "Who is annotating?"),
                                      translate("Identity", "Not a name: {problem}.").format(
                                          problem=problem))
        suggested = name


def annotator_for_run(argument: str | None, parent: QWidget | None = None) -> str | None:
    """The name to open projects as in this run: ``--annotator``, ``$ANNOTATOR_NAME`` or the
    remembered name; else asked once and remembered. None when the question was cancelled."""
    choice = choose_name(argument, stored_annotator())
    if choice.name is not None:
        return choice.name
    name = ask_annotator_name(choice.suggested, parent)
    if name is not None:
        remember_annotator(name)
    return name
