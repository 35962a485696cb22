"""A stop signal at any line of the output writer leaves the old pair or the new pair,
whole, and no temporary file: the signal is really raised (not an injected exception),
so the writer's own signal handling is what is tested."""

from __future__ import annotations

import dis
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from lawgov_gen import output
from lawgov_gen.output import replace_together

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "pthread_sigmask"), reason="没有 pthread_sigmask（非 POSIX 系统）"
)

_WRITER = output.__file__
_NOP = dis.opmap["NOP"]
_NEW = {"a.docx": b"new docx", "a.pdf": b"new pdf"}
_OLD = {"a.docx": b"old docx", "a.pdf": b"old pdf"}


class _Stop(BaseException):
    """What the SIGTERM handler of a render worker raises (there: SystemExit)."""


@pytest.fixture(params=["SIGINT", "SIGTERM"])
def stop_signal(request: pytest.FixtureRequest) -> Iterator[signal.Signals]:
    sig = signal.Signals[request.param]

    def _raise(_: int, __: FrameType | None) -> None:
        raise _Stop

    # Ctrl-C as Python answers it, whatever an earlier test left installed
    handler: Callable[[int, FrameType | None], None] = (
        signal.default_int_handler if sig == signal.SIGINT else _raise
    )
    previous = signal.signal(sig, handler)
    try:
        yield sig
    finally:
        signal.signal(sig, previous)


def _signal_at_line(count: int, sig: signal.Signals) -> Callable[..., Any]:
    """A tracer that raises `sig` at the count-th line run inside output.py.

    A signal is acted on only at an instruction that can raise, never at the NOP that a
    `try:` line compiles to (outside every handler's range), so a NOP line passes it on.
    """
    seen = 0
    fired = False

    def trace(frame: FrameType, event: str, _: object) -> Callable[..., Any] | None:
        nonlocal seen, fired
        if frame.f_code.co_filename != _WRITER:
            return None
        if event == "line":
            seen += 1
            at_nop = frame.f_code.co_code[frame.f_lasti] == _NOP
            if seen >= count and not fired and not at_nop:
                fired = True
                signal.raise_signal(sig)
        return trace

    return trace


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _each_line(
    tmp_path: Path,
    before: dict[str, bytes],
    write: Callable[[Path], None],
    stop_signal: signal.Signals,
) -> Iterator[tuple[int, dict[str, bytes]]]:
    """Run `write` into a fresh folder holding `before`, once with the signal raised at
    each line of the writer in turn, until a run goes through; yield (line, files after)."""
    line = 0
    while True:
        line += 1
        folder = tmp_path / str(line)
        folder.mkdir()
        for name, data in before.items():
            (folder / name).write_bytes(data)
        stopped = False
        sys.settrace(_signal_at_line(line, stop_signal))
        try:
            write(folder)
        except (KeyboardInterrupt, _Stop):
            stopped = True
        finally:
            sys.settrace(None)
        assert stop_signal not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
        yield line, _state(folder)
        if not stopped:  # the writer has fewer lines than `line`: every line was tried
            return


@pytest.mark.parametrize("before", [_OLD, {}], ids=["replacing", "new"])
def test_a_signal_at_any_line_leaves_one_whole_pair(
    tmp_path: Path, before: dict[str, bytes], stop_signal: signal.Signals
) -> None:
    def write(folder: Path) -> None:
        replace_together([(folder / name, data) for name, data in _NEW.items()])

    outcomes: dict[str, int] = {"old": 0, "new": 0}
    for line, state in _each_line(tmp_path, before, write, stop_signal):
        assert state in (before, _NEW), f"第 {line} 行中断后：{sorted(state)}"
        outcomes["old" if state == before else "new"] += 1
    assert line > 30
    assert outcomes["old"] > 10 and outcomes["new"] >= 2
