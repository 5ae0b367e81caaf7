"""Format detection per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats.detect import detect_format
from annotator.core.model import InputError
from tests.seed_path import SEED as SEED_PATH

SEED = SEED_PATH


def test_detect_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص عادي.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# عنوان", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "x", "entities": []}\n', encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('\n{"text": "x", "label": [[0, 1, "P"]]}\n', "utf-8")
    (tmp_path / "e.json").write_text('{"text": "x", "entities": [{"start_offset": 0}]}', "utf-8")
    (tmp_path / "f.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "f.ann").write_text("", encoding="utf-8")
    expected = {"a.txt": "txt", "b.md": "md", "c.jsonl": "canonical", "d.jsonl": "doccano",
                "e.json": "doccano", "f.txt": "brat", "f.ann": "brat"}
    for name, fmt in expected.items():
        assert detect_format(tmp_path / name) == fmt, name


def test_detect_webpage(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("seed article not available")
    copy = tmp_path / "page.txt"
    copy.write_bytes(SEED.read_bytes())
    assert detect_format(copy) == "webpage"


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"x\.pdf: unknown file type '\.pdf'"):
        detect_format(path)
