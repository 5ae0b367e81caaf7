"""Document text is untrusted: nowhere in the window may it be rendered as HTML."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord, Entity, Quote, Span
from annotator.core.store import Project
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.qt import QLabel, Qt
from annotator.ui.window.main_window import MainWindow

TITLE = "<b>عنوان</b> <img src=x>"
TEXT = "قال <i>الوزير</i> «<b>نحن</b> هنا» أمس <a href='x'>رابط</a>."


def _project(tmp_path: Path) -> Project:
    path = tmp_path / "html.annotator"
    start = TEXT.index("<i>")
    end = TEXT.index("</i>") + len("</i>")
    content = Span(TEXT.index("«") + 1, TEXT.index("»"))
    with Project.open(path, create=True, annotator="tester") as project:
        project.import_records([DocumentRecord(
            id="<script>x</script>", text=TEXT, title=TITLE,
            entities=[Entity(id="e1", start=start, end=end, label="PERS")],
            quotes=[Quote(id="q1", content=content, speaker="e1", kind="direct")],
        )])
    return Project.open(path, annotator="tester")


def test_no_label_or_tooltip_renders_document_text_as_html(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = _project(tmp_path)
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.editor.text() == TEXT)
    entity = next(iter(window.workbench.session.entities))
    window.workbench.select_annotation(entity)

    labels = [label for label in window.findChildren(QLabel) if "<" in label.text()]
    assert labels, "the title and the selected entity's text are shown in labels"
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()

    links = window.links_panel.model
    tips = [links.index(row, 0, links.index(group, 0)).data(Qt.ItemDataRole.ToolTipRole)
            for group in range(links.rowCount())
            for row in range(links.rowCount(links.index(group, 0)))]
    assert tips, "the links panel lists the quote"
    assert all("<b>" not in tip and "<i>" not in tip for tip in tips)
    assert any("&lt;b&gt;" in tip for tip in tips)

    model = DocumentListModel(project)
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<script>" not in tooltip
    assert "&lt;script&gt;" in tooltip
    assert window.editor.document().toPlainText().replace("\u2029", "\n") == TEXT
    window.close()
    project.close()
