"""The interface language: which one (Preferences ▸ Language: System, English, العربية), its
catalogue, and the mirrored window in Arabic.

The Arabic catalogue's source, ``annotator/resources/i18n/annotator_ar.ts``, ships in the
package; Qt loads the compiled ``.qm``. A ``.qm`` beside the ``.ts`` (``make i18n``) is used
when it is not older than the ``.ts``; otherwise the first start in Arabic compiles one with
PySide6's ``lrelease`` into the user data folder, named by the ``.ts`` content's hash, so an
updated catalogue is compiled again once. A language chosen in Preferences applies at the
next start. Document text never goes through the catalogue (docs/I18N.md).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from annotator.core.paths import user_data_dir
from annotator.core.resources import resource_path
from annotator.ui import i18n
from annotator.ui.qt import QApplication, Qt, QtCore

CATALOGUES = {"ar": "i18n/annotator_ar.ts"}
"""Shipped catalogue sources per language (English is the source text itself)."""
RIGHT_TO_LEFT = frozenset({"ar"})

_installed: list[QtCore.QTranslator] = []
"""The translators in use (kept referenced: Qt does not own them)."""


def interface_language(choice: str, system_locale: str) -> str:
    """The language the interface uses: ``choice`` (``en``, ``ar``) or, for ``system``, the
    system locale's when there is a catalogue for it, else English."""
    if choice in CATALOGUES or choice == "en":
        return choice
    language = system_locale.split("_", maxsplit=1)[0].split("-", maxsplit=1)[0].lower()
    return language if language in CATALOGUES else "en"


def lrelease_program() -> Path:
    """PySide6's ``lrelease`` (inside the PySide6 package, beside its QtCore module)."""
    name = "lrelease.exe" if sys.platform.startswith("win") else "lrelease"
    return Path(str(QtCore.__file__)).parent / name


def compile_catalogue(ts: Path, qm: Path) -> None:
    """``lrelease`` ``ts`` into ``qm`` (written under a temporary name, then renamed);
    ``OSError``/``CalledProcessError`` when it cannot."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_suffix(".qm.part")
    subprocess.run([str(lrelease_program()), "-silent", str(ts), "-qm", str(partial)],
                   check=True, capture_output=True, timeout=60)
    partial.replace(qm)


def catalogue_file(language: str, cache: Path | None = None) -> Path | None:
    """The compiled catalogue of ``language``: the shipped ``.qm`` when current, else one
    compiled into ``cache`` (default: the user data folder's ``i18n``); None when there is
    none and none can be made."""
    name = CATALOGUES.get(language)
    if name is None:
        return None
    try:
        ts = resource_path(name)
    except FileNotFoundError:
        return None
    if not ts.is_file():
        return None
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    built = (cache or user_data_dir() / "i18n") / f"{ts.stem}-{digest}.qm"
    if not built.is_file():
        try:
            compile_catalogue(ts, built)
        except (OSError, subprocess.SubprocessError):
            return None
    return built


def _load(app: QApplication, path: str) -> bool:
    translator = QtCore.QTranslator(app)
    if not translator.load(path):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def apply_language(app: QApplication, choice: str, system_locale: str | None = None,
                   cache: Path | None = None) -> str:
    """Load the interface language for ``choice`` (Preferences' ``language``) into ``app``:
    its catalogue and Qt's own (standard buttons, dialogs), the translate backend, and a
    right-to-left layout for Arabic. Returns the language in use (``en`` when the catalogue
    is missing)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = system_locale if system_locale is not None else QtCore.QLocale.system().name()
    language = interface_language(choice, locale)
    catalogue = catalogue_file(language, cache)
    if catalogue is None or not _load(app, str(catalogue)):
        language = "en"
    else:
        qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, str(Path(qt_folder) / f"qtbase_{language}.qm"))
    i18n.install(QtCore.QCoreApplication.translate)
    if language in RIGHT_TO_LEFT:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    elif app.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # back from Arabic
    return language
