"""Writing to the terminal: a closed or full stdout/stderr is an OutputProblem, never an
OSError traceback; and a one-line progress display drawn above the results."""

from __future__ import annotations

import io
import sys
from typing import TextIO

import click

from lawgov_gen.errors import OutputProblem, os_words, printable

INTERRUPTED = 130  # the exit status of a command stopped by Ctrl-C


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a line to stdout (or stderr); raise OutputProblem when it cannot be written."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:
        if err:
            return  # nowhere to complain: the exit status tells
        raise OutputProblem("标准输出已关闭，结果无法输出")
    text = printable(text)
    try:
        click.echo(text, file=stream, nl=nl)
    except BrokenPipeError:
        if err:
            return
        raise ReaderGone from None
    except OSError as exc:
        if err:
            return
        raise OutputProblem(f"无法写出到标准输出：{os_words(exc)}") from None


def say_made(text: str, made: object) -> None:
    """Print the outcome line of a command that has made a file: when stdout fails, the
    error says the file is there (a re-run must then be told --force)."""
    try:
        say(text)
    except OutputProblem as exc:
        raise OutputProblem(f"{exc.message}（{made} 已创建，如要重新生成请加 --force）") from None


class ClosedStdout(io.TextIOBase):
    """Stands for a stdout closed at start (`>&-`, where Python has None): whatever writes to
    it, `say` or click's --help and --version, fails as any other command's output does."""

    def write(self, text: str) -> int:
        if text:
            raise OutputProblem("标准输出已关闭，结果无法输出")
        return 0


class ReaderGone(OutputProblem):
    """The reader of stdout went away (`… | head`): stop quietly, as Unix tools do."""

    def __init__(self) -> None:
        super().__init__("输出管道已关闭")


class Progress:
    """`生成中 3/10` on a terminal's stderr, redrawn below each result line; silent elsewhere."""

    def __init__(self, total: int, label: str) -> None:
        self.total = total
        self.done = 0
        self.label = label
        stream = sys.stderr
        self.live = stream is not None and stream.isatty() and total > 1

    def _draw(self) -> None:
        if self.live:
            width = 20
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            say(f"\r{self.label} [{bar}] {self.done}/{self.total}", err=True, nl=False)

    def clear(self) -> None:
        if self.live:
            say("\r\033[K", err=True, nl=False)

    def start(self) -> None:
        self._draw()

    def step(self) -> None:
        self.done += 1
        self._draw()
