"""The desktop bundle's Linux integration (packaging/linux) and what `make dist` packs: the
desktop entry opens `.annotator` files, the file type matches the projects' suffix, and the
installer puts everything under the user's data folder. The bundle itself is built and started
by `make test-dist` (.ci/check-dist)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.cli import PROJECT_SUFFIX
from annotator.core.resources import APP_ICON, resource_path

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def mime_type() -> tuple[str, list[str]]:
    root = ElementTree.parse(LINUX / "annotator-mime.xml").getroot()
    node = root.find(f"{MIME_NS}mime-type")
    assert node is not None
    return node.attrib["type"], [g.attrib["pattern"] for g in node.iter(f"{MIME_NS}glob")]


def test_the_desktop_entry_opens_project_files() -> None:
    entry = desktop_entry(LINUX / "annotator.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "annotator %f"  # one file, as `annotator PROJECT` takes it
    assert entry["Icon"] == "annotator"
    kind, globs = mime_type()
    assert entry["MimeType"] == f"{kind};"
    assert globs == [f"*{PROJECT_SUFFIX}"]
    assert entry["GenericName[ar]"]  # shown in an Arabic desktop's menu
    # Registered main category first; additional ones need it (freedesktop menu spec).
    assert entry["Categories"].split(";")[0] in {"Office", "Education"}


def test_the_icon_ships_in_the_package() -> None:
    png = resource_path(APP_ICON).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert (resource_path(APP_ICON).parent / "annotator.svg").read_text().startswith("<svg")


def test_the_spec_packs_what_the_installer_reads() -> None:
    spec = (REPO / "packaging" / "pyinstaller" / "annotator.spec").read_text()
    for name in ("annotator.desktop", "annotator-mime.xml", "install.sh"):
        assert f'"{name}"' in spec
        assert (LINUX / name).is_file()
    assert "launch.py" in spec
    assert "test-dist" in (REPO / "Makefile").read_text().split("\ntest:")[1].splitlines()[0]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_install_writes_only_under_the_users_data_folder(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle with space" / "annotator"
    icons = bundle / "_internal" / "annotator" / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in ("annotator.svg", "annotator-256.png"):
        shutil.copy(resource_path(APP_ICON).parent / name, icons / name)
    (bundle / "annotator").write_text("#!/bin/sh\n")
    (bundle / "annotator").chmod(0o755)
    home = tmp_path / "home"
    tools = tmp_path / "bin"  # coreutils only, no xdg tools: the files alone
    tools.mkdir()
    for tool in ("dirname", "mkdir", "cp", "sed", "ln"):
        found = shutil.which(tool)
        assert found is not None, tool
        (tools / tool).symlink_to(found)
    env = {"PATH": str(tools), "HOME": str(home)}
    result = subprocess.run(["/bin/bash", str(LINUX / "install.sh"), str(bundle)], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    entry = desktop_entry(data / "applications" / "annotator.desktop")
    assert entry["Exec"] == f'"{bundle}/annotator" %f'
    assert entry["TryExec"] == f"{bundle}/annotator"
    assert (data / "mime" / "packages" / "annotator.xml").read_bytes() == (
        LINUX / "annotator-mime.xml").read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").is_file()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "annotator.png").is_file()
    assert os.readlink(home / ".local" / "bin" / "annotator") == str(bundle / "annotator")
    written = {p.relative_to(home).parts[:2] for p in home.rglob("*") if p.is_file()}
    assert written == {(".local", "share"), (".local", "bin")}
