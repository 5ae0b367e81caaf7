"""The recommender (issue 16): a CRF trained on the project's done documents suggests
entities (and event triggers with their type) that the annotator accepts or rejects.

features.py (Arabic token features), tags.py (spans to IOB tags per nesting level and
back, settled on boundaries), model_store.py (python-crfsuite, imported lazily; loading a
trained :class:`Recommender`), training.py (which documents, the data version, training),
suggest.py (what to offer, accept, reject, ``preannotate --model``), evaluate.py (held-out
P/R/F1 beside the gazetteer). The tables are in :mod:`annotator.core.store.recommender`.
See docs/RECOMMENDER.md.
"""
