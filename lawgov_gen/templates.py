"""Where the built-in templates live: inside the wheel, or the repository's templates/."""

from __future__ import annotations

from pathlib import Path


def builtin_template_dir() -> Path:
    """The built-in templates folder (packaged copy first, then the source checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    if packaged.is_dir():
        return packaged
    return here.parent / "templates"
