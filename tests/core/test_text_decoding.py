"""Tests for annotator.core.text.decoding and read_text_file (docs/ARABIC.md, Decoding)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import InputError
from annotator.core.text import decode_bytes, read_text_file
from tests.seed_path import SEED as SEED_PATH

ARABIC = "قال الرئيس الفرنسي فرانسوا هولاند إن «داعش» عدو، أليس كذلك؟"


def test_empty_input_is_empty_text() -> None:
    decoded = decode_bytes(b"", "empty.txt")
    assert decoded.text == ""
    assert decoded.encoding == "utf-8"
    assert not decoded.bom
    assert not decoded.fallback


def test_plain_utf8() -> None:
    decoded = decode_bytes(ARABIC.encode("utf-8"), "a.txt")
    assert decoded.text == ARABIC
    assert (decoded.encoding, decoded.bom, decoded.fallback) == ("utf-8", False, False)
    assert decoded.notes == []


def test_utf8_bom_is_stripped() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "a.txt")
    assert decoded.text == ARABIC
    assert not decoded.text.startswith("\ufeff")
    assert decoded.bom
    assert decoded.encoding == "utf-8"
    assert any("BOM" in note for note in decoded.notes)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    text = ARABIC + " 👍"
    decoded = decode_bytes(bom + text.encode(codec), "u16.txt")
    assert decoded.text == text
    assert decoded.encoding == codec
    assert decoded.bom


def test_utf16_without_bom_is_binary() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(ARABIC.encode("utf-16-le"), "nobom.txt")
    assert info.value.path == "nobom.txt"
    assert "NUL" in info.value.reason


def test_nul_bytes_name_offset() -> None:
    data = b"hello world!" + b"\x00\x01\x02"
    with pytest.raises(InputError) as info:
        decode_bytes(data, "img.png")
    assert info.value.reason == "binary file (NUL bytes at offset 12)"
    assert "img.png" in str(info.value)


def test_many_control_characters_are_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 10 + b"abc"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "x.bin")


def test_a_few_control_characters_are_noted() -> None:
    text = "a" * 200 + "\x07" + "b"
    decoded = decode_bytes(text.encode(), "bell.txt")
    assert decoded.text == text
    assert any("control" in note for note in decoded.notes)


def test_cp1256_fallback_with_note() -> None:
    decoded = decode_bytes(ARABIC.encode("cp1256"), "old.txt")
    assert decoded.text == ARABIC
    assert decoded.encoding == "windows-1256"
    assert decoded.fallback
    assert any("not valid UTF-8" in n and "Windows-1256" in n for n in decoded.notes)


def test_random_high_bytes_are_rejected() -> None:
    # Latin-1 accented noise and C1 bytes: not UTF-8, and reads as gibberish in cp1256.
    data = bytes(range(0x80, 0xC0)) * 4
    with pytest.raises(InputError, match="Windows-1256"):
        decode_bytes(data, "noise.dat")


def test_invalid_utf8_after_bom_is_rejected() -> None:
    with pytest.raises(InputError, match="UTF-8 BOM"):
        decode_bytes(codecs.BOM_UTF8 + b"abc\xff", "bad.txt")


def test_unpaired_surrogate_in_utf16_is_rejected() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "bad16.txt")


def test_utf32_is_refused() -> None:
    with pytest.raises(InputError, match="UTF-32"):
        decode_bytes(codecs.BOM_UTF32_LE + "abc".encode("utf-32-le"), "u32.txt")


@given(
    st.text(
        alphabet=st.characters(codec="cp1256", categories=("L", "Nd", "Zs"))
        | st.sampled_from(".,;:!?()«»،؛؟-"),
        max_size=20,
    )
)
def test_cp1256_bytes_of_arabic_text_round_trip(suffix: str) -> None:
    text = ARABIC + " " + suffix
    data = text.encode("cp1256")
    decoded = decode_bytes(data, "p.txt")
    assert decoded.text == text
    assert decoded.fallback == (text.encode("cp1256") != text.encode("utf-8"))


@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs"))))
def test_any_printable_utf8_decodes(text: str) -> None:
    data = text.encode("utf-8")
    if data.startswith(codecs.BOM_UTF8):
        return
    assert decode_bytes(data, "t.txt").text == text


def test_read_text_file_record(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(codecs.BOM_UTF8 + "سطر\r\nسطر ثان\re\u0301".encode())
    text, record = read_text_file(path)
    assert text == "سطر\nسطر ثان\n\u00e9"
    assert record["encoding"] == "utf-8"
    assert record["bom"] is True
    assert record["fallback"] is False
    assert record["newlines"] == 2
    assert record["nfc"] is True
    assert isinstance(record["notes"], list)


def test_read_text_file_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_text_file(tmp_path / "nope.txt")


def test_read_seed_article() -> None:
    seed = SEED_PATH
    if not seed.exists():
        pytest.skip("seed article not available")
    text, record = read_text_file(seed)
    assert "هولاند" in text
    assert record["encoding"] == "utf-8"
    assert "\r" not in text
