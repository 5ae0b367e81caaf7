"""The annotation text editor: a read-only right-to-left view with painted span marks.

:class:`AnnotationView` is the widget; :class:`SpanItem` is what it shows. Offsets in and out
are code points of the stored text (project rule 3); see :mod:`.offsets` for the Qt boundary.
"""

from annotator.ui.editor.layers import SpanItem
from annotator.ui.editor.view import AnnotationView

__all__ = ["AnnotationView", "SpanItem"]
