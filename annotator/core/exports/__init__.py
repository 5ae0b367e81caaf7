"""Training-data exports: formats ML tools load as they are (docs/EXPORTS.md).

``export_dataset(project, out, ExportOptions(format=...))`` writes one of the formats of
:data:`FORMATS` (Hugging Face token classification, CoNLL, spaCy DocBin, doccano, Label
Studio, brat, TextEE events, quotes, stance, canonical JSON Lines), with stable
document-level splits and a report of everything that was changed on the way;
``export_canonical(project, out)`` is the plain canonical export through the same pipeline.
Plain Python: spaCy is imported only by the spaCy format, and nothing here imports Qt.
"""

from annotator.core.exports.base import LAYERS, ExportOptions
from annotator.core.exports.pipeline import export_canonical, export_dataset
from annotator.core.exports.registry import FORMATS
from annotator.core.exports.report import ExportReport
from annotator.core.exports.spacy_docbin import MissingDependencyError
from annotator.core.exports.splits import parse_ratios

__all__ = [
    "FORMATS",
    "LAYERS",
    "ExportOptions",
    "ExportReport",
    "MissingDependencyError",
    "export_canonical",
    "export_dataset",
    "parse_ratios",
]
