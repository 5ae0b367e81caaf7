"""The command-line interface: a thin caller of :mod:`annotator.core`."""

PROJECT_SUFFIX = ".annotator"
"""The suffix of a project file (``annotator news.annotator`` opens it in the app)."""
