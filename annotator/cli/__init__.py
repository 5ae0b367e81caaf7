"""The command-line interface: a thin caller of :mod:`annotator.core`."""
