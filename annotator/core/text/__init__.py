"""Arabic text functions: decoding, normalization, offsets, graphemes, spans, folding,
words and proclitics. Plain Python; never imports Qt.

Offsets are end-exclusive Python code points everywhere except :class:`Utf16Map`, which
converts to and from UTF-16 code units for the Qt boundary and the ``utf16`` export fields.
"""

from annotator.core.text.chars import (
    BIDI_ALL,
    INVISIBLE_EDGE,
    JOINERS,
    PROCLITICS,
    TASHKEEL,
    TATWEEL,
    is_edge_junk,
)
from annotator.core.text.clitics import (
    NameLexicon,
    name_key,
    snap_to_name,
    snap_to_whole_words,
    strip_proclitics_candidates,
)
from annotator.core.text.decoding import Decoded, decode_bytes
from annotator.core.text.folding import Folded, find_folded, fold, fold_text
from annotator.core.text.graphemes import (
    cluster_at,
    grapheme_boundaries,
    is_grapheme_boundary,
    next_boundary,
    prev_boundary,
)
from annotator.core.text.normalization import (
    map_span,
    normalize,
    normalize_mapped,
    read_text_file,
)
from annotator.core.text.offsets import (
    Utf16Map,
    codepoint_to_utf16_span,
    utf16_len,
    utf16_to_codepoint_span,
)
from annotator.core.text.spans import (
    is_span_end,
    settle_span,
    span_problem,
    trim_quote_span,
    trim_span,
)
from annotator.core.text.words import word_at, words

__all__ = [
    "BIDI_ALL",
    "INVISIBLE_EDGE",
    "JOINERS",
    "PROCLITICS",
    "TASHKEEL",
    "TATWEEL",
    "Decoded",
    "Folded",
    "NameLexicon",
    "Utf16Map",
    "cluster_at",
    "codepoint_to_utf16_span",
    "decode_bytes",
    "find_folded",
    "fold",
    "fold_text",
    "grapheme_boundaries",
    "is_edge_junk",
    "is_grapheme_boundary",
    "is_span_end",
    "map_span",
    "name_key",
    "next_boundary",
    "normalize",
    "normalize_mapped",
    "prev_boundary",
    "read_text_file",
    "settle_span",
    "snap_to_name",
    "snap_to_whole_words",
    "span_problem",
    "strip_proclitics_candidates",
    "trim_quote_span",
    "trim_span",
    "utf16_len",
    "utf16_to_codepoint_span",
    "word_at",
    "words",
]
