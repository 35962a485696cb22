"""Releases: the version is the git tag (also in a tarball, and something honest without
either); tools/release.py moves the changelog's entries and pins the README's recipes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tools.release import pin_readme, readme_pins, release_changelog, releases

CHANGELOG = """\
# Changelog

## Unreleased

### Added
- A thing.

## [0.1.0] - 2025-01-02

### Added
- The first thing.
"""


def test_release_moves_the_unreleased_entries_under_the_version() -> None:
    out = release_changelog(CHANGELOG, "0.2.0", dt.date(2026, 12, 7))
    assert out == CHANGELOG.replace("## Unreleased\n", "## Unreleased\n\n## [0.2.0] - 2026-12-07\n")
    assert releases(out) == ["0.2.0", "0.1.0"]
    for version, message in (
        ("0.1.0", "版本 0.1.0 不比上一个版本 0.1.0 新"),
        ("0.0.9", "版本 0.0.9 不比上一个版本 0.1.0 新"),
        ("v0.2", "版本号应为 X.Y.Z（如 0.2.0），现在是“v0.2”"),
    ):
        with pytest.raises(ValueError, match=re.escape(message)):
            release_changelog(CHANGELOG, version, dt.date(2026, 12, 7))
    with pytest.raises(ValueError, match="没有可发布的变更"):
        release_changelog(out, "0.3.0", dt.date(2026, 12, 8))


def test_release_pins_the_readme_recipes() -> None:
    readme = (
        "    rev: v0.1.0\n      - uses: someone/lawgov-gen@v0.1.0\n  uses: actions/checkout@v4\n"
    )
    assert pin_readme(readme, "0.2.0") == readme.replace("v0.1.0", "v0.2.0")
    assert readme_pins(pin_readme(readme, "0.2.0")) == {"0.2.0"}


def test_readme_recipes_name_the_latest_release() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    done = releases(changelog)
    assert done, "CHANGELOG.md has no release section"
    assert readme_pins(readme) == {done[0]}
    for text in (changelog, readme):
        assert not re.search(r"^(<<<<<<<|=======|>>>>>>>)( |$)", text, flags=re.M)


def _version(folder: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "hatchling", "version"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(shutil.which("git") is None, reason="没有安装 git")
def test_version_from_the_tag_a_tarball_and_neither(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "tag", "v9.8.7"], check=True)
    assert _version(clone) == "9.8.7"
    # a GitHub tarball is `git archive`: .git_archival.txt carries the tag
    archive = subprocess.run(
        ["git", "-C", str(clone), "archive", "v9.8.7"], capture_output=True, check=True
    ).stdout
    (tmp_path / "tarball").mkdir()
    subprocess.run(["tar", "x", "-C", str(tmp_path / "tarball")], input=archive, check=True)
    assert "describe-name: v9.8.7" in (tmp_path / "tarball" / ".git_archival.txt").read_text()
    assert _version(tmp_path / "tarball") == "9.8.7"
    # files copied without git: the install still works and says the version is unknown
    shutil.rmtree(clone / ".git")
    assert _version(clone) == "0.0+unknown"
