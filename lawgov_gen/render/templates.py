"""Where the built-in templates live: inside the package, read with importlib.resources."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def builtin_template_dir() -> Path:
    """The built-in templates folder (report.docx, report.html, report.css)."""
    return Path(str(files("lawgov_gen") / "templates"))
