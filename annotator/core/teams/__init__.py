"""Offline teams: assigning documents to annotators (``assign``), work packages holding one
annotator's documents (``package``) and bringing their layers back (``merge``). Plain Python,
no Qt; the store only reads the assignments (:mod:`annotator.core.store.assignments`)."""
