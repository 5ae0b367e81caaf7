"""Where the third-party seed article is: ``../shared/seed`` beside the checkout (never copied in).

``ANNOTATOR_SEED_DIR`` overrides it. Tests that need the article skip when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

_CANDIDATES = [
    Path(os.environ["ANNOTATOR_SEED_DIR"]) if os.environ.get("ANNOTATOR_SEED_DIR") else None,
    Path(__file__).resolve().parents[2] / "shared" / "seed",
    Path("/work/shared/seed"),
]
SEED_DIR = next((p for p in _CANDIDATES if p is not None and p.is_dir()), _CANDIDATES[1])
SEED = SEED_DIR / "news-article-ar.txt"
