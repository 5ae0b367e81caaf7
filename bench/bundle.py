"""The desktop bundle (issue 17, part 3): its size, and the seconds from launch to a visible
window on a virtual screen, the bundle against the venv it was built from.

    make dist && python bench/bundle.py            # 5 warm rounds each
    python bench/bundle.py --quick                 # 2 rounds (no bundle: says how to build it)

Each round starts the program on a private Xvfb with a fresh HOME and times, from just before
the process starts to the moment xdotool finds its window visible, then closes it with Ctrl+Q.
The first round of the bundle is its **first start** in that home (it builds the sample
project from the corpus inside; with ``--drop-caches``, run as root, the page cache is dropped
before it: a cold start); the next are warm starts of the same project. The baseline in the
same run is ``.venv/bin/python -m annotator`` on the same project (warm). Prints ONE JSON line;
the figures are in docs/BENCHMARKS.md, "The desktop bundle".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _display() -> tuple[subprocess.Popen[bytes], str]:
    number = next(n for n in range(200, 260) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline:
            raise SystemExit("Xvfb did not start")
        time.sleep(0.05)
    return server, f":{number}"


def _start(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to a visible window; then Ctrl+Q and wait for a clean exit."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                            "annotator"], env=env, capture_output=True, text=True,
                           timeout=120, check=True)
    seconds = time.perf_counter() - started
    window = found.stdout.split()[0]
    time.sleep(1.5)  # the first document loads after the first paint
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=env, check=True)
    if process.wait(timeout=60) != 0:
        raise SystemExit(f"{command[0]} exited with status {process.returncode}")
    return seconds


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "annotator")
    parser.add_argument("--drop-caches", action="store_true",
                        help="drop the page cache before the first start (root only)")
    args = parser.parse_args()
    exe = args.bundle / "annotator"
    if not exe.exists():
        print(json.dumps({"bench": "bundle", "skipped": f"no bundle at {args.bundle}: "
                          "run `make dist` first"}))
        return
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        raise SystemExit("needs Xvfb and xdotool")
    rounds = 2 if args.quick else 5
    size, files = _size(args.bundle)
    server, display = _display()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
                   "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                   "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "ANNOTATOR_NAME": "bench"}
            cold = "page cache as the build left it"
            if args.drop_caches:
                try:
                    os.sync()
                    Path("/proc/sys/vm/drop_caches").write_text("3\n")
                    cold = "page cache dropped"
                except OSError as error:
                    cold = f"page cache could not be dropped ({error.strerror})"
            first = _start([str(exe), "open", "--sample"], env)
            project = home / "data" / "annotator" / "sample.annotator"
            bundle = [_start([str(exe), str(project)], env) for _ in range(rounds)]
            venv = [_start([sys.executable, "-m", "annotator", str(project)],
                           {**env, "PYTHONPATH": str(ROOT)}) for _ in range(rounds)]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps({
        "bench": "bundle", "rounds": rounds, "bundle_mb": round(size / 2**20, 1),
        "bundle_files": files, "first_start_s": round(first, 3), "first_start_cache": cold,
        "bundle_warm_median_s": round(statistics.median(bundle), 3),
        "venv_warm_median_s": round(statistics.median(venv), 3),
        "ratio_bundle_to_venv": round(statistics.median(bundle) / statistics.median(venv), 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }))


if __name__ == "__main__":
    main()
