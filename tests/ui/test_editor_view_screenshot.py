"""A screenshot of the editor with nested entities, mixed scripts and a wrapping span.

Writes tests/_artifacts/editor_nested.png for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

from annotator.ui.editor import AnnotationView, SpanItem
from annotator.ui.qt import QtGui

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"

TEXT = (
    "قال وزير الخارجية الروسي سيرغي لافروف (Sergey Lavrov) إن وزارة الخارجية الأمريكية في "
    "واشنطن أبلغت موسكو يوم 12 مارس 2024 أن جامعة القاهرة ستستضيف 350 خبيرًا من منظمة الأمم "
    "المتحدة في مؤتمر يعقد بين ١٥ و١٨ أبريل، وأضاف أن الرئيس فلاديمير بوتين يتابع الملف.\n"
    "وقال الرئيس الفرنسي Emmanuel Macron إنّ فرنسا ستشارك 😀 في الاجتماع المقرر في جنيف."
)
COLORS = {"PERS": "#d62728", "GPE": "#2ca02c", "ORG": "#1f77b4", "DATE": "#9467bd",
          "EVENT": "#ff7f0e"}
ENTITIES = [
    ("سيرغي لافروف", "PERS"), ("Sergey Lavrov", "PERS"), ("وزارة الخارجية الأمريكية", "ORG"),
    ("الأمريكية", "GPE"), ("واشنطن", "GPE"), ("موسكو", "GPE"), ("12 مارس 2024", "DATE"),
    ("جامعة القاهرة", "ORG"), ("القاهرة", "GPE"),
    ("مؤتمر يعقد بين ١٥ و١٨ أبريل، وأضاف أن الرئيس فلاديمير بوتين", "EVENT"),
    ("منظمة الأمم المتحدة", "ORG"), ("فلاديمير بوتين", "PERS"), ("Emmanuel Macron", "PERS"),
    ("فرنسا", "GPE"), ("جنيف", "GPE"), ("١٥ و١٨ أبريل", "DATE"),
]


def entity_items() -> list[SpanItem]:
    items = []
    for number, (surface, label) in enumerate(ENTITIES):
        start = TEXT.index(surface)
        items.append(SpanItem(f"e{number}", start, start + len(surface), label, COLORS[label]))
    return items


def test_screenshot_of_nested_entities(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(900, 440)
    items = entity_items()
    view.set_document(TEXT, items)
    view.set_selected_span("e7")  # جامعة القاهرة, holding the GPE القاهرة
    view.show()
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())
    view.clearFocus()
    view.viewport().repaint()
    assert view.last_paint().spans == len(items)
    wrapped = [f for f in view.frame().fragments if f.item.label == "EVENT"]
    assert len(wrapped) == 2  # the EVENT span wraps onto a second line
    assert view.lane_of("e8") < view.lane_of("e7")  # GPE inside ORG: its own, nearer lane
    ARTIFACTS.mkdir(exist_ok=True)
    image = view.grab().toImage()
    path = ARTIFACTS / "editor_nested.png"
    assert image.save(str(path))
    colours = {image.pixel(x, y) for y in range(0, image.height(), 3)
               for x in range(0, image.width(), 3)}
    assert len(colours) > 50  # text, tints, underlines and tags, not a blank widget
    assert QtGui.QImage(str(path)).size() == image.size()
