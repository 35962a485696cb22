"""Write outputs atomically and together: a failed run never leaves, replaces or
half-replaces a file. The .docx and .pdf of one report change together or not at all."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from lawgov_gen.errors import OutputProblem, os_words


def _temp_beside(path: Path, tag: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".{tag}.tmp", dir=path.parent)
    os.close(fd)
    return Path(name)


def replace_together(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (path, data) to a temporary file, then swap them all into place.

    If anything fails, every target keeps its previous content (or stays absent) and no
    temporary file is left behind, also when interrupted with Ctrl-C.
    """
    temps: list[tuple[Path, Path]] = []
    backups: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, data in outputs:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = _temp_beside(path, "new")
                temps.append((tmp, path))
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o644)
            except OSError as exc:
                raise OutputProblem(f"无法写入输出文件：{os_words(exc)}", path=path) from None
        # Move the old files aside first, so that every rename can be undone.
        for _, path in temps:
            if path.is_dir():
                raise OutputProblem("同名的文件夹已存在，无法写入", path=path)
            if path.exists():
                backup = _temp_beside(path, "old")
                try:
                    os.replace(path, backup)
                except OSError as exc:
                    backup.unlink(missing_ok=True)
                    raise OutputProblem(f"无法替换原有文件：{os_words(exc)}", path=path) from None
                backups.append((backup, path))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputProblem(f"无法写入输出文件：{os_words(exc)}", path=path) from None
            placed.append(path)
    except BaseException:
        _roll_back(temps, backups, placed)
        raise
    for backup, _ in backups:
        backup.unlink(missing_ok=True)


def _roll_back(
    temps: list[tuple[Path, Path]], backups: list[tuple[Path, Path]], placed: list[Path]
) -> None:
    for path in placed:
        path.unlink(missing_ok=True)
    for backup, path in backups:
        # on failure the backup stays beside it, named .<name>.*.old.tmp: better than nothing
        with contextlib.suppress(OSError):
            os.replace(backup, path)
    for tmp, _ in temps:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file atomically (see replace_together)."""
    replace_together([(path, data)])


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell as text; one that a spreadsheet would run as a formula gets a leading '."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV for Excel on Chinese Windows: a UTF-8 BOM first, formula-like cells escaped."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()
