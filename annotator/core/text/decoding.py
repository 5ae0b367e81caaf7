"""Turning the bytes of an input file into text (docs/ARABIC.md, Decoding).

Order of attempts:

1. empty input decodes to ``""`` (encoding ``utf-8``);
2. a UTF-32 byte-order mark is refused (the project reads UTF-8 and UTF-16 only);
3. a UTF-16 BOM (``FF FE`` little endian, ``FE FF`` big endian) selects UTF-16; the BOM is
   dropped and the rest must decode strictly (no unpaired surrogates);
4. a UTF-8 BOM (``EF BB BF``) is stripped and the rest must be valid UTF-8;
5. without a BOM, any NUL byte means binary (UTF-16 without a BOM is not guessed);
6. strict UTF-8;
7. only when UTF-8 fails: Windows-1256, accepted only if the result looks like text
   (some Arabic, and at least 90 % of the non-space characters are Arabic, letters of any
   script, ASCII or common punctuation, next to no control characters: the C1 range and
   symbols that noise produces in Windows-1256 count against it).
   The notes say that the fallback happened.

Whatever decodes is then checked for control characters (other than tab, newline,
carriage return, form feed and vertical tab): more than 2 % of the text means a binary file.
Every refusal raises :class:`annotator.core.model.InputError` naming the file.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from annotator.core.model import InputError

ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_RATIO = 0.02
"""Share of control characters above which input counts as binary."""
MIN_CP1256_TEXT_RATIO = 0.9
"""Share of non-space characters that must look like Arabic/ASCII text after a cp1256 decode."""

_COMMON_PUNCTUATION = frozenset("«»،؛؟٪٫٬…–—‘’“”•\u00a0\u200c\u200d\u200e\u200f")


@dataclass(frozen=True)
class Decoded:
    """The text of a file and how it was obtained.

    ``encoding`` is a codec name (``utf-8``, ``utf-16-le``, ``utf-16-be``, ``windows-1256``);
    ``bom`` says a byte-order mark was present (and removed); ``fallback`` says UTF-8 failed
    and Windows-1256 was used; ``notes`` are human-readable remarks for the import report.
    """

    text: str
    encoding: str
    bom: bool = False
    fallback: bool = False
    notes: list[str] = field(default_factory=list)


def _control_count(text: str) -> int:
    """Number of C0/C1 control characters other than ordinary whitespace controls."""
    return sum(
        1 for ch in text if (ch < "\x20" or "\x7f" <= ch <= "\x9f") and ch not in ALLOWED_CONTROLS
    )


def _check_controls(text: str, source: str) -> list[str]:
    """Raise for text with too many control characters; return a note for a few of them."""
    if not text:
        return []
    count = _control_count(text)
    if count == 0:
        return []
    if count > MAX_CONTROL_RATIO * len(text):
        raise InputError(
            source, f"binary file ({count} control characters in {len(text)} characters)"
        )
    return [f"contains {count} control character(s)"]


def _looks_like_cp1256_text(text: str) -> bool:
    """True if a Windows-1256 decode reads as Arabic/ASCII prose rather than noise."""
    relevant = [ch for ch in text if not ch.isspace()]
    if not relevant:
        return True
    plausible = 0
    arabic = 0
    for ch in relevant:
        cp = ord(ch)
        if 0x0600 <= cp <= 0x06FF:
            plausible += 1
            arabic += 1
        elif 0x21 <= cp <= 0x7E or ch in _COMMON_PUNCTUATION or ch.isalpha():
            plausible += 1
    return arabic > 0 and plausible >= MIN_CP1256_TEXT_RATIO * len(relevant)


def _strict(data: bytes, codec: str, source: str, what: str) -> str:
    """Decode strictly, turning a decode error into an :class:`InputError`."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"{what}: invalid bytes at offset {exc.start} ({exc.reason})",
        ) from exc


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode the bytes of ``source`` following docs/ARABIC.md, Decoding (see the module docstring).

    Raises :class:`InputError` for binary or undecodable input; the reason names what was
    wrong and where (byte offset).
    """
    if not data:
        return Decoded("", "utf-8")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(source, "UTF-32 text is not supported (save the file as UTF-8)")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom) :]
            if len(body) % 2:
                raise InputError(source, f"{codec} text with an odd number of bytes")
            text = _strict(body, codec, source, f"not valid {codec.upper()} despite its BOM")
            notes = [f"{codec.upper()} with BOM", *_check_controls(text, source)]
            return Decoded(text, codec, bom=True, notes=notes)
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        text = _strict(body, "utf-8", source, "not valid UTF-8 despite its UTF-8 BOM")
        notes = ["UTF-8 BOM removed", *_check_controls(text, source)]
        return Decoded(text, "utf-8", bom=True, notes=notes)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(source, f"binary file (NUL bytes at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        return Decoded(text, "utf-8", notes=_check_controls(text, source))
    where = f"invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:  # cp1256 maps every byte today; keep the guard anyway
        raise InputError(source, f"not valid UTF-8 ({where}) nor Windows-1256") from exc
    if _control_count(text) > MAX_CONTROL_RATIO * len(text) or not _looks_like_cp1256_text(text):
        raise InputError(
            source,
            f"not valid UTF-8 ({where}) and not readable as Windows-1256 Arabic text",
        )
    notes = [f"not valid UTF-8 ({where}); decoded as Windows-1256"]
    notes += _check_controls(text, source)
    return Decoded(text, "windows-1256", fallback=True, notes=notes)
