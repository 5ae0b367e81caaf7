"""Navigator timings with 100,000 documents (moved here from tests/ui/test_navigator.py).

    QT_QPA_PLATFORM=offscreen python bench/navigator.py           # 100,000 documents
    QT_QPA_PLATFORM=offscreen python bench/navigator.py --quick   # 10,000 documents

Times, in the same run: the navigator panel shown, its last row read and a document near the
end selected (the lazy model reads pages), against a baseline that reads every summary at
once (``list_documents`` of the whole project) as a model filled up front would. Prints ONE
JSON line with both figures, their ratio and the pages the model read. Target: < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import DocumentRecord
from annotator.core.store import Project
from annotator.ui.models.documents import TitleRole
from annotator.ui.panels.navigator import NavigatorPanel
from annotator.ui.qt import QApplication

TARGET_MS = 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the documents")
    count = 10_000 if parser.parse_args().quick else 100_000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder, \
            Project.open(Path(folder) / "big.annotator", create=True, annotator="b") as big:
        big.import_records(DocumentRecord(id=f"n{i}", text=f"نص الخبر رقم {i}.",
                                          title=f"عنوان {i}") for i in range(count))
        started = time.perf_counter()
        everything = big.list_documents(0, count)
        baseline_ms = (time.perf_counter() - started) * 1000
        assert len(everything) == count
        started = time.perf_counter()
        panel = NavigatorPanel(big)
        panel.show()
        app.processEvents()
        assert panel.model.index(count - 1, 0).data(TitleRole) == f"عنوان {count - 1}"
        panel.select_document(count - 1000)
        navigator_ms = (time.perf_counter() - started) * 1000
        pages = panel.model.pages_loaded
        panel.detach()
        panel.close()
    print(json.dumps({"bench": "navigator", "documents": count,
                      "navigator_ms": round(navigator_ms, 1),
                      "baseline_read_all_ms": round(baseline_ms, 1),
                      "ratio_navigator_to_baseline": round(navigator_ms / baseline_ms, 2),
                      "pages_loaded": pages, "target_met": navigator_ms < TARGET_MS}))


if __name__ == "__main__":
    main()
