"""The wheel ships the built-in templates, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import ROOT

TEMPLATES = {"report.docx", "report.html", "report.css", "public.html", "public.css"}


def test_wheel_contains_templates_and_installed_copy_uses_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("lawgov_gen-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert {f"lawgov_gen/templates/{n}" for n in TEMPLATES} <= names
        static = {"page.js", "page.css", "chrome.css"}  # the preview page's own files
        assert {f"lawgov_gen/commands/preview/static/{n}" for n in static} <= names
        assert any(
            n.endswith("entry_points.txt") and b"lawgov-gen = lawgov_gen.cli:console" in z.read(n)
            for n in names
        )
        assert (
            z.read("lawgov_gen/templates/report.docx")
            == (ROOT / "lawgov_gen" / "templates" / "report.docx").read_bytes()
        )
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from lawgov_gen.render.templates import builtin_template_dir as d; print(d())",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    found = Path(out.stdout.strip())
    assert found == target / "lawgov_gen" / "templates"
    assert {p.name for p in found.iterdir()} >= TEMPLATES
