"""The recommender in the window (issue 16): suggestions on opening a document, their keys,
and retraining in a separate process.

* Each opened document gets the recommender's suggestions at once when the project has a
  trained model (drawn dashed; F9 selects the next one, Enter accepts, Delete rejects,
  Alt+Shift+Enter accepts every one of the selected one's label).
* After each change of a document's status the done documents are counted (an index
  read); when enough new ones arrived (:mod:`annotator.ui.session.retraining`) a
  ``python -m annotator recommend train`` process starts (QProcess: the window never waits
  for it). When it ends, the new model is loaded and the open document's suggestions are
  computed again; a failure is told in the status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.ui.i18n import translate
from annotator.ui.qt import QObject, QtCore, Signal
from annotator.ui.session import retraining

if TYPE_CHECKING:
    from annotator.ui.window.menu_actions import WorkbenchActions
    from annotator.ui.window.status_line import StatusLine
    from annotator.ui.workbench import Workbench

KIND = "entities"


class RecommenderWiring(QObject):
    """Suggestions on open, the recommender's menu actions, background retraining."""

    retrainFinished = Signal(bool)  # noqa: N815 - Qt signal naming (True: a new model)

    def __init__(self, parent: QObject, workbench: Workbench, actions: WorkbenchActions,
                 status: StatusLine) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.status = status
        self.process: QtCore.QProcess | None = None
        self.started = 0
        """How many trainings this window started (tests count them)."""
        # Lambdas, not bound methods: ``actions.recommend`` is built on first use.
        actions.connect("next_model_suggestion",
                        lambda: workbench.actions.recommend.next_suggestion())  # noqa: PLW0108
        actions.connect("accept_label_suggestions",
                        lambda: workbench.actions.recommend.accept_label())  # noqa: PLW0108
        actions.connect("retrain_recommender", lambda: self.retrain(forced=True))
        workbench.documentOpened.connect(self.suggest)
        workbench.documentInfoChanged.connect(self.retrain_if_due)

    def suggest(self, _doc_id: int | None = None) -> None:
        """Show the open document's suggestions (nothing without a model or imported
        suggestions: two index reads)."""
        project = self.workbench.project
        session = self.workbench.session
        if project.model_version(KIND) is None and not session.model_suggestions and (
                session.doc_id is None or not project.imported_suggestions(session.doc_id, KIND)):
            return
        self.workbench.actions.recommend.suggest()

    def retrain_if_due(self) -> None:
        """Start a retraining when enough newly done documents arrived."""
        project = self.workbench.project
        if self.running() or project.readonly or not project.has_recommender_tables():
            return
        done = project.document_count(status="done")
        if retraining.needs_training(done, project.trained_documents(KIND)):
            self.retrain()

    def running(self) -> bool:
        return self.process is not None and \
            self.process.state() != QtCore.QProcess.ProcessState.NotRunning

    def retrain(self, forced: bool = False) -> bool:
        """Start ``annotator recommend train`` in a separate process; False when one runs
        already or python-crfsuite is missing (said in the status line when ``forced``)."""
        if self.running():
            return False
        if not retraining.can_train():
            if forced:
                from annotator.core.recommend.model_store import INSTALL_HINT

                self.status.show_message(
                    translate("Recommender", "Cannot train: {hint}.").format(hint=INSTALL_HINT),
                    10000)
            return False
        project = self.workbench.project
        argv = retraining.train_command(project.path, project.annotator)
        process = QtCore.QProcess(self)
        process.finished.connect(self._finished)
        self.process = process
        self.started += 1
        process.start(argv[0], argv[1:])
        self.status.show_message(
            translate("Recommender", "Training the recommender in the background…"), 5000)
        return True

    def _finished(self, code: int, _status: QtCore.QProcess.ExitStatus) -> None:
        process = self.process
        ok = code == 0
        if ok:
            self.status.show_message(
                translate("Recommender", "The recommender was retrained: new suggestions."),
                5000)
            self.suggest()
        elif process is not None:
            lines = bytes(process.readAllStandardError().data()).decode(
                "utf-8", "replace").strip().splitlines()
            reason = lines[-1] if lines else translate(
                "Recommender", "exit status {code}").format(code=code)
            self.status.show_message(
                translate("Recommender", "The recommender could not be trained: {reason}")
                .format(reason=reason), 10000)
        self.retrainFinished.emit(ok)

    def stop(self) -> None:
        """End a running training (the window closes): its transaction is never half-saved."""
        if self.running() and self.process is not None:
            self.process.kill()
            self.process.waitForFinished(3000)
