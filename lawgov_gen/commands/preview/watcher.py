"""Watching files by polling: a file's signature is its modification time, size and inode
(an editor that saves by renaming a new file over the old one changes the inode)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

Signature = tuple[int, int, int] | None
INTERVAL = 0.1  # seconds between polls
SETTLE = 0.02  # a save in progress: wait until two looks agree


def signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def signatures(paths: Iterable[Path]) -> dict[Path, Signature]:
    return {p: signature(p) for p in paths}


# file times are coarse (the kernel's tick): a save just after a build began can carry
# a time just before it
_COARSE_NS = 20_000_000


def signatures_since(paths: Iterable[Path], started_ns: int) -> dict[Path, Signature]:
    """The signatures of the files a build read, with those saved since it began (or
    too close to tell) left unknown, so that the first poll looks at them again."""
    out = signatures(paths)
    for path, sig in out.items():
        if sig is not None and sig[0] >= started_ns - _COARSE_NS:
            out[path] = None
    return out


def settled(
    paths: Iterable[Path],
    first: dict[Path, Signature],
    before: dict[Path, Signature] | None = None,
) -> dict[Path, Signature]:
    """The signatures once they stop changing (an editor may write a file in several steps).

    A file that this save emptied is taken as a save under way (truncated, not yet written:
    a busy machine can pause an editor between the two), so it gets the whole half second
    to fill; a file that was empty `before` (a .gitkeep) holds nothing back.
    """
    paths = list(paths)
    before = before or {}
    now = first
    for _ in range(25):
        time.sleep(SETTLE)
        again = signatures(paths)
        emptied = any(
            sig is not None and sig[1] == 0 and before.get(p) != sig for p, sig in again.items()
        )
        if again == now and not emptied:
            break
        now = again
    return now


def watch(
    files: Callable[[], tuple[Path, ...]],
    changed: Callable[[], None],
    stop: threading.Event,
    interval: float = INTERVAL,
    seen: dict[Path, Signature] | None = None,
) -> None:
    """Call `changed` after any of `files()` is saved, created or deleted, until `stop`.

    The signatures are taken before `changed` runs, so a save during a build is seen by the
    next poll; files that `changed` adds to the list are looked at again if saved since it
    began (`seen`, from the first build, likewise).
    """
    seen = signatures(files()) if seen is None else seen
    while not stop.wait(interval):
        paths = files()
        now = signatures(paths)
        if now == seen:
            continue
        now = settled(paths, now, seen)
        started = time.time_ns()
        changed()
        added = [p for p in files() if p not in now]
        seen = {**{p: now[p] for p in files() if p in now}, **signatures_since(added, started)}
