"""The one way a user-visible string of the app is translated (no Qt: the document session
and the actions use it too).

``translate(context, text)`` returns ``text`` in the interface language. The Qt side
(:mod:`annotator.ui.window.language`) installs ``QCoreApplication.translate`` as the backend
when the app starts; before that, and in the Qt-free tests, the English text is returned.
Write the English text as one literal (implicit concatenation is fine) and put values in with
``str.format`` after the call, never in an f-string, so ``pyside6-lupdate`` finds the text:

    translate("Navigator", "{count} documents").format(count=n)

:func:`noop` marks a literal kept in a table and translated where it is shown (Qt's
``QT_TRANSLATE_NOOP``); ``make i18n`` extracts both (docs/I18N.md). Document text never goes
through here.
"""

from __future__ import annotations

from collections.abc import Callable

Backend = Callable[[str, str], str]

_backend: Backend | None = None


def translate(context: str, text: str) -> str:
    """``text`` translated in ``context`` (the English text when there is no translation)."""
    if _backend is None:
        return text
    return _backend(context, text) or text


def noop(context: str, text: str) -> str:
    """``text`` unchanged: marks a literal for extraction, translated later with
    ``translate(context, text)``."""
    del context
    return text


def install(backend: Backend | None) -> None:
    """Translate through ``backend`` from now on (None: English again)."""
    global _backend  # noqa: PLW0603 - one interface language per process
    _backend = backend
