"""The preferences dialog, the light/dark palettes, and applying the text preferences.

Font family and size, line spacing and theme are kept in QSettings (see :mod:`.settings`).
The dark palette is a complete ``QPalette`` (every role set, disabled colours included) so
that standard widgets stay legible; the light theme is the style's own palette.
"""

from __future__ import annotations

from annotator.ui.editor import AnnotationView
from annotator.ui.fonts import preferred_text_font
from annotator.ui.i18n import noop, translate
from annotator.ui.qt import QApplication, QFont, QLabel, Qt, QtGui, QtWidgets, QWidget
from annotator.ui.session.annotator_name import name_problem
from annotator.ui.window.settings import (
    MAX_LINE_SPACING,
    MAX_POINT_SIZE,
    MIN_LINE_SPACING,
    MIN_POINT_SIZE,
    THEMES,
    Preferences,
)

LANGUAGE_NAMES = (("system", noop("Preferences", "System")), ("en", "English"),
                  ("ar", "العربية"))
"""Preferences ▸ Language: the choice and its name (a language's own name is not
translated)."""
THEME_NAMES = {"light": noop("Preferences", "Light"), "dark": noop("Preferences", "Dark")}

_DARK = {
    "Window": "#1f2227", "WindowText": "#e3e6eb", "Base": "#17191d", "AlternateBase": "#22262c",
    "ToolTipBase": "#2b3038", "ToolTipText": "#e3e6eb", "PlaceholderText": "#7d8590",
    "Text": "#e3e6eb", "Button": "#2a2e35", "ButtonText": "#e3e6eb", "BrightText": "#ff6b6b",
    "Light": "#3a3f47", "Midlight": "#32363e", "Mid": "#4a505a", "Dark": "#121417",
    "Shadow": "#000000", "Highlight": "#3d6fb6", "HighlightedText": "#ffffff",
    "Link": "#7fb0ff", "LinkVisited": "#b59cff",
}
_DARK_DISABLED = {"WindowText": "#6b717b", "Text": "#6b717b", "ButtonText": "#6b717b",
                  "HighlightedText": "#9aa0a8"}


def dark_palette() -> QtGui.QPalette:
    """A complete dark palette."""
    palette = QtGui.QPalette()
    for role_name, color in _DARK.items():
        role = getattr(QtGui.QPalette.ColorRole, role_name)
        palette.setColor(role, QtGui.QColor(color))
    for role_name, color in _DARK_DISABLED.items():
        role = getattr(QtGui.QPalette.ColorRole, role_name)
        palette.setColor(QtGui.QPalette.ColorGroup.Disabled, role, QtGui.QColor(color))
    return palette


def apply_theme(theme: str, app: QApplication | None = None) -> None:
    """Switch the application to the ``light`` or ``dark`` palette."""
    application = app or QApplication.instance()
    if not isinstance(application, QApplication):
        return
    if theme == "dark":
        application.setPalette(dark_palette())
    else:
        application.setPalette(application.style().standardPalette())


def text_font(prefs: Preferences) -> QFont:
    """The editor font the preferences ask for (the best Naskh face when no family is set)."""
    if prefs.font_family:
        return QFont(prefs.font_family, prefs.font_size)
    return preferred_text_font(prefs.font_size)


def apply_text_preferences(editor: AnnotationView, prefs: Preferences) -> None:
    """Give the editor the preferred font (family and size) and line spacing."""
    editor.set_text_font(text_font(prefs))
    editor.set_line_height(prefs.line_spacing)


class PreferencesDialog(QtWidgets.QDialog):
    """Edits :class:`Preferences`; :meth:`preferences` reads the result after ``exec``."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None,
                 annotator: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self._annotator = annotator
        self.name_edit = QtWidgets.QLineEdit(annotator, self)
        self.name_edit.setObjectName("annotatorName")
        self.name_edit.setToolTip(translate("Preferences",
                                            "Who annotates: changing it reopens the project as that"
                                  " annotator (their own layer)"))
        self.name_note = QLabel("", self)
        self.name_note.setWordWrap(True)
        self.name_note.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.name_edit.textChanged.connect(self._update_name_note)
        self.family_combo = QtWidgets.QFontComboBox(self)
        self.family_combo.setWritingSystem(QtGui.QFontDatabase.WritingSystem.Arabic)
        self.default_family = QtWidgets.QCheckBox(translate("Preferences",
                                                            "Best installed Naskh face"), self)
        self.default_family.setChecked(not prefs.font_family)
        if prefs.font_family:
            self.family_combo.setCurrentFont(QFont(prefs.font_family))
        else:
            self.family_combo.setCurrentFont(preferred_text_font())
        self.family_combo.setEnabled(bool(prefs.font_family))
        self.default_family.toggled.connect(lambda on: self.family_combo.setEnabled(not on))
        self.size_spin = QtWidgets.QSpinBox(self)
        self.size_spin.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size_spin.setSuffix(translate("Preferences", " pt"))
        self.size_spin.setValue(prefs.font_size)
        self.spacing_spin = QtWidgets.QSpinBox(self)
        self.spacing_spin.setRange(MIN_LINE_SPACING, MAX_LINE_SPACING)
        self.spacing_spin.setSingleStep(10)
        self.spacing_spin.setSuffix(" %")
        self.spacing_spin.setValue(prefs.line_spacing)
        self.theme_combo = QtWidgets.QComboBox(self)
        for theme in THEMES:
            self.theme_combo.addItem(translate("Preferences", THEME_NAMES[theme]), theme)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(prefs.theme), 0))
        self.language_combo = QtWidgets.QComboBox(self)
        self.language_combo.setObjectName("language")
        for language, name in LANGUAGE_NAMES:
            self.language_combo.addItem(translate("Preferences", name), language)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(prefs.language), 0))
        self.language_combo.setToolTip(translate("Preferences", "Applied when annotator starts"
                                                 " again"))
        self.sample = QLabel("قال وزير الخارجية سيرغي لافروف إنّ موسكو ٢٠٢٥", self)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample.setMinimumHeight(60)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("Preferences", "Annotator"), self.name_edit)
        form.addRow("", self.name_note)
        form.addRow(translate("Preferences", "Text font"), self.family_combo)
        form.addRow("", self.default_family)
        form.addRow(translate("Preferences", "Size"), self.size_spin)
        form.addRow(translate("Preferences", "Line spacing"), self.spacing_spin)
        form.addRow(translate("Preferences", "Theme"), self.theme_combo)
        form.addRow(translate("Preferences", "Sample"), self.sample)
        form.addRow(translate("Preferences", "Language"), self.language_combo)
        form.addRow("", QLabel(translate("Preferences", "The language changes when annotator"
                                         " starts again."), self))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for signal in (self.family_combo.currentFontChanged, self.size_spin.valueChanged,
                       self.default_family.toggled):
            signal.connect(self._update_sample)
        self._update_sample()
        self._update_name_note()

    def annotator_name(self) -> str:
        """The annotator name as edited (the current one when the field is not a name)."""
        name = self.name_edit.text().strip()
        return name if name_problem(name) is None else self._annotator

    def _update_name_note(self, *_args: object) -> None:
        name = self.name_edit.text().strip()
        problem = name_problem(name)
        if problem is not None:
            self.name_note.setText(
                translate("Preferences", "Not a name: {problem}.").format(problem=problem))
        elif name != self._annotator:
            self.name_note.setText(translate(
                "Preferences", "OK reopens the project as {name}: you will see and edit {name}'s"
                " layer.").format(name=name))
        else:
            self.name_note.setText("")
        self.name_note.setVisible(bool(self.name_note.text()))
        self.ok_button.setEnabled(problem is None)

    def preferences(self) -> Preferences:
        """The preferences as edited."""
        family = "" if self.default_family.isChecked() else self.family_combo.currentFont().family()
        theme = self.theme_combo.currentData()
        language = self.language_combo.currentData()
        return Preferences(font_family=family, font_size=self.size_spin.value(),
                           line_spacing=self.spacing_spin.value(),
                           theme=theme if isinstance(theme, str) else "light",
                           language=language if isinstance(language, str) else "system")

    def _update_sample(self, *_args: object) -> None:
        self.sample.setFont(text_font(self.preferences()))
