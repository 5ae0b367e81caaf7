"""The project overview (issue 17, part 2): where the project stands, as figures
(:mod:`.figures`), charts (:mod:`.charts`) and a report folder (:mod:`.report`)."""

from annotator.core.overview.figures import Overview, project_overview

__all__ = ["Overview", "project_overview"]
