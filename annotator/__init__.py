"""annotator: an Arabic-first annotation workbench for news corpora."""

__version__ = "0.1.0"
