"""Application settings kept in QSettings: the last project and the display preferences.

Preferences are per user and per machine (font, line spacing, theme); what belongs to the
annotation work itself (last document, cursor position) is stored in the project through
``Project.get_state``/``set_state`` instead, so it follows the project file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.store.engines.address import is_server_address
from annotator.ui.qt import QSettings

ORGANIZATION = "annotator"
APPLICATION = "annotator"

THEMES: tuple[str, ...] = ("light", "dark")
DEFAULT_POINT_SIZE = 16
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48
DEFAULT_LINE_SPACING = 170
MIN_LINE_SPACING = 120
MAX_LINE_SPACING = 260


def app_settings() -> QSettings:
    """The application's settings store (organization and application ``annotator``)."""
    return QSettings(ORGANIZATION, APPLICATION)


@dataclass(frozen=True, slots=True)
class Preferences:
    """Display preferences. ``font_family`` empty means "the best Naskh face installed";
    ``line_spacing`` is a percentage of the font height (room for stacked underlines)."""

    font_family: str = ""
    font_size: int = DEFAULT_POINT_SIZE
    line_spacing: int = DEFAULT_LINE_SPACING
    theme: str = "light"


def _int_setting(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    """An integer setting clamped to ``[low, high]``; ``default`` when absent or garbled."""
    raw = settings.value(key, default)
    try:
        value = int(str(raw))
    except ValueError:
        return default
    return min(max(value, low), high)


def load_preferences(settings: QSettings | None = None) -> Preferences:
    """The stored preferences, with defaults for anything missing or out of range."""
    store = settings or app_settings()
    family = store.value("prefs/font_family", "")
    theme = store.value("prefs/theme", "light")
    return Preferences(
        font_family=family if isinstance(family, str) else "",
        font_size=_int_setting(store, "prefs/font_size", DEFAULT_POINT_SIZE,
                               MIN_POINT_SIZE, MAX_POINT_SIZE),
        line_spacing=_int_setting(store, "prefs/line_spacing", DEFAULT_LINE_SPACING,
                                  MIN_LINE_SPACING, MAX_LINE_SPACING),
        theme=theme if theme in THEMES else "light",
    )


def save_preferences(prefs: Preferences, settings: QSettings | None = None) -> None:
    """Store ``prefs`` (written to disk at once, so a crash does not lose them)."""
    store = settings or app_settings()
    store.setValue("prefs/font_family", prefs.font_family)
    store.setValue("prefs/font_size", prefs.font_size)
    store.setValue("prefs/line_spacing", prefs.line_spacing)
    store.setValue("prefs/theme", prefs.theme)
    store.sync()


def last_project(settings: QSettings | None = None) -> str | None:
    """The project opened last, if its file still exists (a server address is kept as it
    is: the server is asked when it is opened)."""
    value = (settings or app_settings()).value("last_project")
    if isinstance(value, str) and value and (is_server_address(value) or Path(value).is_file()):
        return value
    return None


def remember_project(path: str | Path, settings: QSettings | None = None) -> None:
    """Record ``path`` as the project to reopen next time."""
    store = settings or app_settings()
    text = str(path)
    store.setValue("last_project", text if is_server_address(text) else str(Path(path).resolve()))
    store.sync()


def stored_annotator(settings: QSettings | None = None) -> str | None:
    """The annotator name typed in the app (first start or Preferences), if any."""
    value = (settings or app_settings()).value("annotator/name")
    return value if isinstance(value, str) and value.strip() else None


def remember_annotator(name: str, settings: QSettings | None = None) -> None:
    """Remember ``name`` as who annotates on this machine."""
    store = settings or app_settings()
    store.setValue("annotator/name", name.strip())
    store.sync()
