"""The files the page may load from disk: what the templates reference, by the PDF fetcher's
locked rule (render.pdf.allowed_file), made stricter for a server: no dot segment, no hidden
name, no symbolic link anywhere on the way, no folder, only stylesheets, images and fonts."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from lawgov_gen.render.pdf import allowed_file

ASSET_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".ttc": "font/collection",
    ".otc": "font/collection",
}


def _segments(raw: str) -> list[str] | None:
    """The decoded path segments, or None when any is empty, a dot segment, hidden, or holds
    a backslash or NUL (also when written %2e%2e, %2f or %5c)."""
    try:
        name = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return None
    parts = name.split("/")
    for part in parts:
        if not part or part.startswith(".") or "\\" in part or "\x00" in part:
            return None
    return parts


def unlinked(path: Path) -> Path | None:
    """`path` when no part of it is a symbolic link (its real path is itself)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return path if real == path else None


def template_asset(rest: str, roots: tuple[Path, ...]) -> tuple[Path, str] | None:
    """`/t/<folder index>/<name>` (given without /t/) → the file and its type, or None."""
    index, _, name = rest.partition("/")
    if not (index.isascii() and index.isdigit()) or int(index) >= len(roots):
        return None  # isdigit alone takes "²"
    parts = _segments(name)
    if parts is None:
        return None
    try:
        return _asset(roots[int(index)], parts)
    except (OSError, ValueError):  # a name too long for the file system, and the like
        return None


def _asset(root: Path, parts: list[str]) -> tuple[Path, str] | None:
    path = root.joinpath(*parts)
    kind = ASSET_TYPES.get(path.suffix.lower())
    if kind is None or unlinked(root) is None:
        return None
    found = allowed_file(path.as_uri(), (root,), ())
    if found is None or unlinked(path) != found:
        return None
    return found, kind


def font_asset(role: str, files: dict[str, Path]) -> tuple[Path, str] | None:
    """`/font/<role>`: the font file the data names for a role (report.fonts.files)."""
    path = files.get(role)
    if path is None:
        return None
    found = allowed_file(path.absolute().as_uri(), (), (path.resolve(),))
    if found is None:
        return None
    return found, ASSET_TYPES.get(found.suffix.lower(), "application/octet-stream")
