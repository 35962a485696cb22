"""Write outputs atomically and together: a failed run never leaves, replaces or
half-replaces a file. The .docx and .pdf of one report change together or not at all."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
import signal
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lawgov_gen.errors import OutputProblem, os_words

# Ctrl-C, and the SIGTERM a parent sends its render workers
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, so a short step that must not be cut
    in two (the renames, the roll-back) completes; the signal is acted on right after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    held_before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    try:  # blocking inside the try: a stop acted on right after it still unblocks
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS - held_before)


def _name_beside(path: Path, tag: str) -> Path:
    # Named first, created after it is recorded: an interruption between the two steps
    # cannot leave a file nobody knows about.
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.{tag}.tmp")


def _write_new(path: Path, data: bytes, temps: list[tuple[Path, Path]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = _name_beside(path, "new")
        temps.append((tmp, path))
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            temps.pop()  # someone else's file: leave it, try another name
    with open(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o644)  # whatever the umask, as a copied file would be


def replace_together(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (path, data) to a temporary file, then swap them all into place.

    If anything fails, every target keeps its previous content (or stays absent) and no
    temporary file is left behind, also when interrupted with Ctrl-C or SIGTERM at any
    point: the slow writes stay interruptible, the renames are held together.
    """
    temps: list[tuple[Path, Path]] = []
    backups: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, data in outputs:
            try:
                _write_new(path, data, temps)
            except OSError as exc:
                raise OutputProblem(f"无法写入输出文件：{os_words(exc)}", path=path) from None
        with _signals_held():
            try:
                _swap_in(temps, backups, placed)
            except BaseException:
                _roll_back(temps, backups, placed)
                raise
    except BaseException:
        # A stop held during the swap is acted on when the block ends, after the commit:
        # the lists are empty by then, and this undoes nothing.
        with _signals_held():
            _roll_back(temps, backups, placed)
        raise


def _swap_in(
    temps: list[tuple[Path, Path]], backups: list[tuple[Path, Path]], placed: list[Path]
) -> None:
    # Move the old files aside first, so that every rename can be undone.
    for _, path in temps:
        if path.is_dir():
            raise OutputProblem("同名的文件夹已存在，无法写入", path=path)
        if path.exists():
            _move_aside(path, backups, "无法替换原有文件")
    for tmp, path in temps:
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputProblem(f"无法写入输出文件：{os_words(exc)}", path=path) from None
        placed.append(path)
    for backup, _ in backups:  # committed: a backup that will not go is only litter
        with contextlib.suppress(OSError):
            backup.unlink()
    _forget(temps, backups, placed)


def _move_aside(path: Path, backups: list[tuple[Path, Path]], cannot: str) -> None:
    backup = _name_beside(path, "old")
    try:
        os.replace(path, backup)
    except OSError as exc:
        raise OutputProblem(f"{cannot}：{os_words(exc)}", path=path) from None
    backups.append((backup, path))


def _roll_back(
    temps: list[tuple[Path, Path]], backups: list[tuple[Path, Path]], placed: list[Path]
) -> None:
    # Best effort, and never in the way of the error that called it: a name recorded
    # before its file was made gives EROFS, not ENOENT, on a read-only disk.
    for path in placed:
        with contextlib.suppress(OSError):
            path.unlink()
    for backup, path in backups:
        # on failure the backup stays beside it, named .<name>.*.old.tmp: better than nothing
        with contextlib.suppress(OSError):
            os.replace(backup, path)
    for tmp, _ in temps:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _forget(temps, backups, placed)


def _forget(*steps: list[tuple[Path, Path]] | list[Path]) -> None:
    # settled, one way or the other: a second roll-back must find nothing to undo
    for step in steps:
        step.clear()


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
