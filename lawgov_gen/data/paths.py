"""The paths a data file names (include, previous, catalog, fonts.files): one rule for all,
and the names files are shown by in messages."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lawgov_gen.errors import printable

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def display_name(path: Path) -> str:
    """The name of a file in messages: relative to the current directory when inside it,
    as the user wrote it when given relative (../2023/a.yaml), else absolute."""
    try:  # the name as given first: a link is named as the link, not as its target
        name = str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except (ValueError, OSError):
        try:
            name = str(path.resolve().relative_to(Path.cwd().resolve()))
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop
            name = os.path.relpath(path) if not path.is_absolute() else str(path)
    return printable(name)


def real_path(path: Path) -> Path:
    """The file's real path; a symbolic link loop stays as written (reading it then says
    so, as the OS error ELOOP)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def resolve_reference(ref: str, base: Path) -> tuple[Path | None, str | None]:
    """Resolve a path named in a data file (include, previous, catalog, fonts.files).

    Relative to the naming file; symlinks are followed and the real path must stay in
    that file's folder or the current directory. Returns (path, None) or (None, reason).
    """
    if "\x00" in ref:
        return None, "中有空字符（\\x00）：请改成正常的文件名"
    if _URL.match(ref) or ref.startswith("//"):
        return None, "不能引用网址，只能引用本地文件"
    if Path(ref).is_absolute() or re.match(r"^[A-Za-z]:[\\/]", ref):
        return None, "不能用绝对路径：请写相对于本文件的路径"
    try:
        target = (base.parent / ref).resolve()
        allowed = [base.parent.resolve(), Path.cwd().resolve()]
    except (OSError, RuntimeError):
        return None, "路径无法解析（符号链接循环？）"
    if not any(target == root or root in target.parents for root in allowed):
        return None, "路径超出了本文件所在文件夹和当前目录"
    if target.is_dir():
        return None, "是一个文件夹，不是文件"
    if target.exists() and not target.is_file():
        return None, "不是普通文件（设备、管道等）"
    if not target.is_file():
        return None, "文件不存在"
    return target, None
