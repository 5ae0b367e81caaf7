"""The annotation text editor: a read-only right-to-left view with painted span marks.

:class:`AnnotationView` is the widget; :class:`SpanItem` is what it shows. Offsets in and out
are code points of the stored text (docs/ARABIC.md, Code-point offsets); see :mod:`.offsets`
for the Qt boundary.
"""

from annotator.ui.editor.layers import STYLE_OUTLINE, STYLE_SOLID, STYLE_SUGGESTED, SpanItem
from annotator.ui.editor.link_painter import LinkItem
from annotator.ui.editor.view import AnnotationView

__all__ = ["STYLE_OUTLINE", "STYLE_SOLID", "STYLE_SUGGESTED", "AnnotationView", "LinkItem",
           "SpanItem"]
